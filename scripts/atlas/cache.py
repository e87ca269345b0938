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


def package_version(*distributions: str) -> str | None:
    """The installed version of the first of ``distributions`` found, from package metadata
    (no import); None when none is installed."""
    for dist in distributions:
        try:
            return importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            continue
    return None


def installed() -> Installed:
    """Keras and TensorFlow versions from package metadata; AtlasError if either is missing."""
    found = {"keras": package_version("keras"),
             "tensorflow": package_version(*TENSORFLOW_DISTRIBUTIONS)}
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


def sources_hash() -> str:
    """Every generator module's source: a renderer or string change re-renders the pages."""
    package = BUILD_SOURCE.parent
    return sha256(b"".join(p.name.encode() + b"\0" + p.read_bytes()
                           for p in sorted(package.glob("*.py"))))


def render_key(inputs: dict[str, bytes], sources: str) -> str:
    """The key of a render: every input file's bytes and the generator's sources."""
    digest = hashlib.sha256(sources.encode())
    for path in sorted(inputs):
        digest.update(path.encode() + b"\0" + sha256(inputs[path]).encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class Entry:
    key: str  # the content hash of the inputs
    sha256: str  # the hash of the record file it produced


@dataclass(frozen=True)
class Render:
    key: str  # render_key of its inputs
    files: dict[str, str]  # output path -> sha256 of its bytes


@dataclass(frozen=True)
class State:
    records: dict[str, Entry]
    renders: dict[str, Render]


def load(root: Path) -> State:
    """The cache as committed; empty when there is no (readable) cache file."""
    path = root / CACHE_PATH
    if not path.exists():
        return State({}, {})
    try:
        data = json.loads(path.read_text("utf-8"))
        return State({p: Entry(**e) for p, e in data["records"].items()},
                     {n: Render(**r) for n, r in data["renders"].items()})
    except (ValueError, KeyError, TypeError):
        return State({}, {})


def fresh_bytes(root: Path, entries: dict[str, Entry], path: PurePosixPath,
                key: str) -> bytes | None:
    """The committed record's bytes if its key and its content both match, else None."""
    entry = entries.get(str(path))
    target = root / path
    if entry is None or entry.key != key or not target.exists():
        return None
    data = target.read_bytes()
    return data if sha256(data) == entry.sha256 else None


def fresh_render(root: Path, render: Render | None, key: str) -> dict[str, bytes] | None:
    """A render's committed files if its key and every file's content match, else None."""
    if render is None or render.key != key:
        return None
    found = {}
    for path, digest in render.files.items():
        target = root / path
        if not target.exists():
            return None
        data = target.read_bytes()
        if sha256(data) != digest:
            return None
        found[path] = data
    return found


def dumps(state: State) -> str:
    plain = {"generated_by": "make generate",
             "records": {p: asdict(e) for p, e in sorted(state.records.items())},
             "renders": {n: asdict(r) for n, r in sorted(state.renders.items())}}
    return json.dumps(plain, sort_keys=True, ensure_ascii=False, indent=1) + "\n"
