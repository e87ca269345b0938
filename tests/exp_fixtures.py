"""A small hand-made experiment record for renderer tests (no TensorFlow)."""

from atlas.experiment.grid import GridSpec
from atlas.experiment.records import (
    SCHEMA, CellRecord, DataCounts, ExperimentRecord, ExpVersions, PretrainRecord,
)

SPEC = GridSpec(sizes=(2, 10, 50), seeds=(0, 1, 2))
# correct answers out of 100 per (similarity, strategy, size): one tuple per seed
CORRECT = {
    ("similar", "scratch"): {2: (50, 60, 55), 10: (80, 82, 84), 50: (95, 96, 94)},
    ("similar", "frozen"): {2: (70, 72, 71), 10: (85, 84, 86), 50: (90, 91, 89)},
    ("similar", "last_block"): {2: (69, 73, 70), 10: (86, 86, 85), 50: (93, 92, 94)},
    ("similar", "finetune"): {2: (68, 71, 72), 10: (86, 85, 87), 50: (94, 95, 93)},
    ("dissimilar", "scratch"): {2: (40, 45, 42), 10: (70, 72, 71), 50: (90, 91, 92)},
    ("dissimilar", "frozen"): {2: (50, 52, 51), 10: (65, 66, 64), 50: (75, 74, 76)},
    ("dissimilar", "last_block"): {2: (50, 51, 53), 10: (68, 69, 67), 50: (80, 81, 79)},
    ("dissimilar", "finetune"): {2: (52, 53, 50), 10: (70, 71, 69), 50: (85, 84, 86)},
}


def record() -> ExperimentRecord:
    cells = tuple(
        CellRecord(similarity=sim, strategy=strategy, size=n, n_train=5 * n, seeds=SPEC.seeds,
                   correct=CORRECT[sim, strategy][n], total=100)
        for sim in SPEC.similarities for strategy in SPEC.strategies for n in SPEC.sizes)
    return ExperimentRecord(
        schema=SCHEMA, key="test", spec=SPEC,
        versions=ExpVersions(keras="3.0", tensorflow="2.0", numpy="2.0", scikit_learn="1.0"),
        counts=DataCounts(dataset=1797, source_train=751, source_holdout=150, target_pool=500, target_test=396),
        pretrain=(PretrainRecord(0, 140, 150), PretrainRecord(1, 145, 150), PretrainRecord(2, 147, 150)),
        cells=cells)
