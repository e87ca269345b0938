"""Korean and English tutorials carry the same sections, code, tables, figures and numbers."""

from __future__ import annotations

import re

import pytest
from tut_text import FENCE, ROOT, headings, notebook_cells

from atlas import template

TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}", re.M)
FIGURE = re.compile(r"!\[|<img\b|<svg\b")
EXPLICIT_ID = re.compile(r"\{#([\w-]+)\}")
STEMS = sorted(p.stem for p in (ROOT / "tutorials/ko").glob("*.py"))
ARTICLES = sorted(p.name for p in (ROOT / "docs/ko/tutorials").glob("*.md"))


def test_both_languages_have_the_same_tutorials():
    assert STEMS == ["01-include-top", "02-pooling", "03-head", "04-transfer-learning"]
    assert STEMS == sorted(p.stem for p in (ROOT / "tutorials/en").glob("*.py"))
    assert ARTICLES == sorted(p.name for p in (ROOT / "docs/en/tutorials").glob("*.md"))


def _shape(cells: list[dict]) -> dict:
    markdown = "\n\n".join(c["source"] for c in cells if c["cell_type"] == "markdown")
    code = [c for c in cells if c["cell_type"] == "code"]
    images = sum(1 for c in code for o in c["outputs"]
                 if any(m.startswith("image/") for m in o.get("data", {})))
    return {
        "heading levels": [level for level, _ in headings(markdown)],
        "code cells": [re.sub(r"(?m)^\s*#.*\n?", "", c["source"]) for c in code],
        "tables": len(TABLE_RULE.findall(FENCE.sub("", markdown))),
        "figures": len(FIGURE.findall(markdown)) + images,
        "code blocks in prose": len(FENCE.findall(markdown)),
        "cells": [c["cell_type"] for c in cells],
    }


@pytest.mark.parametrize("stem", STEMS)
def test_notebooks_match_between_languages(stem):
    ko = _shape(notebook_cells(ROOT / f"docs/ko/tutorials/{stem}.ipynb"))
    en = _shape(notebook_cells(ROOT / f"docs/en/tutorials/{stem}.ipynb"))
    for key in ko:
        assert ko[key] == en[key], f"{stem}: {key} differ between ko and en"


@pytest.mark.parametrize("stem", STEMS)
def test_sources_read_the_same_record_values(stem):
    def refs(lang):
        text = (ROOT / f"tutorials/{lang}/{stem}.py").read_text("utf-8")
        return sorted(m[1].strip() for m in template.PLACEHOLDER.finditer(text))
    assert refs("ko") == refs("en")
    assert refs("ko"), f"{stem} reads no record"


@pytest.mark.parametrize("name", ARTICLES)
def test_markdown_articles_match_between_languages(name):
    ko = (ROOT / f"docs/ko/tutorials/{name}").read_text("utf-8")
    en = (ROOT / f"docs/en/tutorials/{name}").read_text("utf-8")
    assert [lvl for lvl, _ in headings(ko)] == [lvl for lvl, _ in headings(en)]
    assert EXPLICIT_ID.findall(ko) == EXPLICIT_ID.findall(en)
    assert [line.replace("/ko/", "/en/").replace('"ko/', '"en/') for line in ko.splitlines()
            if line.startswith("--8<--")] == [l for l in en.splitlines() if l.startswith("--8<--")]
    assert len(TABLE_RULE.findall(ko)) == len(TABLE_RULE.findall(en))
    assert len(FENCE.findall(ko)) == len(FENCE.findall(en))
