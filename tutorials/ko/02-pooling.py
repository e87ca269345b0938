# %% [markdown]
# # pooling: None, avg, max
#
# 최상위 분류기(top)를 뗀 기반 모델(base model)의 출력은 높이 × 너비 × 채널 모양의 특성 맵(feature map)입니다.
# `pooling` 인자(argument)는 이 특성 맵을 그대로 둘지, 채널마다 값 하나로 줄일지 정합니다.
# 이 글은 세 가지 값의 출력 모양(output shape)을 비교하고, 원글처럼 `include_top=True`와 함께 쓰면
# `pooling`이 아무 말 없이 무시된다는 것을 직접 실행해 보여 줍니다.

# %% [markdown]
# ## 세 가지 출력 모양
#
# {{ figure: vgg16-pooling }}

# %%
import keras
import numpy as np

for pooling in (None, "avg", "max"):
    model = keras.applications.VGG16(weights=None, include_top=False, pooling=pooling, input_shape=(224, 224, 3))
    last = model.layers[-1]
    print(f"pooling={pooling!r:6} -> {str(model.output.shape):18} {type(last).__name__:24} {model.count_params():,}")

# %% [markdown]
# | `pooling` | 마지막 층(layer) | 출력 모양 | 파라미터(parameter) |
# | --- | --- | --- | --- |
# | `None` | `{{ VGG16/base: layers[-1].name }}` ({{ VGG16/base: layers[-1].type }}) | {{ VGG16/base: output_shape }} | {{ VGG16/base: totals.total }} |
# | `'avg'` | `{{ VGG16/base_avg: layers[-1].name }}` ({{ VGG16/base_avg: layers[-1].type }}) | {{ VGG16/base_avg: output_shape }} | {{ VGG16/base_avg: totals.total }} |
# | `'max'` | `{{ VGG16/base_max: layers[-1].name }}` ({{ VGG16/base_max: layers[-1].type }}) | {{ VGG16/base_max: output_shape }} | {{ VGG16/base_max: totals.total }} |
#
# `'avg'`와 `'max'`는 기반 모델 끝에 전역 풀링(global pooling) 층을 하나 더 붙입니다. 이 층에는 가중치(weights)가
# 없으므로 파라미터 수는 셋 다 같고, 달라지는 것은 출력뿐입니다. {{ VGG16/base: output_shape | shape }}
# 특성 맵이 채널마다 값 하나씩, 길이 {{ VGG16/base_avg: feature_dim }}의 벡터가 됩니다.

# %% [markdown]
# ## avg와 max가 하는 계산
#
# 작은 특성 맵으로 두 층의 계산을 직접 확인합니다. 높이 2, 너비 2, 채널 3인 입력입니다.

# %%
feature_map = np.arange(12, dtype="float32").reshape(1, 2, 2, 3)
print(feature_map[0, :, :, 0], feature_map[0, :, :, 1], feature_map[0, :, :, 2], sep="\n")
print("avg:", keras.ops.convert_to_numpy(keras.layers.GlobalAveragePooling2D()(feature_map)))
print("max:", keras.ops.convert_to_numpy(keras.layers.GlobalMaxPooling2D()(feature_map)))

# %% [markdown]
# 채널마다 네 값의 평균이나 최댓값 하나만 남습니다. 특성이 어디에 나타났는지는 사라지고, 평균적으로 얼마나(avg),
# 가장 강할 때 얼마나(max) 나타났는지만 남습니다.
#
# 전역 풀링 뒤의 출력 길이는 입력 크기와 무관합니다. 그래서 `pooling='avg'`나 `'max'`를 쓰면 입력 크기가 달라도
# 같은 헤드(head)를 붙일 수 있습니다. `Flatten`을 쓰는 최상위 분류기와 다른 점입니다([include_top 글](../01-include-top/)).

# %%
for size in (96, 224, 320):
    model = keras.applications.VGG16(weights=None, include_top=False, pooling="avg", input_shape=(size, size, 3))
    print(f"{size}x{size} -> {model.output.shape}")

# %% [markdown]
# ## 언제 무엇을 쓸까
#
# | `pooling` | 출력 | 어울리는 경우 |
# | --- | --- | --- |
# | `None` | 특성 맵 그대로 | 위치 정보가 필요할 때: 직접 합성곱 층(convolutional layer)을 더 쌓거나, 검출·분할 모델의 기반으로 쓰거나, 클래스 활성화 맵(CAM)을 그릴 때. 분류 헤드를 붙이려면 직접 풀링(pooling)이나 `Flatten`을 더해야 합니다. |
# | `'avg'` | 채널별 평균 | 분류의 기본값. 특성 맵 전체를 고르게 반영하고 잡음에 덜 민감합니다. VGG 이후의 ResNet, EfficientNet 같은 모델은 최상위 분류기에서도 평균 풀링을 씁니다. |
# | `'max'` | 채널별 최댓값 | 물체가 작아서 이미지의 일부에만 나타날 때. 가장 강한 반응 하나만 남기므로 잡음 한 점에도 값이 흔들릴 수 있습니다. |
#
# 어느 쪽이 나은지는 데이터에 달려 있으므로 `'avg'`로 시작해 검증 정확도로 비교하는 편이 안전합니다.
# 원글은 `'max'`를 썼는데, 이것도 잘못된 선택은 아닙니다.

# %% [markdown]
# ## include_top=True이면 무시된다
#
# 원글은 `include_top=True`로 모델을 만들면서 `pooling='max'`도 넘깁니다. Keras는 이 조합에 오류도 경고도
# 내지 않고 `pooling`을 그냥 무시합니다. `pooling`은 최상위 분류기가 없을 때만 쓰는 인자이기 때문입니다.

# %%
model = keras.applications.VGG16(weights=None, include_top=True, pooling="max")
print([layer.name for layer in model.layers[-5:]])
print("GlobalMaxPooling2D inside:", any(isinstance(layer, keras.layers.GlobalMaxPooling2D) for layer in model.layers))
print(f"{model.count_params():,}", model.output.shape)

# %% [markdown]
# `block5_pool` 뒤에는 `flatten`, `fc1`, `fc2`, `predictions`가 이어질 뿐 전역 최대 풀링 층은 없습니다.
# 파라미터 수도 `pooling`을 주지 않은 모델과 같은 {{ VGG16/top: totals.total }}개입니다.
# 원글의 두 번째 요약에 `global_max_pooling2d`가 없는 것도 이 때문입니다.
#
# 최상위 분류기가 없을 때 `pooling`에 엉뚱한 값을 주어도 Keras는 알려 주지 않습니다.
# 풀링 층 없이 특성 맵이 그대로 나옵니다.

# %%
model = keras.applications.VGG16(weights=None, include_top=False, pooling="maximum", input_shape=(224, 224, 3))
print(model.output.shape, type(model.layers[-1]).__name__)

# %% [markdown]
# `'maximum'`은 허용되는 값이 아니지만 결과는 `pooling=None`과 같습니다. 모델을 만든 뒤 `model.output.shape`를
# 한 번 출력해 보는 습관이 이런 실수를 잡아 줍니다. 다른 함정들은 [자주 빠지는 함정](../gotchas/)에 모았습니다.
#
# 다음 글: [기반 모델 위에 헤드 쌓기](../03-head/)
