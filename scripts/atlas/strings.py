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
        # --- exp.: the freeze-vs-fine-tune experiment (scripts/atlas/experiment) ---
        "exp.title": "실험: 언제 동결이 미세 조정보다 나은가",
        "exp.intro": "이 사이트의 출발점이 된 블로그 글은 세 가지 조언으로 끝납니다. 데이터가 ImageNet과 비슷하면 기반 모델을 동결(freezing)하고 헤드만 학습하는 전이 학습(transfer learning)이 효과적이고, 데이터가 완전히 다르면 모든 층을 학습해야 하며, 데이터가 부족하면 동결해 두는 편이 결과가 좋다는 것입니다. 이 페이지는 그 조언을 되풀이하지 않고 직접 시험합니다. 아래의 숫자, 표, 그림, 판정은 모두 `{record}`에 저장된 실험 기록에서 코드로 계산한 것입니다.",
        "exp.h.summary": "핵심 결과",
        "exp.summary.best": "{similarity}, 클래스당 {size}장: 평균이 가장 높은 전략은 ‘{strategy}’({mean}%)입니다.",
        "exp.summary.upto": "{similarity}: 클래스당 {size}장 이하의 모든 크기에서 ‘{a}’의 평균이 ‘{b}’ 이상입니다.",
        "exp.summary.upto_all": "{similarity}: 모든 크기에서 ‘{a}’의 평균이 ‘{b}’ 이상입니다.",
        "exp.summary.upto_none": "{similarity}: 가장 작은 크기(클래스당 {size}장)에서도 ‘{b}’의 평균이 ‘{a}’보다 높습니다.",
        "exp.summary.permutation": "픽셀을 섞으면 클래스당 {size}장에서 ‘{frozen}’의 정확도는 {frozen_before}%에서 {frozen_after}%로, ‘{scratch}’의 정확도는 {scratch_before}%에서 {scratch_after}%로 바뀝니다.",
        "exp.h.setup": "실험 설정",
        "exp.setup.data": "데이터: scikit-learn에 들어 있는 `load_digits`(8×8 흑백 숫자 이미지 {images}장)를 씁니다. 내려받을 것이 없어 오프라인에서도 그대로 재현됩니다.",
        "exp.setup.source": "원천 과제(source task): 숫자 0–4를 분류합니다. 사전 학습에 {train}장을 쓰고, {holdout}장은 사전 학습된 기반 모델을 확인하는 데만 씁니다. 이 확인용 이미지에서 기반 모델의 정확도는 시드에 따라 {low}–{high}%입니다.",
        "exp.setup.target": "대상 과제(target task): 숫자 5–9를 0–4로 다시 붙인 레이블로 분류합니다. 클래스마다 {per_class}장씩 모두 {pool}장이 학습 후보이고, 나머지 {test}장은 고정된 시험 세트(test set)입니다. 시험 세트는 학습에도 모델 선택에도 쓰지 않습니다. 조기 종료 없이 정해진 횟수만큼만 학습합니다.",
        "exp.setup.dissimilar": "비슷하지 않은 대상: 같은 대상 이미지의 픽셀 {pixels}개를 시드로 고정한 하나의 순서로 뒤섞습니다. 사람 눈에는 잡음처럼 보이고, 동결된 합성곱 층(convolutional layer)이 기대는 공간 구조가 사라집니다.",
        "exp.setup.network": "네트워크: 합성곱 블록 {blocks}개(`block1`부터 `{last}`까지, 필터 수 {filters})를 쌓고 평탄화한 뒤 새 헤드(Dense {classes}개, softmax)를 붙입니다. 각 블록은 합성곱 층, 배치 정규화(batch normalization), ReLU로 이루어지고 마지막 블록을 뺀 나머지는 최대 풀링으로 끝납니다.",
        "exp.setup.strategies": "전략 네 가지를 비교합니다. 어느 전략이든 업데이트 횟수는 모두 {steps}회(배치 크기 {batch}, Adam)입니다.",
        "exp.strategy.scratch.desc": "같은 구조를 무작위로 초기화하고(`weights=None`에 해당) 모든 층을 학습률 {lr_scratch}로 {steps}회 학습합니다.",
        "exp.strategy.frozen.desc": "특성 추출(feature extraction) 방식입니다. 사전 학습된 기반 모델을 동결하고(`base.trainable = False`, `training=False`로 호출) 새 헤드만 학습률 {lr_head}로 {head}회, 다시 컴파일한 뒤 {tune}회 더 학습합니다.",
        "exp.strategy.last_block.desc": "동결 상태에서 헤드를 {head}회 학습한 뒤 마지막 블록(`{last}`)만 풀고 다시 컴파일해 학습률 {lr_tune}로 {tune}회 학습합니다.",
        "exp.strategy.finetune.desc": "동결 상태에서 헤드를 {head}회 학습한 뒤 기반 모델 전체를 풀고 다시 컴파일해 낮은 학습률 {lr_tune}로 {tune}회 학습합니다.",
        "exp.setup.bn": "미세 조정 중에도 배치 정규화 층은 추론 모드로 둡니다. Keras 3의 `fit`은 함수형 모델 안에서 `base(x, training=False)`로 기록한 호출에도 `training=True`를 넘기기 때문에(keras-team/keras#20285), 이 실험은 배치 정규화 층의 `trainable`도 `False`로 둡니다. 그러면 호출 인자와 상관없이 이동 평균과 분산을 그대로 씁니다.",
        "exp.setup.sizes": "대상 데이터 크기: 클래스당 {sizes}장(전체 {totals}장). 같은 시드 안에서는 작은 부분집합이 큰 부분집합에 포함됩니다.",
        "exp.setup.seeds": "시드 {count}개({seeds})마다 부분집합, 초깃값, 배치 순서가 달라집니다. 사전 학습은 시드마다 한 번만 하고 모든 칸에서 다시 씁니다.",
        "exp.setup.determinism": "`keras.utils.set_random_seed`, `tf.config.experimental.enable_op_determinism()`, 프로세스마다 스레드 1개로 실행하므로 다시 실행해도 같은 숫자가 나옵니다.",
        "exp.setup.versions": "Keras {keras}, TensorFlow {tensorflow}, NumPy {numpy}, scikit-learn {sklearn}로 실행했습니다.",
        "exp.h.results": "결과",
        "exp.results.plot_alt": "대상 데이터 크기에 따른 전략별 시험 정확도",
        "exp.results.caption": "가로축은 클래스당 학습 예제 수(로그 눈금), 세로축은 시험 정확도(%)입니다. 점은 시드 {count}개의 평균이고 막대는 표본 표준편차입니다. 전략끼리 겹치지 않도록 점을 가로로 조금씩 옮겨 그렸습니다.",
        "exp.results.table": "각 칸은 시험 정확도(%)의 평균 ± 표본 표준편차입니다. 행마다 평균이 가장 높은 칸을 굵게 표시했습니다.",
        "exp.col.size": "클래스당 (전체)",
        "exp.col.diff": "차이(%p)",
        "exp.col.wins": "‘{a}’ 쪽이 나은 시드",
        "exp.h.claims": "블로그 글의 조언과 비교",
        "exp.claims.intro": "조언 하나하나를 짝지은 비교로 바꿨습니다. 같은 시드, 같은 부분집합에서 두 전략의 시험 정답 수를 비교해, 시드 {count}개 모두에서 한쪽이 앞설 때만 분명한 차이로 셉니다(부호 검정으로 한쪽 p = 1/{p}). 나머지는 엇갈림입니다. 여기서 ‘비슷한 데이터’는 원천 과제와 같은 종류의 이미지(숫자)를 뜻하고, 첫 번째 조언의 ‘효과적’은 ‘같은 네트워크를 처음부터 학습하는 것보다 낫다’로 읽습니다.",
        "exp.claim.similar_frozen.h": "비슷한 데이터에는 동결한 전이 학습",
        "exp.claim.similar_frozen.quote": "데이터가 imagenet과 유사할때는 transfer learning과 효과적이나 …",
        "exp.claim.dissimilar_all.h": "완전히 다른 데이터에는 모든 층 학습",
        "exp.claim.dissimilar_all.quote": "데이터가 완전히 다를때는 trainable를 True로해서 모든 레이어를 학습시켜야 한다.",
        "exp.claim.scarce_frozen.h": "데이터가 부족하면 동결",
        "exp.claim.scarce_frozen.quote": "데이터가 부족할 때는 trainable을 false로 놓는게 결과가 잘나온다.",
        "exp.claim.test": "비교: {similarity}, ‘{a}’ 대 ‘{b}’, 클래스당 {sizes}장.",
        "exp.verdict.agrees": "판정: 기록은 이 조언과 **일치합니다**. 비교한 모든 크기에서 모든 시드가 ‘{a}’ 쪽이 낫습니다.",
        "exp.verdict.partly": "판정: 기록은 이 조언을 **일부만 뒷받침합니다**. ‘{a}’ 쪽이 모든 시드에서 나은 크기가 있지만 모든 크기에서 그렇지는 않습니다.",
        "exp.verdict.disagrees": "판정: 기록은 이 조언과 **어긋납니다**. ‘{a}’ 쪽이 모든 시드에서 나은 크기는 없고, ‘{b}’ 쪽이 모든 시드에서 나은 크기가 있습니다.",
        "exp.verdict.unclear": "판정: 기록으로는 **가릴 수 없습니다**. 어느 크기에서도 한쪽이 모든 시드에서 앞서지 않습니다.",
        "exp.verdict.detail": "모든 시드에서 ‘{a}’ 쪽이 나은 크기: {sizes_a}. 모든 시드에서 ‘{b}’ 쪽이 나은 크기: {sizes_b}. 엇갈린 크기: {sizes_mixed}.",
        "exp.none": "없음",
        "exp.summary.claim": "조언 ‘{claim}’ — {similarity}: {verdict}.",
        "exp.verdict.short.agrees": "기록과 일치합니다",
        "exp.verdict.short.partly": "일부 크기에서만 뒷받침됩니다",
        "exp.verdict.short.disagrees": "기록과 어긋납니다",
        "exp.verdict.short.unclear": "기록으로는 가릴 수 없습니다",
        "exp.h.limits": "한계",
        "exp.limit.images": "이미지가 아주 작습니다. 8×8 흑백 숫자 {images}장뿐이며, ImageNet 규모의 사진이나 사전 학습 가중치로는 시험하지 않았습니다.",
        "exp.limit.network": "네트워크가 작고(합성곱 블록 {blocks}개) 원천 과제도 하나(숫자 0–4, 클래스 {classes}개)뿐입니다. ImageNet의 1,000개 클래스로 배운 특성보다 훨씬 덜 일반적인 특성입니다.",
        "exp.limit.same_source": "원천과 대상이 같은 데이터 세트에서 나왔습니다. 픽셀을 섞은 대상도 픽셀 값의 분포는 그대로입니다.",
        "exp.limit.easy": "숫자 분류는 쉬운 과제입니다. 작은 네트워크도 적은 예제로 처음부터 잘 배우므로 사전 학습된 특성이 보탤 여지가 작습니다. 사진과 ImageNet 가중치에서는 결과가 다를 수 있습니다.",
        "exp.limit.budget": "학습 횟수와 학습률은 고정값이며 전략마다 따로 조정하지 않았습니다. 다른 값에서는 순위가 바뀔 수 있습니다.",
        "exp.limit.seeds": "시드는 {count}개이고 시험 세트는 하나({test}장)입니다. 분명한 차이의 기준은 일관된 차이만 잡아냅니다.",
        "exp.h.reproduce": "다시 실행하기",
        "exp.reproduce.cache": "`{command}` 명령은 캐시 키(그리드 설정, 학습 코드, 라이브러리 버전, 기록 스키마의 해시)가 바뀌었을 때만 그리드를 다시 실행합니다. 키가 같으면 저장된 기록을 그대로 쓰고 TensorFlow를 불러오지도 않습니다. 걸리는 시간은 `{benchmark}`(또는 `make benchmark-experiment`)로 잴 수 있습니다.",
        "exp.reproduce.real": "네트워크와 GPU가 있다면 같은 학습 코드(`atlas.experiment.train`)에 ImageNet 가중치를 쓰는 `keras.applications` 모델과 클래스별 하위 폴더가 있는 이미지 폴더(`keras.utils.image_dataset_from_directory`로 읽음)를 넣을 수 있습니다. 이 경로는 테스트에서 `weights=None`과 직접 만든 작은 PNG 폴더로만 확인하며 CI에서 실제 가중치를 내려받지는 않습니다.",
        "exp.strategy.scratch": "처음부터 학습",
        "exp.strategy.frozen": "동결",
        "exp.strategy.last_block": "마지막 블록 미세 조정",
        "exp.strategy.finetune": "전체 미세 조정",
        "exp.similarity.similar": "비슷한 대상(그대로)",
        "exp.similarity.dissimilar": "다른 대상(픽셀 섞음)",
        "exp.plot.x": "클래스당 학습 예제 수",
        "exp.plot.y": "시험 정확도(%)",
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
        # --- exp.: the freeze-vs-fine-tune experiment (scripts/atlas/experiment) ---
        "exp.title": "Experiment: when does freezing beat fine-tuning?",
        "exp.intro": "The blog post this site grew from ends with three pieces of advice: with data similar to ImageNet, transfer learning with a frozen base and a trained head works; with completely different data, train every layer; with scarce data, keeping the base frozen gives better results. This page tests that advice instead of repeating it. Every number, table, plot and verdict below is computed by code from the experiment record in `{record}`.",
        "exp.h.summary": "Key results",
        "exp.summary.best": "{similarity}, {size} per class: the best mean is ‘{strategy}’ ({mean}%).",
        "exp.summary.upto": "{similarity}: at every size up to {size} per class, ‘{a}’ has a mean at least as high as ‘{b}’.",
        "exp.summary.upto_all": "{similarity}: at every size, ‘{a}’ has a mean at least as high as ‘{b}’.",
        "exp.summary.upto_none": "{similarity}: already at the smallest size ({size} per class), ‘{b}’ has a higher mean than ‘{a}’.",
        "exp.summary.permutation": "Permuting the pixels changes, at {size} per class, ‘{frozen}’ from {frozen_before}% to {frozen_after}% and ‘{scratch}’ from {scratch_before}% to {scratch_after}%.",
        "exp.h.setup": "Setup",
        "exp.setup.data": "Data: scikit-learn's bundled `load_digits` ({images} greyscale 8×8 digit images). Nothing is downloaded, so the experiment reproduces offline.",
        "exp.setup.source": "Source task: classify digits 0–4. Pretraining uses {train} images; {holdout} more are kept only to check the pretrained base, which reaches {low}–{high}% on them depending on the seed.",
        "exp.setup.target": "Target task: classify digits 5–9, relabelled 0–4. {per_class} images per class ({pool} in all) form the training pool; the remaining {test} are a fixed test set. The test set is used neither for training nor for model selection: every run trains a fixed number of steps, without early stopping.",
        "exp.setup.dissimilar": "Dissimilar target: the same target images with their {pixels} pixels shuffled by one fixed, seeded permutation. To a person they look like noise, and the spatial structure that frozen convolutional layers rely on is gone.",
        "exp.setup.network": "Network: {blocks} convolutional blocks (`block1` to `{last}`, with {filters} filters), flattened, then a new head (Dense {classes}, softmax). Each block is a convolutional layer, batch normalization and ReLU; every block but the last ends with max pooling.",
        "exp.setup.strategies": "Four strategies are compared. Every strategy gets the same number of updates: {steps} (batch size {batch}, Adam).",
        "exp.strategy.scratch.desc": "the same architecture, randomly initialised (the `weights=None` equivalent); every layer trains {steps} steps at learning rate {lr_scratch}.",
        "exp.strategy.frozen.desc": "feature extraction: the pretrained base is frozen (`base.trainable = False`, called with `training=False`) and only the new head trains, {head} steps at learning rate {lr_head}, then {tune} more after recompiling.",
        "exp.strategy.last_block.desc": "the head trains {head} steps on the frozen base; then only the last block (`{last}`) is unfrozen, the model recompiled, and {tune} steps run at learning rate {lr_tune}.",
        "exp.strategy.finetune.desc": "the head trains {head} steps on the frozen base; then the whole base is unfrozen, the model recompiled, and {tune} steps run at the low learning rate {lr_tune}.",
        "exp.setup.bn": "Batch normalization stays in inference mode during fine-tuning. Keras 3's `fit` passes `training=True` even into a call recorded as `base(x, training=False)` inside a functional model (keras-team/keras#20285), so this experiment also sets the batch normalization layers' `trainable` to `False`, which makes them use their moving mean and variance whatever they are called with.",
        "exp.setup.sizes": "Target data sizes: {sizes} per class ({totals} in all). Within a seed, each smaller subset is part of every larger one.",
        "exp.setup.seeds": "Each of the {count} seeds ({seeds}) changes the subsets, the initial weights and the batch order. Pretraining runs once per seed and is reused by every cell.",
        "exp.setup.determinism": "Runs use `keras.utils.set_random_seed`, `tf.config.experimental.enable_op_determinism()` and one thread per process, so running again gives the same numbers.",
        "exp.setup.versions": "Run with Keras {keras}, TensorFlow {tensorflow}, NumPy {numpy} and scikit-learn {sklearn}.",
        "exp.h.results": "Results",
        "exp.results.plot_alt": "Test accuracy against target data size, per strategy",
        "exp.results.caption": "Horizontal axis: training examples per class (log scale); vertical axis: test accuracy (%). Points are the mean over {count} seeds, bars the sample standard deviation. Strategies are shifted sideways a little so they do not overlap.",
        "exp.results.table": "Each cell is the test accuracy (%) as mean ± sample standard deviation. The best mean in each row is in bold.",
        "exp.col.size": "Per class (total)",
        "exp.col.diff": "Difference (pp)",
        "exp.col.wins": "Seeds where ‘{a}’ is better",
        "exp.h.claims": "The blog post's advice, checked",
        "exp.claims.intro": "Each piece of advice becomes a paired comparison: the two strategies' correct test answers on the same seed and the same subset. A difference counts as clear only when one side is ahead in all {count} seeds (a one-sided sign test, p = 1/{p}); anything else is mixed. Here ‘similar data’ means images of the same kind as the source task (digits), and the first piece of advice's ‘effective’ is read as ‘better than training the same network from scratch’.",
        "exp.claim.similar_frozen.h": "Similar data: frozen transfer learning",
        "exp.claim.similar_frozen.quote": "When the data is similar to ImageNet, transfer learning is effective.",
        "exp.claim.dissimilar_all.h": "Completely different data: train every layer",
        "exp.claim.dissimilar_all.quote": "When the data is completely different, set trainable to True and train every layer.",
        "exp.claim.scarce_frozen.h": "Scarce data: keep it frozen",
        "exp.claim.scarce_frozen.quote": "When data is scarce, setting trainable to False gives better results.",
        "exp.claim.test": "Compared: {similarity}, ‘{a}’ against ‘{b}’, at {sizes} per class.",
        "exp.verdict.agrees": "Verdict: the records **agree** with this advice. At every size compared, ‘{a}’ is better in every seed.",
        "exp.verdict.partly": "Verdict: the records **partly support** this advice. ‘{a}’ is better in every seed at some sizes, but not at all of them.",
        "exp.verdict.disagrees": "Verdict: the records **contradict** this advice. ‘{a}’ is better in every seed at no size, and ‘{b}’ is at some.",
        "exp.verdict.unclear": "Verdict: the records **cannot tell**. At no size is one side ahead in every seed.",
        "exp.verdict.detail": "Sizes where ‘{a}’ is better in every seed: {sizes_a}. Sizes where ‘{b}’ is better in every seed: {sizes_b}. Mixed: {sizes_mixed}.",
        "exp.none": "none",
        "exp.summary.claim": "Advice ‘{claim}’ — {similarity}: {verdict}.",
        "exp.verdict.short.agrees": "the records agree",
        "exp.verdict.short.partly": "supported at some sizes only",
        "exp.verdict.short.disagrees": "the records contradict it",
        "exp.verdict.short.unclear": "the records cannot tell",
        "exp.h.limits": "Limits",
        "exp.limit.images": "The images are tiny: {images} greyscale 8×8 digits. Nothing here was tested on ImageNet-sized photos or with ImageNet weights.",
        "exp.limit.network": "The network is small ({blocks} convolutional blocks) and there is one source task (digits 0–4, {classes} classes), whose features are far less general than those learned from ImageNet's 1,000 classes.",
        "exp.limit.same_source": "Source and target come from the same data set; even the permuted target keeps the distribution of pixel values.",
        "exp.limit.easy": "Digits are an easy task: a small network learns them well from few examples, even from scratch, which leaves pretrained features little to add. With photographs and ImageNet weights the outcome can differ.",
        "exp.limit.budget": "Step counts and learning rates are fixed, not tuned per strategy; other values may change the ranking.",
        "exp.limit.seeds": "There are {count} seeds and one test set ({test} images); the clear-difference rule only detects consistent differences.",
        "exp.h.reproduce": "Run it yourself",
        "exp.reproduce.cache": "`{command}` reruns the grid only when the cache key changes (a hash of the grid spec, the training code, the library versions and the record schema). With the same key it reuses the committed record without even importing TensorFlow. Time it with `{benchmark}` (or `make benchmark-experiment`).",
        "exp.reproduce.real": "With a network and a GPU, the same training code (`atlas.experiment.train`) takes a `keras.applications` model with ImageNet weights and an image folder with one sub-folder per class (read with `keras.utils.image_dataset_from_directory`). The tests check this path only with `weights=None` and a small folder of generated PNGs; CI never downloads real weights.",
        "exp.strategy.scratch": "from scratch",
        "exp.strategy.frozen": "frozen",
        "exp.strategy.last_block": "last block fine-tuned",
        "exp.strategy.finetune": "all fine-tuned",
        "exp.similarity.similar": "Similar target (as is)",
        "exp.similarity.dissimilar": "Dissimilar target (pixels permuted)",
        "exp.plot.x": "training examples per class",
        "exp.plot.y": "test accuracy (%)",
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
