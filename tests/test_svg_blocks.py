"""Block grouping per family, on layer names copied from the real Keras models."""

from __future__ import annotations

import pytest

from atlas import blocks, catalogue
from atlas.records import LayerRow


def rows(spec: str) -> list[LayerRow]:
    """``name:Type`` or ``name:Type:H`` per token; spatial size H (default 8) sets the shape."""
    out = []
    for token in spec.split():
        name, type_, *size = token.split(":")
        h = int(size[0]) if size else 8
        out.append(LayerRow(name, type_, (None, h, h, 4), 1, True))
    return out


def labels(family: str, spec: str, collapse: bool = True) -> list[str]:
    groups = (blocks.blocks(family, rows(spec)) if collapse
              else blocks.group_layers(family, rows(spec)))
    return [g.label if g.repeat == 1 else f"{g.label}–{g.last_key}×{g.repeat}" for g in groups]


def test_every_catalogue_family_has_rules():
    assert {m.family for m in catalogue.MODELS} <= set(blocks.FAMILY_RULES)


def test_unknown_family_names_the_family_and_the_fix():
    with pytest.raises(blocks.UnknownFamilyError, match=r"'Foo'.*FAMILY_RULES"):
        blocks.blocks("Foo", rows("a:Dense"))


def test_auto_named_layers_follow_keras_naming():
    assert blocks.is_auto_named(LayerRow("max_pooling2d_1", "MaxPooling2D", (None,), 0, True))
    assert blocks.is_auto_named(LayerRow("batch_normalization", "BatchNormalization", (None,), 0, True))
    assert not blocks.is_auto_named(LayerRow("block1_pool", "MaxPooling2D", (None,), 0, True))
    assert not blocks.is_auto_named(LayerRow("mixed9_0", "Concatenate", (None,), 0, True))


def test_vgg_shows_every_layer():
    assert labels("VGG", "block1_conv1:Conv2D block1_conv2:Conv2D block1_pool:MaxPooling2D") == [
        "block1_conv1", "block1_conv2", "block1_pool"]


RESNET = ("conv1_pad:ZeroPadding2D conv1_conv:Conv2D pool1_pool:MaxPooling2D "
          "conv2_block1_1_conv:Conv2D conv2_block1_0_conv:Conv2D conv2_block1_out:Activation "
          "conv2_block2_1_conv:Conv2D conv2_block2_out:Activation "
          "conv2_block3_1_conv:Conv2D conv2_block3_out:Activation "
          "conv3_block1_1_conv:Conv2D:4 conv3_block1_0_conv:Conv2D:4 conv3_block1_out:Activation:4")


def test_resnet_blocks_and_repeats():
    assert labels("ResNet", RESNET, collapse=False) == [
        "conv1_pad … pool1_pool", "conv2_block1", "conv2_block2", "conv2_block3", "conv3_block1"]
    assert labels("ResNet", RESNET) == [
        "conv1_pad … pool1_pool", "conv2_block1", "conv2_block2–conv2_block3×2", "conv3_block1"]


def test_resnet_v2_pooling_inside_a_block_stays_in_it():
    spec = ("conv2_block3_2_relu:Activation max_pooling2d:MaxPooling2D:4 "
            "conv2_block3_3_conv:Conv2D:4 conv2_block3_out:Add:4 post_bn:BatchNormalization:4")
    groups = blocks.group_layers("ResNet", rows(spec))
    assert [(g.label, len(g.layers)) for g in groups] == [("conv2_block3", 4), ("post_bn", 1)]


def test_densenet_blocks_collapse_although_channels_grow_and_transitions_stay():
    spec = ("conv1_conv:Conv2D pool1:MaxPooling2D conv2_block1_1_conv:Conv2D "
            "conv2_block1_concat:Concatenate conv2_block2_1_conv:Conv2D conv2_block2_concat:Concatenate "
            "pool2_bn:BatchNormalization pool2_conv:Conv2D pool2_pool:AveragePooling2D:4 "
            "conv3_block1_1_conv:Conv2D:4 conv3_block1_concat:Concatenate:4 bn:BatchNormalization:4 "
            "relu:Activation:4")
    assert labels("DenseNet", spec) == [
        "conv1_conv … pool1", "conv2_block1–conv2_block2×2", "pool2", "conv3_block1", "bn … relu"]


def test_efficientnet_first_block_of_a_stage_differs_and_stem_takes_preprocessing():
    spec = ("rescaling:Rescaling normalization:Normalization stem_conv:Conv2D "
            "block2a_expand_conv:Conv2D block2a_project_bn:BatchNormalization "
            "block2b_expand_conv:Conv2D block2b_project_bn:BatchNormalization block2b_drop:Dropout "
            "block2b_add:Add block2c_expand_conv:Conv2D block2c_project_bn:BatchNormalization "
            "block2c_drop:Dropout block2c_add:Add top_conv:Conv2D top_activation:Activation")
    for family in ("EfficientNet", "EfficientNetV2"):
        assert labels(family, spec) == [
            "rescaling … stem_conv", "block2a", "block2b–block2c×2", "top_conv … top_activation"]


def test_xception_residual_layers_join_their_block_and_spatial_size_stops_a_repeat():
    spec = ("block2_sepconv2_bn:BatchNormalization conv2d:Conv2D block2_pool:MaxPooling2D:4 "
            "batch_normalization:BatchNormalization:4 add:Add:4 "
            "block3_sepconv2_bn:BatchNormalization:4 conv2d_1:Conv2D:2 block3_pool:MaxPooling2D:2 "
            "batch_normalization_1:BatchNormalization:2 add_1:Add:2")
    groups = blocks.blocks("Xception", rows(spec))
    assert [(g.label, len(g.layers), g.repeat) for g in groups] == [
        ("block2", 5, 1), ("block3", 5, 1)]
    assert groups[0].signature == groups[1].signature


def test_mobilenet_v1_v2_v3_names():
    v1 = ("conv1:Conv2D conv1_relu:ReLU conv_dw_1:DepthwiseConv2D conv_pw_1:Conv2D "
          "conv_pad_2:ZeroPadding2D conv_dw_2:DepthwiseConv2D:4 conv_pw_2:Conv2D:4")
    assert labels("MobileNet", v1) == ["conv1 … conv1_relu", "conv_block_1", "conv_block_2"]
    v2 = ("Conv1:Conv2D bn_Conv1:BatchNormalization Conv1_relu:ReLU "
          "expanded_conv_depthwise:DepthwiseConv2D block_1_expand:Conv2D block_1_project:Conv2D "
          "Conv_1:Conv2D out_relu:ReLU")
    assert labels("MobileNet", v2) == [
        "Conv1 … Conv1_relu", "expanded_conv", "block_1", "Conv_1 … out_relu"]
    v3 = ("rescaling:Rescaling conv:Conv2D conv_bn:BatchNormalization activation:Activation "
          "expanded_conv_depthwise:DepthwiseConv2D re_lu:ReLU expanded_conv_project:Conv2D "
          "expanded_conv_1_expand:Conv2D expanded_conv_1_project:Conv2D "
          "conv_1:Conv2D activation_17:Activation")
    assert labels("MobileNet", v3) == [
        "rescaling … activation", "expanded_conv", "expanded_conv_1", "conv_1 … activation_17"]


def test_convnext_stages_and_model_prefix_dropped_from_labels():
    spec = ("convnext_small_prestem_normalization:Normalization convnext_small_stem:Sequential "
            "convnext_small_stage_0_block_0_depthwise_conv:Conv2D "
            "convnext_small_stage_0_block_0_identity:Activation "
            "convnext_small_stage_0_block_1_depthwise_conv:Conv2D "
            "convnext_small_stage_0_block_1_identity:Activation "
            "convnext_small_downsampling_block_0:Sequential:4")
    assert labels("ConvNeXt", spec) == [
        "prestem_normalization", "stem", "stage_0_block_0–stage_0_block_1×2", "downsampling_block_0"]


def test_nasnet_cells_take_their_leading_activations_and_order_by_completion():
    spec = ("stem_conv1:Conv2D stem_bn1:BatchNormalization activation:Activation "
            "reduction_conv_1_stem_1:Conv2D adjust_relu_1_stem_2:Activation "
            "reduction_concat_stem_1:Concatenate activation_1:Activation "
            "reduction_concat_stem_2:Concatenate adjust_conv_projection_reduce_4:Conv2D "
            "normal_conv_1_0:Conv2D separable_conv_1_normal_left1_0:SeparableConv2D "
            "normal_concat_0:Concatenate activation_2:Activation "
            "reduction_concat_reduce_4:Concatenate:4")
    groups = blocks.group_layers("NASNet", rows(spec))
    assert [(g.label, len(g.layers)) for g in groups] == [
        ("stem_conv1 … stem_bn1", 2), ("stem_1", 3), ("stem_2", 3), ("normal_0", 3),
        ("reduce_4", 3)]


def test_inception_v3_stem_ends_at_the_last_max_pooling_and_inner_concats_are_anonymous():
    spec = ("conv2d:Conv2D max_pooling2d:MaxPooling2D conv2d_3:Conv2D max_pooling2d_1:MaxPooling2D "
            "conv2d_8:Conv2D average_pooling2d:AveragePooling2D mixed0:Concatenate "
            "conv2d_12:Conv2D mixed1:Concatenate "
            "conv2d_80:Conv2D mixed9_0:Concatenate concatenate:Concatenate mixed9:Concatenate "
            "mixed9_1:Concatenate concatenate_1:Concatenate mixed10:Concatenate")
    groups = blocks.group_layers("Inception", rows(spec))
    assert [(g.label, len(g.layers)) for g in groups] == [
        ("conv2d … max_pooling2d_1", 4), ("mixed0", 3), ("mixed1", 2), ("mixed9", 4),
        ("mixed10", 3)]


def test_inception_resnet_blocks_keep_their_scale_layer():
    spec = ("conv2d:Conv2D max_pooling2d:MaxPooling2D conv2d_5:Conv2D mixed_5b:Concatenate "
            "conv2d_6:Conv2D block35_1_mixed:Concatenate block35_1_conv:Conv2D "
            "custom_scale_layer:CustomScaleLayer block35_1_ac:Activation "
            "conv2d_7:Conv2D block35_2_mixed:Concatenate block35_2_conv:Conv2D "
            "custom_scale_layer_1:CustomScaleLayer block35_2_ac:Activation "
            "block8_10_conv:Conv2D custom_scale_layer_39:CustomScaleLayer conv_7b:Conv2D "
            "conv_7b_ac:Activation")
    assert labels("Inception", spec) == [
        "conv2d … max_pooling2d", "mixed_5b", "block35_1–block35_2×2", "block8_10",
        "conv_7b … conv_7b_ac"]
    last = blocks.group_layers("Inception", rows(spec))[-2]
    assert [layer.name for layer in last.layers] == ["block8_10_conv", "custom_scale_layer_39"]


def test_groups_keep_every_layer_once():
    layers = rows(RESNET)
    groups = blocks.blocks("ResNet", layers)
    assert sorted(l.name for g in groups for l in g.layers) == sorted(l.name for l in layers)
    assert sum(g.params for g in groups) == len(layers)


@pytest.mark.parametrize("first,last,label", [
    ("conv4_block2", "conv4_block6", "conv4_block2–6"),
    ("block35_1", "block35_10", "block35_1–10"),
    ("conv_block_7", "conv_block_11", "conv_block_7–11"),
    ("block4b", "block4c", "block4b–c"),
    ("stage_2_block_0", "stage_2_block_8", "stage_2_block_0–8"),
    ("mixed0", "mixed2", "mixed0–2"),
    ("normal_8", "normal_12", "normal_8–12"),
    ("expanded_conv_4", "expanded_conv_5", "expanded_conv_4–5"),
    ("a1", "b2", "a1–b2"),
])
def test_range_labels_write_the_shared_prefix_once(first, last, label):
    assert blocks.range_label(first, last) == label
