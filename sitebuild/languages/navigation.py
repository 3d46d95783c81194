"""Navigation in each language: section titles, and the language selector's links."""

from __future__ import annotations

from mkdocs.structure.nav import Navigation, Section

from macros.i18n import alternate_href, nav_title

from ..passes import BuildPass


def translate_titles(nav: Navigation, p: BuildPass) -> Navigation:
    """Section titles are written in English in mkdocs.yml; translate them from data/ui.yml."""
    if p.default:
        return nav
    ui = p.config.extra["ui"]

    def walk(items):
        for item in items:
            if isinstance(item, Section):
                item.title = nav_title(ui, item.title, p.lang)
                walk(item.children)

    walk(nav.items)
    return nav


def language_links(context: dict, page, p: BuildPass) -> dict:
    """Links for the language selector: the same page in every language."""
    default = p.build.languages[0]
    context["language_links"] = [
        {"lang": alt["lang"], "name": alt["name"], "current": alt["lang"] == p.lang,
         "href": alternate_href(page.url, p.lang, alt["lang"], default)}
        for alt in p.config.extra["alternate"]
    ]
    return context
