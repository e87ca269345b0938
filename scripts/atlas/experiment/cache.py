"""The content-hash cache: grid spec + code + library versions + schema -> key.

A committed record whose key matches is reused as is: a warm run never imports TensorFlow.
Versions come from package metadata (``importlib.metadata``), which does not import them.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path

from atlas.cache import package_version
from atlas.experiment import records
from atlas.experiment.grid import GridSpec
from atlas.records import loads

# The modules whose source decides the numbers; rendering code is not part of the key.
CODE = ("grid.py", "data.py", "train.py", "worker.py", "run.py")
TENSORFLOW_DISTRIBUTIONS = ("tensorflow-cpu", "tensorflow")


def _version(*names: str) -> str:
    return package_version(*names) or "absent"


def versions() -> records.ExpVersions:
    return records.ExpVersions(
        keras=_version("keras"), tensorflow=_version(*TENSORFLOW_DISTRIBUTIONS),
        numpy=_version("numpy"), scikit_learn=_version("scikit-learn"))


def code_hash() -> str:
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in CODE:
        digest.update(name.encode() + b"\0" + (here / name).read_bytes() + b"\0")
    return digest.hexdigest()


def key(spec: GridSpec) -> str:
    payload = {"schema": records.SCHEMA, "spec": asdict(spec), "code": code_hash(),
               "versions": asdict(versions())}
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def cached(root: Path, spec: GridSpec) -> records.ExperimentRecord | None:
    """The committed record if it was computed under the current key, else None."""
    target = root / records.path()
    if not target.exists():
        return None
    text = target.read_text("utf-8")
    if json.loads(text).get("key") != key(spec):
        return None
    return loads(records.ExperimentRecord, text)
