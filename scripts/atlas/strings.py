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
        # --- atlas (generator: overview, model pages, snippets) ---
        "atlas.title": "모델 아틀라스",
        "atlas.intro": "`keras.applications`의 모든 모델({count}개)을 `weights=None`으로 실제로 빌드해 기록한 표입니다. 최상위 분류기(top)를 포함한 모델과 뺀 기반 모델(base model)의 파라미터(parameter) 수, 특징(feature) 차원, 입력 크기, 전처리(preprocessing) 방식을 비교합니다. 열 제목을 누르면 정렬됩니다.",
        "atlas.depth_note": "깊이는 두 가지로 셉니다. **전체 층**은 입력 층을 포함한 모든 층(layer)의 수이고, **가중치 층**은 파라미터를 가진 층의 수입니다. 둘 다 최상위 분류기를 포함한 모델 기준입니다.",
        "atlas.col.model": "모델",
        "atlas.col.family": "계열",
        "atlas.col.params_top": "파라미터(top 포함)",
        "atlas.col.params_base": "파라미터(top 제외)",
        "atlas.col.non_trainable": "학습 불가 파라미터(top 제외)",
        "atlas.col.feature_dim": "특징 차원",
        "atlas.col.default_size": "기본 입력",
        "atlas.col.min_size": "최소 입력",
        "atlas.col.preprocessing": "전처리",
        "atlas.col.depth_all": "깊이(전체 층)",
        "atlas.col.depth_weighted": "깊이(가중치 층)",
        "atlas.col.batch_norm": "배치 정규화 층",
        "atlas.col.variant": "변형",
        "atlas.col.output": "출력 모양",
        "atlas.col.size_mb": "크기(MB, float32)",
        "atlas.col.input": "입력",
        "atlas.col.item": "항목",
        "atlas.col.value": "값",
        "atlas.col.setup": "학습 설정",
        "atlas.col.call": "호출",
        "atlas.col.keras_says": "Keras의 반응(원문)",
        "atlas.col.keras_version": "Keras 버전",
        "atlas.prep.caffe": "caffe (BGR, ImageNet 평균 빼기)",
        "atlas.prep.tf": "tf ([-1, 1]로 조정)",
        "atlas.prep.torch": "torch ([0, 1] 후 ImageNet 평균·표준편차)",
        "atlas.prep.model": "모델 안에서 처리",
        "atlas.size.min": "{size}×{size} (최소)",
        "atlas.size.default": "{size}×{size} (기본)",
        "atlas.size.large": "{size}×{size} (큰 입력)",
        "atlas.gotchas.title": "함정: Keras가 말해 주는 것과 말해 주지 않는 것",
        "atlas.gotchas.intro": "잘못되었거나 헷갈리는 호출을 실제로 실행해 설치된 Keras가 내는 메시지를 그대로 옮겼습니다. 가중치를 내려받기 전에 끝나는 호출만 실행합니다.",
        "atlas.gotcha.same_as_baseline": "예외 없음. 만들어진 모델이 `{baseline}`와 층·출력 모양·파라미터까지 똑같습니다(출력 {shape}, 파라미터 {params}개, 비교 대상 {baseline_params}개). 인자가 조용히 무시됩니다.",
        "atlas.gotcha.differs_from_baseline": "예외 없음. 만들어진 모델이 `{baseline}`와 다릅니다. 출력 {shape}, 파라미터 {params}개로, 비교 대상의 파라미터 {baseline_params}개와 다른 신경망입니다.",
        "atlas.gotcha.accepted": "예외 없음(출력 {shape}, 파라미터 {params}개).",
        "atlas.gotcha.reaches_download": "가중치를 내려받는 단계까지 예외가 없습니다. 이 사이트는 내려받지 않으므로 그 뒤의 반응은 기록하지 않았습니다.",
        "atlas.model.summary": "요약",
        "atlas.model.family": "계열",
        "atlas.model.constructor": "생성자",
        "atlas.model.feature_dim": "특징 차원(pooling='avg' 또는 'max')",
        "atlas.model.variants": "변형",
        "atlas.model.variants_intro": "같은 생성자를 인자만 바꿔 부른 결과입니다. 입력 크기는 따로 적지 않으면 기본 크기입니다.",
        "atlas.model.removed": "include_top=False가 제거하는 것",
        "atlas.model.removed_intro": "`include_top=False`로 부르면 아래 {count}개 층, 파라미터 {params}개가 빠집니다(전체의 {percent}).",
        "atlas.model.added": "반대로 최상위 분류기를 포함한 모델에는 없고 기반 모델에만 있는 층도 있습니다: {layers}(파라미터 {params}개). `include_top=False`이면 Keras가 이 층을 마지막에 덧붙입니다.",
        "atlas.model.shapes": "pooling과 입력 크기에 따른 출력 모양",
        "atlas.model.shapes_intro": "파라미터 수는 입력 크기와 상관없이 같지만 특징 맵(feature map)의 크기는 입력을 따라 바뀝니다. `pooling='avg'`와 `'max'`는 공간 차원을 없애 입력 크기와 상관없이 같은 길이의 벡터를 냅니다.",
        "atlas.model.base_layers": "기반 모델의 층",
        "atlas.model.base_layers_intro": "`include_top=False, pooling=None`인 기반 모델의 층 {count}개입니다. 다른 변형은 아래에서 이 표와 다른 부분만 보여 줍니다.",
        "atlas.model.layers_details": "층 표 펼치기 ({count}개 층)",
        "atlas.model.tails": "변형별로 달라지는 끝부분",
        "atlas.model.tail_intro": "기반 모델과 같은 앞부분 {same}개 층은 생략했습니다. 다른 층 {count}개:",
        "atlas.model.tail_all": "첫 층부터 기반 모델과 다르므로(학습 여부 포함) 층 {count}개를 모두 보여 줍니다.",
        "atlas.model.code": "Keras 코드",
        "atlas.model.code_intro": "각 변형을 만드는 코드입니다. 이 사이트는 `weights=None`으로 빌드하지만 실제로 쓸 때는 `weights='imagenet'`으로 사전 학습된 가중치를 받습니다.",
        "atlas.variant.top": "top (include_top=True)",
        "atlas.variant.base": "base (include_top=False)",
        "atlas.variant.base_avg": "base_avg (pooling='avg')",
        "atlas.variant.base_max": "base_max (pooling='max')",
        "atlas.variant.seed_head": "seed_head (원글의 헤드)",
        "atlas.variant.seed_head_frozen": "seed_head_frozen (기반 모델 동결)",
        "atlas.variant.seed_head_last_block": "seed_head_last_block (마지막 블록만 학습)",
        "atlas.seed.training_intro": "원글의 헤드(head)를 붙인 VGG16을 세 가지로 학습할 때 학습 가능한 파라미터 수입니다.",
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
        # --- atlas (generator: overview, model pages, snippets) ---
        "atlas.title": "Model atlas",
        "atlas.intro": "Every model in `keras.applications` ({count} of them), actually built with `weights=None` and recorded. Compare parameter counts with and without the top, the feature dimension, input sizes and preprocessing. Click a column header to sort.",
        "atlas.depth_note": "Depth is counted two ways: **all layers** counts every layer including the input layer; **weighted layers** counts layers that hold parameters. Both are for the model with its top.",
        "atlas.col.model": "Model",
        "atlas.col.family": "Family",
        "atlas.col.params_top": "Params (with top)",
        "atlas.col.params_base": "Params (without top)",
        "atlas.col.non_trainable": "Non-trainable (without top)",
        "atlas.col.feature_dim": "Feature dim",
        "atlas.col.default_size": "Default input",
        "atlas.col.min_size": "Min input",
        "atlas.col.preprocessing": "Preprocessing",
        "atlas.col.depth_all": "Depth (all layers)",
        "atlas.col.depth_weighted": "Depth (weighted layers)",
        "atlas.col.batch_norm": "BatchNorm layers",
        "atlas.col.variant": "Variant",
        "atlas.col.output": "Output shape",
        "atlas.col.size_mb": "Size (MB, float32)",
        "atlas.col.input": "Input",
        "atlas.col.item": "Item",
        "atlas.col.value": "Value",
        "atlas.col.setup": "Training setup",
        "atlas.col.call": "Call",
        "atlas.col.keras_says": "What Keras says (verbatim)",
        "atlas.col.keras_version": "Keras version",
        "atlas.prep.caffe": "caffe (BGR, ImageNet mean subtracted)",
        "atlas.prep.tf": "tf (scaled to [-1, 1])",
        "atlas.prep.torch": "torch ([0, 1], then ImageNet mean/std)",
        "atlas.prep.model": "inside the model",
        "atlas.size.min": "{size}×{size} (minimum)",
        "atlas.size.default": "{size}×{size} (default)",
        "atlas.size.large": "{size}×{size} (large)",
        "atlas.gotchas.title": "Gotchas: what Keras tells you and what it does not",
        "atlas.gotchas.intro": "Invalid or surprising calls, actually run, with the message the installed Keras gives, verbatim. Only calls that end before any weight download are run.",
        "atlas.gotcha.same_as_baseline": "No exception. The model is identical to `{baseline}`: same layers, output shape and parameters (output {shape}, {params} params; baseline {baseline_params}). The argument is silently ignored.",
        "atlas.gotcha.differs_from_baseline": "No exception. The model differs from `{baseline}`: output {shape} and {params} params, against {baseline_params} params for the baseline: a different network.",
        "atlas.gotcha.accepted": "No exception (output {shape}, {params} params).",
        "atlas.gotcha.reaches_download": "No exception before the weight download. This site never downloads weights, so what happens after it is not recorded.",
        "atlas.model.summary": "Summary",
        "atlas.model.family": "Family",
        "atlas.model.constructor": "Constructor",
        "atlas.model.feature_dim": "Feature dimension (pooling='avg' or 'max')",
        "atlas.model.variants": "Variants",
        "atlas.model.variants_intro": "The same constructor called with different arguments. The input size is the default unless stated.",
        "atlas.model.removed": "What include_top=False removes",
        "atlas.model.removed_intro": "Calling with `include_top=False` drops these {count} layers and {params} parameters ({percent} of the total).",
        "atlas.model.added": "Conversely, the base model has layers the model with its top lacks: {layers} ({params} params). With `include_top=False`, Keras appends them at the end.",
        "atlas.model.shapes": "Output shapes by pooling and input size",
        "atlas.model.shapes_intro": "The parameter count does not depend on the input size, but the feature map does. `pooling='avg'` and `'max'` remove the spatial dimensions, so the vector has the same length whatever the input size.",
        "atlas.model.base_layers": "Layers of the base model",
        "atlas.model.base_layers_intro": "The {count} layers of the base model (`include_top=False, pooling=None`). The other variants below show only where they differ from this table.",
        "atlas.model.layers_details": "Show the layer table ({count} layers)",
        "atlas.model.tails": "Where each variant differs",
        "atlas.model.tail_intro": "The first {same} layers are the same as the base model's and are left out. The {count} layers that differ:",
        "atlas.model.tail_all": "This variant differs from the base model from the first layer on (trainable flags included), so all {count} layers are shown.",
        "atlas.model.code": "Keras code",
        "atlas.model.code_intro": "The code that builds each variant. This site builds with `weights=None`; in real use you pass `weights='imagenet'` to get pretrained weights.",
        "atlas.variant.top": "top (include_top=True)",
        "atlas.variant.base": "base (include_top=False)",
        "atlas.variant.base_avg": "base_avg (pooling='avg')",
        "atlas.variant.base_max": "base_max (pooling='max')",
        "atlas.variant.seed_head": "seed_head (the original post's head)",
        "atlas.variant.seed_head_frozen": "seed_head_frozen (base frozen)",
        "atlas.variant.seed_head_last_block": "seed_head_last_block (only the last block trains)",
        "atlas.seed.training_intro": "Trainable parameters of VGG16 with the original post's head, in three training setups.",
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
