"""The generator stage: the experiment's record, plots and pages as ``write.Output``s.

Warm (the committed record's key matches): read it, render, done; TensorFlow is never
imported. Cold: run the grid on worker processes first.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from atlas import strings, write
from atlas.cache import package_version
from atlas.experiment import cache, plots, records, render, run
from atlas.experiment.grid import DEFAULT, GridSpec
from atlas.records import dumps
from atlas.strings import LANGUAGES, t

Committed = Callable[[PurePosixPath], "bytes | None"]


def record_for(root: Path, spec: GridSpec = DEFAULT, jobs: int | None = None,
               progress: bool = False) -> records.ExperimentRecord:
    spec.validate()
    return cache.cached(root, spec) or run.run_grid(spec, jobs=jobs, progress=progress)


def plot_key(record_text: str) -> str:
    """What a plot depends on: the record, the plotting code, the strings, matplotlib."""
    digest = hashlib.sha256(record_text.encode())
    for module in (plots, strings):
        digest.update(Path(module.__file__).read_bytes())
    digest.update((package_version("matplotlib") or "absent").encode())
    return digest.hexdigest()[:16]


def _sealed(banner: str, key: str, body: bytes) -> bytes:
    """The banner line names the plot's key and a digest of the SVG below it, so a reused
    file is known to be both current and untouched."""
    digest = hashlib.sha256(body).hexdigest()[:16]
    return f"<!-- {banner} (plot {key} {digest}) -->\n".encode() + body


def plot_svg(record: records.ExperimentRecord, lang: str, palette: str, key: str,
             committed: Committed) -> bytes:
    """The plot, reused from the committed file when ``key`` matches (no matplotlib import)."""
    banner = t(lang, "banner", command=render.COMMAND)
    old = committed(plots.path(lang, palette))
    if old is not None and b"\n" in old and old == _sealed(banner, key, old.split(b"\n", 1)[1]):
        return old
    drawn = plots.svg(plots.figure(record, lang, palette), banner)
    return _sealed(banner, key, drawn.split(b"\n", 1)[1])


def render_all(record: records.ExperimentRecord,
               committed: Committed = lambda path: None) -> list[write.Output]:
    """The record file, two SVG plots and one page per language."""
    text = dumps(record)
    key = plot_key(text)
    outputs = [write.Output.text(records.path(), text)]
    for lang in LANGUAGES:
        for palette in plots.PALETTES:
            outputs.append(write.Output(plots.path(lang, palette),
                                        plot_svg(record, lang, palette, key, committed)))
        outputs.append(write.Output.text(render.page_path(lang), render.page(record, lang)))
    return outputs


def outputs(root: Path, jobs: int | None = None, progress: bool = False) -> list[write.Output]:
    record = record_for(root, DEFAULT, jobs, progress)
    return render_all(record, lambda path: write.read_current(root, path))
