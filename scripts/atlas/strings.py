"""Every UI string the generators emit, per language, in one keyed table.

Renderers call ``t(lang, key, **fields)``; a test asserts both languages carry the
same keys and the same ``{fields}``. Korean follows docs/glossary terms and 합니다체.
"""

from __future__ import annotations

import string

LANGUAGES = ("ko", "en")

STRINGS: dict[str, dict[str, str]] = {
    "ko": {
        "banner": "이 파일은 생성된 파일입니다. 직접 고치지 말고 `{command}`로 다시 만드십시오.",
        "generated_with": "Keras {keras}, TensorFlow {tensorflow}로 생성했습니다.",
        "col.layer": "층(layer)",
        "col.type": "종류",
        "col.output_shape": "출력 모양",
        "col.params": "파라미터",
        "col.trainable": "학습 여부",
        "yes": "예",
        "no": "아니요",
        "totals.total": "전체 파라미터",
        "totals.trainable": "학습 가능 파라미터",
        "totals.non_trainable": "학습 불가 파라미터",
        # --- tut. (tutorials: notebooks and glossary) ---
        "tut.links": ("[노트북 내려받기]({download}) · [Colab에서 열기]({colab})\n\n"
                      "이 노트북의 출력은 `make generate`가 실제로 실행한 결과입니다. "
                      "가중치(weights)는 내려받지 않습니다(`weights=None`)."),
        "tut.glossary.title": "용어집",
        "tut.glossary.intro": ("이 사이트의 한국어 글은 아래 용어를 한 가지로만 씁니다. "
                               "각 쪽에서 용어를 처음 쓸 때는 `한글(English)` 꼴로 적고, "
                               "'피할 표기'에 있는 말은 쓰지 않습니다. 테스트가 이를 검사합니다."),
        "tut.glossary.col.ko": "한국어",
        "tut.glossary.col.en": "English",
        "tut.glossary.col.avoid": "피할 표기",
        "tut.glossary.col.note": "설명",
    },
    "en": {
        "banner": "This file is generated. Do not edit it by hand; regenerate it with `{command}`.",
        "generated_with": "Generated with Keras {keras} and TensorFlow {tensorflow}.",
        "col.layer": "Layer",
        "col.type": "Type",
        "col.output_shape": "Output shape",
        "col.params": "Params",
        "col.trainable": "Trainable",
        "yes": "yes",
        "no": "no",
        "totals.total": "Total params",
        "totals.trainable": "Trainable params",
        "totals.non_trainable": "Non-trainable params",
        # --- tut. (tutorials: notebooks and glossary) ---
        "tut.links": ("[Download the notebook]({download}) · [Open in Colab]({colab})\n\n"
                      "The outputs below come from really running this notebook with "
                      "`make generate`. No weights are downloaded (`weights=None`)."),
        "tut.glossary.title": "Glossary",
        "tut.glossary.intro": ("The Korean pages of this site use exactly one word for each term "
                               "below. A page writes a term as `한글(English)` the first time it "
                               "uses it and never uses the variants listed under 'avoid'. "
                               "A test checks both rules."),
        "tut.glossary.col.ko": "Korean",
        "tut.glossary.col.en": "English",
        "tut.glossary.col.avoid": "Avoid (Korean)",
        "tut.glossary.col.note": "Note",
    },
}


class MissingStringError(KeyError):
    def __str__(self) -> str:
        lang, key = self.args
        return f"no UI string {key!r} for language {lang!r}: add it to scripts/atlas/strings.py"


def t(lang: str, key: str, **fields: object) -> str:
    try:
        template = STRINGS[lang][key]
    except KeyError:
        raise MissingStringError(lang, key) from None
    return template.format(**fields) if fields else template


def fields_of(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def number(n: int) -> str:
    """Thousands separators, the same in both languages: 14,714,688."""
    return f"{n:,}"
