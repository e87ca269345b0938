"""Scikit-learn's bundled digits (no download), the fixed split and the dissimilar target.

Source task: digits 0-4. Target task: digits 5-9, relabelled 0-4. The target's test set
is fixed by ``split_seed`` and never touches training or model selection (there is none:
every run trains a fixed number of steps). The dissimilar target is the same images with
one fixed pixel permutation, which destroys the spatial structure convolutions rely on.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from atlas.experiment.errors import ExperimentError
from atlas.experiment.grid import GridSpec

CLASSES = 5
SIDE = 8


@dataclass(frozen=True, eq=False)
class Arrays:
    x: np.ndarray  # float32, (n, 8, 8, 1), values in [0, 1]
    y: np.ndarray  # int32 labels 0-4

    def __len__(self) -> int:
        return len(self.y)

    def take(self, index: np.ndarray) -> Arrays:
        return Arrays(self.x[index], self.y[index])


@dataclass(frozen=True, eq=False)
class SourceSplit:
    train: Arrays
    holdout: Arrays


@dataclass(frozen=True, eq=False)
class TargetSplit:
    pool: Arrays  # pool_per_class per class, grouped by class
    test: Arrays


@cache
def _digits() -> tuple[np.ndarray, np.ndarray]:
    from sklearn.datasets import load_digits

    bunch = load_digits()
    x = (bunch.images / 16.0).astype(np.float32)[..., None]
    return x, bunch.target.astype(np.int32)


def _split(x: np.ndarray, y: np.ndarray, first: int, seed: int, what: str) -> tuple[Arrays, Arrays]:
    """Per class, a seeded permutation: the first ``first`` go left, the rest right."""
    rng = np.random.RandomState(seed)
    left, right = [], []
    for c in range(CLASSES):
        members = np.flatnonzero(y == c)
        if first >= len(members):
            raise ExperimentError(
                f"{what} asks for {first} images of class {c}, but only {len(members)} exist: lower it")
        order = rng.permutation(members)
        left.append(order[:first])
        right.append(order[first:])
    left_i, right_i = np.concatenate(left), np.sort(np.concatenate(right))
    return Arrays(x[left_i], y[left_i]), Arrays(x[right_i], y[right_i])


def source(spec: GridSpec) -> SourceSplit:
    x, y = _digits()
    mask = y < CLASSES
    holdout, train = _split(x[mask], y[mask], spec.source_holdout, spec.split_seed,
                            "GridSpec.source_holdout")
    return SourceSplit(train=train, holdout=holdout)


def permutation(spec: GridSpec) -> np.ndarray:
    return np.random.RandomState(spec.permutation_seed).permutation(SIDE * SIDE)


def permute(x: np.ndarray, perm: np.ndarray) -> np.ndarray:
    return x.reshape(len(x), SIDE * SIDE)[:, perm].reshape(x.shape)


def target(spec: GridSpec, similarity: str) -> TargetSplit:
    x, y = _digits()
    mask = y >= CLASSES
    x, y = x[mask], y[mask] - CLASSES
    if similarity == "dissimilar":
        x = permute(x, permutation(spec))
    pool, test = _split(x, y, spec.pool_per_class, spec.split_seed + 1, "GridSpec.pool_per_class")
    return TargetSplit(pool=pool, test=test)


def subset(spec: GridSpec, pool: Arrays, seed: int, size: int) -> Arrays:
    """``size`` examples per class from the pool; for one seed, smaller sizes are prefixes of larger."""
    if size > spec.pool_per_class:
        raise ExperimentError(
            f"target size {size} per class is larger than the pool ({spec.pool_per_class} per class): "
            f"lower it or raise GridSpec.pool_per_class")
    rng = np.random.RandomState(10_000 + seed)
    picks = [rng.permutation(np.flatnonzero(pool.y == c))[:size] for c in range(CLASSES)]
    return pool.take(np.concatenate(picks))


def counts(spec: GridSpec) -> dict[str, int]:
    s, t = source(spec), target(spec, "similar")
    return {"dataset": len(_digits()[1]), "source_train": len(s.train),
            "source_holdout": len(s.holdout), "target_pool": len(t.pool),
            "target_test": len(t.test)}
