"""Keep notebooks as pages under mkdocs-static-i18n.

mkdocs-jupyter wraps each ``.ipynb`` in a File that claims to be a documentation
page; mkdocs-static-i18n (priority -100) then rebuilds the file list from plain
Files and the notebooks fall back to static files: they are copied as raw JSON
and ``--strict`` still passes (mkdocs-static-i18n issue #198). Running after it,
this hook marks every notebook as a documentation page again, so mkdocs-jupyter
renders it in every language.
"""

from __future__ import annotations

from types import MethodType

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files


def _is_page(self: File) -> bool:
    return True


@event_priority(-200)
def on_files(files: Files, config) -> Files:
    for file in files:
        if file.src_uri.endswith(".ipynb"):
            file.is_documentation_page = MethodType(_is_page, file)
    return files
