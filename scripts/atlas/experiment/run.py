"""Run the whole grid on spawned worker processes and assemble the record. No Keras here.

Pretraining runs once per seed; every (seed, similarity, size) task reuses that seed's base
and returns all strategies at once. Tasks are independent and seeded by their coordinates,
so the numbers do not depend on the number of workers or on which worker ran what.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Iterable, Iterator

from atlas.experiment import cache, data, worker
from atlas.experiment.grid import GridSpec
from atlas.experiment.records import (
    SCHEMA, CellRecord, DataCounts, ExperimentRecord, PretrainRecord,
)


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 2))


def _progress(items: Iterable, total: int, label: str, show: bool) -> Iterator:
    for done, item in enumerate(items, start=1):
        if show:
            print(f"\rexperiment: {label} {done}/{total}", end="" if done < total else "\n",
                  file=sys.stderr, flush=True)
        yield item


def run_grid(spec: GridSpec, jobs: int | None = None, progress: bool = False) -> ExperimentRecord:
    spec.validate()
    pretrain_tasks = [worker.PretrainTask(spec, seed) for seed in spec.seeds]
    context = multiprocessing.get_context("spawn")
    with context.Pool(jobs or default_jobs(), initializer=worker.init) as pool:
        pretrained = list(_progress(pool.imap(worker.pretrain, pretrain_tasks, chunksize=1),
                                    len(pretrain_tasks), "pretrain", progress))
        weights = {seed: tuple(w) for seed, (_, w) in zip(spec.seeds, pretrained)}
        tasks = [worker.TransferTask(spec, seed, similarity, size, weights[seed])
                 for similarity in spec.similarities for size in spec.sizes for seed in spec.seeds]
        results = list(_progress(pool.imap(worker.transfer, tasks, chunksize=1), len(tasks),
                                 "transfer", progress))

    by_task = {(t.similarity, t.size, t.seed): r for t, r in zip(tasks, results)}
    cells = []
    for similarity in spec.similarities:
        for strategy in spec.strategies:
            for size in spec.sizes:
                pairs = [by_task[similarity, size, seed][strategy] for seed in spec.seeds]
                totals = {total for _, total in pairs}
                (total,) = totals
                cells.append(CellRecord(similarity=similarity, strategy=strategy, size=size,
                                        n_train=size * data.CLASSES, seeds=spec.seeds,
                                        correct=tuple(c for c, _ in pairs), total=total))
    return ExperimentRecord(
        schema=SCHEMA, key=cache.key(spec), spec=spec, versions=cache.versions(),
        counts=DataCounts(**data.counts(spec)),
        pretrain=tuple(PretrainRecord(seed=seed, correct=c, total=t)
                       for seed, ((c, t), _) in zip(spec.seeds, pretrained)),
        cells=tuple(cells))
