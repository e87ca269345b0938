# %% [markdown]
# # Building a head on the base model
#
# On a base model without its top you build a new head for your own problem. The blog post stacks
# `Dense(1024)` → batch normalization → ReLU → `Dense(512)` → batch normalization → ReLU →
# `Dense(3, softmax)`. This article rebuilds that head in Keras 3, works out where every layer's
# parameter count comes from, and why some of those parameters are not trainable.

# %% [markdown]
# ## The post's head in Keras 3
#
# The post mixes imports from `keras` and `tensorflow.keras`. In Keras 3, `keras` alone is enough.
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
# ## Parameters, layer by layer
#
# A `Dense` layer has input length × output length parameters (its weight matrix) plus output
# length (its biases). A batch normalization layer keeps four values per feature.
#
# | Layer | Output shape | Arithmetic | Params |
# | --- | --- | --- | --- |
# | `fully` (Dense) | {{ VGG16/seed_head: layers[fully].output_shape }} | {{ VGG16/seed_head: layers[global_max_pooling2d].output_shape[1] }} × {{ VGG16/seed_head: layers[fully].output_shape[1] }} + {{ VGG16/seed_head: layers[fully].output_shape[1] }} | {{ VGG16/seed_head: layers[fully].params }} |
# | `batch_normalization` | {{ VGG16/seed_head: layers[batch_normalization].output_shape }} | 4 × {{ VGG16/seed_head: layers[fully].output_shape[1] }} | {{ VGG16/seed_head: layers[batch_normalization].params }} |
# | `activation` | {{ VGG16/seed_head: layers[activation].output_shape }} | none | {{ VGG16/seed_head: layers[activation].params }} |
# | `dense` (Dense) | {{ VGG16/seed_head: layers[dense].output_shape }} | {{ VGG16/seed_head: layers[fully].output_shape[1] }} × {{ VGG16/seed_head: layers[dense].output_shape[1] }} + {{ VGG16/seed_head: layers[dense].output_shape[1] }} | {{ VGG16/seed_head: layers[dense].params }} |
# | `batch_normalization_1` | {{ VGG16/seed_head: layers[batch_normalization_1].output_shape }} | 4 × {{ VGG16/seed_head: layers[dense].output_shape[1] }} | {{ VGG16/seed_head: layers[batch_normalization_1].params }} |
# | `activation_1` | {{ VGG16/seed_head: layers[activation_1].output_shape }} | none | {{ VGG16/seed_head: layers[activation_1].params }} |
# | `softmax` (Dense) | {{ VGG16/seed_head: layers[softmax].output_shape }} | {{ VGG16/seed_head: layers[dense].output_shape[1] }} × {{ VGG16/seed_head: layers[softmax].output_shape[1] }} + {{ VGG16/seed_head: layers[softmax].output_shape[1] }} | {{ VGG16/seed_head: layers[softmax].params }} |
#
# That is where the post's {{ VGG16/seed_head: layers[fully].params }} comes from. `pooling='max'` reduced the
# feature map to a vector of length {{ VGG16/seed_head: layers[global_max_pooling2d].output_shape[1] }}, so the first
# `Dense` has {{ VGG16/seed_head: layers[global_max_pooling2d].output_shape[1] }} inputs. The top's `fc1` received
# {{ VGG16/top: layers[flatten].output_shape[1] }} inputs from `Flatten` and had {{ VGG16/top: layers[fc1].params }}
# parameters. The head is light mostly thanks to global pooling, not because its layers are small
# ([pooling article](../02-pooling/)).

# %% [markdown]
# ## Non-trainable parameters
#
# The post's summary ends with `Non-trainable params: {{ VGG16/seed_head: totals.non_trainable }}`. They come
# from the batch normalization layers. Look at the four values one of them holds:

# %%
for weight in model.get_layer("batch_normalization").weights:
    print(f"{weight.path:36} {str(weight.shape):8} trainable={weight.trainable}")

# %% [markdown]
# `gamma` and `beta` are a scale and a shift learned by gradient descent. `moving_mean` and
# `moving_variance` are statistics: moving averages of the mean and variance of the batches seen in
# training, never changed by backpropagation. Keras counts those two as non-trainable. Two of four
# values, so half of each batch normalization layer's parameters do not train:
#
# - first batch normalization: half of {{ VGG16/seed_head: layers[batch_normalization].params }} ({{ VGG16/seed_head: layers[fully].output_shape[1] }} features × 2)
# - second batch normalization: half of {{ VGG16/seed_head: layers[batch_normalization_1].params }} ({{ VGG16/seed_head: layers[dense].output_shape[1] }} features × 2)
#
# Together, {{ VGG16/seed_head: totals.non_trainable }}.

# %%
def count(weights):
    return sum(int(np.prod(w.shape)) for w in weights)

print(f"total        : {model.count_params():>12,}")
print(f"trainable    : {count(model.trainable_weights):>12,}")
print(f"non-trainable: {count(model.non_trainable_weights):>12,}")

# %% [markdown]
# The records agree: of {{ VGG16/seed_head: totals.total }} parameters, {{ VGG16/seed_head: totals.trainable }} are
# trainable and {{ VGG16/seed_head: totals.non_trainable }} are not, exactly as in the post's third summary.
#
# "Non-trainable" here is not freezing. Nothing in this model is frozen yet: everything else, the base
# model included, is trainable. And with `weights=None` every weight starts from random values, so
# training this model as it is would be training from scratch, not transfer learning. The
# [next article](../04-transfer-learning/) covers this in detail.

# %% [markdown]
# ## Summary
#
# - `Dense`: inputs × outputs + outputs. `pooling` decides the first `Dense`'s input length.
# - Batch normalization: four values per feature, two of which (`moving_mean`, `moving_variance`)
#   are non-trainable parameters.
# - A different head gives different layer names. Give `name=` to the layers you want to find
#   again, as the post does.
#
# Next: [Three ways to train](../04-transfer-learning/)
