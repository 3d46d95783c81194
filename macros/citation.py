""""Cite this page": a short citation a clinic can paste into a brief or an email."""

from __future__ import annotations

import datetime as _dt
from html import escape

from .i18n import format_date, ui

# Heading id of the box: the same in every language, like every other heading id.
ANCHOR = "cite-this-page"


def page_address(site_url: str | None, page_url: str) -> str:
    """The page's full web address: its language's site_url and the page's own path ('' for a home page).

    The offline copy is built with file names ("x/y.html"); it still cites the web address ("x/y/")."""
    if page_url.endswith(".html"):
        page_url = page_url[:-len("index.html")] if page_url.endswith("index.html") else page_url[:-5] + "/"
    return (site_url or "/").rstrip("/") + "/" + page_url


def citation_text(title: str, site_name: str, address: str, reviewed: _dt.date, lang: str, ui_data: dict) -> str:
    """'"What counts as torture", CAT Guide, https://... (last reviewed 26 November 2026).' (plain text)"""
    return ui(ui_data, "citation", lang).format(
        title=title, site=site_name, url=address, date=format_date(reviewed, lang, ui_data))


def citation_block(citation: str, lang: str, ui_data: dict) -> str:
    """Markdown for the end of a page: a labelled box holding the citation as plain, selectable text.

    The heading is Markdown, so it gets a permalink and a place in the table of contents; the
    citation itself is raw HTML, so Markdown cannot turn part of it into a link or emphasis."""
    return (f'<section class="cat-citation" markdown>\n\n'
            f'## {escape(ui(ui_data, "cite_this_page", lang))} {{ #{ANCHOR} }}\n\n'
            f'<p class="cat-citation__text">{escape(citation)}</p>\n\n'
            f'</section>')


def for_page(meta: dict, site_url: str | None, site_name: str, page_url: str, lang: str, ui_data: dict) -> str:
    """The citation box for one page, from its checked front matter."""
    citation = citation_text(meta["title"], site_name, page_address(site_url, page_url),
                             meta["last_reviewed"], lang, ui_data)
    return citation_block(citation, lang, ui_data)
