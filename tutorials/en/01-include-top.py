# %% [markdown]
# # What include_top is
#
# `include_top` is the first argument you decide on when you load a model from `keras.applications`.
# It decides whether the model keeps its top: the last layers, built to classify ImageNet's classes.
# This article reruns the VGG16 comparison from the blog post this site grew from and follows the
# difference layer by layer.
#
# Every cell here runs with `weights=None`. Pretrained weights are not needed to see the structure:
# the layers and their parameter counts are the same with or without them.

# %% [markdown]
# ## Two parameter counts
#
# Build the same VGG16 once with `include_top=True` and once with `include_top=False`, and count.

# %%
import keras

full = keras.applications.VGG16(weights=None, include_top=True)
base = keras.applications.VGG16(weights=None, include_top=False, input_shape=(224, 224, 3))

print(f"include_top=True : {full.count_params():>12,}")
print(f"include_top=False: {base.count_params():>12,}")
print(f"difference       : {full.count_params() - base.count_params():>12,}")

# %% [markdown]
# These are the blog post's numbers: {{ VGG16/top: totals.total }} parameters with the top,
# {{ VGG16/base: totals.total }} without it. The difference, {{ VGG16/top: removed_by_headless.params }},
# is the top alone: {{ VGG16/top: removed_by_headless.params | percent_of VGG16/top: totals.total }} % of the model.
# The convolutional layers do almost all of the work of reading the image, yet most of the
# parameters sit in the classifier at the end.

# %% [markdown]
# ## The four layers of the top
#
# `include_top=False` removes the four layers after `block5_pool`, the last layer of the base model.
#
# {{ figure: vgg16-top-vs-base }}

# %%
for layer in full.layers[len(base.layers):]:
    print(f"{layer.name:12} {type(layer).__name__:8} {str(layer.output.shape):14} {layer.count_params():>12,}")

# %% [markdown]
# Each count is input length × output length + one bias per output.
#
# | Layer | Output shape | Arithmetic | Params |
# | --- | --- | --- | --- |
# | `flatten` | {{ VGG16/top: layers[flatten].output_shape }} | unrolls `block5_pool`'s output ({{ VGG16/base: output_shape | shape }}) into one vector | {{ VGG16/top: layers[flatten].params }} |
# | `fc1` | {{ VGG16/top: layers[fc1].output_shape }} | {{ VGG16/top: layers[flatten].output_shape[1] }} × {{ VGG16/top: layers[fc1].output_shape[1] }} + {{ VGG16/top: layers[fc1].output_shape[1] }} | {{ VGG16/top: layers[fc1].params }} |
# | `fc2` | {{ VGG16/top: layers[fc2].output_shape }} | {{ VGG16/top: layers[fc1].output_shape[1] }} × {{ VGG16/top: layers[fc2].output_shape[1] }} + {{ VGG16/top: layers[fc2].output_shape[1] }} | {{ VGG16/top: layers[fc2].params }} |
# | `predictions` | {{ VGG16/top: layers[predictions].output_shape }} | {{ VGG16/top: layers[fc2].output_shape[1] }} × {{ VGG16/top: layers[predictions].output_shape[1] }} + {{ VGG16/top: layers[predictions].output_shape[1] }} | {{ VGG16/top: layers[predictions].params }} |
#
# `fc1` alone holds {{ VGG16/top: layers[fc1].params | percent_of VGG16/top: totals.total }} % of all parameters.
# The {{ VGG16/top: layers[predictions].output_shape[1] }} outputs of `predictions` are ImageNet's classes.
# If your data has three classes, this layer is of no use as it is, which is why the top is usually
# removed and a new head built in its place ([Building a head](../03-head/)).

# %% [markdown]
# ## Why the input size is fixed
#
# The length of `flatten`'s output is height × width × channels of the last feature map. At 224×224 the
# output of `block5_pool` is {{ VGG16/base: output_shape | shape }}, and `fc1`'s weight matrix is made for
# exactly that length. See what happens at another size:

# %%
for size in (160, 224):
    model = keras.applications.VGG16(weights=None, include_top=True, input_shape=(size, size, 3))
    flatten, fc1 = model.get_layer("flatten"), model.get_layer("fc1")
    print(f"{size}x{size}: flatten {str(flatten.output.shape):14} fc1 params {fc1.count_params():>12,}")

# %% [markdown]
# With `weights=None` the model builds at 160×160 too, but `fc1` gets a different number of parameters.
# The ImageNet-trained `fc1` weights fit only the length a 224×224 input produces, so with
# `weights='imagenet'` and `include_top=True` Keras refuses any input other than 224×224×3.
# The exact error message is on the [Gotchas](../gotchas/) page.
#
# Without the top it is another story. A convolutional layer has kernel size (3×3) × input channels ×
# output channels + biases parameters: the image's height and width do not appear. A different input
# size changes the feature maps and nothing else.

# %%
for size in (32, 224, 448):
    model = keras.applications.VGG16(weights=None, include_top=False, input_shape=(size, size, 3))
    print(f"{size:>3}x{size:<3} -> {str(model.output.shape):20} params {model.count_params():,}")

# %% [markdown]
# The records agree: a {{ VGG16/base: feature_maps[0].input_shape | shape }} input gives a
# {{ VGG16/base: feature_maps[0].output_shape | shape }} feature map, {{ VGG16/base: feature_maps[1].input_shape | shape }}
# gives {{ VGG16/base: feature_maps[1].output_shape | shape }}, {{ VGG16/base: feature_maps[2].input_shape | shape }}
# gives {{ VGG16/base: feature_maps[2].output_shape | shape }}, and the parameters stay at {{ VGG16/base: totals.total }}.
# The smallest input VGG16 accepts is {{ VGG16/base: min_size | plain }}×{{ VGG16/base: min_size | plain }}:
# every pooling layer halves the height and width, and there are five of them.
#
# The base model's default input shape is `(None, None, 3)`, so you can even leave the size open.
# How to collapse the feature map's height and width into one vector is the subject of the
# [pooling article](../02-pooling/).

# %% [markdown]
# ## classes and classifier_activation
#
# You can keep the top and change only the number of classes. `classes` sets the output length of
# `predictions`, `classifier_activation` its activation function.

# %%
model = keras.applications.VGG16(weights=None, include_top=True, classes=3, classifier_activation="softmax")
predictions = model.get_layer("predictions")
print(predictions.output.shape, f"{predictions.count_params():,}", predictions.activation.__name__)

# %% [markdown]
# This is only useful with `weights=None`. Loading ImageNet weights needs the model exactly as it was
# trained on ImageNet, so `weights='imagenet'` together with `include_top=True` comes with conditions:
#
# - the input is 224×224×3 (for VGG16; every model's default size is in the [model atlas](../../atlas/vgg16/));
# - `classes` must be {{ VGG16/top: layers[predictions].output_shape[1] | plain }};
# - `classifier_activation` can only be `None` or `'softmax'`.
#
# The code below needs a download, so this site does not run it.
#
# ```python
# # Needs a download: the ImageNet weights ({{ VGG16/top: totals.size_mb }} MB at float32)
# model = keras.applications.VGG16(weights="imagenet")  # include_top=True, 224×224×3, classes={{ VGG16/top: layers[predictions].output_shape[1] | plain }}
# ```

# %% [markdown]
# ## Why the post's summaries look different
#
# The blog post's `model.summary()` output is in Keras 2's format. Keras 3 draws the table with box
# lines, no longer wraps the input layer's output shape in a list like `[(None, 224, 224, 3)]`, and
# prints the memory size next to the parameter totals. The numbers are the same. Here is the summary of the
# base model with `pooling='max'`, as in the post:

# %%
model = keras.applications.VGG16(weights=None, include_top=False, pooling="max", input_shape=(224, 224, 3))
model.summary()

# %% [markdown]
# {{ VGG16/base_max: totals.total }} parameters in total, as in the post's first summary. The number in the
# input layer's name is explained next.
#
# The numbers in names such as `input_8`, `global_max_pooling2d_3` or `batch_normalization_1` in the post
# come from a global name counter kept per layer type. Build models repeatedly in a notebook and the numbers keep
# growing; `keras.backend.clear_session()` starts the count again. The names differ, the structure and
# the parameters do not.

# %%
print(keras.layers.Dense(2).name, keras.layers.Dense(2).name)
keras.backend.clear_session()
print(keras.layers.Dense(2).name)

# %% [markdown]
# ## Summary
#
# - `include_top=True` adds four layers, `flatten`, `fc1`, `fc2` and `predictions`; in VGG16 they hold
#   {{ VGG16/top: removed_by_headless.params | percent_of VGG16/top: totals.total }} % of the parameters.
# - The fully connected layers on top of `Flatten` fix the input size. The base model accepts any size;
#   only its feature maps change.
# - Using ImageNet weights with the top requires the original input size, number of classes and activation.
#
# Next: [pooling: None, avg, max](../02-pooling/)
