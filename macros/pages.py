"""Front matter rules for every page, and the blocks every page carries (date, disclaimer, sources)."""

from __future__ import annotations

import re
from html import escape

from .data import SiteData
from .errors import DataError
from .i18n import format_date, ui
from .schema import Context, Date, Enum, ListOf, Record, SourceKeys, Str

# Pages that have no legal content of their own may leave `sources` empty ([]).
FRONT_MATTER = Record(
    fields={
        "title": Str(),
        "description": Str(),
        "audience": Enum("applicant", "advocate"),
        "last_reviewed": Date(),
        "sources": SourceKeys(required=False),
    },
    optional={"hide": ListOf(Enum("toc", "navigation", "footer"))},
)

_FIRST_H1 = re.compile(r"^# .+$", re.MULTILINE)


def check_front_matter(meta: dict, src: str, data: SiteData) -> dict:
    """Validate a page's front matter; `src` is the page's path as the contributor sees it."""
    ctx = Context(file=src, languages=data.languages, source_keys=frozenset(data.sources), entry="front matter")
    if not meta:
        raise DataError(src, "front matter", None,
                        "the page has no front matter; start it with title, description, audience, "
                        "last_reviewed and sources between two '---' lines")
    return FRONT_MATTER.check(meta, ctx, "")


def header_block(meta: dict, lang: str, data: SiteData, fallback: bool = False) -> str:
    """Shown under the page title: when it was last reviewed, and that it is not legal advice.

    `fallback` marks a page shown in the default language because it is not translated yet.
    """
    reviewed = format_date(meta["last_reviewed"], lang, data.ui)
    notice = f'<p class="cat-fallback" role="note">{ui(data.ui, "fallback_notice", lang)}</p>\n\n' if fallback else ""
    return (f'{notice}<p class="cat-page-status"><strong>{ui(data.ui, "last_reviewed", lang)}:</strong> '
            f'<time datetime="{meta["last_reviewed"].isoformat()}">{reviewed}</time>. '
            f'{ui(data.ui, "not_legal_advice", lang)}{edition_status(lang, data)}</p>')


def edition_status(lang: str, data: SiteData) -> str:
    """For a translated edition: which English edition it follows, and whether a native-speaking
    legal reviewer has read it (data/editions.yml). Empty for the default language."""
    edition = next((e for e in data.editions if e["key"] == lang), None)
    if edition is None:
        return ""
    day = edition["translated_from"]
    line = ui(data.ui, "edition_translated", lang).format(
        date=f'<time datetime="{day.isoformat()}">{format_date(day, lang, data.ui)}</time>')
    review = edition.get("reviewed")
    if review:
        line += " " + ui(data.ui, "edition_reviewed", lang).format(
            who=escape(review["by"]), date=format_date(review["on"], lang, data.ui))
    else:
        line += " " + ui(data.ui, "edition_not_reviewed", lang)
    return f' <span class="cat-edition">{line}</span>'


def insert_after_title(markdown: str, block: str) -> str:
    match = _FIRST_H1.search(markdown)
    if not match:
        return f"{block}\n\n{markdown}"
    return f"{markdown[:match.end()]}\n\n{block}\n\n{markdown[match.end():].lstrip(chr(10))}"


def abbreviations(data: SiteData, lang: str) -> str:
    """Markdown abbreviation definitions: every glossary abbreviation gets a tooltip on every page."""
    lines = []
    for entry in data.glossary:
        if entry.get("abbr"):
            title = entry["term"][lang].replace("\n", " ")
            lines.append(f"*[{entry['abbr']}]: {title}")
    return "\n".join(lines)
