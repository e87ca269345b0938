# %% [markdown]
# # pooling: None, avg, max
#
# Without its top, a base model outputs a feature map shaped height × width × channels.
# The `pooling` argument decides whether that feature map is returned as it is or reduced to one
# value per channel. This article compares the output shapes of the three values and runs the
# blog post's call to show that with `include_top=True`, `pooling` is silently ignored.

# %% [markdown]
# ## Three output shapes
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
# | `pooling` | Last layer | Output shape | Params |
# | --- | --- | --- | --- |
# | `None` | `{{ VGG16/base: layers[-1].name }}` ({{ VGG16/base: layers[-1].type }}) | {{ VGG16/base: output_shape }} | {{ VGG16/base: totals.total }} |
# | `'avg'` | `{{ VGG16/base_avg: layers[-1].name }}` ({{ VGG16/base_avg: layers[-1].type }}) | {{ VGG16/base_avg: output_shape }} | {{ VGG16/base_avg: totals.total }} |
# | `'max'` | `{{ VGG16/base_max: layers[-1].name }}` ({{ VGG16/base_max: layers[-1].type }}) | {{ VGG16/base_max: output_shape }} | {{ VGG16/base_max: totals.total }} |
#
# `'avg'` and `'max'` add one global pooling layer at the end of the base model. It has no weights,
# so all three have the same parameter count; only the output changes. The
# {{ VGG16/base: output_shape | shape }} feature map becomes a vector of length
# {{ VGG16/base_avg: feature_dim }}, one value per channel.

# %% [markdown]
# ## What avg and max compute
#
# Check both layers on a tiny feature map: height 2, width 2, three channels.

# %%
feature_map = np.arange(12, dtype="float32").reshape(1, 2, 2, 3)
print(feature_map[0, :, :, 0], feature_map[0, :, :, 1], feature_map[0, :, :, 2], sep="\n")
print("avg:", keras.ops.convert_to_numpy(keras.layers.GlobalAveragePooling2D()(feature_map)))
print("max:", keras.ops.convert_to_numpy(keras.layers.GlobalMaxPooling2D()(feature_map)))

# %% [markdown]
# Each channel keeps only the mean or the maximum of its four values. Where a feature appeared is
# lost; what remains is how strongly it appeared on average (avg) or at its strongest (max).
#
# After global pooling the output length does not depend on the input size, so with `pooling='avg'`
# or `'max'` the same head fits inputs of any size. That is the difference from the `Flatten` top
# ([include_top article](../01-include-top/)).

# %%
for size in (96, 224, 320):
    model = keras.applications.VGG16(weights=None, include_top=False, pooling="avg", input_shape=(size, size, 3))
    print(f"{size}x{size} -> {model.output.shape}")

# %% [markdown]
# ## Which one when
#
# | `pooling` | Output | Good for |
# | --- | --- | --- |
# | `None` | the feature map as it is | when location matters: stacking your own convolutional layers, using the base for detection or segmentation, drawing class activation maps (CAM). A classification head then needs its own pooling or `Flatten`. |
# | `'avg'` | mean per channel | the default for classification. It reflects the whole feature map and is less sensitive to noise. Models after VGG, such as ResNet and EfficientNet, use average pooling in their own top. |
# | `'max'` | maximum per channel | small objects that fill only part of the image. Keeping the single strongest response also means one noisy spot can move the value. |
#
# Which is better depends on the data: start with `'avg'` and compare on validation accuracy.
# The blog post uses `'max'`, which is not a wrong choice.

# %% [markdown]
# ## Ignored with include_top=True
#
# The blog post passes `pooling='max'` while building the model with `include_top=True`. Keras raises
# no error and prints no warning: it simply ignores `pooling`, an argument used only without the top.

# %%
model = keras.applications.VGG16(weights=None, include_top=True, pooling="max")
print([layer.name for layer in model.layers[-5:]])
print("GlobalMaxPooling2D inside:", any(isinstance(layer, keras.layers.GlobalMaxPooling2D) for layer in model.layers))
print(f"{model.count_params():,}", model.output.shape)

# %% [markdown]
# After `block5_pool` come `flatten`, `fc1`, `fc2` and `predictions`, and there is no global max
# pooling layer. The parameter count is {{ VGG16/top: totals.total }}, the same as without `pooling`.
# That is why the post's second summary has no `global_max_pooling2d`.
#
# Without the top, Keras also stays silent when `pooling` gets a value it does not know. The
# feature map comes out unpooled:

# %%
model = keras.applications.VGG16(weights=None, include_top=False, pooling="maximum", input_shape=(224, 224, 3))
print(model.output.shape, type(model.layers[-1]).__name__)

# %% [markdown]
# `'maximum'` is not an accepted value, yet the result is the same as `pooling=None`. Printing
# `model.output.shape` once after building a model catches mistakes like this. More of them are
# collected on the [Gotchas](../gotchas/) page.
#
# Next: [Building a head on the base model](../03-head/)
