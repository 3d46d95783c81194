"""The home page's entries by situation (data/situations.yml), and the content note before hard passages.

Both return Markdown, not HTML, so that MkDocs turns the links into each build's addresses (the
offline copy uses file names) and the strict build checks every page and anchor they point to.
Text from data is HTML-escaped, and Markdown's own signs in it are escaped too.
"""

from __future__ import annotations

import posixpath
import re
from html import escape

from .data import SiteData
from .datasets import SITUATIONS_FOLDER
from .errors import DataError
from .i18n import text, ui

_MARKDOWN_SIGNS = re.compile(r"([\\`*_\[\]{}<>#|!])")

CONTENT_NOTES = ("torture", "sexual_violence")


def _plain(value: str) -> str:
    """Text from data as Markdown that shows exactly that text."""
    return _MARKDOWN_SIGNS.sub(r"\\\1", escape(value, quote=False))


def situation_page(key: str) -> str:
    return f"{SITUATIONS_FOLDER}/{key}.md"


def situation_links(data: SiteData, lang: str, page_src: str) -> str:
    """Every situation as a large link to its page, with its short line, in data order.

    The link's text is the situation's title (the title of the page it opens); the short line is
    outside the link, tied to it by aria-describedby, and the whole card is the tap target (CSS)."""
    here = posixpath.dirname(page_src)
    items = []
    for entry in data.situations:
        target = posixpath.relpath(situation_page(entry["key"]), here or ".")
        line_id = f"situation-{entry['key']}-line"
        items.append(f"- [{_plain(text(entry['title'], lang))}]({target})"
                     f'{{ .cat-situation__link aria-describedby="{line_id}" }}\n'
                     f'  <span class="cat-situation__line" id="{line_id}">{escape(text(entry["line"], lang))}</span>')
    label = escape(ui(data.ui, "situations_label", lang))
    return (f'<nav class="cat-situations" aria-label="{label}" markdown>\n\n'
            f'<p class="cat-situations__lead">{escape(ui(data.ui, "situations_lead", lang))}</p>\n\n'
            + "\n".join(items) + "\n\n</nav>")


def content_note(data: SiteData, lang: str, skip_to: str, kind: str = "torture") -> str:
    """A short, calm note before a passage that describes torture or sexual violence, with a link
    past it to `skip_to`, the id of the next heading (the strict build checks that it exists)."""
    if kind not in CONTENT_NOTES:
        raise DataError("a page", kind, "content_note",
                        f"unknown kind of content note; use one of: {', '.join(CONTENT_NOTES)}")
    if not re.fullmatch(r"[a-z0-9-]+", skip_to or ""):
        raise DataError("a page", skip_to, "content_note",
                        "the note needs the id of the heading after the passage, like 'international-definition'")
    return (f'<aside class="cat-content-note" markdown>\n\n'
            f'**{_plain(ui(data.ui, "content_note_label", lang))}** '
            f'{_plain(ui(data.ui, "content_note_" + kind, lang))} '
            f'[{_plain(ui(data.ui, "content_note_skip", lang))}](#{skip_to}){{ .cat-content-note__skip }}\n\n'
            f'</aside>')
