"""Process diagrams from data/diagrams.yml: an inline SVG drawn at build time, and the same flow
as a numbered list for screen readers and anyone who prefers to read.

The SVG is an image with a name (<title>) and a description (<desc>); its colours come from
classes in cat-guide.css, because the site's Content-Security-Policy allows no inline styles.
Every string from data is escaped here. Geometry is in diagram_layout.py.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from .diagram_checks import FILE, layout_for
from .diagram_layout import FONT_SIZE, LABEL_SIZE, POINT, Box, Layout
from .errors import DataError
from .html import cite
from .i18n import text, ui


class PageIds:
    """Element ids for diagrams, unique on each page even when one diagram is shown twice."""

    def __init__(self):
        self._page, self._seen = None, Counter()

    def take(self, page, key: str) -> str:
        if page is not self._page:
            self._page, self._seen = page, Counter()
        self._seen[key] += 1
        count = self._seen[key]
        return f"diagram-{key}" if count == 1 else f"diagram-{key}-{count}"


def _num(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _points(points) -> str:
    return " ".join(f"{_num(x)},{_num(y)}" for x, y in points)


def _shape(box: Box) -> str:
    cls = f"cat-diagram__box cat-diagram__box--{box.kind}"
    x, y, w, h = box.x, box.y, box.w, box.h
    if box.kind == "decision":  # pointed ends, like a road sign: a question comes here
        corners = [(x + POINT, y), (x + w - POINT, y), (x + w, y + h / 2),
                   (x + w - POINT, y + h), (x + POINT, y + h), (x, y + h / 2)]
        return f'<polygon class="{cls}" points="{_points(corners)}"/>'
    radius = min(14, h / 2) if box.kind == "outcome" else 3
    return (f'<rect class="{cls}" x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" height="{_num(h)}" '
            f'rx="{_num(radius)}"/>')


def _text(box: Box) -> str:
    spans = "".join(f'<tspan x="{_num(box.cx)}" y="{_num(baseline)}">{escape(line)}</tspan>'
                    for line, baseline in zip(box.lines, box.baselines()))
    return f'<text class="cat-diagram__text" text-anchor="middle">{spans}</text>'


def svg(drawing: Layout, base_id: str, title: str, description: str) -> str:
    """The diagram as an accessible inline SVG: role img, named by its title and description."""
    edges, labels = [], []
    for route in drawing.routes:
        path = "M" + " L".join(f"{_num(x)} {_num(y)}" for x, y in route.points)
        edges.append(f'<path class="cat-diagram__line" d="{path}"/>'
                     f'<polygon class="cat-diagram__arrow" points="{_points(route.arrow)}"/>')
        if route.label:
            lab = route.label
            labels.append(f'<text class="cat-diagram__answer" x="{_num(lab.x)}" y="{_num(lab.y)}" '
                          f'text-anchor="{lab.anchor}">{escape(lab.text)}</text>')
    nodes = [f'<g class="cat-diagram__node">{_shape(b)}{_text(b)}</g>' for b in drawing.boxes.values()]
    return (f'<svg class="cat-diagram__svg" role="img" aria-labelledby="{base_id}-title {base_id}-desc" '
            f'viewBox="0 0 {_num(drawing.width)} {_num(drawing.height)}" width="{_num(drawing.width)}" '
            f'height="{_num(drawing.height)}" font-size="{FONT_SIZE}" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{base_id}-title">{escape(title)}</title><desc id="{base_id}-desc">{escape(description)}</desc>'
            f'{"".join(edges)}{"".join(nodes)}<g font-size="{LABEL_SIZE}">{"".join(labels)}</g></svg>')


def text_version(diagram: dict, data, lang: str, base_id: str) -> tuple[str, set[str]]:
    """The flow as a numbered list: each node, then where each answer leads, as links."""
    number = {n["key"]: i for i, n in enumerate(diagram["nodes"], start=1)}

    def step_link(key: str) -> str:
        words = escape(ui(data.ui, "diagram_step", lang)).replace("{n}", str(number[key]))
        return f'<a href="#{base_id}-step-{number[key]}">{words}</a>'

    used: set[str] = set()
    items = []
    for node in diagram["nodes"]:
        used.update(node.get("sources", []))
        cites = "".join(cite(data.sources[s]["short"]) for s in node.get("sources", []))
        ways = []
        for edge in diagram["edges"]:
            if edge["from"] != node["key"]:
                continue
            if "label" in edge:
                answer = text(edge["label"], lang)
                answer = answer[:1].upper() + answer[1:]  # "yes" on the arrow, "Yes: go to ..." in a sentence
                way = escape(ui(data.ui, "diagram_answer", lang)).replace("{answer}", escape(answer))
            else:
                way = escape(ui(data.ui, "diagram_next", lang))
            ways.append(f"<li>{way.replace('{step}', step_link(edge['to']))}</li>")
        after = f"<ul>{''.join(ways)}</ul>" if ways else ""
        items.append(f'<li id="{base_id}-step-{number[node["key"]]}">'
                     f'<p>{escape(text(node["text"], lang))}{cites}</p>{after}</li>')
    summary = escape(ui(data.ui, "diagram_text_version", lang))
    return (f'<details class="cat-diagram__list"><summary>{summary}</summary><ol>{"".join(items)}</ol></details>',
            used)


def diagram(data, lang: str, key: str, base_id: str) -> tuple[str, set[str]]:
    """The figure for one diagram: the SVG, then its text version. Returns (HTML, source keys shown)."""
    found = [d for d in data.diagrams if d["key"] == key]
    if not found:
        raise DataError(FILE, key, None, f"a page asked for the diagram '{key}', which does not exist")
    entry = found[0]
    drawing = layout_for(entry, lang)  # checked when the data was loaded, so it lays out
    picture = svg(drawing, base_id, text(entry["title"], lang), text(entry["description"], lang))
    listing, used = text_version(entry, data, lang, base_id)
    return f'<figure class="cat-diagram" id="{base_id}">{picture}{listing}</figure>', used
