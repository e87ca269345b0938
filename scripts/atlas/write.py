"""The one place that touches generated files: write-if-changed, orphan removal, check mode.

Every generator stage returns ``Output`` values (a repo-relative path and its bytes);
``plan`` compares them with the working tree and the manifest of the previous run,
``apply`` performs the plan atomically per file, and check mode only reports it.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path, PurePosixPath

MANIFEST = PurePosixPath("data/manifest.json")
FIX_COMMAND = "make generate"


@dataclass(frozen=True)
class Output:
    path: PurePosixPath  # relative to the repository root
    content: bytes

    @classmethod
    def text(cls, path: str | PurePosixPath, text: str) -> Output:
        return cls(PurePosixPath(path), text.encode("utf-8"))


class Change(str, Enum):
    NEW = "missing"
    CHANGED = "changed"
    ORPHAN = "orphaned"


@dataclass(frozen=True)
class Plan:
    writes: tuple[tuple[Output, Change], ...]
    removals: tuple[PurePosixPath, ...]

    @property
    def stale(self) -> list[str]:
        rows = [f"{o.path} ({change.value})" for o, change in self.writes if o.path != MANIFEST]
        rows += [f"{p} ({Change.ORPHAN.value})" for p in self.removals]
        return sorted(rows)


class DuplicateOutputError(ValueError):
    pass


def manifest_output(outputs: Iterable[Output]) -> Output:
    paths = sorted(str(o.path) for o in outputs)
    text = json.dumps({"generated_by": FIX_COMMAND, "files": paths}, ensure_ascii=False, indent=1)
    return Output.text(MANIFEST, text + "\n")


def plan(root: Path, outputs: Iterable[Output]) -> Plan:
    outputs = list(outputs)
    seen: set[PurePosixPath] = set()
    for o in outputs:
        if o.path in seen:
            raise DuplicateOutputError(f"two generator stages produce {o.path}")
        seen.add(o.path)
    outputs.append(manifest_output(outputs))

    writes = []
    for o in outputs:
        target = root / o.path
        if not target.exists():
            writes.append((o, Change.NEW))
        elif target.read_bytes() != o.content:
            writes.append((o, Change.CHANGED))

    previous = root / MANIFEST
    old = set(json.loads(previous.read_text("utf-8"))["files"]) if previous.exists() else set()
    removals = tuple(sorted(PurePosixPath(p) for p in old - {str(p) for p in seen}
                            if (root / p).exists()))
    return Plan(tuple(writes), removals)


def _atomic_write(target: Path, content: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(content)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def apply(root: Path, the_plan: Plan) -> list[PurePosixPath]:
    """Write what changed and remove orphans; return the paths touched."""
    touched = []
    for output, _ in the_plan.writes:
        _atomic_write(root / output.path, output.content)
        touched.append(output.path)
    for path in the_plan.removals:
        (root / path).unlink()
        touched.append(path)
    return touched


def read_current(root: Path, path: PurePosixPath) -> bytes | None:
    """The bytes of a generated file as it is in the working tree, or None if absent.

    For stages whose committed output is their own cache (executed notebooks)."""
    target = root / path
    return target.read_bytes() if target.is_file() else None
