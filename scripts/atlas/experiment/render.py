"""The experiment page per language, as Markdown text computed from the record. No Keras."""

from __future__ import annotations

from pathlib import PurePosixPath

from atlas.experiment import findings, plots
from atlas.experiment.data import CLASSES, SIDE
from atlas.experiment.records import NAME, CellRecord, ExperimentRecord, path as record_path
from atlas.strings import number, t

COMMAND = "make generate"
BENCHMARK = "python -m atlas.experiment.benchmark"
REAL_PATH = '''```python
import keras
from atlas.experiment import train

model = train.transfer_application(
    "MobileNetV2", "my_images/",  # my_images/<class>/*.jpg
    strategy="last_block", last_block="block_16",
    image_size=(224, 224), weights="imagenet",
    preprocess=keras.applications.mobilenet_v2.preprocess_input,
)
```'''


def page_path(lang: str) -> PurePosixPath:
    return PurePosixPath("docs") / lang / "experiments" / f"{NAME}.md"


def pct(x: float) -> str:
    return f"{100 * x:.1f}"


def mean_std(cell: CellRecord) -> str:
    return f"{pct(cell.mean)} ± {pct(cell.std)}"


def signed_pp(x: float) -> str:
    return f"{100 * x:+.1f}"


def sizes_text(lang: str, sizes: tuple[int, ...]) -> str:
    return ", ".join(str(n) for n in sizes) if sizes else t(lang, "exp.none")


def _strategy(lang: str, s: str) -> str:
    return t(lang, f"exp.strategy.{s}")


def _similarity(lang: str, s: str) -> str:
    return t(lang, f"exp.similarity.{s}")


def results_table(record: ExperimentRecord, lang: str, similarity: str) -> str:
    strategies = record.spec.strategies
    head = [t(lang, "exp.col.size"), *(_strategy(lang, s) for s in strategies)]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" + "---:|" * len(strategies)]
    for size in record.spec.sizes:
        top = findings.best(record, similarity, size)
        cells = []
        for s in strategies:
            text = mean_std(record.cell(similarity, s, size))
            cells.append(f"**{text}**" if s == top else text)
        rows.append(f"| {size} ({number(size * CLASSES)}) | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def claim_table(lang: str, result: findings.ClaimResult) -> str:
    a, b = _strategy(lang, result.claim.favoured), _strategy(lang, result.claim.other)
    head = [t(lang, "exp.col.size"), a, b, t(lang, "exp.col.diff"), t(lang, "exp.col.wins", a=a)]
    rows = ["| " + " | ".join(head) + " |", "|---|---:|---:|---:|---:|"]
    for c in result.comparisons:
        rows.append(f"| {c.size} ({number(c.size * CLASSES)}) | {mean_std(c.a)} | {mean_std(c.b)} | "
                    f"{signed_pp(c.diff)} | {c.wins}/{len(c.a.correct)} |")
    return "\n".join(rows)


def summary(record: ExperimentRecord, lang: str) -> list[str]:
    spec = record.spec
    lines = []
    for similarity in spec.similarities:
        for size in (spec.sizes[0], spec.sizes[-1]):
            top = findings.best(record, similarity, size)
            lines.append(t(lang, "exp.summary.best", similarity=_similarity(lang, similarity), size=size,
                           strategy=_strategy(lang, top), mean=pct(record.cell(similarity, top, size).mean)))
    if {"frozen", "finetune"} <= set(spec.strategies):
        a, b = _strategy(lang, "frozen"), _strategy(lang, "finetune")
        for similarity in spec.similarities:
            upto = findings.frozen_holds_up_to(record, similarity)
            name = _similarity(lang, similarity)
            if upto is None:
                lines.append(t(lang, "exp.summary.upto_none", similarity=name, size=spec.sizes[0], a=a, b=b))
            elif upto == spec.sizes[-1]:
                lines.append(t(lang, "exp.summary.upto_all", similarity=name, a=a, b=b))
            else:
                lines.append(t(lang, "exp.summary.upto", similarity=name, size=upto, a=a, b=b))
    if {"frozen", "scratch"} <= set(spec.strategies) and set(spec.similarities) == {"similar", "dissimilar"}:
        n = spec.sizes[-1]
        lines.append(t(
            lang, "exp.summary.permutation", size=n,
            frozen=_strategy(lang, "frozen"), scratch=_strategy(lang, "scratch"),
            frozen_before=pct(record.cell("similar", "frozen", n).mean),
            frozen_after=pct(record.cell("dissimilar", "frozen", n).mean),
            scratch_before=pct(record.cell("similar", "scratch", n).mean),
            scratch_after=pct(record.cell("dissimilar", "scratch", n).mean)))
    for result in findings.claims(record):
        lines.append(t(lang, "exp.summary.claim", claim=t(lang, f"exp.claim.{result.claim.id}.h"),
                       similarity=_similarity(lang, result.similarity),
                       verdict=t(lang, f"exp.verdict.short.{result.verdict.value}")))
    return [f"- {line}" for line in lines]


def setup(record: ExperimentRecord, lang: str) -> list[str]:
    spec, counts, v = record.spec, record.counts, record.versions
    images = counts.dataset
    pretrained = [p.accuracy for p in record.pretrain]
    desc = {"steps": spec.steps_total, "head": spec.head_steps, "tune": spec.tune_steps,
            "lr_head": spec.lr_head, "lr_tune": spec.lr_tune, "lr_scratch": spec.lr_scratch,
            "last": spec.last_block}
    strategy_lines = [f"    - **{_strategy(lang, s)}**: {t(lang, f'exp.strategy.{s}.desc', **desc)}"
                      for s in spec.strategies]
    return [
        f"- {t(lang, 'exp.setup.data', images=number(images))}",
        f"- {t(lang, 'exp.setup.source', train=number(counts.source_train), holdout=number(counts.source_holdout), low=pct(min(pretrained)), high=pct(max(pretrained)))}",
        f"- {t(lang, 'exp.setup.target', per_class=spec.pool_per_class, pool=number(counts.target_pool), test=number(counts.target_test))}",
        f"- {t(lang, 'exp.setup.dissimilar', pixels=SIDE * SIDE)}",
        f"- {t(lang, 'exp.setup.network', blocks=len(spec.filters), last=spec.last_block, filters='/'.join(map(str, spec.filters)), classes=CLASSES)}",
        f"- {t(lang, 'exp.setup.strategies', steps=spec.steps_total, batch=spec.batch)}",
        *strategy_lines,
        f"- {t(lang, 'exp.setup.bn')}",
        f"- {t(lang, 'exp.setup.sizes', sizes=', '.join(map(str, spec.sizes)), totals=', '.join(number(n * CLASSES) for n in spec.sizes))}",
        f"- {t(lang, 'exp.setup.seeds', count=len(spec.seeds), seeds=', '.join(map(str, spec.seeds)))}",
        f"- {t(lang, 'exp.setup.determinism')}",
        f"- {t(lang, 'exp.setup.versions', keras=v.keras, tensorflow=v.tensorflow, numpy=v.numpy, sklearn=v.scikit_learn)}",
    ]


def claims_section(record: ExperimentRecord, lang: str) -> list[str]:
    seeds = len(record.spec.seeds)
    out = [t(lang, "exp.claims.intro", count=seeds, p=2 ** seeds), ""]
    shown: set[str] = set()
    for result in findings.claims(record):
        claim = result.claim
        a, b = _strategy(lang, claim.favoured), _strategy(lang, claim.other)
        if claim.id not in shown:
            shown.add(claim.id)
            out += [f"### {t(lang, f'exp.claim.{claim.id}.h')}", "",
                    f"> {t(lang, f'exp.claim.{claim.id}.quote')}", ""]
        sizes = tuple(c.size for c in result.comparisons)
        out += [
            t(lang, "exp.claim.test", similarity=_similarity(lang, result.similarity), a=a, b=b,
              sizes=sizes_text(lang, sizes)),
            "",
            t(lang, f"exp.verdict.{result.verdict.value}", a=a, b=b),
            t(lang, "exp.verdict.detail", a=a, b=b,
              sizes_a=sizes_text(lang, result.sizes_where(findings.Outcome.A)),
              sizes_b=sizes_text(lang, result.sizes_where(findings.Outcome.B)),
              sizes_mixed=sizes_text(lang, result.sizes_where(findings.Outcome.MIXED))),
            "",
            claim_table(lang, result),
            "",
        ]
    return out


def page(record: ExperimentRecord, lang: str) -> str:
    spec, counts = record.spec, record.counts
    images = counts.dataset
    alt = t(lang, "exp.results.plot_alt")
    lines = [
        f"<!-- {t(lang, 'banner', command=COMMAND)} -->",
        f"# {t(lang, 'exp.title')}",
        "",
        t(lang, "exp.intro", record=record_path()),
        "",
        f"## {t(lang, 'exp.h.summary')}",
        "",
        *summary(record, lang),
        "",
        f"## {t(lang, 'exp.h.results')}",
        "",
        f"![{alt}](plots/{plots.path(lang, 'light').name}#only-light)",
        f"![{alt}](plots/{plots.path(lang, 'dark').name}#only-dark)",
        "",
        t(lang, "exp.results.caption", count=len(spec.seeds)),
        "",
        t(lang, "exp.results.table"),
        "",
    ]
    for similarity in spec.similarities:
        lines += [f"### {_similarity(lang, similarity)}", "", results_table(record, lang, similarity), ""]
    lines += [f"## {t(lang, 'exp.h.claims')}", "", *claims_section(record, lang)]
    lines += [f"## {t(lang, 'exp.h.setup')}", "", *setup(record, lang), ""]
    lines += [
        f"## {t(lang, 'exp.h.limits')}",
        "",
        f"- {t(lang, 'exp.limit.images', images=number(images))}",
        f"- {t(lang, 'exp.limit.network', blocks=len(spec.filters), classes=CLASSES)}",
        f"- {t(lang, 'exp.limit.same_source')}",
        f"- {t(lang, 'exp.limit.easy')}",
        f"- {t(lang, 'exp.limit.budget')}",
        f"- {t(lang, 'exp.limit.seeds', count=len(spec.seeds), test=number(counts.target_test))}",
        "",
        f"## {t(lang, 'exp.h.reproduce')}",
        "",
        t(lang, "exp.reproduce.cache", command=COMMAND, benchmark=BENCHMARK),
        "",
        t(lang, "exp.reproduce.real"),
        "",
        REAL_PATH,
        "",
    ]
    return "\n".join(lines)
