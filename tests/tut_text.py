"""Reading the site's prose for the tutorial tests: pages, notebook cells, prose without code."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from atlas import notebooks

ROOT = Path(__file__).resolve().parents[1]
FENCE = re.compile(r"^(```|~~~).*?^\1\s*$", re.S | re.M)
INLINE_CODE = re.compile(r"`[^`\n]+`")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
LINK_TARGET = re.compile(r"\]\([^)]*\)")
HEADING = re.compile(r"^(#{1,6}) +(.*?)\s*$", re.M)
SNIPPET = re.compile(r'^--8<--.*$', re.M)
ATTRS = re.compile(r"\{[#.][^}]*\}")


@dataclass(frozen=True)
class Page:
    path: str  # repo-relative, for messages
    markdown: str  # every Markdown part of the page, in order
    code: str = ""  # code cells' sources (notebooks only)


def notebook_cells(path: Path) -> list[dict]:
    return json.loads(path.read_text("utf-8"))["cells"]


def notebook_page(path: Path) -> Page:
    cells = notebook_cells(path)
    return Page(str(path.relative_to(ROOT)),
                "\n\n".join(c["source"] for c in cells if c["cell_type"] == "markdown"),
                "\n\n".join(c["source"] for c in cells if c["cell_type"] == "code"))


def source_page(path: Path) -> Page:
    rel = path.relative_to(ROOT)
    cells = notebooks.parse(rel, path.read_text("utf-8"))
    return Page(str(rel), "\n\n".join(c.source for c in cells if c.kind == "markdown"),
                "\n\n".join(c.source for c in cells if c.kind == "code"))


def markdown_page(path: Path) -> Page:
    return Page(str(path.relative_to(ROOT)), path.read_text("utf-8"))


def generated_paths() -> set[str]:
    manifest = ROOT / "data/manifest.json"
    return set(json.loads(manifest.read_text("utf-8"))["files"]) if manifest.exists() else set()


def docs_pages(lang: str) -> list[Page]:
    """Every page of one language: Markdown files and executed notebooks."""
    folder = ROOT / "docs" / lang
    pages = [markdown_page(p) for p in sorted(folder.rglob("*.md"))]
    pages += [notebook_page(p) for p in sorted(folder.rglob("*.ipynb"))]
    return pages


def source_pages(lang: str) -> list[Page]:
    return [source_page(p) for p in sorted((ROOT / "tutorials" / lang).glob("*.py"))]


def prose(markdown: str) -> str:
    """Running text only: no code, headings, comments, link targets, attribute lists, snippets."""
    text = FENCE.sub("", markdown)
    text = HTML_COMMENT.sub("", text)
    text = HEADING.sub("", text)
    text = SNIPPET.sub("", text)
    text = LINK_TARGET.sub("]", text)
    text = ATTRS.sub("", text)
    return INLINE_CODE.sub("", text)


def headings(markdown: str) -> list[tuple[int, str]]:
    return [(len(m[1]), m[2]) for m in HEADING.finditer(FENCE.sub("", markdown))]
