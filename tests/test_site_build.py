"""The built site, read as files: both languages, every page, nothing loaded from elsewhere."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from site_support import (
    DEFAULT_LANGUAGE, LANGUAGES, ROOT, SITE_PATH, built_path, html_pages, offsite_loads, scan,
    site_url, source_pages,
)

pytestmark = pytest.mark.site

DOCS = ROOT / "docs"


def test_every_page_exists_in_both_languages():
    pages = {lang: source_pages(DOCS, lang) for lang in LANGUAGES}
    assert pages["ko"], "docs/ko has no pages"
    missing = {
        f"docs/{lang}/{page}"
        for lang in LANGUAGES
        for page in set().union(*pages.values()) - pages[lang]
    }
    assert missing == set(), f"pages without a translation: {sorted(missing)}"


def test_every_source_page_is_built_in_both_languages(built_site):
    expected = {built_path(lang, page) for lang in LANGUAGES for page in source_pages(DOCS, lang)}
    built = {p.relative_to(built_site).as_posix() for p in html_pages(built_site)}
    assert expected - built == set()
    assert built - expected == {"404.html"}, "a page was built that has no source in docs/"


def test_html_lang_follows_the_address(built_site):
    assert scan((built_site / "index.html").read_text()).html_lang == "ko"
    assert scan((built_site / "en" / "index.html").read_text()).html_lang == "en"
    wrong = {}
    for page in html_pages(built_site):
        rel = page.relative_to(built_site).as_posix()
        want = next((lang for lang in LANGUAGES if rel.startswith(f"{lang}/")), DEFAULT_LANGUAGE)
        got = scan(page.read_text()).html_lang
        if got != want:
            wrong[rel] = got
    assert wrong == {}


@pytest.mark.parametrize(("page", "name"), [
    ("index.html", "include_top 아틀라스"), ("en/index.html", "include_top Atlas"),
    ("about/index.html", "include_top 아틀라스"), ("en/about/index.html", "include_top Atlas"),
])
def test_site_name_follows_the_language(built_site, page, name):
    html = (built_site / page).read_text()
    assert re.search(r"<title>(.*?)</title>", html).group(1).endswith(name)
    assert re.search(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', html).group(1) == name


def test_no_page_loads_anything_from_another_host(built_site):
    assert offsite_loads(built_site) == {}


def test_offsite_scan_catches_each_kind_of_load():
    html = """<html lang="ko"><head>
    <script src="https://cdn.example.com/a.js"></script>
    <link rel="stylesheet" href="//fonts.example.com/a.css">
    <link rel="preconnect" href="https://fonts.gstatic.com">
    <link rel="alternate" href="https://example.com/en/" hreflang="en">
    <script>import("https://cdnjs.example.com/mermaid.mjs")</script>
    <style>.a{background:url("data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'/>")}</style>
    </head><body><img src="https://img.example.com/a.png"><img src="local.png">
    <a href="https://example.com/">a plain link loads nothing</a></body></html>"""
    assert scan(html).offsite == [
        '<script src="https://cdn.example.com/a.js">',
        '<link rel="stylesheet" href="//fonts.example.com/a.css">',
        '<link rel="preconnect" href="https://fonts.gstatic.com">',
        "inline <script>: https://cdnjs.example.com/mermaid.mjs",
        '<img src="https://img.example.com/a.png">',
    ]


def _menu_links(html: str) -> dict[str, str]:
    return dict(
        (lang, href)
        for href, lang in re.findall(
            r'<a href="([^"]*)" hreflang="([a-z]+)" class="md-select__link">', html
        )
    )


def test_language_menu_lands_on_the_same_page(built_site):
    wrong = []
    for lang in LANGUAGES:
        for page in sorted(source_pages(DOCS, lang)):
            here = built_path(lang, page)
            page_url = SITE_PATH + here.removesuffix("index.html")
            links = _menu_links((built_site / here).read_text())
            assert set(links) == set(LANGUAGES), f"{here}: language menu {links}"
            for other in LANGUAGES:
                want = SITE_PATH + built_path(other, page).removesuffix("index.html")
                got = urljoin(page_url, links[other])
                if got != want:
                    wrong.append(f"{here}: {other} -> {got}, expected {want}")
    assert wrong == []


def test_no_head_alternates_and_a_sitemap_with_both_languages(built_site):
    """Material fetches sitemap.xml next to each <link rel="alternate" hreflang>: with
    per-page links that is a 404 on every page (see overrides/main.html)."""
    for page in html_pages(built_site):
        assert not re.search(r'<link rel="alternate"[^>]*hreflang', page.read_text()), page
    sitemap = (built_site / "sitemap.xml").read_text()
    for page in source_pages(DOCS, DEFAULT_LANGUAGE):
        for lang in LANGUAGES:
            url = site_url() + built_path(lang, page).removesuffix("index.html")
            assert f'hreflang="{lang}" href="{url}"' in sitemap


def _search_config(built_site: Path) -> dict:
    return json.loads((built_site / "search" / "search_index.json").read_text())["config"]


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("include_top=False)", ["include", "top", "False"]),
        ("pooling='max'", ["pooling", "max"]),
        ("BatchNormalization", ["Batch", "Normalization"]),
        ('keras.applications.VGG16(weights="imagenet")', ["keras", "applications", "VGG16",
                                                          "weights", "imagenet"]),
        ("전이 학습(transfer learning)", ["전이", "학습", "transfer", "learning"]),
    ],
)
def test_search_separator_splits_code_punctuation(built_site, text, tokens):
    config = _search_config(built_site)
    assert sorted(config["lang"]) == sorted(LANGUAGES)
    assert [t for t in re.split(config["separator"], text) if t] == tokens
    # The default separator keeps the whole identifier as one token: nothing would find it.
    assert re.split(r"[\s\-]+", "include_top=False)") == ["include_top=False)"]


def test_search_index_holds_both_languages(built_site):
    locations = {doc["location"] for doc in json.loads(
        (built_site / "search" / "search_index.json").read_text())["docs"]}
    for lang in LANGUAGES:
        for page in source_pages(DOCS, lang):
            url = built_path(lang, page).removesuffix("index.html")
            assert url in locations, f"{lang}/{page} is not in the search index"


def test_material_features_are_on(built_site):
    config = json.loads(re.search(
        r'<script id="__config" type="application/json">(.*?)</script>',
        (built_site / "index.html").read_text(), re.S).group(1))
    assert {"content.code.copy", "content.tabs.link", "search.highlight", "toc.follow"} <= set(
        config["features"])
    for lang_home in ("index.html", "en/index.html"):
        html = (built_site / lang_home).read_text()
        assert html.count('class="md-option"') == 2, "light/dark palette toggle"
        assert 'class="tabbed-set tabbed-alternate"' in html, "content tabs"
        assert '<div class="admonition note">' in html, "admonition"
        assert "<table>" in html, "table"
        assert 'class="md-nav md-nav--secondary"' in html, "table of contents"
        assert '<div class="highlight"><pre><span></span><code>' in html, "highlighted code"


@pytest.mark.parametrize(("page", "text"), [
    ("index.html", "글과 그림"), ("en/index.html", "Text and figures"),
])
def test_footer_names_both_licenses(built_site, page, text):
    footer = re.search(r'<div class="md-copyright__highlight">(.*?)</div>',
                       (built_site / page).read_text(), re.S).group(1)
    assert text in footer
    repo = "https://github.com/include-top-atlas/include-top-atlas/blob/main/"
    assert re.findall(r'href="([^"]+)">([^<]+)</a>', footer) == [
        (repo + "LICENSE-docs", "CC BY 4.0"), (repo + "LICENSE", "Apache-2.0")]
    assert (ROOT / "LICENSE").read_text().lstrip().startswith("Apache License")
    assert "Version 2.0" in (ROOT / "LICENSE").read_text()[:200]
    assert (ROOT / "LICENSE-docs").read_text().startswith("Attribution 4.0 International")


def test_404_page_has_both_languages(built_site):
    html = (built_site / "404.html").read_text()
    assert scan(html).html_lang == "ko"
    assert 'data-atlas-404="ko" lang="ko">' in html
    assert 'data-atlas-404="en" lang="en" hidden>' in html
    assert f'indexOf("{SITE_PATH}en/")' in html
    assert not (built_site / "en" / "404.html").exists()


def test_site_url_is_used_for_canonical_links(built_site):
    for page in html_pages(built_site):
        rel = page.relative_to(built_site).as_posix()
        if rel == "404.html":
            continue
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', page.read_text()).group(1)
        assert canonical == site_url() + rel.removesuffix("index.html"), rel


@pytest.mark.parametrize("page, title", [
    ("atlas/vgg16/index.html", "VGG16"),
    ("en/atlas/nasnetlarge/index.html", "NASNetLarge"),
    ("glossary/index.html", "용어집"),
    ("en/glossary/index.html", "Glossary"),
])
def test_generated_pages_take_their_title_from_the_h1_not_the_banner(built_site, page, title):
    html = (built_site / page).read_text("utf-8")
    assert f"<title>{title} - " in html
    assert "make generate" not in html
