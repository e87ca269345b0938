"""The records stage: every variant and gotcha as a record, from the cache or from Keras.

Fresh records are read back from their committed files (no TensorFlow import). Stale
ones are built per model by ``build.model_records`` in worker processes (spawned, each
importing TensorFlow once), with a progress bar. Nothing here writes files: the stage
returns ``Output`` values for write.py.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from atlas import cache, records
from atlas.catalogue import Catalogue, CatalogueError, GotchaSpec, ModelSpec, VariantSpec, validate
from atlas.errors import AtlasError
from atlas.records import GotchaRecord, VariantRecord, gotcha_path, variant_path
from atlas.write import Output


@dataclass(frozen=True)
class ModelRecords:
    spec: ModelSpec
    variants: tuple[VariantRecord, ...]

    def variant(self, variant_id: str) -> VariantRecord:
        return next(r for r in self.variants if r.variant == variant_id)


@dataclass(frozen=True)
class Atlas:
    """Everything the renderers read."""

    models: tuple[ModelRecords, ...]
    gotchas: tuple[GotchaRecord, ...]

    def model(self, name: str) -> ModelRecords:
        return next(m for m in self.models if m.spec.name == name)


@dataclass(frozen=True)
class ModelTask:
    spec: ModelSpec
    variants: tuple[VariantSpec, ...]


@dataclass(frozen=True)
class GotchaTask:
    specs: tuple[GotchaSpec, ...]


@dataclass(frozen=True)
class Options:
    jobs: int | None = None  # worker processes; None: one per core
    progress: bool = True


# --- running builds (in workers) --------------------------------------------------------


def _warm() -> None:
    """Worker initialiser: import Keras and TensorFlow once per process."""
    import atlas.build  # noqa: F401


def _run(task: ModelTask | GotchaTask) -> tuple:
    from atlas import build

    try:
        if isinstance(task, ModelTask):
            return build.model_records(task.spec, task.variants)
        return tuple(build.gotcha_record(g) for g in task.specs)
    except AtlasError:
        raise
    except Exception as e:  # noqa: BLE001 -- reported as one line naming the input
        what = task.spec.name if isinstance(task, ModelTask) else "gotchas"
        first = (str(e).splitlines() or [""])[0]
        raise AtlasError(f"building {what} failed: {type(e).__name__}: {first}") from None


def _results(tasks: list, jobs: int) -> Iterator[tuple]:
    if jobs <= 1 or len(tasks) <= 1:
        yield from map(_run, tasks)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), mp_context=context,
                             initializer=_warm) as pool:
        yield from pool.map(_run, tasks, chunksize=1)


def run(tasks: list, options: Options) -> list[tuple]:
    """Results in task order, whatever order the workers finish in."""
    if not tasks:
        return []
    from tqdm import tqdm

    jobs = options.jobs or os.cpu_count() or 1
    bar = tqdm(total=len(tasks), desc="atlas: building", unit="task",
               disable=not (options.progress and sys.stderr.isatty()))
    out = []
    with bar:
        for result in _results(tasks, jobs):
            out.append(result)
            bar.update()
    return out


# --- the stage --------------------------------------------------------------------------


def collect(root: Path, catalogue: Catalogue, options: Options) -> tuple[Atlas, list[Output]]:
    """Every record (cached or rebuilt) plus the record files and the cache file."""
    try:
        validate(catalogue)
    except CatalogueError as e:
        raise AtlasError(str(e)) from None
    versions = cache.installed()
    build_hash = cache.build_hash()
    entries = cache.load(root)
    new_entries: dict[str, cache.Entry] = {}

    models: dict[str, tuple[VariantRecord, ...]] = {}
    tasks: list = []
    for spec in catalogue.models:
        variants = catalogue.variants_for(spec)
        keys = {v.id: cache.variant_key(spec, v, versions, build_hash) for v in variants}
        found = [cache.fresh_bytes(root, entries, variant_path(spec.name, v.id), keys[v.id])
                 for v in variants]
        if all(data is not None for data in found):
            models[spec.name] = tuple(records.loads(VariantRecord, d.decode()) for d in found)
        else:
            tasks.append(ModelTask(spec, variants))

    gotchas: dict[str, GotchaRecord] = {}
    stale_gotchas = []
    for g in catalogue.gotchas:
        data = cache.fresh_bytes(root, entries, gotcha_path(g.id),
                                 cache.gotcha_key(g, versions, build_hash))
        if data is None:
            stale_gotchas.append(g)
        else:
            gotchas[g.id] = records.loads(GotchaRecord, data.decode())
    if stale_gotchas:
        tasks.insert(0, GotchaTask(tuple(stale_gotchas)))

    for task, result in zip(tasks, run(tasks, options)):
        if isinstance(task, ModelTask):
            models[task.spec.name] = result
        else:
            gotchas.update((r.id, r) for r in result)

    outputs = []
    atlas_models = []
    for spec in catalogue.models:
        for variant, record in zip(catalogue.variants_for(spec), models[spec.name]):
            out = Output.text(variant_path(spec.name, variant.id), records.dumps(record))
            key = cache.variant_key(spec, variant, versions, build_hash)
            new_entries[str(out.path)] = cache.Entry(key, cache.sha256(out.content))
            outputs.append(out)
        atlas_models.append(ModelRecords(spec, models[spec.name]))
    for g in catalogue.gotchas:
        out = Output.text(gotcha_path(g.id), records.dumps(gotchas[g.id]))
        key = cache.gotcha_key(g, versions, build_hash)
        new_entries[str(out.path)] = cache.Entry(key, cache.sha256(out.content))
        outputs.append(out)
    outputs.append(Output.text(cache.CACHE_PATH, cache.dumps(new_entries)))
    atlas = Atlas(tuple(atlas_models), tuple(gotchas[g.id] for g in catalogue.gotchas))
    return atlas, outputs
