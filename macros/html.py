"""Build accessible HTML from data. Every string from data goes through escape()."""

from __future__ import annotations

from html import escape
from typing import Iterable


def permalink(anchor: str, title: str) -> str:
    """The link a heading carries to itself, as Markdown headings get from the toc extension."""
    return f'<a class="headerlink" href="#{escape(anchor)}" title="{escape(title)}">¶</a>'


def cite(short: str) -> str:
    return f'<span class="cat-cite">{escape(short)}</span>'


def cell(text: str, citations: Iterable[str] = ()) -> str:
    cites = "".join(cite(c) for c in citations)
    return f"{escape(text)}{cites}"


def table(table_id: str, caption: str, headers: list[str], rows: list[tuple[str, list[str]]],
          corner: str = "") -> str:
    """A data table: caption, column headers, and a row header on each row.

    `headers` and the row header text are plain strings (escaped here); cells are
    HTML fragments built with cell(). On a narrow screen each row is shown as a card with
    the column names as labels (cat-guide.css); on a wider one, if the table is still too wide,
    the wrapper scrolls sideways and is focusable so that keyboard users can scroll it too.
    """
    caption_id = f"{table_id}-caption"
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in [corner, *headers])
    # On a phone each row becomes a card (cat-guide.css): the row header is its heading, and
    # each cell shows its column's name, from data-label.
    body = "".join(
        f'<tr><th scope="row">{escape(label)}</th>'
        + "".join(f'<td data-label="{escape(h)}">{c}</td>' for h, c in zip(headers, cells, strict=True)) + "</tr>"
        for label, cells in rows
    )
    return (
        f'<div class="cat-table" role="region" aria-labelledby="{caption_id}" tabindex="0">'
        f'<table class="cat-data" id="{escape(table_id)}">'
        f'<caption id="{caption_id}">{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )
