"""Placeholders: exact values from hand-made records, and errors that name the file and line."""

import pytest

from atlas import template
from atlas.records import LayerRow, Removal, Totals, VariantRecord, Versions


def _record(variant: str, layers, total: int, removed=None, output_shape=(None, 7, 7, 512)):
    return VariantRecord(
        schema=1, model="Tiny", variant=variant, code="", include_top=removed is not None,
        pooling="none", input_shape=(None, 32, 32, 3), output_shape=output_shape,
        layers=tuple(layers), totals=Totals(total, total - 6, 6), depth_all=len(layers),
        depth_weighted=1, batch_norm_layers=0, default_size=32, min_size=32,
        preprocessing="caffe", versions=Versions("3", "2"), removed_by_headless=removed,
    )


RECORDS = {
    ("Tiny", "top"): _record(
        "top",
        [LayerRow("conv", "Conv2D", (None, 7, 7, 512), 1792, True),
         LayerRow("fc1", "Dense", (None, 4096), 102764544, True)],
        total=138357544, removed=Removal(("fc1",), 123642856), output_shape=(None, 4096)),
    ("Tiny", "base"): _record("base", [LayerRow("conv", "Conv2D", (None, 7, 7, 512), 1792, True)],
                              total=14714688),
}


def lookup(model, variant):
    try:
        return RECORDS[(model, variant)]
    except KeyError:
        raise template.LookupFailed("no such record") from None


def fill(text, first_line=1):
    return template.fill(text, lookup, "tutorials/ko/01-x.py", first_line).text


@pytest.mark.parametrize("text, expected", [
    ("{{ Tiny/top: totals.total }}", "138,357,544"),
    ("{{Tiny/top:totals.total}}", "138,357,544"),
    ("{{ Tiny/top: layers[fc1].params }}", "102,764,544"),
    ("{{ Tiny/top: layers[-1].name }}", "fc1"),
    ("{{ Tiny/top: layers[fc1].output_shape }}", "(None, 4096)"),
    ("{{ Tiny/base: output_shape | shape }}", "7×7×512"),
    ("{{ Tiny/top: layers[fc1].output_shape[1] }}", "4,096"),
    ("{{ Tiny/top: layers[fc1].output_shape[1] | plain }}", "4096"),
    ("{{ Tiny/top: removed_by_headless.params | percent_of Tiny/top: totals.total }}", "89"),
    ("{{ Tiny/top: totals.size_mb }}", "553.4"),
    ("{{ Tiny/top: preprocessing }}", "caffe"),
    ("a {{ Tiny/base: totals.total }} b {{ Tiny/top: totals.total }} c",
     "a 14,714,688 b 138,357,544 c"),
])
def test_values(text, expected):
    assert fill(text) == expected


def test_refs_are_reported_in_order():
    filled = template.fill("{{ Tiny/top: totals.total | percent_of Tiny/base: totals.total }}",
                           lookup, "f.py")
    assert [(r.model, r.variant, r.path) for r in filled.refs] == [
        ("Tiny", "top", "totals.total"), ("Tiny", "base", "totals.total")]


@pytest.mark.parametrize("text, message", [
    ("{{ Tiny/nope: totals.total }}",
     "tutorials/ko/01-x.py:12: unknown record Tiny/nope (no such record)"),
    ("{{ Tiny/top: totals.totl }}",
     "tutorials/ko/01-x.py:12: Tiny/top: totals.totl: unknown field 'totl'; "
     "known fields: non_trainable, total, trainable"),
    ("{{ Tiny/top: layers[fc9].params }}",
     "tutorials/ko/01-x.py:12: Tiny/top: layers[fc9].params: no row named 'fc9'"),
    ("{{ Tiny/top: layers[7].params }}",
     "tutorials/ko/01-x.py:12: Tiny/top: layers[7].params: index 7 out of range (2 items)"),
    ("{{ Tiny/base: removed_by_headless.params }}",
     "tutorials/ko/01-x.py:12: Tiny/base: removed_by_headless.params: "
     "field 'removed_by_headless' is empty in the record"),
    ("{{ totals.total }}",
     "tutorials/ko/01-x.py:12: bad placeholder reference 'totals.total'; write it as "
     "Model/variant: field.path, e.g. VGG16/top: totals.total"),
    ("{{ Tiny/top: totals.total | round }}",
     "tutorials/ko/01-x.py:12: unknown filter 'round'; known: percent_of Model/variant: path, "
     "plain, shape"),
    ("{{ Tiny/top: layers }}",
     "tutorials/ko/01-x.py:12: Tiny/top: layers is a tuple; point the path at a number, "
     "a text or a shape"),
    ("{{ Tiny/top: include_top }}",
     "tutorials/ko/01-x.py:12: Tiny/top: include_top is a yes/no value, not something to print"),
    ("{{ Tiny/top: totals.total }",
     "tutorials/ko/01-x.py:12: unbalanced '{{' or '}}' in '{{ Tiny/top: totals.total }'"),
])
def test_errors_name_file_and_line(text, message):
    with pytest.raises(template.TemplateError) as err:
        fill("first line\n" + text, first_line=11)
    assert str(err.value) == message


def test_text_without_placeholders_is_unchanged():
    text = "no numbers here, `dict = {}` and {single} braces"
    assert fill(text) == text
