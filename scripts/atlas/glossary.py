"""The glossary: data/glossary.yml -> typed terms -> docs/{ko,en}/glossary.md.

The same terms drive tests/test_tut_glossary.py: forbidden variants anywhere in Korean
text, and the first use of each term on a Korean page written as 한글(English).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from atlas import write
from atlas.errors import AtlasError
from atlas.strings import LANGUAGES, t

SOURCE = PurePosixPath("data/glossary.yml")


@dataclass(frozen=True)
class Term:
    ko: str
    en: str
    avoid: tuple[str, ...]
    note: dict[str, str]  # language -> one sentence

    @property
    def first_use(self) -> str:
        return f"{self.ko}({self.en})"


class GlossaryError(AtlasError):
    pass


def parse(text: str) -> tuple[Term, ...]:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as e:
        raise GlossaryError(f"{SOURCE}: not valid YAML ({str(e).splitlines()[0]})") from None
    terms = []
    for i, item in enumerate(data.get("terms") or [], start=1):
        try:
            term = Term(ko=item["ko"], en=item["en"], avoid=tuple(item.get("avoid") or ()),
                        note={lang: item["note"][lang] for lang in LANGUAGES})
        except (KeyError, TypeError) as e:
            raise GlossaryError(f"{SOURCE}: term {i} lacks {e}; every term needs ko, en, "
                                "avoid and note.ko/note.en") from None
        terms.append(term)
    seen: set[str] = set()
    for term in terms:
        if term.ko in seen:
            raise GlossaryError(f"{SOURCE}: {term.ko!r} is listed twice")
        seen.add(term.ko)
        clash = [v for v in term.avoid if any(v == other.ko for other in terms)]
        if clash:
            raise GlossaryError(f"{SOURCE}: {term.ko!r} avoids {clash[0]!r}, itself a term")
    if not terms:
        raise GlossaryError(f"{SOURCE}: no terms")
    return tuple(terms)


def load(root: Path) -> tuple[Term, ...]:
    return parse((root / SOURCE).read_text("utf-8"))


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render(terms: tuple[Term, ...], lang: str) -> str:
    cols = [t(lang, f"tut.glossary.col.{c}") for c in ("ko", "en", "avoid", "note")]
    lines = [
        f"<!-- {t(lang, 'banner', command=write.FIX_COMMAND)} -->",
        "",
        f"# {t(lang, 'tut.glossary.title')}",
        "",
        t(lang, "tut.glossary.intro"),
        "",
        "| " + " | ".join(cols) + " |",
        "| --- | --- | --- | --- |",
    ]
    for term in terms:
        avoid = ", ".join(term.avoid) or "—"
        lines.append(f"| {term.ko} | {term.en} | {_cell(avoid)} | {_cell(term.note[lang])} |")
    return "\n".join(lines) + "\n"


def outputs(root: Path) -> list[write.Output]:
    terms = load(root)
    return [write.Output.text(PurePosixPath("docs") / lang / "glossary.md", render(terms, lang))
            for lang in LANGUAGES]
