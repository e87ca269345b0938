"""The experiment grid as typed data: what is varied, what is fixed. No Keras import."""

from __future__ import annotations

from dataclasses import dataclass

from atlas.experiment.errors import ExperimentError

# Order matters: it is the order of table columns and plot legends.
STRATEGIES = ("scratch", "frozen", "last_block", "finetune")
SIMILARITIES = ("similar", "dissimilar")


@dataclass(frozen=True)
class GridSpec:
    """Everything that decides the numbers. Changing any field changes the cache key."""

    sizes: tuple[int, ...] = (2, 5, 10, 25, 50, 100)  # target training examples per class
    seeds: tuple[int, ...] = (0, 1, 2, 3, 4)
    strategies: tuple[str, ...] = STRATEGIES
    similarities: tuple[str, ...] = SIMILARITIES
    pool_per_class: int = 100  # target training pool; the rest of the target digits is the test set
    source_holdout: int = 30  # source images per class kept out of pretraining, to report its accuracy
    split_seed: int = 2024  # the fixed split; never varied with the run seed
    permutation_seed: int = 7  # the fixed pixel permutation of the dissimilar target
    filters: tuple[int, ...] = (16, 32, 64)  # one convolutional block per entry
    pretrain_steps: int = 600
    pretrain_batch: int = 32
    head_steps: int = 200  # phase 1: the new head on a frozen base
    tune_steps: int = 200  # phase 2: frozen keeps training the head; the others unfreeze
    batch: int = 16
    lr_pretrain: float = 1e-3
    lr_head: float = 1e-2
    lr_scratch: float = 1e-3
    lr_tune: float = 1e-4

    @property
    def steps_total(self) -> int:
        return self.head_steps + self.tune_steps

    @property
    def last_block(self) -> str:
        return f"block{len(self.filters)}"

    def validate(self) -> GridSpec:
        unknown = [s for s in self.strategies if s not in STRATEGIES]
        if unknown:
            raise ExperimentError(
                f"unknown strategy {unknown[0]!r} in GridSpec.strategies: use one of {', '.join(STRATEGIES)}")
        unknown = [s for s in self.similarities if s not in SIMILARITIES]
        if unknown:
            raise ExperimentError(
                f"unknown similarity {unknown[0]!r} in GridSpec.similarities: "
                f"use one of {', '.join(SIMILARITIES)}")
        too_big = [n for n in self.sizes if n > self.pool_per_class]
        if too_big:
            raise ExperimentError(
                f"target size {too_big[0]} per class is larger than the pool ({self.pool_per_class} per "
                f"class): lower it in GridSpec.sizes or raise GridSpec.pool_per_class")
        if not self.sizes or min(self.sizes) < 1:
            raise ExperimentError("GridSpec.sizes must be positive numbers of examples per class")
        if not self.seeds or len(set(self.seeds)) != len(self.seeds):
            raise ExperimentError("GridSpec.seeds must be distinct and not empty")
        if list(self.sizes) != sorted(set(self.sizes)):
            raise ExperimentError("GridSpec.sizes must be distinct and increasing")
        return self


DEFAULT = GridSpec()
