"""Accuracy against target size, per strategy, as byte-stable SVG (light and dark). No Keras.

Matplotlib's object API only (no pyplot state). ``metadata={'Date': None}`` and a fixed
``svg.hashsalt`` make the bytes depend on the record alone; text stays text
(``svg.fonttype = 'none'``) and uses the site's Korean-capable fonts.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import PurePosixPath

from typing import TYPE_CHECKING

from atlas.experiment.records import ExperimentRecord
from atlas.strings import t

if TYPE_CHECKING:  # matplotlib is imported only when a plot is drawn (not on a warm run)
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class Palette:
    text: str
    grid: str
    strategies: dict[str, str]


PALETTES = {
    # Okabe-Ito hues: distinguishable with common colour-vision deficiencies.
    "light": Palette(text="#1f2328", grid="#d0d7de", strategies={
        "scratch": "#6e6e6e", "frozen": "#0072b2", "last_block": "#009e73", "finetune": "#d55e00"}),
    "dark": Palette(text="#e6edf3", grid="#3d444d", strategies={
        "scratch": "#c8c8c8", "frozen": "#56b4e9", "last_block": "#4fd1a5", "finetune": "#f5a35c"}),
}
MARKERS = {"scratch": "o", "frozen": "s", "last_block": "^", "finetune": "D"}
RC = {
    "svg.hashsalt": "include-top-atlas",
    "svg.fonttype": "none",
    "font.family": ["NanumGothic", "DejaVu Sans"],
    "font.size": 10,
}
# Strategies sit side by side around each size so their error bars do not overlap.
SPREAD = 1.06


def path(lang: str, palette: str) -> PurePosixPath:
    return PurePosixPath("docs") / lang / "experiments" / "plots" / f"accuracy-{palette}.svg"


def offset(record: ExperimentRecord, strategy: str) -> float:
    strategies = record.spec.strategies
    return SPREAD ** (strategies.index(strategy) - (len(strategies) - 1) / 2)


@dataclass(frozen=True)
class Point:
    size: int
    mean: float  # accuracy in percent
    std: float


def series(record: ExperimentRecord, similarity: str, strategy: str) -> tuple[Point, ...]:
    return tuple(Point(c.size, 100 * c.mean, 100 * c.std)
                 for c in (record.cell(similarity, strategy, n) for n in record.spec.sizes))


def figure(record: ExperimentRecord, lang: str, palette: str) -> Figure:
    import matplotlib
    from matplotlib.figure import Figure

    colours = PALETTES[palette]
    with matplotlib.rc_context(RC):
        fig = Figure(figsize=(9, 3.9), layout="constrained")
        axes = fig.subplots(1, len(record.spec.similarities), sharey=True, squeeze=False)[0]
        for ax, similarity in zip(axes, record.spec.similarities):
            for strategy in record.spec.strategies:
                points = series(record, similarity, strategy)
                shift = offset(record, strategy)
                bars = ax.errorbar([p.size * shift for p in points], [p.mean for p in points],
                                   yerr=[p.std for p in points], color=colours.strategies[strategy],
                                   marker=MARKERS[strategy], markersize=5, linewidth=1.6, capsize=3,
                                   label=t(lang, f"exp.strategy.{strategy}"))
                bars.lines[0].set_gid(f"exp-{similarity}-{strategy}")
            ax.set_xscale("log")
            ax.set_xticks(record.spec.sizes, [str(n) for n in record.spec.sizes])
            ax.minorticks_off()
            ax.set_title(t(lang, f"exp.similarity.{similarity}"), color=colours.text)
            ax.set_xlabel(t(lang, "exp.plot.x"), color=colours.text)
            ax.grid(True, color=colours.grid, linewidth=0.6)
            ax.set_facecolor("none")
            ax.tick_params(colors=colours.text)
            for spine in ax.spines.values():
                spine.set_color(colours.grid)
        axes[0].set_ylabel(t(lang, "exp.plot.y"), color=colours.text)
        legend = axes[-1].legend(loc="lower right", frameon=False)
        for text in legend.get_texts():
            text.set_color(colours.text)
        fig.patch.set_alpha(0)
    return fig


def svg(fig: Figure, banner: str) -> bytes:
    import matplotlib

    buffer = io.BytesIO()
    with matplotlib.rc_context(RC):
        fig.savefig(buffer, format="svg", metadata={"Date": None}, transparent=True)
    text = buffer.getvalue().decode("utf-8")
    body = text.split("?>", 1)[1].lstrip("\n") if text.startswith("<?xml") else text
    return f"<!-- {banner} -->\n{body}".encode("utf-8")
