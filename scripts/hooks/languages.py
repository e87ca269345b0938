"""What mkdocs-static-i18n leaves to do for two languages on one static host.

1. The language switcher without failed requests. Material's JavaScript reads every ``<link rel="alternate">`` in the page head and
fetches ``sitemap.xml`` next to it. mkdocs-static-i18n points those links at the
current page in each language, so every page except the home pages asked for
``<page>/sitemap.xml`` and got a 404 in the console. This hook keeps the per-page
links for the language menu (``page_alternates``, read by
``overrides/partials/alternate.html``), points the head links at the language roots,
and puts a copy of the sitemap at each language root, where Material looks for it.
2. One 404 page. GitHub Pages serves ``/404.html`` for every missing path, and each
   language build would write it, the last one winning. Only the default language's
   build writes it; ``overrides/404.html`` shows its text in the address's language.
"""

from __future__ import annotations

import shutil
from copy import deepcopy
from pathlib import Path

from mkdocs.plugins import event_priority

SITEMAP = "sitemap.xml"
NOT_FOUND = "404.html"


def on_pre_build(config) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return
    if i18n.current_language == i18n.default_language:
        config.theme.static_templates.add(NOT_FOUND)
    else:
        config.theme.static_templates.discard(NOT_FOUND)


@event_priority(0)  # after static-i18n (50) has set this page's alternates
def on_page_context(context, page, config, nav):
    i18n = config.plugins.get("i18n")
    if i18n is None or not getattr(i18n, "extra_alternate", None):
        return context
    # static-i18n sets ``config.extra.alternate`` as an attribute, which templates
    # read before the mapping key of the same name.
    context["page_alternates"] = deepcopy(config.extra.alternate)
    config.extra.alternate = deepcopy(i18n.extra_alternate)
    return context


@event_priority(-200)  # after static-i18n (-100) has built the other languages
def on_post_build(config) -> None:
    i18n = config.plugins.get("i18n")
    sitemap = Path(config.site_dir) / SITEMAP
    if i18n is None or not sitemap.is_file():
        return
    for lang in i18n.build_languages:
        target = Path(config.site_dir) / lang / SITEMAP
        if lang != i18n.default_language and target.parent.is_dir():
            shutil.copyfile(sitemap, target)
