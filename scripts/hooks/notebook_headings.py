"""Give notebook headings the same ids as Markdown headings (pymdownx.slugs), in the page and its TOC.

mkdocs-jupyter makes heading ids with an ASCII-only slugify, so Korean headings get an
empty id, and it builds the table of contents with Markdown's default slugify, so the
TOC links and the heading ids disagree. This hook re-slugs both, in document order, with
the slugify the Markdown pages use: ``#실제-코드`` works on a notebook page as on any other.
"""

from __future__ import annotations

import html
import re

from mkdocs.exceptions import PluginError
from mkdocs.structure.toc import AnchorLink
from pymdownx.slugs import slugify

SLUGIFY = slugify(case="lower")
HEADING = re.compile(
    r'<h(?P<level>[1-6]) id="[^"]*">(?P<inner>.*?)<a class="anchor-link" href="#[^"]*">(?P<mark>.*?)</a></h(?P=level)>',
    re.S,
)
TAG = re.compile(r"<[^>]+>")


def _flatten(items: list[AnchorLink]) -> list[AnchorLink]:
    out = []
    for item in items:
        out.append(item)
        out.extend(_flatten(item.children))
    return out


def _text(inner: str) -> str:
    return html.unescape(TAG.sub("", inner)).strip()


def reslug(content: str, toc: list[AnchorLink], where: str) -> str:
    entries = _flatten(toc)
    seen: dict[str, int] = {}
    position = 0

    def replace(m: re.Match) -> str:
        nonlocal position
        text = _text(m["inner"])
        base = SLUGIFY(text, "-")
        seen[base] = seen.get(base, 0) + 1
        slug = base if seen[base] == 1 else f"{base}_{seen[base] - 1}"
        if position >= len(entries) or _text(entries[position].title) != text:
            raise PluginError(f"{where}: heading {text!r} has no matching table-of-contents entry")
        entries[position].id = slug
        position += 1
        return (f'<h{m["level"]} id="{slug}">{m["inner"]}'
                f'<a class="anchor-link" href="#{slug}">{m["mark"]}</a></h{m["level"]}>')

    content = HEADING.sub(replace, content)
    if position != len(entries):
        raise PluginError(f"{where}: {len(entries) - position} table-of-contents entries "
                          "have no heading in the notebook")
    return content


def on_page_content(content: str, page, config, files) -> str:
    if not page.file.src_uri.endswith(".ipynb"):
        return content
    return reslug(content, list(page.toc), page.file.src_uri)
