"""Give tables written in Markdown what data tables have (macros/html.py): a region named after
the heading the table sits under, that keyboard users can focus, and so scroll when a table is
wider than the screen (Material's own scrolling box cannot be focused); and what a phone needs to
show each row as a card (cat-guide.css): the first cell of each row is its header
(`<th scope="row">`, the card's heading), and every other cell names its column in `data-label`.
"""

from __future__ import annotations

import html as _html
import re

_TABLE = re.compile(r"<table>.*?</table>", re.S)  # Markdown tables; data tables have attributes
_HEADING = re.compile(r"<h[1-6][^>]*>(.*?)</h[1-6]>", re.S)
_PERMALINK = re.compile(r'<a class="headerlink".*?</a>', re.S)
_TAG = re.compile(r"<[^>]+>")
_HEAD = re.compile(r"<thead>(.*?)</thead>", re.S)
_BODY = re.compile(r"<tbody>(.*?)</tbody>", re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"<(td|th)(\s[^>]*)?>(.*?)</\1>", re.S)


def heading_text(inner_html: str) -> str:
    return " ".join(_html.unescape(_TAG.sub("", _PERMALINK.sub("", inner_html))).split())


def label_cells(table: str) -> str:
    """A Markdown table with row headers and column labels (see above)."""
    head = _HEAD.search(table)
    if head is None:
        return table
    labels = [heading_text(m.group(3)) for m in _CELL.finditer(head.group(1))]

    def row(match: re.Match) -> str:
        cells = []
        for i, cell in enumerate(_CELL.finditer(match.group(1))):
            attrs, content = cell.group(2) or "", cell.group(3)
            if i == 0:
                cells.append(f'<th scope="row"{attrs}>{content}</th>')
            else:
                label = labels[i] if i < len(labels) else ""
                named = f' data-label="{_html.escape(label)}"' if label else ""
                cells.append(f"<td{named}{attrs}>{content}</td>")
        return "<tr>" + "".join(cells) + "</tr>"

    return _BODY.sub(lambda body: "<tbody>" + _ROW.sub(row, body.group(1)) + "</tbody>", table)


def wrap_tables(html: str) -> str:
    def wrap(match: re.Match) -> str:
        headings = _HEADING.findall(html, 0, match.start())
        label = heading_text(headings[-1]) if headings else ""
        name = f' aria-label="{_html.escape(label)}"' if label else ""
        return f'<div class="cat-table cat-table--markdown" role="region"{name} tabindex="0">{label_cells(match.group(0))}</div>'

    return _TABLE.sub(wrap, html)

