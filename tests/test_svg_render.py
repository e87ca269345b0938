"""SVG diagrams: goldens from hand-made records, XML validity, determinism, palettes, size.

Regenerate the goldens after an intended change with ``UPDATE_GOLDENS=1 pytest tests/test_svg_render.py``
and read the diff.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import svg_records as hand

from atlas import catalogue, records, render_svg
from atlas.render_svg import Scheme
from atlas.records import LayerRow
from atlas.strings import LANGUAGES, t

GOLDENS = Path(__file__).parent / "goldens" / "svg"
NS = "{http://www.w3.org/2000/svg}"


def _vgg(*variants: str):
    return [hand.vgg(v) for v in variants]


CASES = {
    "model-vgg16": lambda lang, s: render_svg.model_svg(lang, s, *_vgg("top", "base")),
    "model-resnet50": lambda lang, s: render_svg.model_svg(lang, s, hand.resnet("top"),
                                                           hand.resnet("base")),
    "model-convnexttiny": lambda lang, s: render_svg.model_svg(
        lang, s, hand.convnext("top"), hand.convnext("base")),
    **{f"variant-{d.name}": (lambda d: lambda lang, s: d.draw(
        lang, s, *(hand.vgg(v) for _, v in d.records)))(d)
       for d in render_svg.VARIANT_DIAGRAMS},
}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name, lang):
    svg = CASES[name](lang, Scheme.LIGHT)
    golden = GOLDENS / f"{name}.{lang}.svg"
    if os.environ.get("UPDATE_GOLDENS"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(svg, "utf-8")
    assert svg == golden.read_text("utf-8")


def _texts(svg: str) -> list[str]:
    return ["".join(el.itertext()) for el in ET.fromstring(svg).iter(f"{NS}text")]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", sorted(CASES))
def test_parses_as_accessible_svg_in_the_page_language(name, lang):
    svg = CASES[name](lang, Scheme.DARK)
    assert svg.startswith(f"<!-- {t(lang, 'banner', command='make generate')} -->\n<svg ")
    root = ET.fromstring(svg)
    assert root.tag == f"{NS}svg"
    assert root.get("role") == "img" and root.get("lang") == lang
    assert root.find(f"{NS}title").text and root.find(f"{NS}desc").text
    assert not root.findall(f".//{NS}image") and not root.findall(f".//{NS}script")
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert ids == ["title", "desc"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_model_diagram_names_the_cut_and_both_parts(lang):
    svg = render_svg.model_svg(lang, Scheme.LIGHT, *_vgg("top", "base"))
    texts = _texts(svg)
    assert t(lang, "svg.cut") in texts
    assert t(lang, "svg.cut_output", shape="8×8×16") in texts
    assert t(lang, "svg.section.base") in texts and t(lang, "svg.section.top") in texts
    assert ["flatten", "fc1", "predictions"] == [x for x in texts if x in {"flatten", "fc1", "predictions"}]
    assert "33,130" in texts  # the top's parameters: 0 + 32,800 + 330
    assert t(lang, "svg.model.title", model="VGG16") == ET.fromstring(svg).find(f"{NS}title").text


def test_korean_and_english_diagrams_use_their_own_labels():
    ko = _texts(render_svg.model_svg("ko", Scheme.LIGHT, *_vgg("top", "base")))
    en = _texts(render_svg.model_svg("en", Scheme.LIGHT, *_vgg("top", "base")))
    assert "include_top=False는 여기서 자릅니다" in ko and "include_top=False cuts here" in en
    assert not set(ko) & {t("en", "svg.cut"), t("en", "svg.section.top")}


def test_resnet_diagram_draws_blocks_with_a_repeat_badge():
    texts = _texts(render_svg.model_svg("en", Scheme.LIGHT, hand.resnet("top"), hand.resnet("base")))
    assert "conv2_block2–3" in texts and "×2" in texts
    assert "conv2_block1_1_conv" not in texts


def test_layers_only_in_the_base_are_drawn_and_flagged():
    svg = render_svg.model_svg("en", Scheme.LIGHT, hand.convnext("top"), hand.convnext("base"))
    texts = _texts(svg)
    assert "layer_normalization" in texts
    assert t("en", "svg.base_only") in texts
    assert svg.count('stroke-dasharray="5 3"') == 2  # the row and its legend swatch


@pytest.mark.parametrize("name", sorted(CASES))
def test_dark_and_light_differ_only_in_colours(name):
    light, dark = CASES[name]("ko", Scheme.LIGHT), CASES[name]("ko", Scheme.DARK)
    style = re.compile(r"<style>(.*?)</style>")
    assert style.sub("", light) == style.sub("", dark)
    colours = re.compile(r"#[0-9a-f]{6}")
    assert colours.sub("#", style.search(light).group(1)) == colours.sub("#", style.search(dark).group(1))
    assert style.search(light).group(1) != style.search(dark).group(1)
    assert not colours.search(style.sub("", light))


def test_same_record_same_bytes_also_after_a_json_round_trip():
    top, base = _vgg("top", "base")
    again = [records.loads(records.VariantRecord, records.dumps(r)) for r in (top, base)]
    first = render_svg.model_svg("ko", Scheme.DARK, top, base)
    assert first == render_svg.model_svg("ko", Scheme.DARK, top, base)
    assert first == render_svg.model_svg("ko", Scheme.DARK, *again)


def test_no_timestamps_or_versions_in_the_output():
    svg = render_svg.model_svg("en", Scheme.LIGHT, *_vgg("top", "base"))
    assert "3.0.0" not in svg and not re.search(r"20\d\d-\d\d-\d\d", svg)


def test_seed_head_marks_batch_norm_moving_statistics():
    svg = render_svg.seed_head_svg("ko", Scheme.LIGHT, hand.vgg("seed_head"), hand.vgg("base_max"))
    texts = _texts(svg)
    assert t("ko", "svg.non_trainable", n="16") in texts  # batch_normalization: 32 params
    assert t("ko", "svg.non_trainable", n="8") in texts  # batch_normalization_1: 16 params
    assert t("ko", "svg.sum.train", total="1,627", trainable="1,603", non_trainable="24") in texts


def test_training_setups_badge_each_block_by_its_trainable_flags():
    texts = _texts(render_svg.training_svg(
        "en", Scheme.LIGHT, hand.vgg("seed_head_last_block"), hand.vgg("base_max"), "x"))
    order = [x for x in texts if x in {"block1", "block5", "frozen", "trains"}]
    assert order[:4] == ["block1", "frozen", "block5", "trains"]


def test_inconsistent_non_trainable_totals_are_an_error():
    rec = hand.vgg("seed_head")
    bad = records.VariantRecord(**{**rec.__dict__, "totals": records.Totals(rec.totals.total,
                                                                            rec.totals.total, 0)})
    with pytest.raises(render_svg.DiagramError, match="VGG16/seed_head"):
        render_svg.seed_head_svg("en", Scheme.LIGHT, bad, hand.vgg("base_max"))


def _synthetic_nasnet(cells: int, per_cell: int) -> tuple[LayerRow, ...]:
    """About cells × per_cell layers named like NASNetLarge's normal cells."""
    layers = [hand.layer("input_layer", "InputLayer", (331, 331, 3)),
              hand.layer("stem_conv1", "Conv2D", (165, 165, 96), 2592)]
    n = 0
    for cell in range(cells):
        for j in range(per_cell):
            layers.append(hand.layer(f"activation_{n}", "Activation", (42, 42, 168)))
            layers.append(hand.layer(f"separable_conv_1_normal_left{j}_{cell}", "SeparableConv2D",
                                     (42, 42, 168), 30_000))
            n += 1
        layers.append(hand.layer(f"normal_concat_{cell}", "Concatenate", (42, 42, 1008)))
    return tuple(layers)


def test_a_thousand_layer_model_stays_small():
    body = _synthetic_nasnet(20, 25)
    assert len(body) > 1000
    top = hand.record("NASNetLarge", "top", body + (
        hand.layer("global_average_pooling2d", "GlobalAveragePooling2D", (1008,)),
        hand.layer("predictions", "Dense", (1000,), 1_009_000)), True)
    base = hand.record("NASNetLarge", "base", body, False)
    for lang in LANGUAGES:
        svg = render_svg.model_svg(lang, Scheme.DARK, top, base)
        assert len(svg.encode("utf-8")) <= 200_000
        assert {"normal_0–19", "×20"} <= set(_texts(svg))


def test_a_family_without_blocks_in_its_names_is_refused_not_drawn_huge():
    body = tuple(hand.layer(f"block1_conv{i}", "Conv2D", (8, 8, 8), 10) for i in range(70))
    top = hand.record("VGG19", "top", body + (hand.layer("fc1", "Dense", (4,), 10),), True)
    base = hand.record("VGG19", "base", body, False)
    with pytest.raises(render_svg.DiagramError, match="VGG19/base: 70 rows"):
        render_svg.model_svg("en", Scheme.LIGHT, top, base)


def test_text_width_estimates_are_deterministic_and_korean_is_wider():
    assert render_svg.text_width("include_top", 12) == render_svg.text_width("include_top", 12)
    assert render_svg.text_width("자릅니다", 12) > render_svg.text_width("cuts", 12)
    assert render_svg.fit("conv4_block2 – conv4_block36", 12, 60).endswith("…")
    assert render_svg.text_width(render_svg.fit("a" * 80, 12, 100), 12) <= 100


def test_diagram_outputs_paths_for_languages_and_schemes():
    def load(model, variant):
        return hand.vgg(variant)

    from atlas import catalogue

    outputs = render_svg.diagram_outputs(load, models=(catalogue.model("VGG16"),))
    paths = sorted(str(o.path) for o in outputs)
    expected = sorted(
        [f"docs/{lang}/diagrams/models/vgg16{s}.svg" for lang in LANGUAGES for s in ("", "-dark")]
        + [f"docs/{lang}/diagrams/variants/{d.name}{s}.svg" for lang in LANGUAGES
           for s in ("", "-dark") for d in render_svg.VARIANT_DIAGRAMS])
    assert paths == expected
    assert {d.name for d in render_svg.VARIANT_DIAGRAMS} == {
        "vgg16-pooling", "vgg16-top-vs-base", "seed-head", "seed-train-frozen",
        "seed-train-last-block", "seed-train-all"}


def test_a_missing_record_stops_the_stage():
    def load(model, variant):
        raise render_svg.DiagramError(f"missing record {model}/{variant}")

    with pytest.raises(render_svg.DiagramError, match="missing record ConvNeXtTiny/top"):
        render_svg.diagram_outputs(load)


def test_record_lookup_names_the_missing_record():
    from atlas.generate import Atlas

    with pytest.raises(KeyError, match="no record NoSuchModel/top"):
        Atlas(models=(), gotchas=()).record("NoSuchModel", "top")


def test_figure_markdown_embeds_light_and_dark_relative_to_the_page():
    assert render_svg.model_figure_markdown("ko", catalogue.model("VGG16"), "atlas/vgg16.md") == (
        "![VGG16: include_top=False가 자르는 위치](../diagrams/models/vgg16.svg#only-light)"
        "{ loading=lazy }\n"
        "![VGG16: include_top=False가 자르는 위치](../diagrams/models/vgg16-dark.svg#only-dark)"
        "{ loading=lazy }\n")
    md = render_svg.variant_figure_markdown("en", "vgg16-pooling", "tutorials/pooling.md")
    assert "](../diagrams/variants/vgg16-pooling.svg#only-light)" in md
    assert "](../diagrams/variants/vgg16-pooling-dark.svg#only-dark)" in md
    assert render_svg.variant_figure_markdown("en", "seed-head", "index.md").count("](diagrams/") == 2
    assert render_svg.variant_figure_markdown("ko", "seed-head", "tutorials/02-head.ipynb") == (
        "![VGG16 기반 모델에 붙인 헤드: (Dense-BN-ReLU) ×2 + softmax]"
        "(../../diagrams/variants/seed-head.svg#only-light)\n"
        "![VGG16 기반 모델에 붙인 헤드: (Dense-BN-ReLU) ×2 + softmax]"
        "(../../diagrams/variants/seed-head-dark.svg#only-dark)\n")
    with pytest.raises(render_svg.UnknownDiagramError, match="vgg16-pooling"):
        render_svg.variant_figure_markdown("en", "nope", "index.md")


RECORDS = Path(__file__).parents[1] / records.RECORDS_DIR / "models"


@pytest.mark.skipif(not RECORDS.is_dir(), reason="records are committed by the generator stage")
def test_every_committed_model_diagram_is_small_and_names_the_cut():
    from atlas import catalogue

    root = Path(__file__).parents[1]
    for spec in catalogue.MODELS:
        top = records.load_variant(root, spec.name, "top")
        base = records.load_variant(root, spec.name, "base")
        for lang in LANGUAGES:
            svg = render_svg.model_svg(lang, Scheme.LIGHT, top, base)
            assert len(svg.encode("utf-8")) <= 200_000, spec.name
            assert t(lang, "svg.cut") in _texts(svg), spec.name
