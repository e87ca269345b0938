"""The experiment's records: frozen dataclasses, canonical JSON via ``atlas.records.dumps``.

Accuracies are stored as exact counts (correct out of total), so the JSON has no floats
that could differ in the last digit; means and standard deviations are derived.
Bump SCHEMA when a field changes meaning: the cache key includes it.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from pathlib import PurePosixPath

from atlas.experiment.errors import ExperimentError
from atlas.experiment.grid import GridSpec
from atlas.records import RECORDS_DIR

SCHEMA = 1
NAME = "freeze-vs-finetune"
PATH = RECORDS_DIR / "experiment" / f"{NAME}.json"


@dataclass(frozen=True)
class ExpVersions:
    keras: str
    tensorflow: str
    numpy: str
    scikit_learn: str


@dataclass(frozen=True)
class DataCounts:
    dataset: int  # every image load_digits ships
    source_train: int
    source_holdout: int
    target_pool: int
    target_test: int


@dataclass(frozen=True)
class PretrainRecord:
    """The pretrained base of one seed, checked on held-out source digits."""

    seed: int
    correct: int
    total: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.total


@dataclass(frozen=True)
class CellRecord:
    """One (similarity, strategy, size) cell: held-out accuracy for every seed."""

    similarity: str
    strategy: str
    size: int  # training examples per class
    n_train: int
    seeds: tuple[int, ...]
    correct: tuple[int, ...]  # per seed, on the fixed target test set
    total: int

    @property
    def accuracies(self) -> tuple[float, ...]:
        return tuple(c / self.total for c in self.correct)

    @property
    def mean(self) -> float:
        return statistics.fmean(self.accuracies)

    @property
    def std(self) -> float:
        """Sample standard deviation over seeds (n - 1 in the denominator)."""
        return statistics.stdev(self.accuracies) if len(self.correct) > 1 else 0.0


@dataclass(frozen=True)
class ExperimentRecord:
    schema: int
    key: str  # the cache key this record was computed under
    spec: GridSpec
    versions: ExpVersions
    counts: DataCounts
    pretrain: tuple[PretrainRecord, ...]
    cells: tuple[CellRecord, ...]

    def cell(self, similarity: str, strategy: str, size: int) -> CellRecord:
        for c in self.cells:
            if (c.similarity, c.strategy, c.size) == (similarity, strategy, size):
                return c
        raise ExperimentError(f"no cell {similarity}/{strategy}/{size} in {PATH}: regenerate it")


def path() -> PurePosixPath:
    return PATH
