"""Keep notebooks as real, offline, bilingual pages under mkdocs-static-i18n.

1. mkdocs-jupyter wraps each ``.ipynb`` in a File that claims to be a documentation
   page; mkdocs-static-i18n (priority -100) then rebuilds the file list from plain
   Files and the notebooks fall back to static files: they are copied as raw JSON
   and ``--strict`` still passes (mkdocs-static-i18n issue #198). Running after it,
   this hook marks every notebook as a documentation page again.
2. For the same reason static-i18n records no other-language alternate for a
   notebook, so the language switcher would land on the other language's home page.
   The hook adds the alternates (the tests check that both languages have every
   notebook, so the target exists).
3. nbconvert's page template loads MathJax (here with an empty ``src``) and, when a
   notebook has a diagram, Mermaid from cdnjs. The site makes no request off its own
   host and notebooks carry no LaTeX or Mermaid, so both loaders are removed.
4. mkdocs-jupyter gives headings ASCII-only ids, so a Korean heading got ``id=""`` and
   a table of contents entry that leads nowhere. Headings are given ids with the
   site's own slugify (as Markdown pages get), the table of contents is rebuilt from
   them, and the page's anchors are recorded so ``--strict`` checks links into it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MethodType

from markdown.extensions.toc import nest_toc_tokens, strip_tags, unescape, unique
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

NOTEBOOK_SUFFIX = ".ipynb"

# The two blocks come verbatim from nbconvert's templates base/mathjax.html.j2 and
# lab/mermaidjs.html.j2 (nbconvert is pinned in constraints.txt).
CDN_LOADERS = (
    re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.S),
    re.compile(r'<script type="module">\s*document\.addEventListener\("DOMContentLoaded", '
               r'async \(\) => \{\s*const diagrams = document\.querySelectorAll\("\.jp-Mermaid'
               r'.*?</script>', re.S),
)

# A heading as nbconvert's markdown renderer (patched by mkdocs-jupyter) writes it.
HEADING = re.compile(
    r'<h([1-6]) id="[^"]*">(.*?)<a class="anchor-link" href="#[^"]*">¶</a></h\1>', re.S
)
ANCHOR_ID = re.compile(r'\sid="([^"]+)"')


@dataclass(frozen=True)
class Alternate:
    """The other-language version of a notebook, as static-i18n's switcher reads it."""

    src_uri: str
    url: str
    page: None = None


def _is_page(self: File) -> bool:
    return True


def _language_prefix(lang: str, default: str) -> str:
    return "" if lang == default else f"{lang}/"


def _add_alternates(file: File, languages: list[str], default: str) -> None:
    own = file.locale
    rel_src = file.src_uri.removeprefix(f"{own}/")
    rel_url = file.url.removeprefix(_language_prefix(own, default))
    for lang in languages:
        if lang not in file.alternates:
            file.alternates[lang] = Alternate(
                src_uri=f"{lang}/{rel_src}", url=_language_prefix(lang, default) + rel_url
            )


@event_priority(-200)
def on_files(files: Files, config) -> Files:
    i18n = config.plugins.get("i18n")
    for file in files:
        if file.src_uri.endswith(NOTEBOOK_SUFFIX):
            file.is_documentation_page = MethodType(_is_page, file)
            if i18n is not None and hasattr(file, "alternates"):
                _add_alternates(file, list(i18n.build_languages), i18n.default_language)
    if i18n is not None:
        # static-i18n took this list (which feeds sitemap.xml) before notebooks were pages.
        i18n.i18n_files_per_language[i18n.current_language] = files.documentation_pages()
    return files


def strip_cdn_loaders(html: str) -> str:
    for loader in CDN_LOADERS:
        html = loader.sub("", html)
    return html


def slug_headings(html: str, slugify) -> tuple[str, list[dict]]:
    """Give every heading an id from ``slugify``; return the HTML and its TOC tokens."""
    used: set[str] = set()
    tokens: list[dict] = []

    def replace(match: re.Match) -> str:
        level, inner = match.group(1), match.group(2)
        name = unescape(strip_tags(inner)).strip()
        slug = unique(slugify(name, "-"), used)
        tokens.append({"level": int(level), "id": slug, "name": name})
        return f'<h{level} id="{slug}">{inner}<a class="anchor-link" href="#{slug}">¶</a></h{level}>'

    return HEADING.sub(replace, html), tokens


def on_page_content(html: str, page, config, files) -> str:
    if not page.file.src_uri.endswith(NOTEBOOK_SUFFIX):
        return html
    html, tokens = slug_headings(strip_cdn_loaders(html), config.mdx_configs["toc"]["slugify"])
    page.toc = get_toc(nest_toc_tokens(tokens))
    page.present_anchor_ids = set(ANCHOR_ID.findall(html))
    return html
