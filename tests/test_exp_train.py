"""The Keras side: a tiny grid end to end, determinism, what each strategy trains, the real path."""

import numpy as np
import pytest

from atlas.experiment.errors import ExperimentError
from atlas.experiment.grid import GridSpec

pytestmark = pytest.mark.keras

TINY = GridSpec(sizes=(2, 4), seeds=(0, 1), pretrain_steps=20, head_steps=8, tune_steps=8)


@pytest.fixture(scope="module")
def train():
    from atlas.experiment import train

    train.configure()
    return train


@pytest.fixture(scope="module")
def pretrained(train):
    return train.pretrain(TINY, 0)


def test_tiny_grid_runs_end_to_end_on_workers_and_matches_an_in_process_cell(train, pretrained):
    from atlas.experiment import run, stage

    record = run.run_grid(TINY, jobs=2)
    assert len(record.cells) == 2 * 4 * 2
    assert {c.total for c in record.cells} == {396}
    assert all(0 <= x <= 396 for c in record.cells for x in c.correct)
    assert [p.total for p in record.pretrain] == [150, 150]
    assert record.pretrain[0].correct == pretrained[0][0]
    outputs = stage.render_all(record)
    assert len(outputs) == 1 + 2 * 3

    here = train.transfer_cell(TINY, 0, "dissimilar", 4, pretrained[1])
    for strategy, (correct, total) in here.items():
        cell = record.cell("dissimilar", strategy, 4)
        assert (cell.correct[0], cell.total) == (correct, total)


def test_one_cell_is_deterministic(train, pretrained):
    first = train.transfer_cell(TINY, 1, "similar", 2, pretrained[1])
    second = train.transfer_cell(TINY, 1, "similar", 2, pretrained[1])
    assert first == second
    assert list(first) == list(TINY.strategies)


def test_strategies_train_what_they_claim_and_keep_batch_norm_frozen(train, pretrained):
    from atlas.experiment import data

    split = data.target(TINY, "similar")
    subset = data.subset(TINY, split.pool, 0, 2)
    changed = {}
    for strategy in ("frozen", "last_block", "finetune"):
        train.start(5)
        base = train.build_base(TINY.filters, 3)
        base.set_weights(pretrained[1])
        model = train.head_phase(base, subset, 5, TINY, 1)
        before = {v.path: v.numpy().copy() for v in base.weights}
        train.tune_phase(model, base, subset, strategy, TINY.last_block, TINY, 1)
        after = {v.path: v.numpy() for v in base.weights}
        changed[strategy] = sorted(p for p in before if not np.array_equal(before[p], after[p]))
    assert changed["frozen"] == []
    assert changed["last_block"] == ["block3/block3_conv/kernel"]
    assert changed["finetune"] == ["block1/block1_conv/kernel", "block2/block2_conv/kernel",
                                   "block3/block3_conv/kernel"]


def test_unknown_strategy_in_a_cell_is_refused(train, pretrained):
    spec = GridSpec(sizes=(2,), seeds=(0,), strategies=("frozen", "half"))
    with pytest.raises(ExperimentError, match="unknown strategy 'half'"):
        train.transfer_cell(spec, 0, "similar", 2, pretrained[1])


@pytest.fixture
def folder(tmp_path):
    from PIL import Image

    rng = np.random.RandomState(0)
    for label in ("cats", "dogs"):
        (tmp_path / label).mkdir()
        for i in range(3):
            pixels = rng.randint(0, 256, size=(32, 32, 3), dtype=np.uint8)
            Image.fromarray(pixels).save(tmp_path / label / f"{i}.png")
    return tmp_path


def test_real_path_application_and_image_folder_offline(train, folder):
    import keras

    spec = GridSpec(head_steps=1, tune_steps=1, batch=2)
    model = train.transfer_application(
        "MobileNetV2", folder, strategy="last_block", last_block="block_16", image_size=(32, 32),
        weights=None, preprocess=keras.applications.mobilenet_v2.preprocess_input, spec=spec, alpha=0.35)
    assert model.output_shape == (None, 2)
    base = model.get_layer("mobilenetv2_0.35_32")
    trainable = [layer.name for layer in base.layers if layer.trainable and layer.weights]
    assert trainable and all(not name.startswith(("block_15", "Conv1")) for name in trainable)
    assert not any(isinstance(layer, keras.layers.BatchNormalization) and layer.trainable
                   for layer in base.layers)
    with pytest.raises(ExperimentError, match="no layer of 'mobilenetv2_0.35_32' starts with 'block9'"):
        train.transfer_application("MobileNetV2", folder, strategy="last_block", last_block="block9",
                                   image_size=(32, 32), weights=None, spec=spec, alpha=0.35)
