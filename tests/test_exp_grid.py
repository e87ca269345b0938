"""Grid spec, data split and cache key: no TensorFlow involved."""

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from atlas.experiment import cache, data, grid
from atlas.experiment.errors import ExperimentError

ROOT = Path(__file__).resolve().parents[1]


def test_unknown_strategy_is_named_with_the_choices():
    with pytest.raises(ExperimentError, match=r"unknown strategy 'unfreeze_half'.*use one of scratch, frozen"):
        grid.GridSpec(strategies=("frozen", "unfreeze_half")).validate()


def test_size_larger_than_the_pool_is_refused():
    with pytest.raises(ExperimentError, match=r"target size 150 per class is larger than the pool \(100 per"):
        grid.GridSpec(sizes=(10, 150)).validate()
    with pytest.raises(ExperimentError, match="larger than the pool"):
        data.subset(grid.DEFAULT, data.target(grid.DEFAULT, "similar").pool, 0, 101)


def test_pool_larger_than_the_data_is_refused():
    with pytest.raises(ExperimentError, match="GridSpec.pool_per_class asks for 200 images of class 0"):
        data.target(replace(grid.DEFAULT, pool_per_class=200, sizes=(2,)), "similar")


def test_split_counts_are_fixed_and_cover_the_digits():
    counts = data.counts(grid.DEFAULT)
    dataset = counts.pop("dataset")
    assert counts == {"source_train": 751, "source_holdout": 150, "target_pool": 500, "target_test": 396}
    assert sum(counts.values()) == dataset == 1797


def test_test_set_is_disjoint_from_the_pool_and_the_same_for_both_similarities():
    spec = grid.DEFAULT
    similar, dissimilar = data.target(spec, "similar"), data.target(spec, "dissimilar")
    pool_rows = {row.tobytes() for row in similar.pool.x}
    test_rows = [row.tobytes() for row in similar.test.x]
    duplicates_in_digits = sum(r in pool_rows for r in test_rows)
    assert duplicates_in_digits <= 2  # load_digits holds a few identical images; none is shared by index
    np.testing.assert_array_equal(dissimilar.test.y, similar.test.y)
    np.testing.assert_array_equal(dissimilar.test.x, data.permute(similar.test.x, data.permutation(spec)))
    assert not np.array_equal(dissimilar.test.x, similar.test.x)


def test_subsets_are_balanced_and_nested():
    spec = grid.DEFAULT
    pool = data.target(spec, "similar").pool
    small, large = data.subset(spec, pool, 3, 5), data.subset(spec, pool, 3, 25)
    assert np.bincount(small.y).tolist() == [5] * 5
    assert np.bincount(large.y).tolist() == [25] * 5
    large_rows = {row.tobytes() for row in large.x}
    assert all(row.tobytes() in large_rows for row in small.x)
    other_seed = data.subset(spec, pool, 4, 5)
    assert not np.array_equal(other_seed.x, small.x)


def test_cache_key_follows_the_spec_and_is_stable():
    assert cache.key(grid.DEFAULT) == cache.key(grid.GridSpec())
    assert cache.key(grid.DEFAULT) != cache.key(replace(grid.DEFAULT, tune_steps=201))
    assert len(cache.key(grid.DEFAULT)) == 64


def test_warm_path_modules_do_not_import_tensorflow():
    code = ("import sys; from atlas.experiment import stage, cache, grid, render, plots, findings, run; "
            "cache.key(grid.DEFAULT); print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('tensorflow', 'keras')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={"PYTHONPATH": str(ROOT / "scripts"), "PATH": "/usr/bin:/bin"})
    assert done.stdout.strip() == "[]"
