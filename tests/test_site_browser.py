"""The site as a reader meets it: headless Chromium against the built site on 127.0.0.1.

Every test uses the ``tab`` fixture, which blocks and records any request that would leave
127.0.0.1 and records console errors; each test ends with ``tab.assert_clean()``.
"""

from __future__ import annotations

import re

import pytest

from site_support import LANGUAGES, built_path, html_pages

pytestmark = pytest.mark.browser

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def open_page(tab, url: str):
    tab.page.goto(url)
    tab.page.wait_for_load_state("networkidle")
    return tab.page


def search(page, query: str) -> list[str]:
    """Type a query as a reader would and return the result links."""
    page.keyboard.press("s")  # Material's shortcut focuses the search box
    box = page.locator(".md-search__input")
    box.fill(query)
    # Material searches on keyup; one key after the whole query gives one search.
    box.press("End")
    results = ".md-search-result__item > .md-search-result__link"
    page.locator(results).first.wait_for()
    return page.eval_on_selector_all(results, "links => links.map(a => a.href)")


def test_home_renders_in_korean(tab, site_server):
    page = open_page(tab, site_server)
    assert page.locator("html").get_attribute("lang") == "ko"
    heading = page.locator(".md-content h1").inner_text()
    assert heading.startswith("include_top 아틀라스")
    body = page.locator(".md-content").inner_text()
    assert len(HANGUL.findall(body)) > 200
    assert page.locator(".md-search__input").get_attribute("placeholder") == "검색"
    tab.assert_clean()


@pytest.mark.parametrize("page_path", ["", "about/"])
def test_language_switcher_reaches_the_same_page(tab, site_server, page_path):
    page = open_page(tab, site_server + page_path)
    page.locator(".md-header__option .md-select").hover()
    page.locator('.md-select__link[hreflang="en"]').click()
    page.wait_for_url(site_server + "en/" + page_path)
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "en"
    assert not HANGUL.search(page.locator(".md-content h1").inner_text())

    page.locator(".md-header__option .md-select").hover()
    page.locator('.md-select__link[hreflang="ko"]').click()
    page.wait_for_url(site_server + page_path)
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "ko"
    tab.assert_clean()


@pytest.mark.parametrize(
    ("lang", "query", "pages"),
    [
        ("ko", "전이 학습", ("", "tutorials/04-transfer-learning/")),
        ("ko", "동결", ("", "tutorials/04-transfer-learning/")),
        ("en", "transfer learning", ("", "tutorials/04-transfer-learning/")),
        ("en", "freezing", ("", "tutorials/04-transfer-learning/")),
        ("ko", "include_top", ("", "tutorials/01-include-top/")),
        ("en", "include_top", ("", "tutorials/01-include-top/")),
        ("ko", "pooling='max'", ("", "tutorials/02-pooling/")),
        ("en", "BatchNormalization", ("", "tutorials/03-head/")),
    ],
)
def test_search_finds_the_pages_about_the_query(tab, site_server, lang, query, pages):
    """The home page or the tutorial about the query is among the results, in the page's language."""
    home = site_server if lang == "ko" else site_server + "en/"
    page = open_page(tab, home)
    links = search(page, query)
    assert any(link.split("?")[0] in {home + p for p in pages} for link in links), links
    tab.assert_clean()


def test_search_result_highlights_the_term(tab, site_server):
    page = open_page(tab, site_server + "en/")
    links = search(page, "include_top")
    target = next(link for link in links if link.startswith(site_server + "en/?h="))
    page.locator(f'.md-search-result__link[href="{target}"]').click()
    page.wait_for_load_state("networkidle")
    marks = page.locator(".md-content mark")
    marks.first.wait_for()
    assert {m.lower() for m in marks.all_inner_texts()} >= {"include", "top"}
    tab.assert_clean()


@pytest.mark.parametrize(("prefix", "lang", "heading"), [
    ("", "ko", "404 - 페이지를 찾을 수 없습니다"),
    ("en/", "en", "404 - Page not found"),
])
def test_missing_page_shows_404_in_the_address_language(tab, site_server, prefix, lang, heading):
    response = tab.page.goto(site_server + prefix + "no/such/page/")
    assert response.status == 404
    tab.page.wait_for_load_state("networkidle")
    visible = tab.page.locator(".atlas-404:visible")
    assert visible.count() == 1
    assert visible.locator("h1").inner_text() == heading
    assert tab.page.locator("html").get_attribute("lang") == lang
    # The 404 response of the page itself is the only error Chromium logs.
    assert [e for e in tab.console_errors if "404" not in e] == []
    assert tab.offsite == []


def test_palette_toggle_and_code_copy(tab, site_server):
    page = open_page(tab, site_server)
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.locator("body").get_attribute("data-md-color-scheme") != scheme
    copy = page.locator('.tabbed-block:visible button[data-md-type="copy"]')
    assert copy.count() == 1
    copy.click()
    assert page.locator(".md-dialog__inner").inner_text() == "클립보드에 복사됨"
    page.locator(".tabbed-labels label", has_text="include_top=False").click()
    assert "pooling" in page.locator(".tabbed-block:visible code").inner_text()
    tab.assert_clean()


def one_page_of_each_kind(site) -> list[str]:
    """The first built page of each (folder, notebook or not): every language, section and
    page type, without loading hundreds of atlas pages (test_site_build scans them all)."""
    kinds = {}
    for path in sorted(html_pages(site), key=lambda p: (len(p.parts), p)):
        rel = path.relative_to(site).as_posix()
        if rel == "404.html":
            continue
        lang = next((lang for lang in LANGUAGES if rel.startswith(f"{lang}/")), "")
        parts = rel.removeprefix(f"{lang}/").split("/")
        section = parts[0] if len(parts) > 2 else ""
        kinds.setdefault((lang, section, 'class="jupyter-wrapper"' in path.read_text()), rel)
    return sorted(kinds.values())


def test_pages_of_every_kind_load_offline_without_console_errors(tab, site_server, built_site):
    pages = one_page_of_each_kind(built_site)
    assert {"index.html", "en/index.html"} <= set(pages)
    failures = {}
    for rel in pages:
        tab.offsite.clear()
        tab.console_errors.clear()
        open_page(tab, site_server + rel.removesuffix("index.html"))
        if tab.offsite or tab.console_errors:
            failures[rel] = tab.offsite + tab.console_errors
    assert failures == {}


def test_pages_in_both_languages_are_served(tab, site_server):
    for lang in LANGUAGES:
        response = tab.page.goto(site_server + built_path(lang, "about.md").removesuffix("index.html"))
        assert response.status == 200
    tab.assert_clean()
