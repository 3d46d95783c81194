"""Language helpers: pick the reader's language from data and the interface strings."""

from __future__ import annotations

import datetime as _dt
import unicodedata

from .errors import DataError


def site_languages(config) -> tuple[str, ...]:
    """The site's languages, from `extra.alternate` in mkdocs.yml; the first is the default."""
    return tuple(alt["lang"] for alt in config["extra"]["alternate"])


def text(value: dict, lang: str) -> str:
    """One language's string from a translated value (validated, so the language is present)."""
    return value[lang]


def ui(ui_data: dict, key: str, lang: str) -> str:
    """An interface string from data/ui.yml, such as the label "Last reviewed"."""
    try:
        return ui_data["strings"][key][lang]
    except KeyError:
        raise DataError("data/ui.yml", key, f"strings.{key}", f"interface string is missing for '{lang}'") from None


def nav_title(ui_data: dict, title: str, lang: str) -> str:
    """The translation of a navigation section title written in English in mkdocs.yml."""
    try:
        return ui_data["nav"][title][lang]
    except KeyError:
        raise DataError("data/ui.yml", title, f"nav.{title}",
                        f"navigation section '{title}' has no '{lang}' title; add it under nav:") from None


def format_date(day: _dt.date, lang: str, ui_data: dict) -> str:
    """A date as a reader writes it: '5 March 2025', '5 de marzo de 2025'."""
    month = ui_data["months"][lang][day.month - 1]
    pattern = ui(ui_data, "date_format", lang)
    return pattern.format(day=day.day, month=month, year=day.year)


def fold_accents(value: str) -> str:
    """'protección' -> 'proteccion': what a reader types on a keyboard without accents."""
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def language_root(lang: str, default: str) -> str:
    """Where a language lives in the built site: '' for the default, 'es/' for Spanish."""
    return "" if lang == default else f"{lang}/"


def alternate_href(page_url: str, current: str, target: str, default: str) -> str:
    """Relative link from a page to the same page in another language.

    `page_url` is the page's URL within its own language ('', 'evidence/', 'glossary/').
    """
    here = language_root(current, default) + page_url
    here_dir = here if here.endswith("/") else here[: here.rfind("/") + 1]
    depth = here_dir.count("/")
    there = language_root(target, default) + page_url
    return ("../" * depth + there) or "./"
