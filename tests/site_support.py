"""Helpers for the site tests: build the site (or a copy of the project), read its HTML."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("ko", "en")
DEFAULT_LANGUAGE = "ko"
PAGE_SUFFIXES = (".md", ".ipynb")

# What a copy of the project leaves out: VCS, environments, build output, caches, and the
# committed records (pages are already generated from them; the site build never reads them).
COPY_IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "site", ".cache", "__pycache__", ".pytest_cache", "records"
)


def site_url() -> str:
    match = re.search(r"^site_url:\s*(\S+)\s*$", (ROOT / "mkdocs.yml").read_text(), re.M)
    assert match, "mkdocs.yml has no site_url"
    return match.group(1)


SITE_PATH = urlsplit(site_url()).path  # "/include-top-atlas/"


def source_pages(docs: Path, lang: str) -> set[str]:
    """Pages of one language, relative to docs/<lang>/."""
    base = docs / lang
    return {
        p.relative_to(base).as_posix()
        for p in base.rglob("*")
        if p.suffix in PAGE_SUFFIXES and p.is_file()
    }


def built_path(lang: str, page: str) -> str:
    """Where a source page (relative to docs/<lang>/) lands in the built site."""
    stem = PurePosixPath(page).with_suffix("")
    parts = stem.parts[:-1] if stem.name in ("index", "README") else stem.parts
    prefix = () if lang == DEFAULT_LANGUAGE else (lang,)
    return "/".join((*prefix, *parts, "index.html"))


def copy_project(dst: Path) -> Path:
    shutil.copytree(ROOT, dst, ignore=COPY_IGNORE)
    return dst


def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` (never ``-v``: it skips the anchor checks)."""
    env = dict(os.environ, PYTHONPATH=str(project / "scripts"), NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, check=False,
    )


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# Loads that make a browser fetch: (tag, attribute). <link> is handled by its rel.
LOADING_ATTRIBUTES = {
    ("script", "src"), ("img", "src"), ("img", "srcset"), ("source", "src"),
    ("source", "srcset"), ("iframe", "src"), ("video", "src"), ("video", "poster"),
    ("audio", "src"), ("embed", "src"), ("object", "data"), ("image", "href"),
    ("use", "href"), ("input", "src"),
}
LOADING_LINK_RELS = {
    "stylesheet", "preconnect", "dns-prefetch", "preload", "modulepreload", "prefetch",
    "icon", "apple-touch-icon", "manifest",
}
# XML namespace names are identifiers, never fetched.
NAMESPACE_URL = re.compile(r"^https?://www\.w3\.org/")
INLINE_URL = re.compile(r"(?:https?:)?//[\w-]+(?:\.[\w-]+)+[^\s\"'`)<>]*")


def is_offsite(url: str) -> bool:
    parts = urlsplit(url.strip())
    return parts.scheme in ("http", "https") or url.strip().startswith("//")


class PageScan(HTMLParser):
    """Everything in one HTML page that would make the browser fetch from another host."""

    def __init__(self) -> None:
        super().__init__()
        self.offsite: list[str] = []
        self.html_lang: str | None = None
        self._inline: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.html_lang = values.get("lang")
        if tag == "link":
            rels = set(values.get("rel", "").lower().split())
            if rels & LOADING_LINK_RELS and is_offsite(values.get("href", "")):
                self.offsite.append(f'<link rel="{values["rel"]}" href="{values["href"]}">')
        for name, value in values.items():
            if (tag, name) not in LOADING_ATTRIBUTES:
                continue
            urls = [u.split()[0] for u in value.split(",") if u.strip()] if "srcset" in name else [value]
            self.offsite.extend(f'<{tag} {name}="{u}">' for u in urls if is_offsite(u))
        if tag in ("script", "style"):
            self._inline = tag

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._inline = None

    def handle_data(self, data: str) -> None:
        if self._inline:
            self.offsite.extend(
                f"inline <{self._inline}>: {url}"
                for url in INLINE_URL.findall(data)
                if not NAMESPACE_URL.match(url)
            )


def scan(html: str) -> PageScan:
    page = PageScan()
    page.feed(html)
    page.close()
    return page


def offsite_loads(site: Path) -> dict[str, list[str]]:
    """Per built file (HTML pages and local CSS), every load from another host."""
    found = {}
    for page in html_pages(site):
        offsite = scan(page.read_text(encoding="utf-8")).offsite
        if offsite:
            found[page.relative_to(site).as_posix()] = offsite
    for css in sorted(site.rglob("*.css")):
        urls = [
            u for u in re.findall(r"(?:url\(\s*['\"]?|@import\s+['\"])([^'\")\s]+)", css.read_text())
            if is_offsite(u)
        ]
        if urls:
            found[css.relative_to(site).as_posix()] = urls
    return found
