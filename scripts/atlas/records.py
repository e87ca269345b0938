"""Neutral records: what a Keras build produced, as frozen dataclasses and canonical JSON.

Renderers (Markdown, SVG, notebooks) read only these; they never import Keras.
Bump SCHEMA when a field changes meaning: the cache key includes it.
"""

from __future__ import annotations

import functools
import json
from dataclasses import asdict, dataclass, fields, is_dataclass
from typing import Any, get_args, get_origin, get_type_hints

SCHEMA = 2

Shape = tuple[int | None, ...]


@dataclass(frozen=True)
class Versions:
    keras: str
    tensorflow: str


@dataclass(frozen=True)
class LayerRow:
    name: str
    type: str  # class name, e.g. "Conv2D"
    output_shape: Shape  # batch dimension included: (None, 7, 7, 512)
    params: int
    trainable: bool  # the layer's own trainable flag in this variant


@dataclass(frozen=True)
class Totals:
    total: int
    trainable: int
    non_trainable: int

    @property
    def size_mb(self) -> float:
        """Weights at float32, in MB (10^6 bytes)."""
        return self.total * 4 / 1_000_000


@dataclass(frozen=True)
class FeatureMap:
    """The headless base's output at one input size (parameters do not change with it)."""

    input_shape: Shape
    output_shape: Shape


@dataclass(frozen=True)
class Removal:
    """What include_top=False removes from the full model (and, rarely, adds to it)."""

    layers: tuple[str, ...]
    params: int
    # Layers only the headless base has, e.g. ConvNeXt's final LayerNormalization.
    added: tuple[str, ...] = ()
    added_params: int = 0


@dataclass(frozen=True)
class VariantRecord:
    schema: int
    model: str
    variant: str
    code: str  # Python that builds this variant
    include_top: bool
    pooling: str  # "none" | "avg" | "max"
    input_shape: Shape
    output_shape: Shape
    layers: tuple[LayerRow, ...]
    totals: Totals
    depth_all: int  # every layer, the input layer included
    depth_weighted: int  # layers that hold weights
    batch_norm_layers: int
    default_size: int
    min_size: int
    preprocessing: str
    versions: Versions
    feature_maps: tuple[FeatureMap, ...] = ()  # base variants: min, default and large input
    removed_by_headless: Removal | None = None  # top variant: the top's layers and params

    @property
    def feature_dim(self) -> int | None:
        """Length of the output vector when the output is flat, else None."""
        dims = self.output_shape[1:]
        return dims[0] if len(dims) == 1 else None

    @property
    def key(self) -> str:
        return f"{self.model}/{self.variant}"


@dataclass(frozen=True)
class GotchaRecord:
    """An invalid or surprising call and what the installed Keras says about it."""

    schema: int
    id: str
    code: str  # the call, as a reader would write it
    raises: str | None  # exception class name, None when Keras accepts the call
    message: str | None  # the exception message verbatim, None when silent
    # What happened, as a neutral key the renderers translate:
    # "raises" | "same_as_baseline" | "differs_from_baseline"
    observed: str
    versions: Versions
    baseline: str | None = None  # the plain call a silent gotcha is compared with
    output_shape: Shape | None = None  # the accepted call's output (silent gotchas)
    total_params: int | None = None  # the accepted call's parameter count (silent gotchas)
    baseline_params: int | None = None  # the baseline call's parameter count
    warnings: tuple[str, ...] = ()  # "Category: message" for each warning Keras emitted


# --- canonical JSON ---------------------------------------------------------------------


def dumps(record: Any) -> str:
    """Canonical JSON: sorted keys, UTF-8 text kept readable, one trailing newline."""
    return json.dumps(_plain(record), sort_keys=True, ensure_ascii=False, indent=1) + "\n"


def _plain(value: Any) -> Any:
    if is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


def loads(cls: type, text: str) -> Any:
    return from_plain(cls, json.loads(text))


@functools.cache
def _field_hints(cls: type) -> tuple[tuple[str, Any], ...]:
    hints = get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in fields(cls))


def from_plain(cls: Any, data: Any) -> Any:
    """Rebuild a (nested) frozen dataclass from plain JSON data, turning lists into tuples."""
    if data is None:
        return None
    if is_dataclass(cls):
        return cls(**{name: from_plain(hint, data[name])
                      for name, hint in _field_hints(cls) if name in data})
    origin = get_origin(cls)
    if origin is tuple:
        args = get_args(cls)
        item = args[0] if len(args) == 2 and args[1] is Ellipsis else None
        return tuple(from_plain(item, v) if item else v for v in data)
    if origin is not None:  # Optional[X] / X | None
        inner = [a for a in get_args(cls) if a is not type(None)]
        if len(inner) == 1 and is_dataclass(inner[0]):
            return from_plain(inner[0], data)
    return data


__all__ = [
    "SCHEMA", "Shape", "Versions", "LayerRow", "Totals", "FeatureMap", "Removal",
    "VariantRecord", "GotchaRecord", "dumps", "loads", "from_plain", "asdict",
]


# --- where records live ---------------------------------------------------------------

from pathlib import Path, PurePosixPath  # noqa: E402

RECORDS_DIR = PurePosixPath("data/records")


def variant_path(model: str, variant: str) -> PurePosixPath:
    return RECORDS_DIR / "models" / model / f"{variant}.json"


def gotcha_path(gotcha_id: str) -> PurePosixPath:
    return RECORDS_DIR / "gotchas" / f"{gotcha_id}.json"


def load_variant(root: Path, model: str, variant: str) -> VariantRecord:
    return loads(VariantRecord, (root / variant_path(model, variant)).read_text("utf-8"))
