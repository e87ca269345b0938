"""Records → SVG diagrams: where include_top cuts, what pooling does, a custom head, frozen layers.

Pure functions from ``VariantRecord``s to SVG text. No Keras, no Graphviz: the layout is
a vertical list of rows (a block or a layer each) that this module places itself, so the
bytes depend only on the records, the language and the colour scheme. Text widths are
estimated from a per-character table, never measured. An SVG inside ``<img>`` cannot see
the page's CSS, so every diagram comes as a light and a dark file that differ only in the
colours of their ``<style>`` block; ``figure_markdown`` embeds both with Material's
``#only-light`` / ``#only-dark`` fragments.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from xml.sax.saxutils import escape

from atlas import blocks, catalogue
from atlas.records import LayerRow, Shape, VariantRecord
from atlas.strings import LANGUAGES, number, t
from atlas.write import FIX_COMMAND, Output

Loader = Callable[[str, str], VariantRecord]  # (model name, variant id) -> record
DiagramError = blocks.DiagramError


# --- colours ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Palette:
    bg: str
    text: str
    muted: str
    line: str
    base: tuple[str, str]  # (fill, stroke)
    top: tuple[str, str]
    head: tuple[str, str]
    trainable: tuple[str, str]
    frozen: tuple[str, str]
    partly: tuple[str, str]
    none: tuple[str, str]
    cut: str
    mark: str
    bar: str


class Scheme(str, Enum):
    LIGHT = "light"
    DARK = "dark"

    @property
    def suffix(self) -> str:
        return "" if self is Scheme.LIGHT else "-dark"

    @property
    def fragment(self) -> str:
        return f"#only-{self.value}"


PALETTES: dict[Scheme, Palette] = {
    Scheme.LIGHT: Palette(
        bg="#ffffff", text="#1f2330", muted="#5c6270", line="#c5c9d6",
        base=("#e8eaf6", "#3f51b5"), top=("#fff3e0", "#e65100"), head=("#e0f2f1", "#00796b"),
        trainable=("#e8f5e9", "#2e7d32"), frozen=("#e2e7ec", "#546e7a"),
        partly=("#fff8e1", "#f9a825"), none=("#f7f7f9", "#b0b5c3"),
        cut="#d84315", mark="#c62828", bar="#7986cb",
    ),
    Scheme.DARK: Palette(
        bg="#1e2029", text="#e3e5ee", muted="#a3a8b8", line="#464b5e",
        base=("#272c4a", "#8c9eff"), top=("#3b2a1a", "#ffb74d"), head=("#17332f", "#4db6ac"),
        trainable=("#1b3320", "#81c784"), frozen=("#2c3440", "#90a4ae"),
        partly=("#3a321a", "#ffd54f"), none=("#24262f", "#5d6274"),
        cut="#ff8a65", mark="#ef9a9a", bar="#5c6bc0",
    ),
}

ROW_STYLES = ("base", "top", "head", "trainable", "frozen", "partly", "none")


def _css(p: Palette) -> str:
    rules = [
        f".bg{{fill:{p.bg}}}",
        f".tx{{fill:{p.text}}}",
        f".mu{{fill:{p.muted}}}",
        f".ln{{stroke:{p.line};fill:none}}",
        f".cut{{stroke:{p.cut}}}",
        f".ct{{fill:{p.cut}}}",
        f".mk{{fill:{p.mark}}}",
        f".bar{{fill:{p.bar}}}",
        f".mo{{font-family:{MONO}}}",
    ]
    rules += [f".{name}{{fill:{getattr(p, name)[0]};stroke:{getattr(p, name)[1]}}}"
              for name in ROW_STYLES]
    rules += [f".{name}-s{{fill:{getattr(p, name)[1]}}}" for name in ROW_STYLES]
    return "".join(rules)


# --- text ---------------------------------------------------------------------------------

SANS = ("'Noto Sans KR','Apple SD Gothic Neo','Malgun Gothic',NanumGothic,"
        "'Noto Sans',Roboto,'Segoe UI',Helvetica,Arial,sans-serif")
MONO = "'DejaVu Sans Mono',Menlo,Consolas,'Liberation Mono',monospace"

_NARROW = frozenset("ijlI.,:;'|!()[]{} `")
_SEMI = frozenset("frt-/\"")
_WIDE = frozenset("mwMW@%")


def _char_width(ch: str) -> float:
    """Advance of one character in em, rounded up for common sans fonts."""
    code = ord(ch)
    if 0x1100 <= code <= 0x11FF or 0x2E80 <= code <= 0xA4CF or 0xAC00 <= code <= 0xD7AF \
            or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFFEF:
        return 0.94
    if ch in _NARROW:
        return 0.32
    if ch in _SEMI:
        return 0.42
    if ch in _WIDE:
        return 0.9
    if ch.isdigit():
        return 0.58
    if ch.isupper():
        return 0.68
    return 0.55


def text_width(text: str, size: float, mono: bool = False, bold: bool = False) -> float:
    """Estimated rendered width in px: deterministic, never measured."""
    em = sum(0.62 if mono and ord(ch) < 0x1100 else _char_width(ch) for ch in text)
    return em * size * (1.06 if bold else 1.0)


def fit(text: str, size: float, budget: float, mono: bool = False, bold: bool = False) -> str:
    """The text, cut with an ellipsis if its estimated width exceeds the budget."""
    if text_width(text, size, mono, bold) <= budget:
        return text
    while text and text_width(text + "…", size, mono, bold) > budget:
        text = text[:-1]
    return text + "…"


def shape_text(shape: Shape) -> str:
    """``(None, 7, 7, 512)`` → ``7×7×512`` (the batch dimension dropped)."""
    return "×".join("?" if d is None else str(d) for d in shape[1:])


def layers_text(lang: str, n: int) -> str:
    return t(lang, "svg.layers.one") if n == 1 else t(lang, "svg.layers.many", n=number(n))


# --- SVG building -------------------------------------------------------------------------


def _f(x: float) -> str:
    """Fixed number formatting: integers stay integers, others get one decimal."""
    r = round(x, 1)
    return str(int(r)) if r == int(r) else f"{r:.1f}"


@dataclass
class Canvas:
    """Collects SVG elements; ``svg()`` wraps them. Only used inside one render call."""

    width: int
    parts: list[str] = field(default_factory=list)

    def rect(self, x: float, y: float, w: float, h: float, cls: str, rx: float = 0,
             dashed: bool = False) -> None:
        extra = f' rx="{_f(rx)}"' if rx else ""
        extra += ' stroke-dasharray="5 3"' if dashed else ""
        self.parts.append(f'<rect class="{cls}" x="{_f(x)}" y="{_f(y)}" width="{_f(w)}" '
                          f'height="{_f(h)}"{extra}/>')

    def line(self, x1: float, y1: float, x2: float, y2: float, cls: str,
             dashed: bool = False, width: float = 1) -> None:
        extra = ' stroke-dasharray="7 4"' if dashed else ""
        extra += f' stroke-width="{_f(width)}"' if width != 1 else ""
        self.parts.append(f'<line class="{cls}" x1="{_f(x1)}" y1="{_f(y1)}" x2="{_f(x2)}" '
                          f'y2="{_f(y2)}"{extra}/>')

    def triangle(self, x: float, y: float, half: float, cls: str) -> None:
        """A small arrowhead pointing down, its tip at (x, y)."""
        self.parts.append(f'<path class="{cls}" d="M{_f(x - half)} {_f(y - half)}'
                          f'H{_f(x + half)}L{_f(x)} {_f(y)}Z"/>')

    def text(self, x: float, y: float, text: str, cls: str = "tx", size: float = 12,
             anchor: str = "start", bold: bool = False, mono: bool = False) -> None:
        attrs = f'class="{cls}{" mo" if mono else ""}" x="{_f(x)}" y="{_f(y)}" font-size="{_f(size)}"'
        if anchor != "start":
            attrs += f' text-anchor="{anchor}"'
        if bold:
            attrs += ' font-weight="700"'
        self.parts.append(f"<text {attrs}>{escape(text)}</text>")

    def svg(self, height: float, lang: str, scheme: Scheme, title: str, desc: str) -> str:
        banner = t(lang, "banner", command=FIX_COMMAND)
        if "--" in banner:
            raise ValueError("an XML comment cannot contain '--': change the banner string")
        head = (
            f"<!-- {banner} -->\n"
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" lang="{lang}" '
            f'aria-labelledby="title desc" width="{self.width}" height="{_f(height)}" '
            f'viewBox="0 0 {self.width} {_f(height)}" font-family="{SANS}">\n'
            f'<title id="title">{escape(title)}</title>\n'
            f'<desc id="desc">{escape(desc)}</desc>\n'
            f"<style>{_css(PALETTES[scheme])}</style>\n"
            f'<rect class="bg" x="0" y="0" width="{self.width}" height="{_f(height)}" rx="8"/>\n'
        )
        return head + "\n".join(self.parts) + "\n</svg>\n"


# --- rows ---------------------------------------------------------------------------------

WIDTH = 760
MARGIN = 16
ROW_H = 30
GAP = 4
MAX_ROWS = 60  # the largest real base (VGG19, every layer) has 21


@dataclass(frozen=True)
class Row:
    """One drawn row: a block, a run of identical blocks, or one layer."""

    label: str
    detail: str
    shape: str
    params: int
    style: str  # one of ROW_STYLES
    badge: str = ""
    note: str = ""  # drawn in the mark colour after the detail
    dashed: bool = False


_SHORT_TYPES = {
    "BatchNormalization": "BN", "LayerNormalization": "LN", "DepthwiseConv2D": "DWConv2D",
    "SeparableConv2D": "SepConv2D", "Conv2D": "Conv2D", "Dense": "Dense",
}


def _detail(lang: str, layers: Sequence[LayerRow]) -> str:
    """A layer's type, or a block's layer count and the types that hold its weights."""
    if len(layers) == 1:
        return layers[0].type
    weighted: list[str] = []
    for layer in layers:
        short = _SHORT_TYPES.get(layer.type, layer.type)
        if layer.params and short not in weighted:
            weighted.append(short)
    kinds = ", ".join(weighted[:3]) + ("…" if len(weighted) > 3 else "")
    return layers_text(lang, len(layers)) + (f" · {kinds}" if kinds else "")


def group_row(lang: str, group: blocks.Group, style: str, badge: str = "") -> Row:
    label = group.label if group.repeat == 1 else blocks.range_label(group.label, group.last_key)
    repeat = t(lang, "svg.repeat", n=group.repeat) if group.repeat > 1 else ""
    return Row(label, _detail(lang, group.layers), shape_text(group.output_shape), group.params,
               style, badge=" ".join(b for b in (repeat, badge) if b))


def layer_row(lang: str, layer: LayerRow, style: str, **kw) -> Row:
    return Row(layer.name, layer.type, shape_text(layer.output_shape), layer.params, style, **kw)


# wide rows: label | detail | shape | params
COL_LABEL = 10
COL_DETAIL = 262
COL_SHAPE_END = 134  # from the right edge
COL_PARAMS_END = 10


def draw_row(c: Canvas, row: Row, x: float, y: float, w: float, bar_total: int) -> None:
    c.rect(x, y, w, ROW_H, row.style, rx=4, dashed=row.dashed)
    if bar_total and row.params:
        c.rect(x + 1, y + ROW_H - 4, max(1.0, (w - 2) * row.params / bar_total), 3, "bar")
    base = y + 19.5
    c.text(x + COL_LABEL, base, fit(row.label, 12, COL_DETAIL - COL_LABEL - 8, mono=True),
           size=12, mono=True, bold=True)
    dx = x + COL_DETAIL
    if row.badge:
        bw = text_width(row.badge, 11, bold=True) + 10
        c.rect(dx, y + 7, bw, 16, f"{row.style}-s", rx=8)
        c.text(dx + bw / 2, y + 19, row.badge, cls="bg", size=11, anchor="middle", bold=True)
        dx += bw + 6
    free = x + w - COL_SHAPE_END - text_width(row.shape, 12, mono=True) - 14
    if row.note:
        note_w = text_width(row.note, 11.5, bold=True)
        detail = fit(row.detail, 11.5, free - dx - note_w - 10)
        c.text(dx, base, detail, cls="mu", size=11.5)
        c.text(dx + text_width(detail, 11.5) + 10, base, row.note, cls="mk", size=11.5,
               bold=True)
    else:
        c.text(dx, base, fit(row.detail, 11.5, free - dx), cls="mu", size=11.5)
    c.text(x + w - COL_SHAPE_END, base, row.shape, size=12, anchor="end", mono=True)
    c.text(x + w - COL_PARAMS_END, base, number(row.params), size=12, anchor="end", mono=True)


def draw_header(c: Canvas, lang: str, x: float, y: float, w: float) -> float:
    c.text(x + COL_LABEL, y, t(lang, "svg.col.block"), cls="mu", size=11)
    c.text(x + COL_DETAIL, y, t(lang, "svg.col.contents"), cls="mu", size=11)
    c.text(x + w - COL_SHAPE_END, y, t(lang, "svg.col.shape"), cls="mu", size=11, anchor="end")
    c.text(x + w - COL_PARAMS_END, y, t(lang, "svg.col.params"), cls="mu", size=11, anchor="end")
    return y + 8


def draw_section(c: Canvas, text: str, params: int | None, style: str, x: float, y: float,
                 w: float) -> float:
    c.rect(x, y + 2, 12, 12, style, rx=2)
    c.text(x + 18, y + 12.5, fit(text, 12.5, w - 150, bold=True), size=12.5, bold=True)
    if params is not None:
        c.text(x + w - COL_PARAMS_END, y + 12.5, number(params), size=12.5, anchor="end",
               bold=True, mono=True)
    return y + 20


def draw_cut(c: Canvas, lang: str, shape: str, x: float, y: float, w: float) -> float:
    mid = y + 14
    c.line(x - 6, mid, x + w + 6, mid, "cut", dashed=True, width=2)
    label = t(lang, "svg.cut")
    lw = text_width(label, 13, bold=True) + 16
    c.rect(x + 12, mid - 11, lw, 22, "bg", rx=11)
    c.rect(x + 12, mid - 11, lw, 22, "ln", rx=11)
    c.text(x + 20, mid + 4.5, label, cls="ct", size=13, bold=True)
    out = t(lang, "svg.cut_output", shape=shape)
    ow = text_width(out, 12) + 16
    c.rect(x + w - ow - 4, mid - 10, ow, 20, "bg", rx=10)
    c.text(x + w - 12, mid + 4, out, cls="ct", size=12, anchor="end", bold=True)
    return y + 30


def draw_rows(c: Canvas, rows: Sequence[Row], x: float, y: float, w: float,
              bar_total: int) -> float:
    for row in rows:
        draw_row(c, row, x, y, w, bar_total)
        y += ROW_H + GAP
    return y


@dataclass(frozen=True)
class LegendItem:
    style: str
    text: str
    dashed: bool = False
    mark: bool = False


def draw_legend(c: Canvas, items: Sequence[LegendItem], x: float, y: float, w: float) -> float:
    """Legend items flowed left to right, wrapping at the width."""
    cx = x
    for item in items:
        iw = 22 + text_width(item.text, 12)
        if cx > x and cx + iw > x + w:
            cx, y = x, y + 20
        if item.mark:
            c.rect(cx, y + 1, 14, 12, "mk", rx=2)
        else:
            c.rect(cx, y + 1, 14, 12, item.style, rx=2, dashed=item.dashed)
        c.text(cx + 20, y + 11.5, item.text, cls="tx", size=12)
        cx += iw + 18
    return y + 22


def draw_lines(c: Canvas, lines: Sequence[str], x: float, y: float, size: float = 12) -> float:
    for line in lines:
        c.text(x, y + size, line, cls="tx", size=size)
        y += size + 7
    return y


def draw_title(c: Canvas, title: str, subtitle: str, x: float, y: float, w: float) -> float:
    c.text(x, y + 17, fit(title, 17, w, bold=True), size=17, bold=True)
    c.text(x, y + 38, fit(subtitle, 12.5, w), cls="mu", size=12.5)
    return y + 52


# --- model diagrams -----------------------------------------------------------------------


def _non_input(layers: Sequence[LayerRow]) -> tuple[LayerRow, ...]:
    return tuple(layer for layer in layers if layer.type != "InputLayer")


def top_layers(top: VariantRecord, base: VariantRecord) -> tuple[LayerRow, ...]:
    """The layers include_top=True adds: the record's Removal if present, else by name."""
    if top.removed_by_headless is not None:
        names = set(top.removed_by_headless.layers)
    else:
        names = {layer.name for layer in top.layers} - {layer.name for layer in base.layers}
    return tuple(layer for layer in top.layers if layer.name in names)


@dataclass(frozen=True)
class ModelParts:
    """A model cut in two: the base's rows, the top's rows, and the numbers around them."""

    model: str
    input_shape: str
    base_rows: tuple[Row, ...]
    top_rows: tuple[Row, ...]
    base_output: str
    base_params: int
    base_layers: int
    top_params: int
    top_names: tuple[str, ...]
    full_params: int
    full_layers: int
    has_base_only: bool


def model_parts(lang: str, top: VariantRecord, base: VariantRecord) -> ModelParts:
    if top.model != base.model or not top.include_top or base.include_top:
        raise DiagramError(f"model diagram needs a top and a base record of one model, "
                           f"got {top.key} and {base.key}")
    family = catalogue.model(top.model).family
    top_names = {layer.name for layer in top.layers}
    shared = [layer for layer in _non_input(base.layers) if layer.name in top_names]
    base_only = [layer for layer in _non_input(base.layers) if layer.name not in top_names]
    rows = [group_row(lang, g, "base") for g in blocks.blocks(family, shared)]
    rows += [layer_row(lang, layer, "base", dashed=True) for layer in base_only]
    if len(rows) > MAX_ROWS:
        raise DiagramError(f"{base.key}: {len(rows)} rows is too many for a readable diagram; "
                           f"teach FAMILY_RULES[{family!r}] in scripts/atlas/blocks.py its blocks")
    added = top_layers(top, base)
    return ModelParts(
        model=top.model,
        input_shape=shape_text(base.input_shape),
        base_rows=tuple(rows),
        top_rows=tuple(layer_row(lang, layer, "top") for layer in added),
        base_output=shape_text(base.output_shape),
        base_params=base.totals.total,
        base_layers=len(base.layers),
        top_params=(top.removed_by_headless.params if top.removed_by_headless is not None
                    else sum(layer.params for layer in added)),
        top_names=tuple(layer.name for layer in added),
        full_params=top.totals.total,
        full_layers=len(top.layers),
        has_base_only=bool(base_only),
    )


def model_title(lang: str, model: str) -> str:
    return t(lang, "svg.model.title", model=model)


def model_svg(lang: str, scheme: Scheme, top: VariantRecord, base: VariantRecord) -> str:
    """The model diagram: headless base, the cut, and the top include_top=True adds."""
    p = model_parts(lang, top, base)
    c = Canvas(WIDTH)
    x, w = MARGIN, WIDTH - 2 * MARGIN
    y = draw_title(c, model_title(lang, p.model), t(lang, "svg.input", shape=p.input_shape),
                   x, MARGIN, w)
    y = draw_header(c, lang, x, y + 4, w) + 6
    bar_total = max(p.full_params, p.base_params)
    y = draw_section(c, t(lang, "svg.section.base"), p.base_params, "base", x, y, w) + 4
    y = draw_rows(c, p.base_rows, x, y, w, bar_total)
    y = draw_cut(c, lang, p.base_output, x, y + 2, w) + 4
    y = draw_section(c, t(lang, "svg.section.top"), p.top_params, "top", x, y, w) + 4
    y = draw_rows(c, p.top_rows, x, y, w, bar_total) + 6
    y = draw_lines(c, [
        t(lang, "svg.sum.full", params=number(p.full_params), layers=number(p.full_layers)),
        t(lang, "svg.sum.base", params=number(p.base_params), layers=number(p.base_layers)),
        t(lang, "svg.sum.top", params=number(p.top_params), layers=number(len(p.top_rows))),
    ], x, y)
    if p.has_base_only:
        y = draw_legend(c, [LegendItem("base", t(lang, "svg.base_only"), dashed=True)], x, y + 4, w)
    desc = t(lang, "svg.model.desc", model=p.model, base_layers=number(p.base_layers),
             base_params=number(p.base_params), shape=p.base_output,
             top_names=", ".join(p.top_names), top_params=number(p.top_params))
    return c.svg(y + MARGIN, lang, scheme, model_title(lang, p.model), desc)


# --- variant diagrams (VGG16, the seed post) ------------------------------------------------

VGG_BLOCKS = blocks.FamilyRules(rules=(blocks.BlockRule(r"^(?P<block>block\d+)_"),))


def _block_rows(lang: str, layers: Sequence[LayerRow], style_of: Callable[[Sequence[LayerRow]], str],
                badge_of: Callable[[str], str] = lambda style: "") -> list[Row]:
    """VGG16 drawn block by block (block1 … block5), each styled by its layers."""
    rows = []
    for key, members in _vgg_blocks(layers):
        style = style_of(members)
        group = blocks.Group(key, key, "", tuple(members))
        rows.append(group_row(lang, group, style, badge=badge_of(style)))
    return rows


def _vgg_blocks(layers: Sequence[LayerRow]) -> list[tuple[str, list[LayerRow]]]:
    out: list[tuple[str, list[LayerRow]]] = []
    for layer in layers:
        named = blocks.classify(VGG_BLOCKS, layer)
        key = named.block or layer.name
        if out and out[-1][0] == key:
            out[-1][1].append(layer)
        else:
            out.append((key, [layer]))
    return out


def non_trainable_params(layer: LayerRow) -> int:
    """A frozen layer's parameters, or batch normalization's moving mean and variance."""
    if not layer.trainable:
        return layer.params
    return layer.params // 2 if layer.type == "BatchNormalization" else 0


def _check_non_trainable(record: VariantRecord) -> None:
    derived = sum(non_trainable_params(layer) for layer in record.layers)
    if derived != record.totals.non_trainable:
        raise DiagramError(f"{record.key}: its layers give {derived} non-trainable parameters "
                           f"but its totals say {record.totals.non_trainable}; rebuild the record")


def _head_split(record: VariantRecord, base: VariantRecord) -> tuple[tuple[LayerRow, ...],
                                                                      tuple[LayerRow, ...]]:
    names = {layer.name for layer in base.layers}
    body = tuple(layer for layer in _non_input(record.layers) if layer.name in names)
    head = tuple(layer for layer in record.layers if layer.name not in names)
    return body, head


def _pooling_layers(base: VariantRecord, pooled: VariantRecord) -> tuple[LayerRow, ...]:
    names = {layer.name for layer in base.layers}
    return tuple(layer for layer in pooled.layers if layer.name not in names)


LANE_GAP = 12


def pooling_svg(lang: str, scheme: Scheme, base: VariantRecord, avg: VariantRecord,
                maximum: VariantRecord) -> str:
    """Three lanes: pooling=None, 'avg', 'max', from the same base to their outputs."""
    c = Canvas(WIDTH)
    x0, w = MARGIN, WIDTH - 2 * MARGIN
    title = t(lang, "svg.pooling.title")
    y = draw_title(c, title, t(lang, "svg.input", shape=shape_text(base.input_shape)),
                   x0, MARGIN, w)
    lanes = (("pooling=None", base), ("pooling='avg'", avg), ("pooling='max'", maximum))
    lw = (w - LANE_GAP * (len(lanes) - 1)) / len(lanes)
    body = _non_input(base.layers)
    names = [key for key, _ in _vgg_blocks(body)]
    first, last = names[0], names[-1]
    bottom = y
    for i, (name, record) in enumerate(lanes):
        x = x0 + i * (lw + LANE_GAP)
        ly = y
        c.text(x + lw / 2, ly + 14, name, size=13, anchor="middle", bold=True, mono=True)
        ly += 24
        ly = _lane_box(c, x, ly, lw, "base", f"{first} … {last}",
                       layers_text(lang, len(body)), shape_text(body[-1].output_shape),
                       number(sum(layer.params for layer in body)))
        ly = _arrow(c, x + lw / 2, ly)
        added = _pooling_layers(base, record)
        if added:
            for layer in added:
                ly = _lane_box(c, x, ly, lw, "head", layer.name, layer.type,
                               shape_text(layer.output_shape), number(layer.params))
        else:
            c.rect(x, ly, lw, 42, "none", rx=4, dashed=True)
            _wrapped(c, t(lang, "svg.no_pooling"), x + lw / 2, ly + 17, lw - 16, 11)
            ly += 42 + GAP
        ly = _arrow(c, x + lw / 2, ly)
        out = t(lang, "svg.output", shape=shape_text(record.output_shape))
        c.rect(x + 10, ly, lw - 20, 30, "top", rx=15)
        c.text(x + lw / 2, ly + 20, out, size=14, anchor="middle", bold=True)
        bottom = max(bottom, ly + 30)
    desc = t(lang, "svg.pooling.desc", none=shape_text(base.output_shape),
             avg=shape_text(avg.output_shape), max=shape_text(maximum.output_shape),
             params=number(base.totals.total))
    return c.svg(bottom + MARGIN, lang, scheme, title, desc)


def _lane_box(c: Canvas, x: float, y: float, w: float, style: str, label: str, detail: str,
              shape: str, params: str) -> float:
    """A two-line row for a narrow lane: label and params, then detail and shape."""
    c.rect(x, y, w, 42, style, rx=4)
    c.text(x + 8, y + 17, fit(label, 11.5, w - 16 - text_width(params, 11.5, mono=True) - 8,
                              mono=True), size=11.5, bold=True, mono=True)
    c.text(x + w - 8, y + 17, params, size=11.5, anchor="end", mono=True)
    c.text(x + 8, y + 34, fit(detail, 11, w - 24 - text_width(shape, 11.5, mono=True)),
           cls="mu", size=11)
    c.text(x + w - 8, y + 34, shape, size=11.5, anchor="end", mono=True)
    return y + 42 + GAP


def _arrow(c: Canvas, x: float, y: float) -> float:
    c.line(x, y, x, y + 14, "ln", width=1.5)
    c.triangle(x, y + 20, 5, "mu")
    return y + 24


def _wrapped(c: Canvas, text: str, cx: float, y: float, w: float, size: float) -> None:
    """Centered text on up to two lines, broken at the space nearest the middle."""
    if text_width(text, size) <= w or " " not in text:
        c.text(cx, y + 8, fit(text, size, w), cls="mu", size=size, anchor="middle")
        return
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    cut = min(spaces, key=lambda i: abs(text_width(text[:i], size) - text_width(text[i:], size)))
    c.text(cx, y, fit(text[:cut], size, w), cls="mu", size=size, anchor="middle")
    c.text(cx, y + size + 5, fit(text[cut + 1:], size, w), cls="mu", size=size, anchor="middle")


def top_vs_base_svg(lang: str, scheme: Scheme, top: VariantRecord, base: VariantRecord) -> str:
    """Two lanes: the full model and the headless base, cut at the same height."""
    c = Canvas(WIDTH)
    x0, w = MARGIN, WIDTH - 2 * MARGIN
    title = t(lang, "svg.top_vs_base.title")
    y = draw_title(c, title, t(lang, "svg.input", shape=shape_text(base.input_shape)),
                   x0, MARGIN, w)
    lw = (w - LANE_GAP) / 2
    added = top_layers(top, base)
    body = _non_input(base.layers)
    lanes = (("include_top=True", top), ("include_top=False", base))
    for i, (name, _) in enumerate(lanes):
        c.text(x0 + i * (lw + LANE_GAP) + lw / 2, y + 14, name, size=13, anchor="middle",
               bold=True, mono=True)
    y += 24
    ly = y
    for key, members in _vgg_blocks(body):
        for i in range(2):
            _lane_box(c, x0 + i * (lw + LANE_GAP), ly, lw, "base", key,
                      layers_text(lang, len(members)), shape_text(members[-1].output_shape),
                      number(sum(layer.params for layer in members)))
        ly += 42 + GAP
    ly = draw_cut(c, lang, shape_text(base.output_shape), x0, ly + 2, w) + 4
    top_y = ly
    for layer in added:
        top_y = _lane_box(c, x0, top_y, lw, "top", layer.name, layer.type,
                          shape_text(layer.output_shape), number(layer.params))
    rx = x0 + lw + LANE_GAP
    c.rect(rx, ly, lw, 42, "none", rx=4, dashed=True)
    _wrapped(c, t(lang, "svg.ends_here"), rx + lw / 2, ly + 21, lw - 16, 11.5)
    end = top_y + 6
    for i, record in enumerate((top, base)):
        cx = x0 + i * (lw + LANE_GAP)
        c.text(cx + 4, end + 14, t(lang, "svg.params", n=number(record.totals.total)),
               size=13, bold=True)
        c.text(cx + 4, end + 32, t(lang, "svg.output", shape=shape_text(record.output_shape)),
               cls="mu", size=12)
    desc = t(lang, "svg.top_vs_base.desc", full=number(top.totals.total),
             base=number(base.totals.total),
             top=number(top.totals.total - base.totals.total),
             top_names=", ".join(layer.name for layer in added))
    return c.svg(end + 40 + MARGIN, lang, scheme, title, desc)


def _head_rows(lang: str, head: Sequence[LayerRow], style_of: Callable[[LayerRow], str],
               badge_of: Callable[[str], str]) -> list[Row]:
    rows = []
    for layer in head:
        frozen_part = non_trainable_params(layer)
        note = (t(lang, "svg.non_trainable", n=number(frozen_part))
                if frozen_part and layer.trainable else "")
        style = style_of(layer)
        rows.append(layer_row(lang, layer, style, note=note, badge=badge_of(style)))
    return rows


def seed_head_svg(lang: str, scheme: Scheme, record: VariantRecord,
                  base: VariantRecord) -> str:
    """The seed's custom head on the pooled VGG16 base, its non-trainable BN parameters marked."""
    _check_non_trainable(record)
    body, head = _head_split(record, base)
    c = Canvas(WIDTH)
    x, w = MARGIN, WIDTH - 2 * MARGIN
    title = t(lang, "svg.seed_head.title")
    y = draw_title(c, title, t(lang, "svg.input", shape=shape_text(record.input_shape)),
                   x, MARGIN, w)
    y = draw_header(c, lang, x, y + 4, w) + 6
    total = record.totals.total
    y = draw_section(c, t(lang, "svg.section.base"), base.totals.total, "base", x, y, w) + 4
    y = draw_rows(c, _block_rows(lang, body, lambda _: "base"), x, y, w, total)
    y = draw_cut(c, lang, shape_text(base.output_shape), x, y + 2, w) + 4
    head_params = sum(layer.params for layer in head)
    y = draw_section(c, t(lang, "svg.section.head"), head_params, "head", x, y, w) + 4
    y = draw_rows(c, _head_rows(lang, head, lambda _: "head", lambda _: ""), x, y, w, total) + 6
    y = draw_lines(c, [t(lang, "svg.sum.train", total=number(total),
                         trainable=number(record.totals.trainable),
                         non_trainable=number(record.totals.non_trainable))], x, y)
    y = draw_legend(c, [LegendItem("base", t(lang, "svg.legend.base")),
                        LegendItem("head", t(lang, "svg.legend.head")),
                        LegendItem("", t(lang, "svg.legend.bn"), mark=True)], x, y + 4, w)
    desc = t(lang, "svg.seed_head.desc", shape=shape_text(base.output_shape),
             head_names=", ".join(layer.name for layer in head), total=number(total),
             non_trainable=number(record.totals.non_trainable))
    return c.svg(y + MARGIN, lang, scheme, title, desc)


def status(layers: Sequence[LayerRow]) -> str:
    """The row style for a training setup: trainable, frozen, partly, or none (no weights)."""
    weighted = [layer for layer in layers if layer.params]
    if not weighted:
        return "none"
    trainable = sum(1 for layer in weighted if layer.trainable)
    return {0: "frozen", len(weighted): "trainable"}.get(trainable, "partly")


STATUS_BADGES = {"trainable": "svg.status.trainable", "frozen": "svg.status.frozen",
                 "partly": "svg.status.partly"}


def training_svg(lang: str, scheme: Scheme, record: VariantRecord, base: VariantRecord,
                 title: str) -> str:
    """A training setup: which blocks and head layers train, with the record's totals."""
    _check_non_trainable(record)
    body, head = _head_split(record, base)

    def badge(style: str) -> str:
        return t(lang, STATUS_BADGES[style]) if style in STATUS_BADGES else ""

    c = Canvas(WIDTH)
    x, w = MARGIN, WIDTH - 2 * MARGIN
    y = draw_title(c, title, t(lang, "svg.sum.train", total=number(record.totals.total),
                               trainable=number(record.totals.trainable),
                               non_trainable=number(record.totals.non_trainable)), x, MARGIN, w)
    y = draw_header(c, lang, x, y + 4, w) + 6
    total = record.totals.total
    y = draw_section(c, t(lang, "svg.section.base"), base.totals.total, "none", x, y, w) + 4
    y = draw_rows(c, _block_rows(lang, body, status, badge), x, y, w, total) + 6
    y = draw_section(c, t(lang, "svg.section.head"), sum(layer.params for layer in head),
                     "none", x, y, w) + 4
    y = draw_rows(c, _head_rows(lang, head, lambda layer: status((layer,)), badge),
                  x, y, w, total) + 6
    y = draw_legend(c, [LegendItem("trainable", t(lang, "svg.legend.trainable")),
                        LegendItem("frozen", t(lang, "svg.legend.frozen")),
                        LegendItem("none", t(lang, "svg.legend.none")),
                        LegendItem("", t(lang, "svg.legend.bn"), mark=True)], x, y, w)
    desc = t(lang, "svg.train.desc", total=number(record.totals.total),
             trainable=number(record.totals.trainable),
             non_trainable=number(record.totals.non_trainable))
    return c.svg(y + MARGIN, lang, scheme, title, desc)


# --- the diagram set ----------------------------------------------------------------------

DIAGRAMS_DIR = "diagrams"


@dataclass(frozen=True)
class VariantDiagram:
    """A tutorial figure: a file name, the records it reads, and how to draw and title it."""

    name: str
    records: tuple[tuple[str, str], ...]  # (model, variant) in the order draw() takes them
    draw: Callable[..., str]  # (lang, scheme, *records) -> SVG
    title: Callable[[str], str]  # lang -> title


def _last_block_label() -> str:
    spec = next(v for v in catalogue.SEED_VARIANTS if v.id == "seed_head_last_block")
    return (spec.last_block or "").rstrip("_")


def _training(name: str, variant: str, title_key: str, **fields: str) -> VariantDiagram:
    def title(lang: str) -> str:
        return t(lang, title_key, **fields)

    def draw(lang: str, scheme: Scheme, record: VariantRecord, base: VariantRecord) -> str:
        return training_svg(lang, scheme, record, base, title(lang))

    return VariantDiagram(name, (("VGG16", variant), ("VGG16", "base_max")), draw, title)


VARIANT_DIAGRAMS: tuple[VariantDiagram, ...] = (
    VariantDiagram("vgg16-pooling",
                   (("VGG16", "base"), ("VGG16", "base_avg"), ("VGG16", "base_max")),
                   pooling_svg, lambda lang: t(lang, "svg.pooling.title")),
    VariantDiagram("vgg16-top-vs-base", (("VGG16", "top"), ("VGG16", "base")),
                   top_vs_base_svg, lambda lang: t(lang, "svg.top_vs_base.title")),
    VariantDiagram("seed-head", (("VGG16", "seed_head"), ("VGG16", "base_max")),
                   seed_head_svg, lambda lang: t(lang, "svg.seed_head.title")),
    _training("seed-train-frozen", "seed_head_frozen", "svg.train_frozen.title"),
    _training("seed-train-last-block", "seed_head_last_block", "svg.train_last_block.title",
              block=_last_block_label()),
    _training("seed-train-all", "seed_head", "svg.train_all.title"),
)

VARIANT_DIAGRAMS_BY_NAME: dict[str, VariantDiagram] = {d.name: d for d in VARIANT_DIAGRAMS}


def model_diagram_path(lang: str, model: str, scheme: Scheme) -> str:
    slug = catalogue.model(model).slug
    return f"docs/{lang}/{DIAGRAMS_DIR}/models/{slug}{scheme.suffix}.svg"


def variant_diagram_path(lang: str, name: str, scheme: Scheme) -> str:
    return f"docs/{lang}/{DIAGRAMS_DIR}/variants/{name}{scheme.suffix}.svg"


def diagram_outputs(load: Loader, models: Sequence[catalogue.ModelSpec] = catalogue.MODELS
                    ) -> list[Output]:
    """Every diagram, in both languages and both schemes. ``load`` raises for a missing record."""
    outputs = []
    for spec in models:
        top, base = load(spec.name, "top"), load(spec.name, "base")
        for lang in LANGUAGES:
            for scheme in Scheme:
                outputs.append(Output.text(model_diagram_path(lang, spec.name, scheme),
                                           model_svg(lang, scheme, top, base)))
    for diagram in VARIANT_DIAGRAMS:
        recs = [load(model, variant) for model, variant in diagram.records]
        for lang in LANGUAGES:
            for scheme in Scheme:
                outputs.append(Output.text(variant_diagram_path(lang, diagram.name, scheme),
                                           diagram.draw(lang, scheme, *recs)))
    return outputs


# --- embedding ------------------------------------------------------------------------------


def _relative(page: str, target: str) -> str:
    """The URL of ``target`` (relative to docs/<lang>/) as written on ``page``.

    MkDocs rewrites links in Markdown pages from the source file's folder. Notebooks are
    rendered by mkdocs-jupyter without that rewriting, so their links resolve from the
    served URL, a folder per page (``tutorials/01-x.ipynb`` → ``tutorials/01-x/``).
    """
    stem, ext = posixpath.splitext(page)
    served = stem if ext == ".ipynb" and posixpath.basename(stem) != "index" else None
    return posixpath.relpath(target, served or posixpath.dirname(page) or ".")


def _alt(text: str) -> str:
    return re.sub(r"([\[\]\\])", r"\\\1", text)


def _figure(page: str, target: str, alt: str) -> str:
    attrs = "" if page.endswith(".ipynb") else "{ loading=lazy }"  # no attr_list in notebooks
    return "".join(
        f"![{_alt(alt)}]({_relative(page, target.format(suffix=s.suffix))}{s.fragment}){attrs}\n"
        for s in Scheme)


def model_figure_markdown(lang: str, spec: catalogue.ModelSpec, page: str) -> str:
    """Markdown that shows a model's diagram (light and dark) on ``page``.

    ``page`` is the embedding file relative to ``docs/<lang>/``, e.g. ``atlas/vgg16.md``
    or ``tutorials/01-pooling.ipynb`` (for a notebook's Markdown cell); glightbox wraps
    each image for click-to-enlarge, Material shows the one that matches the palette.
    """
    return _figure(page, f"{DIAGRAMS_DIR}/models/{spec.slug}{{suffix}}.svg",
                   model_title(lang, spec.name))


class UnknownDiagramError(KeyError):
    def __str__(self) -> str:
        return (f"unknown variant diagram {self.args[0]!r}; known: "
                + ", ".join(sorted(VARIANT_DIAGRAMS_BY_NAME)))


def variant_figure_markdown(lang: str, name: str, page: str) -> str:
    """Markdown that shows a tutorial diagram (``vgg16-pooling``, ``seed-head``, …) on ``page``."""
    try:
        diagram = VARIANT_DIAGRAMS_BY_NAME[name]
    except KeyError:
        raise UnknownDiagramError(name) from None
    return _figure(page, f"{DIAGRAMS_DIR}/variants/{name}{{suffix}}.svg", diagram.title(lang))
