"""One 404 page for a site in two languages.

GitHub Pages serves ``/404.html`` for every missing path, and each mkdocs-static-i18n
language build would write it, the last one (English) winning. Only the default
language's build writes it; ``overrides/404.html`` shows its text in the language of
the address (``/en/...`` is English).
"""

from __future__ import annotations

NOT_FOUND = "404.html"


def on_pre_build(config) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return
    if i18n.current_language == i18n.default_language:
        config.theme.static_templates.add(NOT_FOUND)
    else:
        config.theme.static_templates.discard(NOT_FOUND)
