"""Content-hash cache of records: a fresh record is read back from its committed file.

A record's key hashes everything that can change it: the model and variant specs, the
installed Keras and TensorFlow versions (read from package metadata, so TensorFlow is
not imported), the record SCHEMA and the source of build.py. The cache file also holds
each record file's own hash, so a hand-edited record is rebuilt rather than trusted.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath

from atlas.catalogue import GotchaSpec, ModelSpec, VariantSpec
from atlas.errors import AtlasError
from atlas.records import RECORDS_DIR, SCHEMA

CACHE_PATH = RECORDS_DIR / "cache.json"
BUILD_SOURCE = Path(__file__).with_name("build.py")
TENSORFLOW_DISTRIBUTIONS = ("tensorflow", "tensorflow-cpu")


@dataclass(frozen=True)
class Installed:
    keras: str
    tensorflow: str


def _version(distributions: tuple[str, ...]) -> str | None:
    for dist in distributions:
        try:
            return importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            continue
    return None


def installed() -> Installed:
    """Keras and TensorFlow versions from package metadata; AtlasError if either is missing."""
    found = {"keras": _version(("keras",)), "tensorflow": _version(TENSORFLOW_DISTRIBUTIONS)}
    for name, version in found.items():
        if version is None:
            raise AtlasError(
                f"{name} is not installed in {_interpreter()}; install requirements.txt "
                "(e.g. `make generate` sets up .venv) and run again")
    return Installed(**found)


def _interpreter() -> str:
    import sys

    return sys.executable


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _digest(payload: object) -> str:
    return sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str).encode())


def variant_key(spec: ModelSpec, variant: VariantSpec, versions: Installed, build_hash: str) -> str:
    return _digest({"spec": asdict(spec), "variant": asdict(variant), "versions": asdict(versions),
                    "schema": SCHEMA, "build": build_hash})


def gotcha_key(spec: GotchaSpec, versions: Installed, build_hash: str) -> str:
    return _digest({"gotcha": asdict(spec), "versions": asdict(versions), "schema": SCHEMA,
                    "build": build_hash})


def build_hash() -> str:
    return sha256(BUILD_SOURCE.read_bytes())


@dataclass(frozen=True)
class Entry:
    key: str  # the content hash of the inputs
    sha256: str  # the hash of the record file it produced


def load(root: Path) -> dict[str, Entry]:
    """The cache entries by record path; empty when there is no (readable) cache file."""
    path = root / CACHE_PATH
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text("utf-8"))
        return {p: Entry(**e) for p, e in data["records"].items()}
    except (ValueError, KeyError, TypeError):
        return {}


def fresh_bytes(root: Path, entries: dict[str, Entry], path: PurePosixPath,
                key: str) -> bytes | None:
    """The committed record's bytes if its key and its content both match, else None."""
    entry = entries.get(str(path))
    target = root / path
    if entry is None or entry.key != key or not target.exists():
        return None
    data = target.read_bytes()
    return data if sha256(data) == entry.sha256 else None


def dumps(entries: dict[str, Entry]) -> str:
    plain = {p: asdict(e) for p, e in sorted(entries.items())}
    return json.dumps({"generated_by": "make generate", "records": plain},
                      sort_keys=True, ensure_ascii=False, indent=1) + "\n"
