"""The generator stage: the experiment's record, plots and pages as ``write.Output``s.

Warm (the committed record's key matches): read it, render, done; TensorFlow is never
imported. Cold: run the grid on worker processes first.
"""

from __future__ import annotations

from pathlib import Path

from atlas import write
from atlas.experiment import cache, plots, records, render, run
from atlas.experiment.grid import DEFAULT, GridSpec
from atlas.records import dumps
from atlas.strings import LANGUAGES, t


def record_for(root: Path, spec: GridSpec = DEFAULT, jobs: int | None = None,
               progress: bool = False) -> records.ExperimentRecord:
    spec.validate()
    return cache.cached(root, spec) or run.run_grid(spec, jobs=jobs, progress=progress)


def render_all(record: records.ExperimentRecord) -> list[write.Output]:
    """Pure: the record file, two SVG plots and one page per language."""
    outputs = [write.Output.text(records.path(), dumps(record))]
    for lang in LANGUAGES:
        banner = t(lang, "banner", command=render.COMMAND)
        for palette in plots.PALETTES:
            outputs.append(write.Output(plots.path(lang, palette),
                                        plots.svg(plots.figure(record, lang, palette), banner)))
        outputs.append(write.Output.text(render.page_path(lang), render.page(record, lang)))
    return outputs


def outputs(root: Path, jobs: int | None = None, progress: bool = False) -> list[write.Output]:
    return render_all(record_for(root, DEFAULT, jobs, progress))
