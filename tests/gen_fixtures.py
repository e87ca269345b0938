"""Small hand-made records for renderer goldens: no Keras, every number chosen by hand."""

from atlas.catalogue import ModelSpec, Preprocessing
from atlas.generate import Atlas, ModelRecords
from atlas.records import (
    SCHEMA, FeatureMap, GotchaRecord, LayerRow, Removal, Totals, VariantRecord, Versions,
)

V = Versions(keras="9.9.9", tensorflow="8.8.8")
TINY = ModelSpec("TinyNet", "Tiny", "tiny", 64, 32, Preprocessing.TF)
SEED = ModelSpec("VGG16", "VGG", "vgg16", 64, 32, Preprocessing.CAFFE)

INPUT = LayerRow("input_layer", "InputLayer", (None, 64, 64, 3), 0, True)
CONV = LayerRow("conv", "Conv2D", (None, 32, 32, 8), 224, True)
BN = LayerRow("bn", "BatchNormalization", (None, 32, 32, 8), 32, True)
BASE_ROWS = (INPUT, CONV, BN)


def record(spec, variant, rows, output, *, top=False, pooling="none", trainable=None,
           maps=(), removed=None, code="model = ...\n"):
    total = sum(r.params for r in rows)
    bn = sum(r.params for r in rows if r.type == "BatchNormalization") // 2
    train = total - bn if trainable is None else trainable
    return VariantRecord(
        schema=SCHEMA, model=spec.name, variant=variant, code=code, include_top=top,
        pooling=pooling, input_shape=(None, 64, 64, 3), output_shape=output, layers=rows,
        totals=Totals(total, train, total - train), depth_all=len(rows),
        depth_weighted=sum(1 for r in rows if r.params), batch_norm_layers=1,
        default_size=spec.default_size, min_size=spec.min_size,
        preprocessing=spec.preprocessing.value, versions=V, feature_maps=maps,
        removed_by_headless=removed)


def maps(shapes):
    return tuple(FeatureMap((None, s, s, 3), out) for s, out in zip((32, 64, 128), shapes))


def standard(spec):
    gap = LayerRow("avg_pool", "GlobalAveragePooling2D", (None, 8), 0, True)
    gmp = LayerRow("max_pool", "GlobalMaxPooling2D", (None, 8), 0, True)
    dense = LayerRow("predictions", "Dense", (None, 10), 90, True)
    spatial = [(None, 16, 16, 8), (None, 32, 32, 8), (None, 64, 64, 8)]
    flat = [(None, 8)] * 3
    return (
        record(spec, "top", BASE_ROWS + (gap, dense), (None, 10), top=True,
               removed=Removal(("avg_pool", "predictions"), 90,
                               added=("norm",) if spec is TINY else (),
                               added_params=16 if spec is TINY else 0),
               code=f"model = keras.applications.{spec.name}(weights=None)\n"),
        record(spec, "base", BASE_ROWS, (None, 32, 32, 8), maps=maps(spatial)),
        record(spec, "base_avg", BASE_ROWS + (gap,), (None, 8), pooling="avg", maps=maps(flat)),
        record(spec, "base_max", BASE_ROWS + (gmp,), (None, 8), pooling="max", maps=maps(flat)),
    )


def seed_variants():
    gmp = LayerRow("global_max_pooling2d", "GlobalMaxPooling2D", (None, 8), 0, True)
    head = (LayerRow("fully", "Dense", (None, 4), 36, True),
            LayerRow("softmax", "Dense", (None, 3), 15, True))
    frozen = tuple(LayerRow(r.name, r.type, r.output_shape, r.params, False)
                   for r in BASE_ROWS + (gmp,))
    return (
        record(SEED, "seed_head", BASE_ROWS + (gmp,) + head, (None, 3), pooling="max"),
        record(SEED, "seed_head_frozen", frozen + head, (None, 3), pooling="max", trainable=51),
        record(SEED, "seed_head_last_block", BASE_ROWS[:2] + frozen[2:] + head, (None, 3),
               pooling="max", trainable=275),
    )


GOTCHAS = (
    GotchaRecord(SCHEMA, "raises", "keras.applications.TinyNet(input_shape=(1, 1, 3))",
                 "ValueError", "Input size must be at least 32x32; Received: `a|b`", "raises", V),
    GotchaRecord(SCHEMA, "warns", "keras.applications.TinyNet(weights='imagenet')", None, None,
                 "reaches_download", V, warnings=("UserWarning: <weights> will be loaded",)),
    GotchaRecord(SCHEMA, "silent", "keras.applications.TinyNet(pooling='bogus')", None, None,
                 "same_as_baseline", V, baseline="keras.applications.TinyNet()",
                 output_shape=(None, None, None, 8), total_params=256, baseline_params=256),
)

ATLAS = Atlas(
    models=(ModelRecords(TINY, standard(TINY)),
            ModelRecords(SEED, standard(SEED) + seed_variants())),
    gotchas=GOTCHAS,
)


# --- a throwaway copy of the repository -------------------------------------------------

import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def repo_copy(tmp_path):
    """A copy of what the generator reads and writes, to run it without touching the repo."""
    for name in ("scripts", "data", "docs", "tutorials", "mkdocs.yml"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, tmp_path / name)
    return tmp_path
