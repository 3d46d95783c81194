"""The classes Material's scripts give elements after the page has loaded, for the features this
site uses. No built page carries them, so CSS pruning (css_pruning.py) would drop their rules
without this list.

Each build checks that every class listed here is still named in the site's scripts: a Material
upgrade that renames one fails the build here, instead of leaving a feature unstyled.
tests/test_styles_apply.py checks in Chromium that each feature looks as it should once pruned,
which catches a class Material starts to add that is missing from this list.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

RUNTIME_CLASSES = {
    # Search: the results list is made by the bundle when the reader types.
    "search": {"md-search-result__item", "md-search-result__link", "md-search-result__article",
               "md-search-result__icon", "md-search-result__more", "md-search-result__terms"},
    # content.tooltips: the tooltip of a link title or an abbreviation.
    "tooltips": {"md-tooltip", "md-tooltip--active", "md-tooltip--inline", "md-tooltip__inner",
                 "md-tooltip2", "md-tooltip2--active", "md-tooltip2--top", "md-tooltip2--bottom",
                 "md-tooltip2__inner"},
    # Tables get a box that scrolls sideways on a narrow screen.
    "tables": {"md-typeset__scrollwrap", "md-typeset__table"},
    # The header shows the page title once the reader scrolls past the first heading.
    "header": {"md-header__title--active"},
    # toc.follow: the sections of the table of contents already read.
    "table of contents": {"md-nav__link--passed"},
    # Navigation: a section with some, not all, of its pages open.
    "navigation": {"md-toggle--indeterminate"},
    # Messages in a small dialog at the bottom of the screen.
    "dialog": {"md-dialog--active"},
    # The keyboard focus ring, only when the reader uses the keyboard.
    "focus": {"focus-visible"},
}


def runtime_classes() -> set[str]:
    return set().union(*RUNTIME_CLASSES.values())


def missing_from(scripts: str) -> list[str]:
    """The listed classes that `scripts` (the text of the site's scripts) no longer name."""
    return sorted(name for name in runtime_classes()
                  if not re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", scripts))


def check(scripts: str) -> None:
    missing = missing_from(scripts)
    if missing:
        raise PluginError(
            "sitebuild/page_weight/runtime_classes.py: Material's scripts no longer add the classes "
            f"{', '.join(missing)}. Find what the new version of Material uses instead (see MAINTAINING.md, "
            "'Upgrading Material') and update RUNTIME_CLASSES.")
