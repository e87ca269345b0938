# %% [markdown]
# # include_top이란 무엇인가
#
# `keras.applications`의 모델을 불러올 때 가장 먼저 정하는 인자(argument)가 `include_top`입니다.
# 이 인자는 ImageNet 분류용으로 만들어진 마지막 층(layer)들, 곧 최상위 분류기(top)를 모델에 붙일지 정합니다.
# 이 글은 이 사이트의 출발점이 된 블로그 글(원글)의 VGG16 비교를 다시 실행하고, 그 차이가 어디서 나오는지 층 단위로 따라갑니다.
#
# 이 노트북의 코드는 모두 `weights=None`으로 실행합니다. 사전 학습(pretraining)된 가중치(weights)를
# 내려받지 않아도 모델의 구조와 파라미터(parameter) 수는 똑같기 때문입니다.

# %% [markdown]
# ## 두 모델의 파라미터 수
#
# 같은 VGG16을 `include_top=True`와 `include_top=False`로 한 번씩 만들어 파라미터 수를 셉니다.

# %%
import keras

full = keras.applications.VGG16(weights=None, include_top=True)
base = keras.applications.VGG16(weights=None, include_top=False, input_shape=(224, 224, 3))

print(f"include_top=True : {full.count_params():>12,}")
print(f"include_top=False: {base.count_params():>12,}")
print(f"difference       : {full.count_params() - base.count_params():>12,}")

# %% [markdown]
# 원글의 숫자와 같습니다. 최상위 분류기가 있는 VGG16은 {{ VGG16/top: totals.total }}개,
# 없는 VGG16은 {{ VGG16/base: totals.total }}개입니다. 차이인 {{ VGG16/top: removed_by_headless.params }}개가
# 최상위 분류기의 몫이고, 이는 모델 전체의
# {{ VGG16/top: removed_by_headless.params | percent_of VGG16/top: totals.total }} %입니다.
# 이미지를 읽어 내는 일은 거의 다 합성곱 층(convolutional layer)이 하는데도,
# 파라미터는 대부분 끝의 분류기에 몰려 있습니다.

# %% [markdown]
# ## 최상위 분류기의 네 층
#
# `include_top=False`가 떼어 내는 층은 기반 모델(base model)의 마지막 층 `block5_pool` 뒤에 붙은 네 개입니다.
#
# {{ figure: vgg16-top-vs-base }}

# %%
for layer in full.layers[len(base.layers):]:
    print(f"{layer.name:12} {type(layer).__name__:8} {str(layer.output.shape):14} {layer.count_params():>12,}")

# %% [markdown]
# 각 층의 파라미터 수는 입력 길이 × 출력 길이에 편향(출력 길이만큼)을 더한 값입니다.
#
# | 층 | 출력 모양(output shape) | 계산 | 파라미터 |
# | --- | --- | --- | --- |
# | `flatten` | {{ VGG16/top: layers[flatten].output_shape }} | `block5_pool`의 출력({{ VGG16/base: output_shape | shape }})을 한 줄로 폅니다 | {{ VGG16/top: layers[flatten].params }} |
# | `fc1` | {{ VGG16/top: layers[fc1].output_shape }} | {{ VGG16/top: layers[flatten].output_shape[1] }} × {{ VGG16/top: layers[fc1].output_shape[1] }} + {{ VGG16/top: layers[fc1].output_shape[1] }} | {{ VGG16/top: layers[fc1].params }} |
# | `fc2` | {{ VGG16/top: layers[fc2].output_shape }} | {{ VGG16/top: layers[fc1].output_shape[1] }} × {{ VGG16/top: layers[fc2].output_shape[1] }} + {{ VGG16/top: layers[fc2].output_shape[1] }} | {{ VGG16/top: layers[fc2].params }} |
# | `predictions` | {{ VGG16/top: layers[predictions].output_shape }} | {{ VGG16/top: layers[fc2].output_shape[1] }} × {{ VGG16/top: layers[predictions].output_shape[1] }} + {{ VGG16/top: layers[predictions].output_shape[1] }} | {{ VGG16/top: layers[predictions].params }} |
#
# `fc1` 한 층만으로 모델 전체 파라미터의
# {{ VGG16/top: layers[fc1].params | percent_of VGG16/top: totals.total }} %를 차지합니다.
# `predictions`의 출력 {{ VGG16/top: layers[predictions].output_shape[1] }}은 ImageNet의 클래스 수입니다.
# 내 데이터의 클래스가 세 개라면 이 층은 그대로 쓸 수 없습니다. 그래서 보통 최상위 분류기를 떼고
# 새 헤드(head)를 붙입니다([헤드 쌓기](../03-head/)).

# %% [markdown]
# ## 입력 크기가 고정되는 이유
#
# `flatten`의 출력 길이는 마지막 특성 맵(feature map)의 높이 × 너비 × 채널입니다. 입력이 224×224이면
# `block5_pool`의 출력은 {{ VGG16/base: output_shape | shape }}이고, `fc1`의 가중치 행렬은 정확히 이 길이의 입력을 받도록 만들어집니다.
# 입력 크기를 바꾸면 어떻게 되는지 직접 확인합니다.

# %%
for size in (160, 224):
    model = keras.applications.VGG16(weights=None, include_top=True, input_shape=(size, size, 3))
    flatten, fc1 = model.get_layer("flatten"), model.get_layer("fc1")
    print(f"{size}x{size}: flatten {str(flatten.output.shape):14} fc1 params {fc1.count_params():>12,}")

# %% [markdown]
# `weights=None`이면 160×160으로도 만들어지지만, `fc1`의 파라미터 수가 달라집니다. ImageNet으로 학습된
# `fc1` 가중치는 224×224 입력에서 나온 길이에만 맞으므로, `weights='imagenet'`과 `include_top=True`를 함께 쓰면
# Keras는 224×224×3 이외의 입력을 거부합니다. 실제 오류 메시지는 [자주 빠지는 함정](../gotchas/)에 있습니다.
#
# 최상위 분류기를 떼면 사정이 다릅니다. 합성곱 층의 파라미터 수는 커널 크기(3×3) × 입력 채널 × 출력 채널 + 편향이라서
# 이미지의 높이와 너비가 들어가지 않습니다. 입력 크기를 바꾸면 특성 맵의 크기만 달라집니다.

# %%
for size in (32, 224, 448):
    model = keras.applications.VGG16(weights=None, include_top=False, input_shape=(size, size, 3))
    print(f"{size:>3}x{size:<3} -> {str(model.output.shape):20} params {model.count_params():,}")

# %% [markdown]
# 기록된 결과도 같습니다. 입력이 {{ VGG16/base: feature_maps[0].input_shape | shape }}이면 특성 맵은
# {{ VGG16/base: feature_maps[0].output_shape | shape }}, {{ VGG16/base: feature_maps[1].input_shape | shape }}이면
# {{ VGG16/base: feature_maps[1].output_shape | shape }}, {{ VGG16/base: feature_maps[2].input_shape | shape }}이면
# {{ VGG16/base: feature_maps[2].output_shape | shape }}이고, 파라미터는 언제나 {{ VGG16/base: totals.total }}개입니다.
# VGG16이 받는 가장 작은 입력은 {{ VGG16/base: min_size | plain }}×{{ VGG16/base: min_size | plain }}입니다.
# 풀링(pooling) 층을 지날 때마다 높이와 너비가 절반이 되고, 그런 층이 다섯 개 있기 때문입니다.
#
# 기반 모델의 기본 입력 모양은 `(None, None, 3)`이라서 크기를 정하지 않고 만들 수도 있습니다.
# 특성 맵의 높이와 너비를 없애 벡터 하나로 줄이는 방법은 [pooling 글](../02-pooling/)에서 다룹니다.

# %% [markdown]
# ## classes와 classifier_activation
#
# 최상위 분류기를 붙인 채로 클래스 수만 바꿀 수도 있습니다. `classes`는 `predictions`의 출력 길이를,
# `classifier_activation`은 그 층의 활성화 함수를 정합니다.

# %%
model = keras.applications.VGG16(weights=None, include_top=True, classes=3, classifier_activation="softmax")
predictions = model.get_layer("predictions")
print(predictions.output.shape, f"{predictions.count_params():,}", predictions.activation.__name__)

# %% [markdown]
# 다만 이것은 `weights=None`일 때만 쓸모가 있습니다. ImageNet 가중치를 불러오려면 모델이 ImageNet으로
# 학습했을 때와 똑같아야 하므로, `weights='imagenet'`과 `include_top=True`를 함께 쓰면 다음 조건이 붙습니다.
#
# - 입력은 224×224×3입니다(VGG16 기준. 모델마다 기본 크기는 [모델 아틀라스](../../atlas/vgg16/)에 있습니다).
# - `classes`는 {{ VGG16/top: layers[predictions].output_shape[1] | plain }}이어야 합니다.
# - `classifier_activation`은 `None`이나 `'softmax'`만 됩니다.
#
# 아래 코드는 가중치를 내려받아야 하므로 이 사이트에서는 실행하지 않습니다.
#
# ```python
# # 내려받기 필요: ImageNet 가중치(float32로 {{ VGG16/top: totals.size_mb }} MB)
# model = keras.applications.VGG16(weights="imagenet")  # include_top=True, 224×224×3, classes={{ VGG16/top: layers[predictions].output_shape[1] | plain }}
# ```

# %% [markdown]
# ## 원글의 요약과 다른 점
#
# 원글의 `model.summary()` 출력은 Keras 2 형식입니다. Keras 3은 표를 상자 선으로 그리고,
# 입력 층의 출력 모양을 `[(None, 224, 224, 3)]`처럼 리스트로 감싸지 않으며, 끝의 파라미터 합계 옆에 메모리 크기도 적습니다.
# 숫자는 같습니다. 원글처럼 `pooling='max'`를 준 기반 모델의 요약을 보겠습니다.

# %%
model = keras.applications.VGG16(weights=None, include_top=False, pooling="max", input_shape=(224, 224, 3))
model.summary()

# %% [markdown]
# 전체 {{ VGG16/base_max: totals.total }}개로 원글의 첫 요약과 같습니다. 입력 층 이름에 붙은 번호는 바로 아래에서 설명합니다.
#
# 원글에 보이는 `input_8`, `global_max_pooling2d_3`, `batch_normalization_1` 같은 이름의 번호는 층 종류마다 따로 세는
# 전역 이름 카운터에서 나옵니다. 노트북에서 모델을 여러 번 만들면 숫자가 계속 커지고,
# `keras.backend.clear_session()`을 부르면 처음부터 다시 셉니다. 이름이 달라도 구조와 파라미터는 같습니다.

# %%
print(keras.layers.Dense(2).name, keras.layers.Dense(2).name)
keras.backend.clear_session()
print(keras.layers.Dense(2).name)

# %% [markdown]
# ## 정리
#
# - `include_top=True`는 `flatten`, `fc1`, `fc2`, `predictions` 네 층을 붙이고, VGG16에서는 이 네 층이
#   파라미터의 {{ VGG16/top: removed_by_headless.params | percent_of VGG16/top: totals.total }} %를 차지합니다.
# - `Flatten` 위의 완전 연결 층(fully connected layer)이 입력 크기를 고정합니다. 기반 모델은 특성 맵만 바뀔 뿐 어떤 크기든 받습니다.
# - ImageNet 가중치를 최상위 분류기와 함께 쓰려면 입력, 클래스 수, 활성화 함수가 원래 그대로여야 합니다.
#
# 다음 글: [pooling: None, avg, max](../02-pooling/)
