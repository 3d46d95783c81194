"""Interface icons from one cached file instead of inline in every page.

Material writes each icon of the page frame (menu, search, colour scheme, language, arrows) as
inline SVG: about 1 KB of every compressed page, sent again with each page. Here each such icon
becomes a <use> of a symbol in `assets/images/icons.svg`, which the browser fetches once and
caches; the <svg> element stays, so Material's styles for icons apply unchanged.

The copy for reading from disk keeps its icons inline: browsers do not let a page opened from
a file use symbols from another file.

Each pass collects the icons of its own pages and writes its own sprite: a language's pages
link to the sprite in that language's folder.
"""

from __future__ import annotations

import hashlib
import os
import re

from mkdocs.utils import get_relative_url

from ..passes import BuildPass
from ..rewrite import write

SPRITE = "assets/images/icons.svg"
# Material's icons, exactly as its templates write them: a 24×24 box with one path.
_ICON = re.compile(r'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="([^"]+)"/></svg>')

def _symbol_id(path_data: str) -> str:
    return "i" + hashlib.sha256(path_data.encode()).hexdigest()[:8]


def use_sprite(html: str, sprite_href: str, symbols: dict[str, str]) -> str:
    """Replace inline icons outside the page's text by references into the sprite."""
    article = re.search(r"<article\b.*?</article>", html, re.S)
    start, end = article.span() if article else (len(html), len(html))

    def swap(match: re.Match) -> str:
        path_data = match.group(1)
        symbol = symbols.setdefault(path_data, _symbol_id(path_data))
        return f'<svg viewBox="0 0 24 24"><use href="{sprite_href}#{symbol}"/></svg>'

    return _ICON.sub(swap, html[:start]) + html[start:end] + _ICON.sub(swap, html[end:])


def sprite_file(symbols: dict[str, str]) -> str:
    body = "".join(f'<symbol id="{symbol}" viewBox="0 0 24 24"><path d="{path_data}"/></symbol>'
                   for path_data, symbol in sorted(symbols.items(), key=lambda item: item[1]))
    return f'<svg xmlns="http://www.w3.org/2000/svg">{body}</svg>\n'


def link_icons(html: str, page, p: BuildPass) -> str:
    return use_sprite(html, get_relative_url(SPRITE, page.url), p.icons)


def write_sprite(p: BuildPass) -> None:
    if not p.icons:
        return
    path = os.path.join(p.site_dir, *SPRITE.split("/"))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    write(path, sprite_file(p.icons))
