"""Notebooks are pages: rendered HTML with their cells and a download link, in both languages."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from site_support import (
    LANGUAGES, ROOT, SITE_PATH, built_path, copy_project, mkdocs_build, offsite_loads, scan,
    source_pages,
)

pytestmark = pytest.mark.site

SITE_NOTEBOOKS = [
    (lang, page)
    for lang in LANGUAGES
    for page in sorted(source_pages(ROOT / "docs", lang))
    if page.endswith(".ipynb")
]

# A tiny notebook, in both languages, added to a copy of the project.
FIXTURE_PAGE = "site-test/notebook.ipynb"
FIXTURE_HEADINGS = {"ko": "합성곱 층", "en": "Convolutional layer"}
FIXTURE_SLUGS = {"ko": "합성곱-층", "en": "convolutional-layer"}


def _notebook(lang: str) -> str:
    cells = [
        {"cell_type": "markdown", "metadata": {}, "id": "intro",
         "source": [f"# Notebook {lang}\n", "\n", f"## {FIXTURE_HEADINGS[lang]}\n", "\n", "text"]},
        {"cell_type": "code", "metadata": {}, "id": "sum", "execution_count": 1,
         "source": ["print(20 + 22)"],
         "outputs": [{"output_type": "stream", "name": "stdout", "text": ["42\n"]}]},
    ]
    return json.dumps({
        "cells": cells, "nbformat": 4, "nbformat_minor": 5,
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                    "language": "python"}},
    }, indent=1)


def add_nav_entry(mkdocs_yml: Path, entry: str) -> None:
    text = mkdocs_yml.read_text()
    assert "\nnav:\n" in text, "mkdocs.yml has no top-level nav list"
    mkdocs_yml.write_text(text.replace("\nnav:\n", f"\nnav:\n  - {entry}\n", 1))


@pytest.fixture(scope="module")
def notebook_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("nb") / "project")
    for lang in LANGUAGES:
        target = project / "docs" / lang / FIXTURE_PAGE
        target.parent.mkdir(parents=True)
        target.write_text(_notebook(lang))
        # A Markdown page linking to the notebook's Korean/English heading: --strict checks it.
        (project / "docs" / lang / "site-test" / "links.md").write_text(
            f"# Links\n\n[heading](notebook.ipynb#{FIXTURE_SLUGS[lang]})\n")
    add_nav_entry(project / "mkdocs.yml", FIXTURE_PAGE)
    add_nav_entry(project / "mkdocs.yml", "site-test/links.md")
    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


def assert_notebook_page(site: Path, lang: str, page: str, source: Path) -> str:
    """The page for ``source`` is HTML with every cell and a working download link."""
    built = site / built_path(lang, page)
    html = built.read_text()
    assert not html.lstrip().startswith("{"), f"{built} is the raw notebook JSON"
    assert html.startswith("<!doctype html>") or html.startswith("<!DOCTYPE html>")
    assert scan(html).html_lang == lang
    cells = json.loads(source.read_text())["cells"]
    kinds = [cell["cell_type"] for cell in cells]
    assert html.count('<div class="jp-Cell jp-MarkdownCell') == kinds.count("markdown"), built
    assert html.count('class="jp-CodeMirrorEditor jp-Editor jp-InputArea-editor"') == kinds.count(
        "code"), built
    outputs = sum(len(cell.get("outputs", [])) for cell in cells)
    assert html.count('<div class="jp-OutputArea-child">') == outputs, built
    assert html.count('class="jupyter-wrapper"') == 1
    links = re.findall(r'<a href="([^"]+\.ipynb)" download', html)
    assert len(links) == 1, f"{built}: download links {links}"
    target = urljoin(SITE_PATH + built_path(lang, page), links[0])
    downloaded = site / target.removeprefix(SITE_PATH)
    assert downloaded.read_bytes() == source.read_bytes()
    return html


@pytest.mark.parametrize(("lang", "page"), SITE_NOTEBOOKS)
def test_site_notebook_is_a_page(built_site, lang, page):
    assert_notebook_page(built_site, lang, page, ROOT / "docs" / lang / page)


def test_site_notebooks_exist_in_both_languages():
    by_lang = {lang: {p for l, p in SITE_NOTEBOOKS if l == lang} for lang in LANGUAGES}
    assert by_lang["ko"] == by_lang["en"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_fixture_notebook_is_a_page(notebook_site, lang):
    source_root = notebook_site.parent / "docs" / lang
    html = assert_notebook_page(notebook_site, lang, FIXTURE_PAGE, source_root / FIXTURE_PAGE)
    assert "<span class=\"mi\">20</span>" in html, "highlighted code input"
    assert "42\n</pre>" in html, "stream output"
    slug = FIXTURE_SLUGS[lang]
    assert f'<h2 id="{slug}">{FIXTURE_HEADINGS[lang]}<a class="anchor-link" href="#{slug}">' in html
    assert f'<a href="#{slug}" class="md-nav__link">' in html, "table of contents entry"


def test_fixture_notebook_loads_nothing_from_another_host(notebook_site):
    assert offsite_loads(notebook_site) == {}
    html = (notebook_site / built_path("ko", FIXTURE_PAGE)).read_text()
    assert "<!-- Load mathjax -->" not in html
    assert '<script src="">' not in html
    assert "cdnjs" not in html


def test_fixture_notebook_language_menu_lands_on_the_other_notebook(notebook_site):
    html = (notebook_site / built_path("ko", FIXTURE_PAGE)).read_text()
    en = re.search(r'<a href="([^"]*)" hreflang="en" class="md-select__link">', html).group(1)
    assert urljoin(SITE_PATH + built_path("ko", FIXTURE_PAGE), en) == (
        SITE_PATH + built_path("en", FIXTURE_PAGE).removesuffix("index.html"))
