"""Fail the build when a page exists in one language only.

mkdocs-static-i18n would silently fall back to the other language (or drop the
page); the site promises both languages move together, so a missing translation
is an error that names the page.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

PAGE_SUFFIXES = (".md", ".ipynb")


def missing_translations(docs_dir: Path, languages: list[str]) -> list[str]:
    """Pages (as ``lang/path``) whose counterpart is missing in another language."""
    pages = {
        lang: {
            p.relative_to(docs_dir / lang).as_posix()
            for p in (docs_dir / lang).rglob("*")
            if p.suffix in PAGE_SUFFIXES and p.is_file()
        }
        for lang in languages
    }
    everything = set().union(*pages.values())
    return sorted(
        f"{lang}/{page} (found in {', '.join(o for o in languages if page in pages[o])})"
        for lang in languages
        for page in everything - pages[lang]
    )


def on_config(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    languages = [lang.locale for lang in i18n.config.languages] if i18n else ["ko", "en"]
    missing = missing_translations(Path(config.docs_dir), languages)
    if missing:
        raise PluginError(
            "Missing translation: " + "; ".join(missing)
            + ". Add the page in every language (see CONTRIBUTING.md)."
        )
