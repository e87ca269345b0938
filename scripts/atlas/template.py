"""Placeholders that put record values into prose: numbers are never typed by hand.

The whole syntax (strict; anything else inside ``{{ }}`` is an error)::

    {{ VGG16/top: totals.total }}                         -> 138,357,544
    {{ VGG16/top: layers[fc1].params }}                   -> 102,764,544
    {{ VGG16/base: output_shape }}                        -> (None, 7, 7, 512)
    {{ VGG16/base: output_shape | shape }}                -> 7×7×512
    {{ VGG16/base: output_shape[-1] | plain }}            -> 512 (no thousands separator)
    {{ VGG16/top: removed_by_headless.params | percent_of VGG16/top: totals.total }}  -> 89

A reference is ``Model/variant: path``; a path is a field name followed by ``.field``,
``[integer]`` (tuple index) or ``[name]`` (the row of ``layers`` with that name).
Integers get thousands separators unless ``| plain``. Errors name the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, fields, is_dataclass

from atlas.errors import AtlasError
from atlas.strings import number

PLACEHOLDER = re.compile(r"\{\{(.*?)\}\}")
REF = re.compile(r"^\s*(?P<model>[A-Za-z0-9]+)/(?P<variant>[a-z0-9_]+)\s*:\s*(?P<path>[^|]+?)\s*$")
STEP = re.compile(r"\.?(?P<field>[a-z_][a-z0-9_]*)|\[(?P<index>-?\d+)\]|\[(?P<name>[A-Za-z0-9_]+)\]")


@dataclass(frozen=True)
class Ref:
    model: str
    variant: str
    path: str

    @property
    def record_key(self) -> tuple[str, str]:
        return self.model, self.variant


class TemplateError(AtlasError):
    pass


class LookupFailed(Exception):
    """Raised by a record lookup for an unknown record; turned into a TemplateError."""


Lookup = Callable[[str, str], object]  # (model, variant) -> record


def _parse_ref(text: str, where: str) -> Ref:
    m = REF.match(text)
    if not m:
        raise TemplateError(f"{where}: bad placeholder reference {text.strip()!r}; "
                            "write it as Model/variant: field.path, e.g. VGG16/top: totals.total")
    return Ref(m["model"], m["variant"], m["path"])


def _walk(value: object, path: str, ref: Ref, where: str) -> object:
    pos = 0
    steps = 0
    while pos < len(path):
        m = STEP.match(path, pos)
        if not m or (m["field"] and steps and not path.startswith(".", pos)):
            raise TemplateError(f"{where}: cannot read {path!r} of {ref.model}/{ref.variant} "
                                f"(bad syntax at {path[pos:]!r})")
        pos = m.end()
        steps += 1
        value = _step(value, m, ref, where)
    return value


def _step(value: object, m: re.Match, ref: Ref, where: str) -> object:
    label = f"{ref.model}/{ref.variant}: {ref.path}"
    if m["field"]:
        name = m["field"]
        known = {f.name for f in fields(value)} if is_dataclass(value) else set()
        is_property = isinstance(getattr(type(value), name, None), property)
        if name not in known and not is_property:
            raise TemplateError(f"{where}: {label}: unknown field {name!r}"
                                + (f"; known fields: {', '.join(sorted(known))}" if known else ""))
        result = getattr(value, name)
        if result is None:
            raise TemplateError(f"{where}: {label}: field {name!r} is empty in the record")
        return result
    if not isinstance(value, tuple):
        raise TemplateError(f"{where}: {label}: cannot index a {type(value).__name__}")
    if m["index"] is not None:
        i = int(m["index"])
        if not -len(value) <= i < len(value):
            raise TemplateError(f"{where}: {label}: index {i} out of range ({len(value)} items)")
        return value[i]
    matches = [row for row in value if getattr(row, "name", None) == m["name"]]
    if len(matches) != 1:
        raise TemplateError(f"{where}: {label}: no row named {m['name']!r}")
    return matches[0]


def _format(value: object, label: str, where: str) -> str:
    if isinstance(value, bool):
        raise TemplateError(f"{where}: {label} is a yes/no value, not something to print")
    if isinstance(value, int):
        return number(value)
    if isinstance(value, float):
        return f"{value:,.1f}"
    if isinstance(value, str):
        return value
    if isinstance(value, tuple) and all(d is None or isinstance(d, int) for d in value):
        return "(" + ", ".join("None" if d is None else str(d) for d in value) + ")"
    raise TemplateError(f"{where}: {label} is a {type(value).__name__}; "
                        "point the path at a number, a text or a shape")


def _shape(value: object, label: str, where: str) -> str:
    if not (isinstance(value, tuple) and value and all(isinstance(d, int) for d in value[1:])):
        raise TemplateError(f"{where}: {label}: '| shape' needs a shape such as output_shape")
    return "×".join(str(d) for d in value[1:])


def _plain(value: object, label: str, where: str) -> str:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TemplateError(f"{where}: {label}: '| plain' needs an integer")
    return str(value)


FILTERS: dict[str, Callable[[object, str, str], str]] = {"shape": _shape, "plain": _plain}


@dataclass(frozen=True)
class Filled:
    text: str
    refs: tuple[Ref, ...]  # every reference read, in order


def _value(ref: Ref, lookup: Lookup, where: str) -> object:
    try:
        record = lookup(ref.model, ref.variant)
    except LookupFailed as e:
        raise TemplateError(f"{where}: unknown record {ref.model}/{ref.variant} ({e})") from None
    return _walk(record, ref.path, ref, where)


def _render(body: str, lookup: Lookup, where: str, refs: list[Ref]) -> str:
    left, _, right = body.partition("|")
    ref = _parse_ref(left, where)
    refs.append(ref)
    label = f"{ref.model}/{ref.variant}: {ref.path}"
    value = _value(ref, lookup, where)
    if not _:
        return _format(value, label, where)
    name, _, argument = right.strip().partition(" ")
    if name == "percent_of":
        whole_ref = _parse_ref(argument, where)
        refs.append(whole_ref)
        whole = _value(whole_ref, lookup, where)
        if not (isinstance(value, int) and isinstance(whole, int) and whole > 0):
            raise TemplateError(f"{where}: {label}: '| percent_of' needs two integers")
        return str(round(100 * value / whole))
    if name not in FILTERS or argument:
        raise TemplateError(f"{where}: unknown filter {right.strip()!r}; known: "
                            + ", ".join(sorted([*FILTERS, "percent_of Model/variant: path"])))
    return FILTERS[name](value, label, where)


def fill(text: str, lookup: Lookup, file: str, first_line: int = 1) -> Filled:
    """Replace every placeholder in ``text``; ``first_line`` is the file line of text's line 1."""
    refs: list[Ref] = []
    out = []
    for offset, line in enumerate(text.split("\n")):
        where = f"{file}:{first_line + offset}"
        rendered = PLACEHOLDER.sub(lambda m: _render(m[1], lookup, where, refs), line)
        if "{{" in rendered or "}}" in rendered:
            raise TemplateError(f"{where}: unbalanced '{{{{' or '}}}}' in {line.strip()!r}")
        out.append(rendered)
    return Filled("\n".join(out), tuple(refs))
