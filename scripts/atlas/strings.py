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
