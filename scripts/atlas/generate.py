"""The records stage: every variant and gotcha as a record, from the cache or from Keras.

Fresh records are read back from their committed files (no TensorFlow import). Stale
ones are built per model by ``build.model_records`` in worker processes (spawned, each
importing TensorFlow once), with a progress bar. Nothing here writes files: the stage
returns ``Output`` values for write.py.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

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
        for r in self.variants:
            if r.variant == variant_id:
                return r
        raise KeyError(f"no record {self.spec.name}/{variant_id}")


@dataclass(frozen=True)
class Atlas:
    """Everything the renderers read."""

    models: tuple[ModelRecords, ...]
    gotchas: tuple[GotchaRecord, ...]

    def model(self, name: str) -> ModelRecords:
        for m in self.models:
            if m.spec.name == name:
                return m
        raise KeyError(f"no records for model {name}")

    def record(self, model: str, variant: str) -> VariantRecord:
        """One variant's record; a KeyError names it when the atlas has none."""
        try:
            return self.model(model).variant(variant)
        except KeyError:
            raise KeyError(f"no record {model}/{variant}") from None


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
    """Worker initialiser: import Keras and TensorFlow once per process.

    ``gc.freeze`` moves the imported modules out of the collector's view, so the
    automatic collections during builds only scan the builds' own objects.
    """
    import gc

    import atlas.build  # noqa: F401

    gc.freeze()


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

Render = Callable[[Atlas], list[Output]]


@dataclass(frozen=True)
class RecordFiles:
    """Every record's canonical bytes, parsed into an ``Atlas`` only when a render needs it."""

    catalogue: Catalogue
    models: tuple[tuple[ModelSpec, tuple[bytes, ...]], ...]
    gotchas: tuple[bytes, ...]

    def record(self, model: str, variant: str) -> VariantRecord:
        """One variant's record, parsed alone (a warm run need not parse the whole atlas)."""
        data = self._by_path.get(str(variant_path(model, variant)))
        if data is None:
            raise KeyError(f"no record {model}/{variant}")
        return _parse_variant(data)

    @functools.cached_property
    def _by_path(self) -> dict[str, bytes]:
        return self.by_path()

    def by_path(self) -> dict[str, bytes]:
        out = {str(variant_path(spec.name, v.id)): data
               for spec, blobs in self.models
               for v, data in zip(self.catalogue.variants_for(spec), blobs)}
        out.update((str(gotcha_path(g.id)), data)
                   for g, data in zip(self.catalogue.gotchas, self.gotchas))
        return out

    @functools.cached_property
    def atlas(self) -> Atlas:
        return Atlas(
            tuple(ModelRecords(spec, tuple(records.loads(VariantRecord, d.decode())
                                           for d in blobs))
                  for spec, blobs in self.models),
            tuple(records.loads(GotchaRecord, d.decode()) for d in self.gotchas))


@functools.lru_cache(maxsize=64)
def _parse_variant(data: bytes) -> VariantRecord:
    return records.loads(VariantRecord, data.decode())


def collect(root: Path, catalogue: Catalogue, options: Options,
            renders: tuple[tuple[str, Render], ...] = ()) -> tuple[RecordFiles, list[Output]]:
    """Every record (cached or rebuilt), every render of them (cached or re-rendered), the
    cache file; as outputs. A render is re-run when a record or a generator source changed."""
    try:
        validate(catalogue)
    except CatalogueError as e:
        raise AtlasError(str(e)) from None
    versions = cache.installed()
    build_hash, sources_hash = cache.build_hash(), cache.sources_hash()
    state = cache.load(root)

    model_keys = {spec.name: [cache.variant_key(spec, v, versions, build_hash)
                              for v in catalogue.variants_for(spec)]
                  for spec in catalogue.models}
    gotcha_keys = [cache.gotcha_key(g, versions, build_hash) for g in catalogue.gotchas]

    models: dict[str, tuple[bytes, ...]] = {}
    tasks: list = []
    for spec in catalogue.models:
        variants = catalogue.variants_for(spec)
        found = [cache.fresh_bytes(root, state.records, variant_path(spec.name, v.id), key)
                 for v, key in zip(variants, model_keys[spec.name])]
        if all(data is not None for data in found):
            models[spec.name] = tuple(found)
        else:
            tasks.append(ModelTask(spec, variants))
    gotchas: dict[str, bytes] = {}
    for g, key in zip(catalogue.gotchas, gotcha_keys):
        data = cache.fresh_bytes(root, state.records, gotcha_path(g.id), key)
        if data is not None:
            gotchas[g.id] = data
    stale = tuple(g for g in catalogue.gotchas if g.id not in gotchas)
    if stale:
        tasks.insert(0, GotchaTask(stale))

    for task, result in zip(tasks, run(tasks, options)):
        blobs = [records.dumps(r).encode() for r in result]
        if isinstance(task, ModelTask):
            models[task.spec.name] = tuple(blobs)
        else:
            gotchas.update((r.id, b) for r, b in zip(result, blobs))

    files = RecordFiles(catalogue, tuple((s, models[s.name]) for s in catalogue.models),
                        tuple(gotchas[g.id] for g in catalogue.gotchas))
    inputs = files.by_path()
    keys = dict(zip((str(variant_path(s.name, v.id)) for s in catalogue.models
                     for v in catalogue.variants_for(s)),
                    (k for s in catalogue.models for k in model_keys[s.name])))
    keys.update((str(gotcha_path(g.id)), k) for g, k in zip(catalogue.gotchas, gotcha_keys))
    outputs = [Output(PurePosixPath(path), data) for path, data in inputs.items()]
    new_records = {path: cache.Entry(keys[path], cache.sha256(data))
                   for path, data in inputs.items()}

    new_renders: dict[str, cache.Render] = {}
    render_key = cache.render_key(inputs, sources_hash)
    for name, render in renders:
        found = cache.fresh_render(root, state.renders.get(name), render_key)
        rendered = ([Output(PurePosixPath(p), d) for p, d in found.items()] if found is not None
                    else render(files.atlas))
        new_renders[name] = cache.Render(render_key, {str(o.path): cache.sha256(o.content)
                                                      for o in rendered})
        outputs += rendered
    outputs.append(Output.text(cache.CACHE_PATH, cache.dumps(cache.State(new_records,
                                                                         new_renders))))
    return files, outputs
