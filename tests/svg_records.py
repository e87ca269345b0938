"""Small hand-made records for the SVG tests: real layer names, made-up small sizes."""

from __future__ import annotations

from atlas.records import SCHEMA, LayerRow, Totals, VariantRecord, Versions


def layer(name: str, type_: str, shape: tuple, params: int = 0, trainable: bool = True) -> LayerRow:
    return LayerRow(name, type_, (None, *shape), params, trainable)


def non_trainable(layers: tuple[LayerRow, ...]) -> int:
    return sum(l.params if not l.trainable else
               (l.params // 2 if l.type == "BatchNormalization" else 0) for l in layers)


def record(model: str, variant: str, layers: tuple[LayerRow, ...], include_top: bool,
           pooling: str = "none") -> VariantRecord:
    total = sum(l.params for l in layers)
    frozen = non_trainable(layers)
    return VariantRecord(
        schema=SCHEMA, model=model, variant=variant, code="", include_top=include_top,
        pooling=pooling, input_shape=layers[0].output_shape, output_shape=layers[-1].output_shape,
        layers=layers, totals=Totals(total, total - frozen, frozen), depth_all=len(layers),
        depth_weighted=sum(1 for l in layers if l.params),
        batch_norm_layers=sum(1 for l in layers if l.type == "BatchNormalization"),
        default_size=32, min_size=32, preprocessing="caffe",
        versions=Versions(keras="3.0.0", tensorflow="2.0.0"),
    )


# A two-block VGG16 at 32×32: small enough to read the golden SVG by eye.
VGG_BODY = (
    layer("input_layer", "InputLayer", (32, 32, 3)),
    layer("block1_conv1", "Conv2D", (32, 32, 8), 224),
    layer("block1_pool", "MaxPooling2D", (16, 16, 8)),
    layer("block5_conv1", "Conv2D", (16, 16, 16), 1168),
    layer("block5_pool", "MaxPooling2D", (8, 8, 16)),
)
VGG_TOP = (
    layer("flatten", "Flatten", (1024,)),
    layer("fc1", "Dense", (32,), 32800),
    layer("predictions", "Dense", (10,), 330),
)


def vgg(variant: str) -> VariantRecord:
    return {
        "top": lambda: record("VGG16", "top", VGG_BODY + VGG_TOP, True),
        "base": lambda: record("VGG16", "base", VGG_BODY, False),
        "base_avg": lambda: record("VGG16", "base_avg", VGG_BODY + (
            layer("global_average_pooling2d", "GlobalAveragePooling2D", (16,)),), False, "avg"),
        "base_max": lambda: record("VGG16", "base_max", VGG_BODY + (
            layer("global_max_pooling2d", "GlobalMaxPooling2D", (16,)),), False, "max"),
        "seed_head": lambda: seed("seed_head", lambda name: True),
        "seed_head_frozen": lambda: seed("seed_head_frozen", lambda name: False),
        "seed_head_last_block": lambda: seed("seed_head_last_block",
                                             lambda name: name.startswith("block5_")),
    }[variant]()


def seed(variant: str, base_trainable) -> VariantRecord:
    body = tuple(LayerRow(l.name, l.type, l.output_shape, l.params, base_trainable(l.name))
                 for l in VGG_BODY + (layer("global_max_pooling2d", "GlobalMaxPooling2D", (16,)),))
    head = (
        layer("fully", "Dense", (8,), 136),
        layer("batch_normalization", "BatchNormalization", (8,), 32),
        layer("activation", "Activation", (8,)),
        layer("dense", "Dense", (4,), 36),
        layer("batch_normalization_1", "BatchNormalization", (4,), 16),
        layer("activation_1", "Activation", (4,)),
        layer("softmax", "Dense", (3,), 15),
    )
    return record("VGG16", variant, body + head, False, "max")


# A ResNet50 cut down to its stem, three blocks of stage conv2 and one of conv3.
def _resnet_block(stage: int, block: int, shape: tuple, projection: bool) -> tuple[LayerRow, ...]:
    p = f"conv{stage}_block{block}_"
    rows = [layer(p + "1_conv", "Conv2D", shape, 100), layer(p + "1_bn", "BatchNormalization", shape, 16),
            layer(p + "1_relu", "Activation", shape)]
    if projection:
        rows += [layer(p + "0_conv", "Conv2D", shape, 200), layer(p + "0_bn", "BatchNormalization", shape, 16)]
    rows += [layer(p + "add", "Add", shape), layer(p + "out", "Activation", shape)]
    return tuple(rows)


RESNET_BODY = (
    layer("input_layer", "InputLayer", (32, 32, 3)),
    layer("conv1_pad", "ZeroPadding2D", (38, 38, 3)),
    layer("conv1_conv", "Conv2D", (16, 16, 8), 1184),
    layer("pool1_pool", "MaxPooling2D", (8, 8, 8)),
    *_resnet_block(2, 1, (8, 8, 16), True),
    *_resnet_block(2, 2, (8, 8, 16), False),
    *_resnet_block(2, 3, (8, 8, 16), False),
    *_resnet_block(3, 1, (4, 4, 32), True),
)
RESNET_TOP = (
    layer("avg_pool", "GlobalAveragePooling2D", (32,)),
    layer("predictions", "Dense", (10,), 330),
)


def resnet(variant: str) -> VariantRecord:
    if variant == "top":
        return record("ResNet50", "top", RESNET_BODY + RESNET_TOP, True)
    return record("ResNet50", "base", RESNET_BODY, False)


def convnext(variant: str) -> VariantRecord:
    """ConvNeXt's base ends in a LayerNormalization the full model does not have."""
    body = (
        layer("input_layer", "InputLayer", (32, 32, 3)),
        layer("convnext_tiny_stem", "Sequential", (8, 8, 16), 800),
        layer("convnext_tiny_stage_0_block_0_depthwise_conv", "Conv2D", (8, 8, 16), 800),
        layer("convnext_tiny_stage_0_block_0_identity", "Activation", (8, 8, 16)),
    )
    if variant == "top":
        return record("ConvNeXtTiny", "top", body + (
            layer("convnext_tiny_head_gap", "GlobalAveragePooling2D", (16,)),
            layer("convnext_tiny_head_layernorm", "LayerNormalization", (16,), 32),
            layer("convnext_tiny_head_dense", "Dense", (10,), 170),
        ), True)
    return record("ConvNeXtTiny", "base", body + (
        layer("layer_normalization", "LayerNormalization", (8, 8, 16), 32),), False)
