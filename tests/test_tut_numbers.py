"""Every number of four or more digits in an article is held by some record."""

from __future__ import annotations

import json
import re

from tut_text import ROOT, Page, docs_pages, source_pages

# 14,714,688 or 25088; not part of a word, a version (3.15.1), a decimal (56.13) or an
# issue reference (keras#20285).
NUMBER = re.compile(r"(?<![\w.,#])(\d{1,3}(?:,\d{3})+|\d{4,})(?![\w]|[.,]\d)")


def _ints(value) -> set[int]:
    if isinstance(value, bool):
        return set()
    if isinstance(value, int):
        return {value}
    if isinstance(value, dict):
        return set().union(*map(_ints, value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*map(_ints, value)) if value else set()
    return set()


def record_numbers() -> set[int]:
    paths = sorted((ROOT / "data/records").rglob("*.json"))
    assert paths, "no records under data/records"
    return set().union(*(_ints(json.loads(p.read_text("utf-8"))) for p in paths))


def unheld(page: Page, held: set[int]) -> list[str]:
    return [f"{page.path}: {m[1]}" for m in NUMBER.finditer(page.markdown)
            if int(m[1].replace(",", "")) not in held]


def test_article_numbers_come_from_records():
    held = record_numbers()
    pages = [p for lang in ("ko", "en") for p in docs_pages(lang) + source_pages(lang)]
    assert len([p for p in pages if p.path.endswith(".ipynb")]) == 8
    problems = [row for page in pages for row in unheld(page, held)]
    assert not problems, "numbers that no record holds:\n" + "\n".join(problems)


def test_the_check_catches_a_typed_number():
    held = {138357544, 4096}
    page = Page("docs/en/x.md", "138,357,544 and 4096 are held; 15,772,484 and 12345 are not; "
                                "v3.15.1, 56.13 MB and 224 are not four-digit integers.")
    assert unheld(page, held) == ["docs/en/x.md: 15,772,484", "docs/en/x.md: 12345"]
