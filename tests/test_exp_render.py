"""Records -> table, plots, verdicts and page, with a hand-made record (no TensorFlow)."""

import re
from dataclasses import replace
from pathlib import Path

import pytest

from atlas import __main__ as cli
from atlas.experiment import cache, findings, plots, records, render, stage
from atlas.experiment.grid import GridSpec
from atlas.records import dumps, loads
from atlas.strings import LANGUAGES, STRINGS, fields_of
from exp_fixtures import CORRECT, record

ROOT = Path(__file__).resolve().parents[1]


def test_exp_strings_exist_in_both_languages_with_the_same_fields():
    ko = {k: v for k, v in STRINGS["ko"].items() if k.startswith("exp.")}
    en = {k: v for k, v in STRINGS["en"].items() if k.startswith("exp.")}
    assert ko.keys() == en.keys()
    assert all(fields_of(ko[k]) == fields_of(en[k]) for k in ko)


def test_record_round_trips_through_canonical_json():
    r = record()
    assert loads(records.ExperimentRecord, dumps(r)) == r
    assert r.cell("similar", "frozen", 2).mean == pytest.approx(0.71)
    assert r.cell("similar", "frozen", 2).std == pytest.approx(0.01)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("similarity", ["similar", "dissimilar"])
def test_table_numbers_are_the_records(lang, similarity):
    r = record()
    table = render.results_table(r, lang, similarity)
    rows = [line for line in table.splitlines()[2:]]
    assert len(rows) == len(r.spec.sizes)
    for size, row in zip(r.spec.sizes, rows):
        cells = [c.strip().strip("*") for c in row.strip("|").split("|")]
        assert cells[0] == f"{size} ({size * 5})"
        for strategy, text in zip(r.spec.strategies, cells[1:]):
            correct = CORRECT[similarity, strategy][size]
            mean = sum(correct) / len(correct)
            std = (sum((c - mean) ** 2 for c in correct) / (len(correct) - 1)) ** 0.5
            assert text == f"{mean:.1f} ± {std:.1f}"  # total is 100: percent = count
        bold = [s for s, c in zip(r.spec.strategies, row.strip("|").split("|")[1:]) if "**" in c]
        assert bold == [findings.best(r, similarity, size)]


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_plot_points_are_the_records(palette):
    r = record()
    fig = plots.figure(r, "en", palette)
    lines = {line.get_gid(): line for ax in fig.axes for line in ax.lines if line.get_gid()}
    assert len(lines) == 8
    for sim in r.spec.similarities:
        for strategy in r.spec.strategies:
            line = lines[f"exp-{sim}-{strategy}"]
            cells = [r.cell(sim, strategy, n) for n in r.spec.sizes]
            assert list(line.get_ydata()) == pytest.approx([100 * c.mean for c in cells])
            shift = plots.offset(r, strategy)
            assert [x / shift for x in line.get_xdata()] == pytest.approx(list(r.spec.sizes))
    bars = [c for ax in fig.axes for c in ax.containers]
    heights = sorted(round(float(seg[1][1] - seg[0][1]) / 2, 6)
                     for b in bars for seg in b.lines[2][0].get_segments())
    expected = sorted(round(100 * c.std, 6) for c in r.cells)
    assert heights == pytest.approx(expected)


def test_svg_is_byte_stable_dateless_and_bannered():
    r = record()
    a = plots.svg(plots.figure(r, "ko", "dark"), "BANNER")
    b = plots.svg(plots.figure(r, "ko", "dark"), "BANNER")
    assert a == b
    text = a.decode()
    assert text.startswith("<!-- BANNER -->\n")
    assert "<dc:date>" not in text
    assert 'id="exp-dissimilar-finetune"' in text
    assert "처음부터 학습" in text  # text stays text (svg.fonttype = none)


def test_verdicts_are_computed_from_paired_seeds():
    r = record()
    by_claim = {(c.claim.id, c.similarity): c for c in findings.claims(r)}
    similar = by_claim["similar_frozen", "similar"]
    assert [c.outcome for c in similar.comparisons] == [findings.Outcome.A, findings.Outcome.A,
                                                         findings.Outcome.B]
    assert similar.verdict is findings.Verdict.PARTLY
    dissimilar = by_claim["dissimilar_all", "dissimilar"]
    assert [c.wins for c in dissimilar.comparisons] == [2, 3, 3]
    assert dissimilar.verdict is findings.Verdict.PARTLY
    scarce = by_claim["scarce_frozen", "similar"]
    assert [c.size for c in scarce.comparisons] == [2]
    assert scarce.verdict is findings.Verdict.UNCLEAR
    assert findings.frozen_holds_up_to(r, "similar") == 2
    assert findings.frozen_holds_up_to(r, "dissimilar") is None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_has_banner_plots_tables_and_same_sections_in_both_languages(lang):
    r = record()
    page = render.page(r, lang)
    assert page.startswith("<!-- ")
    assert "(plots/accuracy-light.svg#only-light)" in page
    assert "(plots/accuracy-dark.svg#only-dark)" in page
    headings = [line.split(" ", 1)[0] for line in page.splitlines() if line.startswith("#")]
    other = render.page(r, "en" if lang == "ko" else "ko")
    assert headings == [line.split(" ", 1)[0] for line in other.splitlines() if line.startswith("#")]
    assert page.count("\n| ") == other.count("\n| ")
    assert "71.0 ± 1.0" in page  # similar/frozen/2


def test_committed_files_are_what_the_committed_record_renders():
    text = (ROOT / records.path()).read_text("utf-8")
    committed = loads(records.ExperimentRecord, text)
    assert committed.key == cache.key(committed.spec), "record is stale: run make generate"
    for output in stage.render_all(committed):
        assert (ROOT / output.path).read_bytes() == output.content, output.path
    page = (ROOT / render.page_path("en")).read_text("utf-8")
    for cell in committed.cells:
        assert render.mean_std(cell) in page


def test_bad_grid_is_one_clear_line_and_exit_2(monkeypatch, capsys):
    monkeypatch.setattr(stage, "DEFAULT", replace(GridSpec(), sizes=(10, 500)))
    assert cli.main(["generate", "--check", "--no-progress"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert re.match(r"atlas: error: target size 500 per class is larger than the pool", err[0])


def test_committed_plot_is_reused_only_while_key_and_digest_hold(monkeypatch):
    committed = loads(records.ExperimentRecord, (ROOT / records.path()).read_text("utf-8"))
    path = plots.path("en", "light")
    on_disk = (ROOT / path).read_bytes()
    key = stage.plot_key(dumps(committed))
    drawn = []
    real_figure = plots.figure
    monkeypatch.setattr(plots, "figure", lambda *a: drawn.append(a) or real_figure(*a))

    assert stage.plot_svg(committed, "en", "light", key, lambda p: on_disk) == on_disk
    assert drawn == []  # reused: nothing drawn, matplotlib not needed

    edited = on_disk.replace(b"<svg", b"<svg data-edited=\"1\"", 1)
    assert stage.plot_svg(committed, "en", "light", key, lambda p: edited) == on_disk
    assert len(drawn) == 1  # a hand edit is not trusted: drawn again
