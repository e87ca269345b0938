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
        # --- svg: diagrams (scripts/atlas/render_svg.py) ---
        "svg.cut": "include_top=False는 여기서 자릅니다",
        "svg.cut_output": "기반 모델의 출력 {shape}",
        "svg.col.block": "블록 · 층",
        "svg.col.contents": "구성",
        "svg.col.shape": "출력 모양",
        "svg.col.params": "파라미터",
        "svg.section.base": "기반 모델(base model): include_top=False가 돌려주는 부분",
        "svg.section.top": "최상위 분류기(top): include_top=True일 때만 붙습니다",
        "svg.section.head": "직접 붙인 헤드(head)",
        "svg.layers.one": "1층",
        "svg.layers.many": "{n}층",
        "svg.repeat": "×{n}",
        "svg.input": "입력 {shape}",
        "svg.params": "{n} 파라미터",
        "svg.base_only": "include_top=False일 때만 있는 층",
        "svg.sum.full": "include_top=True: {params} 파라미터, {layers}층",
        "svg.sum.base": "include_top=False: {params} 파라미터, {layers}층",
        "svg.sum.top": "최상위 분류기의 층: {params} 파라미터, {layers}층",
        "svg.sum.train": "전체 {total} · 학습 가능 {trainable} · 학습 불가 {non_trainable}",
        "svg.non_trainable": "학습 불가 {n}",
        "svg.legend.base": "기반 모델(base model)",
        "svg.legend.head": "헤드(head)",
        "svg.legend.trainable": "학습합니다",
        "svg.legend.frozen": "동결(frozen): 학습하지 않습니다",
        "svg.legend.partly": "일부만 학습합니다",
        "svg.legend.none": "파라미터 없음",
        "svg.legend.bn": "배치 정규화(batch normalization)의 이동 평균·분산: 늘 학습 불가",
        "svg.status.trainable": "학습",
        "svg.status.frozen": "동결",
        "svg.status.partly": "일부 학습",
        "svg.no_pooling": "풀링 층 없음: 특성 맵이 그대로 나옵니다",
        "svg.output": "출력 {shape}",
        "svg.ends_here": "include_top=False: 여기서 끝납니다",
        "svg.model.title": "{model}: include_top=False가 자르는 위치",
        "svg.model.desc": "{model}의 기반 모델은 {base_layers}층, {base_params} 파라미터이고 출력은 {shape}입니다. include_top=True가 더하는 최상위 분류기는 {top_names} ({top_params} 파라미터)입니다.",
        "svg.pooling.title": "VGG16의 pooling 인자: None, 'avg', 'max'",
        "svg.pooling.desc": "pooling=None이면 출력이 {none}이고, 'avg'와 'max'는 전역 풀링 층을 더해 {avg}와 {max}로 줄입니다. 파라미터는 {params}로 같습니다.",
        "svg.top_vs_base.title": "VGG16: include_top=True와 include_top=False",
        "svg.top_vs_base.desc": "include_top=True는 {full} 파라미터, include_top=False는 {base} 파라미터입니다. 차이 {top}은 최상위 분류기 {top_names}에 있습니다.",
        "svg.seed_head.title": "VGG16 기반 모델에 붙인 헤드: (Dense-BN-ReLU) ×2 + softmax",
        "svg.seed_head.desc": "기반 모델(pooling='max', 출력 {shape}) 위에 헤드 {head_names}를 붙입니다. 전체 {total} 파라미터 중 배치 정규화의 이동 평균·분산 {non_trainable}개는 학습하지 않습니다.",
        "svg.train_frozen.title": "학습 설정: 기반 모델 전체를 동결합니다",
        "svg.train_last_block.title": "학습 설정: 마지막 블록({block})만 풀어 줍니다",
        "svg.train_all.title": "학습 설정: 모든 층을 학습합니다",
        "svg.train.desc": "전체 {total} 파라미터 중 {trainable}개를 학습하고 {non_trainable}개는 학습하지 않습니다.",
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
        # --- svg: diagrams (scripts/atlas/render_svg.py) ---
        "svg.cut": "include_top=False cuts here",
        "svg.cut_output": "base output {shape}",
        "svg.col.block": "Block · layer",
        "svg.col.contents": "Contents",
        "svg.col.shape": "Output shape",
        "svg.col.params": "Params",
        "svg.section.base": "Headless base: what include_top=False returns",
        "svg.section.top": "The top: added only by include_top=True",
        "svg.section.head": "Custom head",
        "svg.layers.one": "1 layer",
        "svg.layers.many": "{n} layers",
        "svg.repeat": "×{n}",
        "svg.input": "Input {shape}",
        "svg.params": "{n} params",
        "svg.base_only": "Only in include_top=False",
        "svg.sum.full": "include_top=True: {params} params, {layers} layers",
        "svg.sum.base": "include_top=False: {params} params, {layers} layers",
        "svg.sum.top": "The top's layers: {params} params, {layers} layers",
        "svg.sum.train": "Total {total} · trainable {trainable} · non-trainable {non_trainable}",
        "svg.non_trainable": "{n} non-trainable",
        "svg.legend.base": "headless base",
        "svg.legend.head": "head",
        "svg.legend.trainable": "trainable",
        "svg.legend.frozen": "frozen: not trained",
        "svg.legend.partly": "partly trainable",
        "svg.legend.none": "no parameters",
        "svg.legend.bn": "batch normalization's moving mean and variance: never trained",
        "svg.status.trainable": "trains",
        "svg.status.frozen": "frozen",
        "svg.status.partly": "partly",
        "svg.no_pooling": "no pooling layer: the feature map comes out as is",
        "svg.output": "Output {shape}",
        "svg.ends_here": "include_top=False: the model ends here",
        "svg.model.title": "{model}: where include_top=False cuts",
        "svg.model.desc": "{model}'s headless base has {base_layers} layers and {base_params} parameters and outputs {shape}. The top that include_top=True adds is {top_names} ({top_params} parameters).",
        "svg.pooling.title": "VGG16's pooling argument: None, 'avg', 'max'",
        "svg.pooling.desc": "With pooling=None the output is {none}; 'avg' and 'max' add a global pooling layer that reduces it to {avg} and {max}. The parameters stay at {params}.",
        "svg.top_vs_base.title": "VGG16: include_top=True and include_top=False",
        "svg.top_vs_base.desc": "include_top=True has {full} parameters, include_top=False has {base}. The difference, {top}, sits in the top: {top_names}.",
        "svg.seed_head.title": "A head on the VGG16 base: (Dense-BN-ReLU) ×2 + softmax",
        "svg.seed_head.desc": "The head {head_names} sits on the base (pooling='max', output {shape}). Of {total} parameters, the {non_trainable} moving means and variances of batch normalization are never trained.",
        "svg.train_frozen.title": "Training setup: the whole base frozen",
        "svg.train_last_block.title": "Training setup: only the last block ({block}) unfrozen",
        "svg.train_all.title": "Training setup: every layer trainable",
        "svg.train.desc": "Of {total} parameters, {trainable} are trained and {non_trainable} are not.",
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
