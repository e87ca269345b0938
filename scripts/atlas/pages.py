"""Records -> Markdown: the atlas overview, a page per model and the embeddable snippets.

Pure functions from records to text; ``outputs`` turns them into ``Output`` values for
every language. Every label comes from strings.py; every number from a record.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

from atlas import render_svg
from atlas.catalogue import ModelSpec
from atlas.generate import Atlas, ModelRecords
from atlas.records import GotchaRecord, LayerRow, Shape, VariantRecord, Versions
from atlas.strings import LANGUAGES, number, t
from atlas.write import FIX_COMMAND, Output

DETAILS_ABOVE = 30  # tables with more rows than this are collapsed
SEED_MODEL = "VGG16"
STANDARD_ORDER = ("top", "base", "base_avg", "base_max")


# --- small formatters -------------------------------------------------------------------


def banner(lang: str) -> str:
    return f"<!-- {t(lang, 'banner', command=FIX_COMMAND)} -->\n"


def generated_with(lang: str, versions: Versions) -> str:
    return t(lang, "generated_with", keras=versions.keras, tensorflow=versions.tensorflow)


def shape(s: Shape | None) -> str:
    return "(" + ", ".join("None" if d is None else str(d) for d in (s or ())) + ")"


def square(size: int) -> str:
    return f"{size}×{size}"


def table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    header = list(header)
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def collapsed(lang: str, text: str, count: int) -> str:
    """Long tables go into a collapsed details block; short ones stay open."""
    if count <= DETAILS_ABOVE:
        return text
    body = "".join(f"    {line}\n" if line else "\n" for line in text.splitlines())
    return f'??? note "{t(lang, "atlas.model.layers_details", count=number(count))}"\n\n{body}'


def layer_table(lang: str, rows: Iterable[LayerRow]) -> str:
    yes_no = {True: t(lang, "yes"), False: t(lang, "no")}
    head = [t(lang, k) for k in ("col.layer", "col.type", "col.output_shape", "col.params",
                                 "col.trainable")]
    return table(head, ([f"`{r.name}`", r.type, f"`{shape(r.output_shape)}`", number(r.params),
                         yes_no[r.trainable]] for r in rows))


def totals(lang: str, record: VariantRecord) -> str:
    tot = record.totals
    return "".join(f"- {t(lang, key)}: **{number(n)}**\n" for key, n in (
        ("totals.total", tot.total), ("totals.trainable", tot.trainable),
        ("totals.non_trainable", tot.non_trainable)))


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%"


def html_code(text: str) -> str:
    """Text shown verbatim inside a Markdown table cell."""
    escaped = html.escape(text, quote=False).replace("|", "&#124;").replace("\n", "<br>")
    return f"<code>{escaped}</code>"


# --- the overview -----------------------------------------------------------------------

OVERVIEW_COLUMNS: tuple[tuple[str, Callable[[str, ModelRecords], str]], ...] = (
    ("atlas.col.model", lambda lang, m: f"[{m.spec.name}]({m.spec.slug}.md)"),
    ("atlas.col.family", lambda lang, m: m.spec.family),
    ("atlas.col.params_top", lambda lang, m: number(m.variant("top").totals.total)),
    ("atlas.col.params_base", lambda lang, m: number(m.variant("base").totals.total)),
    ("atlas.col.non_trainable", lambda lang, m: number(m.variant("base").totals.non_trainable)),
    ("atlas.col.feature_dim", lambda lang, m: number(m.variant("base_avg").feature_dim)),
    ("atlas.col.default_size", lambda lang, m: square(m.spec.default_size)),
    ("atlas.col.min_size", lambda lang, m: square(m.spec.min_size)),
    ("atlas.col.preprocessing", lambda lang, m: m.spec.preprocessing.value),
    ("atlas.col.depth_all", lambda lang, m: number(m.variant("top").depth_all)),
    ("atlas.col.depth_weighted", lambda lang, m: number(m.variant("top").depth_weighted)),
    ("atlas.col.batch_norm", lambda lang, m: number(m.variant("top").batch_norm_layers)),
)


def overview(lang: str, atlas: Atlas) -> str:
    versions = atlas.models[0].variants[0].versions
    rows = ([cell(lang, m) for _, cell in OVERVIEW_COLUMNS] for m in atlas.models)
    return (
        banner(lang)
        + f"# {t(lang, 'atlas.title')} {{ #atlas }}\n\n"
        + t(lang, "atlas.intro", count=len(atlas.models)) + "\n\n"
        + generated_with(lang, versions) + "\n\n"
        + '<div class="atlas-sortable" markdown>\n\n'
        + table((t(lang, key) for key, _ in OVERVIEW_COLUMNS), rows)
        + "\n</div>\n\n"
        + t(lang, "atlas.depth_note") + "\n\n"
        + f"## {t(lang, 'atlas.gotchas.title')} {{ #gotchas }}\n\n"
        + f'--8<-- "{lang}/{SNIPPET_GOTCHAS}"\n'
    )


# --- a page per model -------------------------------------------------------------------


def figure_block(lang: str, spec: ModelSpec) -> str:
    """The model's diagram (light and dark), drawn by the diagram stage from the same records."""
    return render_svg.model_figure_markdown(lang, spec, f"atlas/{spec.slug}.md") + "\n"


def model_page(lang: str, model: ModelRecords) -> str:
    spec = model.spec
    top, base = model.variant("top"), model.variant("base")
    parts = [
        banner(lang),
        f"# {spec.name}\n\n",
        generated_with(lang, top.versions) + "\n\n",
        figure_block(lang, spec),
        section(lang, "atlas.model.summary", "summary", summary(lang, model)),
        section(lang, "atlas.model.variants", "variants", variants_table(lang, model)),
        section(lang, "atlas.model.removed", "removed", removed(lang, top)),
        section(lang, "atlas.model.shapes", "output-shapes", output_shapes(lang, model)),
        section(lang, "atlas.model.base_layers", "base-layers",
                t(lang, "atlas.model.base_layers_intro", count=number(len(base.layers))) + "\n\n"
                + collapsed(lang, layer_table(lang, base.layers), len(base.layers))),
        section(lang, "atlas.model.tails", "variant-tails", tails(lang, model)),
        section(lang, "atlas.model.code", "code", code(lang, model)),
    ]
    return "".join(parts).rstrip("\n") + "\n"


def section(lang: str, key: str, anchor: str, body: str) -> str:
    return f"## {t(lang, key)} {{ #{anchor} }}\n\n{body}\n"


def summary(lang: str, model: ModelRecords) -> str:
    spec, top, base = model.spec, model.variant("top"), model.variant("base")
    rows = [
        (t(lang, "atlas.model.constructor"), f"`keras.applications.{spec.name}`"),
        (t(lang, "atlas.model.family"), spec.family),
        (t(lang, "atlas.col.default_size"), square(spec.default_size)),
        (t(lang, "atlas.col.min_size"), square(spec.min_size)),
        (t(lang, "atlas.col.preprocessing"), t(lang, f"atlas.prep.{spec.preprocessing.value}")),
        (t(lang, "atlas.col.params_top"), number(top.totals.total)),
        (t(lang, "atlas.col.params_base"), number(base.totals.total)),
        (t(lang, "atlas.col.non_trainable"), number(base.totals.non_trainable)),
        (t(lang, "atlas.model.feature_dim"), number(model.variant("base_avg").feature_dim)),
        (t(lang, "atlas.col.depth_all"), number(top.depth_all)),
        (t(lang, "atlas.col.depth_weighted"), number(top.depth_weighted)),
        (t(lang, "atlas.col.batch_norm"), number(top.batch_norm_layers)),
    ]
    return table((t(lang, "atlas.col.item"), t(lang, "atlas.col.value")), rows)


def variants_table(lang: str, model: ModelRecords) -> str:
    head = [t(lang, "atlas.col.variant"), t(lang, "atlas.col.output"), t(lang, "totals.total"),
            t(lang, "totals.trainable"), t(lang, "totals.non_trainable"),
            t(lang, "atlas.col.size_mb")]
    rows = ([t(lang, f"atlas.variant.{r.variant}"), f"`{shape(r.output_shape)}`",
             number(r.totals.total), number(r.totals.trainable), number(r.totals.non_trainable),
             f"{r.totals.size_mb:,.1f}"] for r in model.variants)
    return t(lang, "atlas.model.variants_intro") + "\n\n" + table(head, rows)


def removed(lang: str, top: VariantRecord) -> str:
    gone = top.removed_by_headless
    rows = [r for r in top.layers if r.name in set(gone.layers)]
    added = ""
    if gone.added:
        added = "\n" + t(lang, "atlas.model.added", params=number(gone.added_params),
                         layers=", ".join(f"`{name}`" for name in gone.added)) + "\n"
    return (t(lang, "atlas.model.removed_intro", count=number(len(gone.layers)),
              params=number(gone.params), percent=percent(gone.params, top.totals.total))
            + "\n\n" + collapsed(lang, layer_table(lang, rows), len(rows)) + added)


def output_shapes(lang: str, model: ModelRecords) -> str:
    pooled = [model.variant(v) for v in ("base", "base_avg", "base_max")]
    head = [t(lang, "atlas.col.input")] + [f"`pooling={r.pooling!r}`".replace("'none'", "None")
                                           for r in pooled]
    labels = ("atlas.size.min", "atlas.size.default", "atlas.size.large")
    rows = ([t(lang, label, size=fm.input_shape[1])]
            + [f"`{shape(r.feature_maps[i].output_shape)}`" for r in pooled]
            for i, (label, fm) in enumerate(zip(labels, pooled[0].feature_maps)))
    return t(lang, "atlas.model.shapes_intro") + "\n\n" + table(head, rows)


def tail_rows(record: VariantRecord, base: VariantRecord) -> tuple[int, tuple[LayerRow, ...]]:
    """How many leading rows equal the base's, and the rows after them."""
    same = 0
    for mine, theirs in zip(record.layers, base.layers):
        if mine != theirs:
            break
        same += 1
    return same, record.layers[same:]


def tails(lang: str, model: ModelRecords) -> str:
    base = model.variant("base")
    out = []
    for record in model.variants:
        if record.variant == "base":
            continue
        same, rows = tail_rows(record, base)
        intro = (t(lang, "atlas.model.tail_intro", same=number(same), count=number(len(rows)))
                 if same else t(lang, "atlas.model.tail_all", count=number(len(rows))))
        out.append(f"### {t(lang, f'atlas.variant.{record.variant}')} "
                   f"{{ #tail-{anchor(record.variant)} }}\n\n{intro}\n\n"
                   + collapsed(lang, layer_table(lang, rows), len(rows)) + "\n"
                   + totals(lang, record))
    return "\n".join(out)


def anchor(variant_id: str) -> str:
    return variant_id.replace("_", "-")


def code(lang: str, model: ModelRecords) -> str:
    tabs = []
    for record in model.variants:
        body = "".join(f"    {line}\n" if line else "\n"
                       for line in f"```python\n{record.code}```".splitlines())
        tabs.append(f'=== "{record.variant}"\n\n{body}\n')
    return t(lang, "atlas.model.code_intro") + "\n\n" + "".join(tabs)


# --- snippets for articles --------------------------------------------------------------

SNIPPET_DIR = PurePosixPath("data/snippets")
SNIPPET_GOTCHAS = "gotchas.md"
SEED_SUMMARIES = (("seed-summary-top.md", "top"), ("seed-summary-base-max.md", "base_max"),
                  ("seed-summary-head.md", "seed_head"))
SEED_TRAINING = "seed-training.md"
TRAINING_SETUPS = ("seed_head", "seed_head_frozen", "seed_head_last_block")


def seed_summary(lang: str, record: VariantRecord) -> str:
    return (banner(lang) + "\n" + f"```python\n{record.code}```\n\n"
            + layer_table(lang, record.layers) + "\n" + totals(lang, record)
            + "\n" + generated_with(lang, record.versions) + "\n")


def seed_training(lang: str, model: ModelRecords) -> str:
    head = [t(lang, "atlas.col.setup"), t(lang, "totals.total"), t(lang, "totals.trainable"),
            t(lang, "totals.non_trainable")]
    records = [model.variant(v) for v in TRAINING_SETUPS]
    rows = ([t(lang, f"atlas.variant.{r.variant}"), number(r.totals.total),
             number(r.totals.trainable), number(r.totals.non_trainable)] for r in records)
    return (banner(lang) + "\n" + t(lang, "atlas.seed.training_intro") + "\n\n" + table(head, rows)
            + "\n" + generated_with(lang, records[0].versions) + "\n")


def _compared(g: GotchaRecord) -> dict[str, str]:
    return {"baseline": g.baseline, "shape": f"`{shape(g.output_shape)}`",
            "params": number(g.total_params), "baseline_params": number(g.baseline_params)}


GOTCHA_FIELDS: dict[str, Callable[[GotchaRecord], dict[str, str]]] = {
    "same_as_baseline": _compared,
    "differs_from_baseline": _compared,
    "accepted": lambda g: {"shape": f"`{shape(g.output_shape)}`",
                           "params": number(g.total_params)},
    "reaches_download": lambda g: {},
}


def gotcha_says(lang: str, g: GotchaRecord) -> str:
    said = [html_code(w) for w in g.warnings]
    if g.observed == "raises":
        said.append(html_code(f"{g.raises}: {g.message}"))
    else:
        said.append(t(lang, f"atlas.gotcha.{g.observed}", **GOTCHA_FIELDS[g.observed](g)))
    return "<br>".join(said)


def gotcha_table(lang: str, gotchas: tuple[GotchaRecord, ...]) -> str:
    head = [t(lang, "atlas.col.call"), t(lang, "atlas.col.keras_says"),
            t(lang, "atlas.col.keras_version")]
    rows = ([html_code(g.code), gotcha_says(lang, g), g.versions.keras] for g in gotchas)
    return (banner(lang) + "\n" + t(lang, "atlas.gotchas.intro") + "\n\n" + table(head, rows)
            + "\n" + generated_with(lang, gotchas[0].versions) + "\n")


# --- every file -------------------------------------------------------------------------


def page_path(lang: str, name: str) -> PurePosixPath:
    return PurePosixPath("docs") / lang / "atlas" / name


def outputs(atlas: Atlas) -> list[Output]:
    out = []
    for lang in LANGUAGES:
        out.append(Output.text(page_path(lang, "index.md"), overview(lang, atlas)))
        out += [Output.text(page_path(lang, f"{m.spec.slug}.md"), model_page(lang, m))
                for m in atlas.models]
        out += snippets(lang, atlas)
    return out


def snippets(lang: str, atlas: Atlas) -> list[Output]:
    where = SNIPPET_DIR / lang
    out = [Output.text(where / SNIPPET_GOTCHAS, gotcha_table(lang, atlas.gotchas))]
    if any(m.spec.name == SEED_MODEL for m in atlas.models):
        seed = atlas.model(SEED_MODEL)
        out += [Output.text(where / name, seed_summary(lang, seed.variant(v)))
                for name, v in SEED_SUMMARIES]
        out.append(Output.text(where / SEED_TRAINING, seed_training(lang, seed)))
    return out
