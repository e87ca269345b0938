"""Links inside notebooks: MkDocs does not check them (mkdocs-jupyter renders the HTML), so this does.

A notebook page docs/<lang>/tutorials/NN-name.ipynb is served at tutorials/NN-name/, so its
links are written as URLs relative to that directory (../02-pooling/, ../../glossary/).
Targets in sections other helpers build (atlas/, experiments/) are checked once those exist.
"""

from __future__ import annotations

import posixpath
import re

import pytest
from pymdownx.slugs import slugify
from tut_text import FENCE, ROOT, headings, notebook_cells

SLUG = slugify(case="lower")
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
EXPLICIT_ID = re.compile(r"\{#([\w-]+)\}")
ASSET_SUFFIXES = (".svg", ".png")  # images: files next to the pages, not pages
NOTEBOOKS = sorted((ROOT / "docs").glob("*/tutorials/*.ipynb"))


def _anchors(path) -> set[str]:
    if path.suffix == ".ipynb":
        text = "\n\n".join(c["source"] for c in notebook_cells(path) if c["cell_type"] == "markdown")
    else:
        text = path.read_text("utf-8")
    ids = {SLUG(title, "-") for _, title in headings(text)}
    return ids | set(EXPLICIT_ID.findall(text))


def _target(lang: str, url_path: str):
    base = ROOT / "docs" / lang / url_path.rstrip("/")
    for candidate in (base.with_suffix(".md"), base.with_suffix(".ipynb"), base / "index.md"):
        if candidate.is_file():
            return candidate
    return None


def link_problems(path) -> list[str]:
    lang = path.relative_to(ROOT / "docs").parts[0]
    page_dir = f"tutorials/{path.stem}/"
    markdown = "\n\n".join(c["source"] for c in notebook_cells(path) if c["cell_type"] == "markdown")
    problems = []
    for url in LINK.findall(FENCE.sub("", markdown)):
        if url.startswith(("http://", "https://")):
            continue
        where, _, anchor = url.partition("#")
        if where == path.name:
            continue  # the download link: mkdocs-jupyter copies the notebook next to its page
        if posixpath.splitext(where)[1] in ASSET_SUFFIXES:
            asset = posixpath.normpath(posixpath.join(page_dir, where))
            if not (ROOT / "docs" / lang / asset).is_file():
                problems.append(f"{path.name}: {url}: no file docs/{lang}/{asset}")
            continue
        if where and not where.endswith("/"):
            problems.append(f"{path.name}: {url}: write page links as directory URLs ending in '/'")
            continue
        resolved = posixpath.normpath(posixpath.join(page_dir, where)) if where else page_dir
        section = resolved.split("/")[0]
        if section in ("atlas", "experiments") and not (ROOT / "docs" / lang / section).is_dir():
            continue
        target = _target(lang, resolved) if where else path
        if target is None:
            problems.append(f"{path.name}: {url}: no page docs/{lang}/{resolved}")
        elif anchor and anchor not in _anchors(target):
            problems.append(f"{path.name}: {url}: no heading #{anchor} on {target.name}")
    return problems


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parts[-3]}/{p.name}")
def test_notebook_links_resolve(path):
    assert not link_problems(path)


def test_the_check_catches_a_broken_link(tmp_path, monkeypatch):
    path = ROOT / "docs/en/tutorials/01-include-top.ipynb"
    cells = notebook_cells(path) + [{"cell_type": "markdown", "source":
                                     "[x](../02-poolin/) [y](../02-pooling/#nope) [z](../03-head.md) "
                                     "![w](../../diagrams/variants/nope.svg#only-dark)"}]
    original = notebook_cells
    monkeypatch.setattr("test_tut_links.notebook_cells", lambda p: cells if p == path else original(p))
    assert link_problems(path) == [
        "01-include-top.ipynb: ../02-poolin/: no page docs/en/tutorials/02-poolin",
        "01-include-top.ipynb: ../02-pooling/#nope: no heading #nope on 02-pooling.ipynb",
        "01-include-top.ipynb: ../03-head.md: write page links as directory URLs ending in '/'",
        "01-include-top.ipynb: ../../diagrams/variants/nope.svg#only-dark: "
        "no file docs/en/diagrams/variants/nope.svg",
    ]
