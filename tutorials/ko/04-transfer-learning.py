# %% [markdown]
# # 전이 학습, 미세 조정, 처음부터 학습
#
# 사전 학습(pretraining)된 모델을 새 문제에 쓰는 방법은 크게 세 가지입니다. 기반 모델(base model)을 동결(freezing)하고
# 헤드(head)만 학습하는 특성 추출(feature extraction), 기반 모델의 일부나 전체를 낮은 학습률(learning rate)로 함께
# 학습하는 미세 조정(fine-tuning), 그리고 사전 학습된 가중치(weights) 없이 모든 층(layer)을 학습하는
# 처음부터 학습(training from scratch)입니다. 이 가운데 앞의 둘을 전이 학습(transfer learning)이라고 합니다.

# %% [markdown]
# ## 원글 바로잡기
#
# 원글은 `VGG16(weights=None, include_top=False)` 위에 헤드를 붙이고, 이것이 전이 학습과 "명백히 다르다"고 말합니다.
# 다르다는 결론은 맞지만 이유는 정확히 짚어야 합니다. `weights=None`이면 기반 모델의 가중치가 무작위 값에서
# 시작하므로, 이 모델을 학습하는 것은 **처음부터 학습**입니다. 옮겨 올 지식이 없으니 전이 학습이 아닙니다.
# 또 원글은 전이 학습을 "완전 연결 층(fully connected layer)만 학습하는 것"으로 설명하는데, 그것은 전이 학습의
# 한 가지인 특성 추출입니다. 기반 모델을 함께 학습하는 미세 조정도 전이 학습입니다.
#
# 방법마다 학습되는 파라미터(parameter) 수는 기록에 있습니다. 헤드는 원글과 같습니다([헤드 쌓기](../03-head/)).
#
# | 방법 | `weights` | 학습하는 층 | 학습 가능 파라미터 | 학습 불가 파라미터 |
# | --- | --- | --- | --- | --- |
# | 처음부터 학습 | `None` | 전부 | {{ VGG16/seed_head: totals.trainable }} | {{ VGG16/seed_head: totals.non_trainable }} |
# | 특성 추출 | `'imagenet'` | 헤드만 | {{ VGG16/seed_head_frozen: totals.trainable }} | {{ VGG16/seed_head_frozen: totals.non_trainable }} |
# | 미세 조정(마지막 블록) | `'imagenet'` | `block5`와 헤드 | {{ VGG16/seed_head_last_block: totals.trainable }} | {{ VGG16/seed_head_last_block: totals.non_trainable }} |
#
# 아래 코드는 모두 `weights=None`으로 실행합니다. 구조와 파라미터 수, 어떤 가중치가 바뀌는지는 가중치 값과 무관하기
# 때문입니다. 실제로 ImageNet 가중치를 쓰는 코드는 [글 끝](#실제-코드)에 있습니다.

# %%
import keras
import numpy as np
from keras import layers


def seed_head(x):
    x = layers.Dense(1024, name="fully")(x)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    x = layers.Dense(512)(x)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    return layers.Dense(3, activation="softmax", name="softmax")(x)


def count(weights):
    return sum(int(np.prod(w.shape)) for w in weights)


def report(model):
    print(f"trainable {count(model.trainable_weights):>12,}   non-trainable {count(model.non_trainable_weights):>12,}")

# %% [markdown]
# ## 처음부터 학습
#
# 원글의 모델입니다. 모든 가중치가 무작위 값에서 시작하고, 배치 정규화(batch normalization)의 이동 통계를 빼면
# 전부 학습됩니다. 데이터가 아주 많고 ImageNet과 거리가 멀 때가 아니라면 좋은 출발점이 아닙니다.
#
# {{ figure: seed-train-all }}

# %%
scratch_base = keras.applications.VGG16(weights=None, include_top=False, pooling="max", input_shape=(224, 224, 3))
scratch = keras.Model(scratch_base.input, seed_head(scratch_base.output))
report(scratch)

# %% [markdown]
# ## 특성 추출
#
# {{ figure: seed-train-frozen }}
#
# 실제로는 `weights='imagenet'`으로 불러온 기반 모델을 동결하고 헤드만 학습합니다. 세 가지를 지킵니다.
#
# 1. `base.trainable = False`로 기반 모델 전체를 얼립니다.
# 2. 기반 모델을 `base(inputs, training=False)`로 호출합니다. Keras 안내서가 권하는 관례로, 기반 모델 안의 배치 정규화가
#    추론 모드(inference mode)로 돌게 하려는 것입니다. 다만 `fit()` 중에는 이것만으로 부족합니다(아래에서 확인합니다).
# 3. `trainable`을 바꾼 뒤에는 `compile()`을 다시 부릅니다. 학습에 쓰일 가중치 목록은 컴파일할 때 정해집니다.

# %%
base = keras.applications.VGG16(weights=None, include_top=False, pooling="max", input_shape=(224, 224, 3))
base.trainable = False

inputs = keras.Input((224, 224, 3))
features = base(inputs, training=False)
model = keras.Model(inputs, seed_head(features))
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy")
report(model)

# %% [markdown]
# 학습 가능 파라미터 {{ VGG16/seed_head_frozen: totals.trainable }}개는 헤드의 것뿐이고, 기반 모델의
# {{ VGG16/base_max: totals.total }}개는 헤드의 이동 통계와 함께 학습 불가 쪽으로 넘어갔습니다.
# 무작위 이미지 몇 장으로 한 번 학습해 보면, 동결한 층의 가중치는 그대로이고 헤드의 가중치만 바뀝니다.

# %%
def kernel(layer):
    return keras.ops.convert_to_numpy(layer.kernel).copy()


keras.utils.set_random_seed(0)
images = keras.applications.vgg16.preprocess_input(np.random.uniform(0, 255, (8, 224, 224, 3)).astype("float32"))
labels = np.random.randint(0, 3, 8)

before = {name: kernel(base.get_layer(name)) for name in ("block1_conv1", "block5_conv3")}
before["fully"] = kernel(model.get_layer("fully"))
model.fit(images, labels, epochs=1, batch_size=8, verbose=0)
for name in ("block1_conv1", "block5_conv3"):
    print(f"{name:13} changed: {not np.array_equal(before[name], kernel(base.get_layer(name)))}")
print(f"{'fully':13} changed: {not np.array_equal(before['fully'], kernel(model.get_layer('fully')))}")

# %% [markdown]
# ## 미세 조정
#
# 헤드가 어느 정도 학습된 뒤에 기반 모델의 위쪽 블록을 풀어 함께 학습합니다. 배치 정규화 층은 풀지 않습니다(다음 절).
# 위쪽 블록일수록 ImageNet에 특화된 특성을 담고 있어서 새 데이터에 맞게 고칠 여지가 크고, 아래쪽 블록의 모서리·질감 같은 특성은 대부분의 이미지에
# 그대로 통합니다. 학습률은 특성 추출 때보다 훨씬 낮게 잡습니다. 크게 움직이면 사전 학습된 가중치가 금세 망가집니다.
#
# {{ figure: seed-train-last-block }}

# %%
base.trainable = True
for layer in base.layers:
    layer.trainable = layer.name.startswith("block5_") and not isinstance(layer, layers.BatchNormalization)
model.compile(optimizer=keras.optimizers.Adam(1e-5), loss="sparse_categorical_crossentropy")
report(model)

before = {name: kernel(base.get_layer(name)) for name in ("block1_conv1", "block5_conv3")}
model.fit(images, labels, epochs=1, batch_size=8, verbose=0)
for name in ("block1_conv1", "block5_conv3"):
    print(f"{name:13} changed: {not np.array_equal(before[name], kernel(base.get_layer(name)))}")

# %% [markdown]
# 학습 가능 파라미터가 {{ VGG16/seed_head_last_block: totals.trainable }}개로 늘었습니다. `block5`의 합성곱 층(convolutional layer)
# 세 개가 더해진 만큼입니다. 이번에는 `block5_conv3`가 바뀌고 `block1_conv1`은 그대로입니다.

# %% [markdown]
# ## 배치 정규화는 추론 모드로
#
# VGG16에는 배치 정규화 층이 없지만 ResNet, EfficientNet 같은 모델에는 많습니다. 이런 기반 모델을 미세 조정할 때
# 배치 정규화가 학습 모드로 돌면, 작은 배치의 평균과 분산이 ImageNet에서 쌓은 이동 통계를 덮어써서 성능이 크게 흔들립니다.
# 흔히 권하는 방법은 기반 모델을 `training=False`로 호출하는 것입니다. 배치 정규화 층 하나짜리 작은 기반 모델로
# 두 가지 방법을 모두 확인합니다. 호출할 때 `training=False`를 주는 방법과, 배치 정규화 층을 동결해 두는 방법입니다.

# %%
def moving_mean_changes(call_with_training_false, freeze_batch_norm):
    keras.utils.set_random_seed(0)
    tiny_base = keras.Sequential([keras.Input((4,)), layers.Dense(4), layers.BatchNormalization()])
    bn = tiny_base.layers[-1]
    bn.trainable = not freeze_batch_norm
    inputs = keras.Input((4,))
    features = tiny_base(inputs, training=False) if call_with_training_false else tiny_base(inputs)
    tiny = keras.Model(inputs, layers.Dense(1)(features))
    tiny.compile(optimizer="sgd", loss="mse")
    before = keras.ops.convert_to_numpy(bn.moving_mean).copy()
    tiny.fit(np.random.normal(5.0, 1.0, (32, 4)), np.zeros(32), epochs=1, verbose=0)
    return not np.allclose(before, keras.ops.convert_to_numpy(bn.moving_mean))


print("keras", keras.__version__)
for call_with_training_false in (False, True):
    for freeze_batch_norm in (False, True):
        changed = moving_mean_changes(call_with_training_false, freeze_batch_norm)
        print(f"training=False in the call: {call_with_training_false!s:5}  "
              f"BatchNormalization frozen: {freeze_batch_norm!s:5}  -> moving_mean changed: {changed}")

# %% [markdown]
# 이 사이트가 쓰는 Keras {{ VGG16/top: versions.keras }}에서는 호출할 때 준 `training=False`가 `fit()`이 넘기는
# `training=True`에 덮어써져서 이동 통계가 바뀝니다. 이동 통계를 지킨 것은 배치 정규화 층을 동결한 경우뿐입니다.
# Keras는 `trainable=False`인 배치 정규화 층을 추론 모드로 돌리기 때문입니다. 그래서 위의 미세 조정 코드는
# `block5`를 풀 때도 배치 정규화 층은 건너뜁니다. `training=False` 호출은 모델을 직접 부를 때를 위해 그대로 두면 됩니다.

# %% [markdown]
# ## 전처리를 모델에 맞추기
#
# 사전 학습된 가중치는 학습할 때와 같은 방식으로 전처리(preprocessing)한 입력에서만 제대로 동작합니다. 모델마다 방식이 다르므로
# 반드시 그 모델의 `preprocess_input`을 씁니다. VGG16은 `{{ VGG16/top: preprocessing }}` 방식으로, RGB를 BGR로 바꾸고
# ImageNet 평균을 뺄 뿐 크기를 줄이지 않습니다. 같은 빨간 점 하나가 모델마다 전혀 다른 값이 됩니다.

# %%
pixel = np.array([[[[255.0, 0.0, 0.0]]]], dtype="float32")
for name in ("vgg16", "mobilenet_v2", "densenet", "efficientnet"):
    module = getattr(keras.applications, name)
    print(f"{name:13}", np.round(module.preprocess_input(pixel.copy()).ravel(), 3))

# %% [markdown]
# EfficientNet처럼 전처리가 모델 안에 들어 있는 경우에는 `preprocess_input`이 아무것도 하지 않고, 0–255 범위의 이미지를
# 그대로 넣어야 합니다. 모델별 방식은 [모델 아틀라스](../../atlas/)의 표에 있습니다.

# %% [markdown]
# ## 실제 코드
#
# ImageNet 가중치를 쓰는 실제 코드입니다. **가중치를 내려받아야 하므로 이 사이트에서는 실행하지 않습니다.**
# `train_ds`와 `val_ds`는 `keras.utils.image_dataset_from_directory` 등으로 만든 (이미지, 정수 레이블) 데이터셋이라고 가정합니다.
#
# ```python
# import keras
# from keras import layers
#
# # 내려받기 필요: ImageNet 가중치
# base = keras.applications.VGG16(weights="imagenet", include_top=False, pooling="max", input_shape=(224, 224, 3))
# base.trainable = False
#
# inputs = keras.Input((224, 224, 3))
# x = keras.applications.vgg16.preprocess_input(inputs)
# x = base(x, training=False)
# x = layers.Dense(1024, name="fully")(x)
# x = layers.BatchNormalization()(x)
# x = layers.Activation("relu")(x)
# x = layers.Dense(512)(x)
# x = layers.BatchNormalization()(x)
# x = layers.Activation("relu")(x)
# outputs = layers.Dense(3, activation="softmax", name="softmax")(x)
# model = keras.Model(inputs, outputs)
#
# # 1단계: 특성 추출
# model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
# model.fit(train_ds, validation_data=val_ds, epochs=10)
#
# # 2단계: 마지막 블록 미세 조정
# base.trainable = True
# for layer in base.layers:
#     layer.trainable = layer.name.startswith("block5_") and not isinstance(layer, layers.BatchNormalization)
# model.compile(optimizer=keras.optimizers.Adam(1e-5), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
# model.fit(train_ds, validation_data=val_ds, epochs=10)
# ```

# %% [markdown]
# ## 어떤 방법을 고를까
#
# 원글의 마지막 조언은 방향이 맞습니다. 데이터가 ImageNet과 비슷하면 전이 학습이 잘 통하고, 데이터가 적으면 기반 모델을
# 얼려 두는 편이 낫습니다. 데이터의 양과 ImageNet과의 거리로 나누면 다음과 같습니다.
#
# | | ImageNet과 비슷한 데이터 | ImageNet과 다른 데이터 |
# | --- | --- | --- |
# | **데이터가 적음** | 특성 추출. 풀면 금세 과적합됩니다. | 특성 추출부터. 위쪽 블록의 특성이 맞지 않으면 더 아래쪽 블록의 출력에 헤드를 붙이는 것도 방법입니다. |
# | **데이터가 많음** | 특성 추출 뒤 위쪽 블록부터 미세 조정 | 더 많은 블록을 미세 조정. 데이터가 아주 많으면 처음부터 학습도 후보입니다. |
#
# 이 조언을 그대로 믿기보다, 이 사이트가 직접 돌린 실험에서 동결과 미세 조정을 데이터 양과 유사도별로 비교한 결과를 확인해 보십시오.
# [실험: 언제 동결이 미세 조정보다 나은가](../../experiments/freeze-vs-finetune/)
#
# 함께 보기: [자주 빠지는 함정](../gotchas/) · [용어집](../../glossary/)
