"""The tutorials stage: the glossary pages and the executed notebooks."""

from __future__ import annotations

from pathlib import Path

from atlas import glossary, notebooks, template, write


def outputs(root: Path, jobs: int | None = None, progress: bool = False,
            lookup: template.Lookup | None = None) -> list[write.Output]:
    """``lookup`` gives the records of this run; without it, the committed ones are read."""
    return glossary.outputs(root) + notebooks.outputs(root, jobs=jobs, progress=progress,
                                                      lookup=lookup)
