"""The tutorials stage: the glossary pages and the executed notebooks."""

from __future__ import annotations

from pathlib import Path

from atlas import glossary, notebooks, write


def outputs(root: Path, jobs: int | None = None, progress: bool = False) -> list[write.Output]:
    return glossary.outputs(root) + notebooks.outputs(root, jobs=jobs, progress=progress)
