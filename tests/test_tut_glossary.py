"""One Korean word per term, everywhere; the first use on each Korean page reads 한글(English)."""

from __future__ import annotations

import re

import pytest
from tut_text import ROOT, Page, docs_pages, generated_paths, prose, source_pages

from atlas import glossary
from atlas.errors import AtlasError
from atlas.strings import STRINGS

TERMS = glossary.load(ROOT)
HANGUL = "\uac00-\ud7a3"
GLOSSARY_PAGE = "docs/ko/glossary.md"  # lists the variants to avoid, on purpose


def _term_pattern(word: str) -> re.Pattern:
    """The word, not as the tail of a longer Korean word (층 in 계층 is not 층)."""
    return re.compile(rf"(?<![{HANGUL}]){re.escape(word)}")


QUOTE = re.compile(r"^\s*>.*$", re.M)  # a quotation keeps its author's words (the seed post's)


def forbidden_hits(page: Page) -> list[str]:
    hits = []
    text = QUOTE.sub("", page.markdown) + "\n" + page.code
    for term in TERMS:
        for variant in term.avoid:
            for m in _term_pattern(variant).finditer(text):
                context = text[max(0, m.start() - 15):m.end() + 15].replace("\n", " ")
                hits.append(f"{page.path}: '{variant}' in '…{context}…': write '{term.ko}'")
    return hits


def first_use_problems(page: Page) -> list[str]:
    text = prose(page.markdown)
    # Spans of every term occurrence; a shorter term inside a longer one (층 in 합성곱 층) is skipped.
    spans = {t.ko: [m.span() for m in _term_pattern(t.ko).finditer(text)] for t in TERMS}
    problems = []
    for term in TERMS:
        longer = [s for other in TERMS if len(other.ko) > len(term.ko) and term.ko in other.ko
                  for s in spans[other.ko]]
        own = [s for s in spans[term.ko]
               if not any(a <= s[0] and s[1] <= b for a, b in longer)]
        if not own:
            continue
        start, end = own[0]
        if not text.startswith(f"({term.en})", end):
            context = text[max(0, start - 15):end + 20].replace("\n", " ")
            problems.append(f"{page.path}: first use of '{term.ko}' should read "
                            f"'{term.first_use}', found '…{context}…'")
    return problems


def korean_pages() -> list[Page]:
    return docs_pages("ko") + source_pages("ko")


def hand_written_korean_pages() -> list[Page]:
    generated = generated_paths() - {p for p in generated_paths() if p.endswith(".ipynb")}
    return [p for p in korean_pages() if p.path not in generated and p.path != GLOSSARY_PAGE]


def test_no_forbidden_variant_in_korean_pages_sources_or_strings():
    pages = [p for p in korean_pages() if p.path != GLOSSARY_PAGE]
    own_words = (v for k, v in STRINGS["ko"].items() if not k.endswith(".quote"))
    pages.append(Page("scripts/atlas/strings.py (ko)", "\n".join(own_words)))
    hits = [h for page in pages for h in forbidden_hits(page)]
    assert not hits, "\n".join(hits)


def test_first_use_of_each_term_reads_korean_then_english():
    pages = hand_written_korean_pages()
    assert any(p.path.endswith("04-transfer-learning.ipynb") for p in pages)
    problems = [p for page in pages for p in first_use_problems(page)]
    assert not problems, "\n".join(problems)


def test_quotations_keep_their_words_but_prose_does_not():
    page = Page("docs/ko/x.md", "> 모든 레이어를 학습시켜야 한다.\n\n모든 레이어를 학습합니다.\n")
    assert len(forbidden_hits(page)) == 1


def test_the_checks_catch_drift():
    drifted = Page("docs/ko/x.md", "# 제목\n\n레이어를 쌓고 파인튜닝합니다. 전이 학습은 좋습니다.\n"
                                   "합성곱 층(convolutional layer)과 층(layer)\n")
    assert [h.split(" in ")[0] for h in forbidden_hits(drifted)] == [
        "docs/ko/x.md: '레이어'", "docs/ko/x.md: '파인튜닝'"]
    problems = first_use_problems(drifted)
    assert len(problems) == 1
    assert problems[0].startswith("docs/ko/x.md: first use of '전이 학습' should read "
                                  "'전이 학습(transfer learning)', found '…")
    assert "전이 학습은 좋습니다" in problems[0]


def test_shorter_term_inside_a_longer_one_is_not_its_first_use():
    page = Page("docs/ko/y.md", "합성곱 층(convolutional layer) 다음 층(layer)입니다. 계층은 다른 말입니다.")
    assert first_use_problems(page) == []


@pytest.mark.parametrize("text, message", [
    ("terms:\n  - ko: 층\n    en: layer\n",
     "data/glossary.yml: term 1 lacks 'note'; every term needs ko, en, avoid and note.ko/note.en"),
    ("terms:\n  - {ko: 층, en: layer, note: {ko: a, en: b}}\n  - {ko: 층, en: layer, note: {ko: a, en: b}}\n",
     "data/glossary.yml: '층' is listed twice"),
    ("terms: [", "data/glossary.yml: not valid YAML (while parsing a flow node)"),
])
def test_bad_glossary_is_a_clear_error(text, message):
    with pytest.raises(AtlasError) as err:
        glossary.parse(text)
    assert str(err.value) == message


def test_glossary_page_lists_every_term_in_both_languages():
    for lang in ("ko", "en"):
        page = glossary.render(TERMS, lang)
        rows = [line for line in page.splitlines() if line.startswith("| ") and "---" not in line]
        assert len(rows) == len(TERMS) + 1
    assert "| 전이 학습 | transfer learning | 트랜스퍼 러닝, 전이학습 |" in glossary.render(TERMS, "en")
