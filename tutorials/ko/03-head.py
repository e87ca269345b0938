# %% [markdown]
# # 기반 모델 위에 헤드 쌓기
#
# 최상위 분류기(top)를 떼어 낸 기반 모델(base model) 위에는 내 문제에 맞는 헤드(head)를 새로 쌓습니다.
# 원글은 `Dense(1024)` → 배치 정규화(batch normalization) → ReLU → `Dense(512)` → 배치 정규화 → ReLU →
# `Dense(3, softmax)`를 붙였습니다. 이 글은 그 헤드를 Keras 3 코드로 다시 만들고, 층(layer)마다 파라미터(parameter)
# 수가 어떻게 나오는지, 그리고 왜 그중 일부가 학습되지 않는지 계산합니다.

# %% [markdown]
# ## 원글의 헤드를 Keras 3로
#
# 원글은 `keras`와 `tensorflow.keras`에서 섞어서 import했습니다. Keras 3에서는 `keras` 하나면 됩니다.
#
# {{ figure: seed-head }}

# %%
import keras
import numpy as np
from keras import layers

base = keras.applications.VGG16(weights=None, include_top=False, pooling="max", input_shape=(224, 224, 3))

x = base.output
x = layers.Dense(1024, name="fully")(x)
x = layers.BatchNormalization()(x)
x = layers.Activation("relu")(x)
x = layers.Dense(512)(x)
x = layers.BatchNormalization()(x)
x = layers.Activation("relu")(x)
outputs = layers.Dense(3, activation="softmax", name="softmax")(x)
model = keras.Model(base.input, outputs)

for layer in model.layers[len(base.layers) - 1:]:
    print(f"{layer.name:24} {type(layer).__name__:20} {str(layer.output.shape):12} {layer.count_params():>9,}")

# %% [markdown]
# ## 층마다 파라미터 계산
#
# `Dense` 층의 파라미터는 입력 길이 × 출력 길이(가중치(weights) 행렬) + 출력 길이(편향)입니다.
# 배치 정규화 층은 특성마다 값을 네 개 가집니다.
#
# | 층 | 출력 모양(output shape) | 계산 | 파라미터 |
# | --- | --- | --- | --- |
# | `fully` (Dense) | {{ VGG16/seed_head: layers[fully].output_shape }} | {{ VGG16/seed_head: layers[global_max_pooling2d].output_shape[1] }} × {{ VGG16/seed_head: layers[fully].output_shape[1] }} + {{ VGG16/seed_head: layers[fully].output_shape[1] }} | {{ VGG16/seed_head: layers[fully].params }} |
# | `batch_normalization` | {{ VGG16/seed_head: layers[batch_normalization].output_shape }} | 4 × {{ VGG16/seed_head: layers[fully].output_shape[1] }} | {{ VGG16/seed_head: layers[batch_normalization].params }} |
# | `activation` | {{ VGG16/seed_head: layers[activation].output_shape }} | 없음 | {{ VGG16/seed_head: layers[activation].params }} |
# | `dense` (Dense) | {{ VGG16/seed_head: layers[dense].output_shape }} | {{ VGG16/seed_head: layers[fully].output_shape[1] }} × {{ VGG16/seed_head: layers[dense].output_shape[1] }} + {{ VGG16/seed_head: layers[dense].output_shape[1] }} | {{ VGG16/seed_head: layers[dense].params }} |
# | `batch_normalization_1` | {{ VGG16/seed_head: layers[batch_normalization_1].output_shape }} | 4 × {{ VGG16/seed_head: layers[dense].output_shape[1] }} | {{ VGG16/seed_head: layers[batch_normalization_1].params }} |
# | `activation_1` | {{ VGG16/seed_head: layers[activation_1].output_shape }} | 없음 | {{ VGG16/seed_head: layers[activation_1].params }} |
# | `softmax` (Dense) | {{ VGG16/seed_head: layers[softmax].output_shape }} | {{ VGG16/seed_head: layers[dense].output_shape[1] }} × {{ VGG16/seed_head: layers[softmax].output_shape[1] }} + {{ VGG16/seed_head: layers[softmax].output_shape[1] }} | {{ VGG16/seed_head: layers[softmax].params }} |
#
# 원글에 나온 `fully` 층의 파라미터 {{ VGG16/seed_head: layers[fully].params }}개는 이렇게 나옵니다. `pooling='max'`가 특성 맵(feature map)을
# 길이 {{ VGG16/seed_head: layers[global_max_pooling2d].output_shape[1] }}의 벡터로 줄였기 때문에 첫 `Dense`의 입력은
# {{ VGG16/seed_head: layers[global_max_pooling2d].output_shape[1] }}입니다. 최상위 분류기의 `fc1`은 `Flatten`에서
# 길이 {{ VGG16/top: layers[flatten].output_shape[1] }}의 입력을 받아 {{ VGG16/top: layers[fc1].params }}개였습니다.
# 헤드가 가벼운 것은 층이 작아서라기보다 전역 풀링(global pooling) 덕분입니다([pooling 글](../02-pooling/)).

# %% [markdown]
# ## 학습되지 않는 파라미터
#
# 원글의 요약 끝에는 `Non-trainable params: {{ VGG16/seed_head: totals.non_trainable }}` 줄이 있습니다. 이 값은 배치 정규화 층에서 나옵니다.
# 배치 정규화 층 하나가 가진 네 가지 값을 봅니다.

# %%
for weight in model.get_layer("batch_normalization").weights:
    print(f"{weight.path:36} {str(weight.shape):8} trainable={weight.trainable}")

# %% [markdown]
# `gamma`와 `beta`는 경사 하강법으로 학습하는 배율(scale)과 이동(shift) 값입니다. `moving_mean`과 `moving_variance`는
# 학습 중에 본 배치의 평균과 분산을 이동 평균으로 모아 둔 통계라서 역전파로 바뀌지 않습니다. Keras는 이 둘을
# 학습 불가 파라미터로 셉니다. 네 값 가운데 두 개이므로 배치 정규화 층마다 파라미터의 절반이 학습되지 않습니다.
#
# - 첫 번째 배치 정규화: {{ VGG16/seed_head: layers[batch_normalization].params }}개 중 절반(특성 {{ VGG16/seed_head: layers[fully].output_shape[1] }}개 × 2)
# - 두 번째 배치 정규화: {{ VGG16/seed_head: layers[batch_normalization_1].params }}개 중 절반(특성 {{ VGG16/seed_head: layers[dense].output_shape[1] }}개 × 2)
#
# 합이 {{ VGG16/seed_head: totals.non_trainable }}입니다.

# %%
def count(weights):
    return sum(int(np.prod(w.shape)) for w in weights)

print(f"total        : {model.count_params():>12,}")
print(f"trainable    : {count(model.trainable_weights):>12,}")
print(f"non-trainable: {count(model.non_trainable_weights):>12,}")

# %% [markdown]
# 기록과 같습니다. 전체 {{ VGG16/seed_head: totals.total }}개 가운데 학습 가능한 파라미터가
# {{ VGG16/seed_head: totals.trainable }}개, 학습 불가 파라미터가 {{ VGG16/seed_head: totals.non_trainable }}개입니다.
# 원글의 세 번째 요약과 정확히 같습니다.
#
# 여기서 말하는 "학습 불가"는 층을 얼려 두는 동결(freezing)과 다릅니다. 이 모델은 아직 아무것도 동결하지 않았고,
# 기반 모델을 포함해 나머지는 모두 학습 가능합니다. 게다가 `weights=None`이므로 모든 가중치가 무작위 값에서 시작합니다.
# 그래서 이 모델을 그대로 학습하는 것은 전이 학습(transfer learning)이 아니라 처음부터 학습(training from scratch)입니다.
# 자세한 내용은 [다음 글](../04-transfer-learning/)에서 다룹니다.

# %% [markdown]
# ## 정리
#
# - `Dense`: 입력 × 출력 + 출력. 첫 `Dense`의 입력 길이는 `pooling`이 정합니다.
# - 배치 정규화: 특성마다 네 개. 그중 `moving_mean`과 `moving_variance` 두 개는 학습되지 않는 파라미터입니다.
# - 헤드를 바꾸면 층 이름도 바뀝니다. 이름을 정해 두고 싶은 층에는 원글처럼 `name=`을 주십시오.
#
# 다음 글: [세 가지 학습 방법](../04-transfer-learning/)
