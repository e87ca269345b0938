"""Bad input fails the build with a message naming the file (each on a copy of the project)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from site_support import ROOT, copy_project, mkdocs_build

pytestmark = pytest.mark.site


def _translations_hook():
    spec = importlib.util.spec_from_file_location("translations", ROOT / "scripts/hooks/translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _build_broken(tmp_path: Path, edit) -> str:
    project = copy_project(tmp_path / "project")
    edit(project / "docs")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0, "the build should have failed"
    return result.stdout + result.stderr


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text() + text)


def test_page_in_one_language_fails_naming_the_page(tmp_path):
    def edit(docs: Path) -> None:
        (docs / "ko" / "only-korean.md").write_text("# 한국어에만 있는 글\n")

    output = _build_broken(tmp_path, edit)
    assert "Missing translation: en/only-korean.md (found in ko)" in output


def test_missing_translations_are_named_in_both_directions(tmp_path):
    for path in ("ko/index.md", "en/index.md", "ko/guide/a.md", "en/nb.ipynb", "en/notes.txt"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("x")
    assert _translations_hook().missing_translations(tmp_path, ["ko", "en"]) == [
        "en/guide/a.md (found in ko)",
        "ko/nb.ipynb (found in en)",
    ]


def test_broken_internal_link_fails_naming_the_file(tmp_path):
    def edit(docs: Path) -> None:
        _append(docs / "ko" / "index.md", "\n[없는 글](no-such-page.md)\n")

    output = _build_broken(tmp_path, edit)
    assert ("Doc file 'ko/index.md' contains a link 'no-such-page.md', "
            "but the target 'ko/no-such-page.md' is not found among documentation files.") in output


def test_broken_anchor_fails_naming_the_file(tmp_path):
    def edit(docs: Path) -> None:
        _append(docs / "en" / "index.md", "\n[nowhere](#no-such-heading)\n")

    output = _build_broken(tmp_path, edit)
    assert ("Doc file 'en/index.md' contains a link '#no-such-heading', "
            "but there is no such anchor on this page.") in output


def test_korean_anchor_link_builds(tmp_path):
    """The same kind of edit with a real Korean heading id passes: the failures above are
    about the broken targets, not about the edit."""
    project = copy_project(tmp_path / "project")
    _append(project / "docs" / "ko" / "index.md", "\n## 합성곱 층\n\n[위로](#합성곱-층)\n")
    _append(project / "docs" / "en" / "index.md", "\n## Convolutional layer\n\n[up](#convolutional-layer)\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert '<h2 id="합성곱-층">' in (tmp_path / "site" / "index.html").read_text()
