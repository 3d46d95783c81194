"""How the guide shows when a changeable fact was last checked, and against what.

A check (see CHECK in datasets.py) is a promise: the date is the one whose state a dated
source shows. Reviewer notes (`review`) are never rendered here or anywhere else.
"""

from __future__ import annotations

from html import escape

from .data import SiteData
from .errors import DataError
from .i18n import format_date, ui


def checked_on(check: dict, lang: str, ui_data: dict) -> str:
    """'Checked on 1 December 2026' (and a plain warning when the point is still moving)."""
    day = check["on"]
    when = f'<time datetime="{day.isoformat()}">{escape(format_date(day, lang, ui_data))}</time>'
    phrase = escape(ui(ui_data, "checked_on", lang)).replace("{date}", when)
    if check.get("unsettled"):
        phrase += " " + escape(ui(ui_data, "unsettled", lang))
    return f'<span class="cat-checked">{phrase}</span>'


def checked_source(check: dict, lang: str, ui_data: dict) -> str:
    """The check as the source list shows it: the date, then what was read."""
    against = escape(ui(ui_data, "checked_against", lang)).replace("{what}", escape(check["against"]))
    return f'{checked_on(check, lang, ui_data)} <span class="cat-checked-against">{against}</span>'


def for_source(data: SiteData, lang: str, key: str) -> str:
    """The `{{ checked("key") }}` macro: the check date of a source, for use in page text."""
    source = data.sources.get(key)
    if source is None:
        raise DataError("data/sources.yml", key, None,
                        f"a page asked for the check date of source '{key}', which does not exist")
    if "checked" not in source:
        raise DataError("data/sources.yml", key, "checked",
                        "a page shows this source's check date, but it has none: add `checked:` with `on:` and `against:`")
    return checked_on(source["checked"], lang, data.ui)


def report(data: SiteData) -> list[tuple]:
    """Every check in the data, oldest first: (date, file, key, against, unsettled, review)."""
    rows = []
    named = [("sources.yml", data.sources.values()), ("deadlines.yml", data.deadlines),
             ("forms.yml", data.forms), ("updates.yml", data.updates)]
    for file, entries in named:
        for entry in entries:
            if "checked" in entry:
                check = entry["checked"]
                rows.append((check["on"], file, entry["key"], check["against"],
                             bool(check.get("unsettled")), entry.get("review", "")))
    return sorted(rows, key=lambda row: (row[0], row[1], row[2]))
