"""What a page needs on paper that the screen does not.

- The page's title, its last-reviewed date and its address, as data attributes of <html>:
  the print stylesheet (print.css) shows them at the top and bottom of every printed sheet.
- The full address of every link to another page of the guide, as `data-cat-url`: on paper a
  relative link ("../appeals/") means nothing, so print.css prints the address after the link.
"""

from __future__ import annotations

import html as _html
import re
from urllib.parse import urljoin, urlsplit

from macros.i18n import format_date, ui
from pdf import plan

from ..passes import BuildPass

_HTML_TAG = re.compile(r"<html\b")
_ARTICLE = re.compile(r'(<article class="md-content__inner md-typeset">)(.*?)(</article>)', re.S)
_LINK = re.compile(r'<a\b([^>]*?)\shref="([^"]*)"')


def without_scheme(url: str) -> str:
    """'https://example.org/a/' -> 'example.org/a/': shorter on paper, and still typed as is."""
    return url.split("://", 1)[-1]


def print_attributes(title: str, reviewed: str | None, address: str) -> str:
    """The data attributes of <html> that the printed page header and footer show."""
    attrs = {"data-cat-print-title": title, "data-cat-print-address": without_scheme(address)}
    if reviewed:
        attrs["data-cat-print-reviewed"] = reviewed
    return "".join(f' {name}="{_html.escape(value, quote=True)}"' for name, value in attrs.items())


def published(url: str) -> str:
    """The published address for an address of the offline copy, whose pages are files
    ('a/b.html', 'a/index.html'); on the web they are folders ('a/b/', 'a/')."""
    address, hash_, fragment = url.partition("#")
    if address.endswith("/index.html"):
        address = address[: -len("index.html")]
    elif address.endswith(".html"):
        address = address[: -len(".html")] + "/"
    return address + hash_ + fragment


def page_address(href: str, page_url: str) -> str | None:
    """The full address of a link to another page of the site, or None for a link that needs
    none: one to a place on the same page, or one that already is a full address."""
    if not href or href.startswith("#") or urlsplit(href).scheme or href.startswith("//"):
        return None
    target = urljoin(page_url, _html.unescape(href))
    if target.split("#", 1)[0] == page_url.split("#", 1)[0]:
        return None
    return without_scheme(published(target))


def with_link_addresses(article: str, page_url: str) -> str:
    def add(match: re.Match) -> str:
        if "data-cat-url=" in match.group(1):
            return match.group(0)
        address = page_address(match.group(2), page_url)
        if address is None:
            return match.group(0)
        return f'{match.group(0)} data-cat-url="{_html.escape(address, quote=True)}"'

    return _LINK.sub(add, article)


def add_print_addresses(output: str, page, p: BuildPass) -> str:
    config = p.config
    if not config.site_url:
        return output  # no published address to print
    # Not page.canonical_url: the offline copy removes it, and its pages print the web address too.
    page_url = urljoin(config.site_url if config.site_url.endswith("/") else config.site_url + "/", page.url)
    lang = p.lang
    ui_data = config.extra["ui"]
    meta = page.meta or {}
    title = str(meta.get("title") or page.title or "")
    reviewed = None
    if meta.get("last_reviewed"):
        reviewed = f'{ui(ui_data, "last_reviewed", lang)}: {format_date(meta["last_reviewed"], lang, ui_data)}'
    attributes = print_attributes(title, reviewed, published(page_url))
    if plan.is_handout(page.file.src_uri):
        attributes += " data-cat-handout"  # print.css fits a handout on one or two sheets
    output = _HTML_TAG.sub("<html" + attributes, output, count=1)
    return _ARTICLE.sub(lambda m: m.group(1) + with_link_addresses(m.group(2), page_url) + m.group(3), output, count=1)
