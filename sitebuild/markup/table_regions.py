"""Give tables written in Markdown the box that data tables have (macros/html.py): a region
that scrolls sideways on a narrow screen and that keyboard users can focus, and so scroll.
Material's own scrolling box cannot be focused. The region is named after the heading the
table sits under.
"""

from __future__ import annotations

import html as _html
import re

_TABLE = re.compile(r"<table>.*?</table>", re.S)  # Markdown tables; data tables have attributes
_HEADING = re.compile(r"<h[1-6][^>]*>(.*?)</h[1-6]>", re.S)
_PERMALINK = re.compile(r'<a class="headerlink".*?</a>', re.S)
_TAG = re.compile(r"<[^>]+>")


def heading_text(inner_html: str) -> str:
    return " ".join(_html.unescape(_TAG.sub("", _PERMALINK.sub("", inner_html))).split())


def wrap_tables(html: str) -> str:
    def wrap(match: re.Match) -> str:
        headings = _HEADING.findall(html, 0, match.start())
        label = heading_text(headings[-1]) if headings else ""
        name = f' aria-label="{_html.escape(label)}"' if label else ""
        return f'<div class="cat-table cat-table--markdown" role="region"{name} tabindex="0">{match.group(0)}</div>'

    return _TABLE.sub(wrap, html)

