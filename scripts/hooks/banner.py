"""Drop the generated-file banner before MkDocs renders a page.

Generated pages start with a one-line ``<!-- ... make generate -->`` comment for people
editing the repository. MkDocs takes a page's title from its first element only when that
element is the H1, so the comment would hide the title (the nav would show "Vgg16").
"""

from __future__ import annotations

import re

BANNER = re.compile(r"\A<!--[^\n]*-->[ \t]*\n+")


def on_page_markdown(markdown: str, page, config, files) -> str:
    return BANNER.sub("", markdown, count=1)
