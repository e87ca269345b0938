# %% [markdown]
# # Transfer learning, fine-tuning, training from scratch
#
# There are three ways to use a pretrained model for a new problem. Feature extraction freezes the
# base model and trains only the head. Fine-tuning also trains part or all of the base model, with a
# low learning rate. Training from scratch starts every layer from random values, without pretrained
# weights. The first two are transfer learning.

# %% [markdown]
# ## Correcting the post
#
# The blog post puts a head on `VGG16(weights=None, include_top=False)` and says this is "clearly
# different" from transfer learning. The conclusion is right, but the reason matters. With
# `weights=None` the base model's weights start from random values, so training this model is
# **training from scratch**: nothing is transferred, so it is not transfer learning at all.
# The post also describes transfer learning as "training only the fully connected layers"; that is
# one kind of transfer learning, feature extraction. Fine-tuning, which trains the base model as
# well, is transfer learning too.
#
# The records hold how many parameters train in each setup. The head is the one from the post
# ([Building a head](../03-head/)).
#
# | Setup | `weights` | Layers trained | Trainable params | Non-trainable params |
# | --- | --- | --- | --- | --- |
# | Training from scratch | `None` | all | {{ VGG16/seed_head: totals.trainable }} | {{ VGG16/seed_head: totals.non_trainable }} |
# | Feature extraction | `'imagenet'` | the head | {{ VGG16/seed_head_frozen: totals.trainable }} | {{ VGG16/seed_head_frozen: totals.non_trainable }} |
# | Fine-tuning (last block) | `'imagenet'` | `block5` and the head | {{ VGG16/seed_head_last_block: totals.trainable }} | {{ VGG16/seed_head_last_block: totals.non_trainable }} |
#
# Every cell below runs with `weights=None`: the structure, the parameter counts and which weights
# change do not depend on the weights' values. The real code with ImageNet weights is
# [at the end](#the-real-code).

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
# ## Training from scratch
#
# The post's model. Every weight starts random and everything trains except the batch
# normalization statistics. Unless you have a lot of data, far from ImageNet, this is not a good
# place to start.
#
# {{ figure: seed-train-all }}

# %%
scratch_base = keras.applications.VGG16(weights=None, include_top=False, pooling="max", input_shape=(224, 224, 3))
scratch = keras.Model(scratch_base.input, seed_head(scratch_base.output))
report(scratch)

# %% [markdown]
# ## Feature extraction
#
# {{ figure: seed-train-frozen }}
#
# In practice you load the base model with `weights='imagenet'`, freeze it and train only the head.
# Three rules:
#
# 1. `base.trainable = False` freezes the whole base model.
# 2. Call the base model as `base(inputs, training=False)`. This is the idiom the Keras guides
#    recommend, meant to keep the base model's batch normalization layers in inference mode. During
#    `fit()` it is not enough on its own (checked below).
# 3. Call `compile()` again after changing `trainable`: the list of weights to train is fixed when
#    the model is compiled.

# %%
base = keras.applications.VGG16(weights=None, include_top=False, pooling="max", input_shape=(224, 224, 3))
base.trainable = False

inputs = keras.Input((224, 224, 3))
features = base(inputs, training=False)
model = keras.Model(inputs, seed_head(features))
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy")
report(model)

# %% [markdown]
# The {{ VGG16/seed_head_frozen: totals.trainable }} trainable parameters are the head's alone; the base
# model's {{ VGG16/base_max: totals.total }} moved to the non-trainable side, with the head's moving
# statistics. Train once on a few random images: the frozen layers' weights stay as they were and
# only the head's change.

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
# ## Fine-tuning
#
# Once the head has learned something, unfreeze the top blocks of the base model and train them
# too, leaving batch normalization layers frozen (next section). The higher a block, the more
# ImageNet-specific its features and the more there is to adapt; the edges and textures of the
# lower blocks suit almost any image. Use a much lower learning rate
# than for feature extraction: large steps quickly wreck the pretrained weights.
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
# The trainable parameters grew to {{ VGG16/seed_head_last_block: totals.trainable }}: the three
# convolutional layers of `block5` joined the head. This time `block5_conv3` changes and
# `block1_conv1` does not.

# %% [markdown]
# ## Batch normalization stays in inference mode
#
# VGG16 has no batch normalization layers, but models such as ResNet and EfficientNet have many.
# If they run in training mode while you fine-tune, the mean and variance of small batches overwrite
# the moving statistics gathered on ImageNet and accuracy swings badly. The usual advice is to call
# the base model with `training=False`. Check both ways on a tiny base model with one batch
# normalization layer: passing `training=False` in the call, and keeping the batch normalization
# layer frozen.

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
# With Keras {{ VGG16/top: versions.keras }}, the version this site runs, the `training=False` given in the
# call is overridden by the `training=True` that `fit()` passes down, and the moving statistics change.
# Only the frozen batch normalization layer kept them: Keras runs a batch normalization layer with
# `trainable=False` in inference mode. That is why the fine-tuning code above skips batch
# normalization layers when it unfreezes `block5`. Keep the `training=False` call for when you call
# the model directly.

# %% [markdown]
# ## Matching the preprocessing
#
# Pretrained weights work only on inputs preprocessed the way they were during training. Each model
# has its own way, so always use that model's `preprocess_input`. VGG16 uses the
# `{{ VGG16/top: preprocessing }}` mode: it turns RGB into BGR and subtracts the ImageNet mean, without
# scaling. The same red pixel becomes very different numbers:

# %%
pixel = np.array([[[[255.0, 0.0, 0.0]]]], dtype="float32")
for name in ("vgg16", "mobilenet_v2", "densenet", "efficientnet"):
    module = getattr(keras.applications, name)
    print(f"{name:13}", np.round(module.preprocess_input(pixel.copy()).ravel(), 3))

# %% [markdown]
# When preprocessing is built into the model, as in EfficientNet, `preprocess_input` does nothing
# and the model expects images in the 0–255 range as they are. Each model's mode is in the table of
# the [model atlas](../../atlas/).

# %% [markdown]
# ## The real code
#
# The real code, with ImageNet weights. **It needs to download the weights, so this site does not
# run it.** `train_ds` and `val_ds` are (image, integer label) datasets, for example from
# `keras.utils.image_dataset_from_directory`.
#
# ```python
# import keras
# from keras import layers
#
# # Needs a download: the ImageNet weights
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
# # Step 1: feature extraction
# model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
# model.fit(train_ds, validation_data=val_ds, epochs=10)
#
# # Step 2: fine-tune the last block
# base.trainable = True
# for layer in base.layers:
#     layer.trainable = layer.name.startswith("block5_") and not isinstance(layer, layers.BatchNormalization)
# model.compile(optimizer=keras.optimizers.Adam(1e-5), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
# model.fit(train_ds, validation_data=val_ds, epochs=10)
# ```

# %% [markdown]
# ## Which one to choose
#
# The post's closing advice points the right way: transfer learning works well when the data
# resembles ImageNet, and with little data a frozen base model does better. By data size and
# distance from ImageNet:
#
# | | Data similar to ImageNet | Data unlike ImageNet |
# | --- | --- | --- |
# | **Little data** | Feature extraction. Unfreezing overfits quickly. | Start with feature extraction. If the top blocks' features do not fit, attach the head to the output of a lower block. |
# | **Plenty of data** | Feature extraction, then fine-tune from the top blocks down | Fine-tune more blocks. With a great deal of data, training from scratch becomes an option. |
#
# Rather than taking this advice on trust, look at the experiment this site runs itself, comparing
# freezing and fine-tuning by data size and similarity:
# [Experiment: when does freezing beat fine-tuning?](../../experiments/freeze-vs-finetune/)
#
# See also: [Gotchas](../gotchas/) · [Glossary](../../glossary/)
