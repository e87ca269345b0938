"""The committed records hold the seed post's numbers exactly; the nav lists every model."""

import re
from pathlib import Path

import pytest

from atlas.catalogue import (
    MODELS, STANDARD_VARIANTS, Catalogue, CatalogueError, VariantSpec, validate,
)
from atlas.records import load_variant

REPO = Path(__file__).resolve().parents[1]


def vgg(variant):
    return load_variant(REPO, "VGG16", variant)


def test_seed_base_max_and_top():
    assert vgg("base_max").totals.total == 14_714_688
    assert vgg("base_max").output_shape == (None, 512)
    top = vgg("top")
    assert top.totals.total == 138_357_544
    assert top.removed_by_headless.layers == ("flatten", "fc1", "fc2", "predictions")
    assert top.removed_by_headless.params == 123_642_856


def test_seed_head():
    t = vgg("seed_head").totals
    assert (t.total, t.trainable, t.non_trainable) == (15_772_483, 15_769_411, 3_072)
    names = [r.name for r in vgg("seed_head").layers[-8:]]
    assert names[0] == "global_max_pooling2d" and names[1] == "fully" and names[-1] == "softmax"


def test_seed_head_frozen():
    t = vgg("seed_head_frozen").totals
    assert (t.total, t.trainable, t.non_trainable) == (15_772_483, 1_054_723, 14_717_760)


def test_seed_head_last_block_unfreezes_exactly_block5():
    record = vgg("seed_head_last_block")
    base_names = {r.name for r in vgg("base").layers}
    trainable_in_base = {r.name for r in record.layers if r.name in base_names and r.trainable}
    assert trainable_in_base == {"block5_conv1", "block5_conv2", "block5_conv3", "block5_pool"}
    block5 = sum(r.params for r in record.layers if r.name.startswith("block5_"))
    assert record.totals.trainable == 1_054_723 + block5


@pytest.mark.parametrize("spec", MODELS, ids=lambda m: m.name)
def test_every_model_has_the_standard_variants(spec):
    for v in STANDARD_VARIANTS:
        record = load_variant(REPO, spec.name, v.id)
        assert record.totals.total == record.totals.trainable + record.totals.non_trainable
    top, base = (load_variant(REPO, spec.name, v) for v in ("top", "base"))
    removal = top.removed_by_headless
    assert top.totals.total - removal.params + removal.added_params == base.totals.total
    assert bool(removal.added) == spec.name.startswith("ConvNeXt")


def test_nav_lists_the_atlas_and_every_model_in_catalogue_order():
    text = (REPO / "mkdocs.yml").read_text("utf-8")
    pages = re.findall(r"^\s+- (atlas/[a-z0-9]+\.md)$", text, flags=re.M)
    assert pages == ["atlas/index.md"] + [f"atlas/{m.slug}.md" for m in MODELS]


def test_duplicate_variant_ids_are_rejected():
    twice = (VariantSpec("extra", include_top=False),) * 2
    with pytest.raises(CatalogueError, match="variant id 'extra' appears twice"):
        validate(Catalogue(extra_variants=(("VGG16", twice),)))
