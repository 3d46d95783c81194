"""Lay out a flow diagram on a narrow page: pure geometry, no drawing.

Nodes go top to bottom in the order the data lists them, one per row across the full width.
Two branches of a decision that follow it directly share a row, side by side, when they have no
other way in and neither is a question itself (a "yes" and a "no" next to each other); so do two
ways into the flow listed first. An arrow to the next row goes straight down, bending in the gap
between rows if it must. An arrow that jumps over rows runs down a lane at the side of the
diagram and enters its target from that side.

The text is wrapped here, so the words must fit without knowing the reader's font. Widths are
measured with DejaVu Sans, the widest of the usual system fonts (Arial, Helvetica, Liberation
Sans, Roboto and San Francisco are all narrower), so the text fits whichever one the reader has.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import fold_accents

WIDTH = 340          # the viewBox: fits a 360 px phone at about its real size
MARGIN = 2           # keeps strokes at the edge inside the viewBox
TOP = 2
FONT_SIZE = 14
LINE_HEIGHT = 18
LABEL_SIZE = 13      # "yes" / "no" on the arrows, in bold
ROW_GAP = 44         # room between rows for an arrow and its label
COLUMN_GAP = 12      # between two boxes that share a row
LANE = 12            # one side lane for arrows that jump over rows
LANE_GAP = 8         # from the innermost lane to the boxes: room for the arrowhead
POINT = 10           # how far a decision's pointed ends stick out
ARROW = (7, 4)       # arrowhead length and half width
PADDING = {          # inside each kind of box: (left and right, top and bottom)
    "step": (10, 8),
    "decision": (POINT + 8, 8),
    "outcome": (14, 8),
}
BOLD = 1.15          # synthetic or real bold is at most this much wider

# DejaVu Sans advance widths in thousandths of an em, rounded up. Accented letters are measured
# as their base letter (same width in these fonts); anything else counts as a full em.
_WIDTHS = {
    280: "'ijl", 300: "IJ", 320: " \u00a0,.\u2019", 340: "/:;\\|", 360: "-f", 390: "()[]", 400: "!t\u00a1",
    420: "r", 460: '"', 500: "*_`\u00a7\u2013", 520: "s\u201c\u201d", 530: "?z\u00bf", 550: "c", 560: "L",
    580: "Fk", 600: "vxy", 610: "PTY", 620: "aeo", 640: "$0123456789ESbdghnpqu{}", 660: "K",
    690: "ABVXZ", 700: "CR", 740: "U", 750: "N", 760: "H", 770: "D", 780: "&G", 790: "OQ",
    820: "w", 840: "#+<=>^~", 870: "M", 950: "%", 980: "m", 990: "W", 1000: "@\u2014",
}
_EM = {char: width / 1000 for width, chars in _WIDTHS.items() for char in chars}


class LayoutError(ValueError):
    """Data that cannot be drawn. `field` says where, as the data checks name fields."""

    def __init__(self, field: str, problem: str):
        super().__init__(f"{field}: {problem}")
        self.field, self.problem = field, problem


def text_width(text: str, size: float, bold: bool = False) -> float:
    """An upper bound for the width of `text` set in a sans-serif font of `size` px."""
    em = sum(_EM.get(ch, _EM.get(fold_accents(ch), 1.0)) for ch in text)
    return em * size * (BOLD if bold else 1.0)


def wrap(text: str, width: float, size: float = FONT_SIZE) -> list[str]:
    """Break `text` into lines no wider than `width`, at spaces only: a word is never split, and
    a no-break space (as in "EE.\u00a0UU.") keeps two words together."""
    lines: list[str] = []
    for word in text.split(" "):
        if not word:
            continue
        if text_width(word, size) > width:
            raise ValueError(f"the word '{word}' is too wide for its box ({text_width(word, size):.0f} "
                             f"of {width:.0f} px); shorten it or split it with a space")
        if lines and text_width(f"{lines[-1]} {word}", size) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


@dataclass(frozen=True)
class Node:
    key: str
    kind: str  # step, decision or outcome
    text: str


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str | None = None


@dataclass(frozen=True)
class Box:
    key: str
    kind: str
    x: float
    y: float
    w: float
    h: float
    lines: tuple[str, ...]

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def room(self) -> float:
        """The width the wrapped lines may take."""
        return self.w - 2 * PADDING[self.kind][0]

    def baselines(self) -> list[float]:
        """The baseline of each line, so that each line's glyphs sit inside its LINE_HEIGHT slot."""
        first = self.y + PADDING[self.kind][1] + (LINE_HEIGHT - FONT_SIZE) / 2 + 0.8 * FONT_SIZE
        return [first + i * LINE_HEIGHT for i in range(len(self.lines))]


@dataclass(frozen=True)
class Label:
    text: str
    x: float
    y: float       # baseline
    anchor: str    # SVG text-anchor: start, middle or end

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom), with room for the glyphs above and below the baseline."""
        w = text_width(self.text, LABEL_SIZE, bold=True)
        left = {"start": self.x, "middle": self.x - w / 2, "end": self.x - w}[self.anchor]
        return left, self.y - 0.8 * LABEL_SIZE, left + w, self.y + 0.25 * LABEL_SIZE


@dataclass(frozen=True)
class Route:
    source: str
    target: str
    points: tuple[tuple[float, float], ...]   # the line, ending where the arrowhead starts
    arrow: tuple[tuple[float, float], ...]    # the arrowhead, a triangle
    label: Label | None


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    boxes: dict[str, Box]
    routes: list[Route]


def rows_of(nodes: list[Node], edges: list[Edge]) -> list[list[str]]:
    """Group node keys into rows: one node a row, or two branches side by side (see the module doc).
    A decision keeps a row to itself: a question needs the width."""
    parents: dict[str, list[str]] = {n.key: [] for n in nodes}
    for e in edges:
        parents[e.target].append(e.source)
    linked = {(e.source, e.target) for e in edges} | {(e.target, e.source) for e in edges}
    kind = {n.key: n.kind for n in nodes}
    rows: list[list[str]] = []
    for node in nodes:
        if rows and len(rows[-1]) == 1 and "decision" not in (kind[rows[-1][0]], node.kind):
            prev = rows[-1][0]
            above = rows[-2] if len(rows) > 1 else []
            same_parent = (parents[prev] == parents[node.key] and len(parents[prev]) == 1
                           and parents[prev][0] in above)
            both_start = not parents[prev] and not parents[node.key] and len(rows) == 1
            if (same_parent or both_start) and (prev, node.key) not in linked:
                rows[-1].append(node.key)
                continue
        rows.append([node.key])
    return rows


def _assign_lanes(spans: list[tuple[float, float]]) -> list[int]:
    """Lane number for each (start, end) span; spans that overlap get different lanes."""
    ends: list[float] = []
    lanes = [0] * len(spans)
    for i in sorted(range(len(spans)), key=lambda i: spans[i]):
        start, end = spans[i]
        lane = next((n for n, last in enumerate(ends) if last < start), len(ends))
        if lane == len(ends):
            ends.append(end)
        ends[lane] = end
        lanes[i] = lane
    return lanes


def _arrowhead(tip: tuple[float, float], direction: str) -> tuple[tuple[tuple[float, float], ...], tuple[float, float]]:
    """The triangle and the point where the line should stop, for an arrow pointing down, left or right."""
    length, half = ARROW
    x, y = tip
    if direction == "down":
        return ((x - half, y - length), (x + half, y - length), (x, y)), (x, y - length)
    sign = -1 if direction == "right" else 1
    return ((x + sign * length, y - half), (x + sign * length, y + half), (x, y)), (x + sign * length, y)


def layout(nodes: list[Node], edges: list[Edge]) -> Layout:
    """Place every node and route every edge. Edges must point to a node listed later."""
    rows = rows_of(nodes, edges)
    row_of = {key: r for r, row in enumerate(rows) for key in row}
    column = {key: ("full" if len(row) == 1 else ("left", "right")[i]) for row in rows for i, key in enumerate(row)}
    lanes = _lanes(edges, row_of, column)
    boxes, row_bottom = _boxes(nodes, rows, column, lanes)
    routes = [_route(e, boxes[e.source], boxes[e.target], row_bottom[row_of[e.source]] + ROW_GAP / 2,
                     lanes.get(i)) for i, e in enumerate(edges)]
    routes = [_labelled(route, e, i, routes) for i, (route, e) in enumerate(zip(routes, edges))]
    _check_labels(routes, boxes)
    return Layout(WIDTH, row_bottom[-1] + TOP, boxes, routes)


def _lanes(edges: list[Edge], row_of: dict[str, int], column: dict[str, str]) -> dict[int, tuple[str, int]]:
    """(side, lane) for each edge that jumps over rows, by edge index.

    A node beside another has one way in, from the row just above, so a jump always ends at a
    full-width node: it runs down the side its source is on (the right, from a full-width source).
    Jumps to the same target on the same side share a lane. A lane is busy from the gap below its
    first source down to the middle of its target, counted in rows."""
    sides = {i: "right" if column[e.source] == "full" else column[e.source]
             for i, e in enumerate(edges) if row_of[e.target] > row_of[e.source] + 1}
    spans: dict[tuple[str, str], list[float]] = {}
    for i, side in sides.items():
        span = spans.setdefault((side, edges[i].target), [float("inf"), row_of[edges[i].target]])
        span[0] = min(span[0], row_of[edges[i].source] + 0.5)
    lane_of: dict[tuple[str, str], int] = {}
    for name in ("left", "right"):
        groups = [g for g in spans if g[0] == name]
        lane_of.update(zip(groups, _assign_lanes([tuple(spans[g]) for g in groups])))
    return {i: (side, lane_of[(side, edges[i].target)]) for i, side in sides.items()}


def _lane_x(side: str, lane: int) -> float:
    offset = MARGIN + LANE / 2 + lane * LANE
    return offset if side == "left" else WIDTH - offset


def _boxes(nodes: list[Node], rows: list[list[str]], column: dict[str, str],
           lanes: dict[int, tuple[str, int]]) -> tuple[dict[str, Box], list[float]]:
    """Wrap each node's text to its column and stack the rows; also return each row's bottom."""
    def gutter(side: str) -> float:
        used = [lane for s, lane in lanes.values() if s == side]
        return (max(used) + 1) * LANE + LANE_GAP if used else 0

    left, right = MARGIN + gutter("left"), WIDTH - MARGIN - gutter("right")
    half = (right - left - COLUMN_GAP) / 2
    spans = {"full": (left, right - left), "left": (left, half), "right": (right - half, half)}
    index = {n.key: i for i, n in enumerate(nodes)}
    boxes: dict[str, Box] = {}
    row_bottom: list[float] = []
    y = TOP
    for row in rows:
        for key in row:
            node = nodes[index[key]]
            x, w = spans[column[key]]
            pad_x, pad_y = PADDING[node.kind]
            try:
                lines = wrap(node.text, w - 2 * pad_x)
            except ValueError as err:
                raise LayoutError(f"nodes[{index[key] + 1}].text", str(err)) from None
            boxes[key] = Box(key, node.kind, x, y, w, 2 * pad_y + LINE_HEIGHT * len(lines), tuple(lines))
        row_bottom.append(y + max(boxes[key].h for key in row))
        y = row_bottom[-1] + ROW_GAP
    return boxes, row_bottom


def _route(edge: Edge, src: Box, dst: Box, bend_y: float, lane: tuple[str, int] | None) -> Route:
    """The line from the bottom centre of `src`: straight down, bent halfway down the gap below
    the source's row, or out to a side lane and into `dst` from that side."""
    start = (src.cx, src.bottom)
    if lane:
        side, number = lane
        x = _lane_x(side, number)
        arrow, end = _arrowhead((dst.x, dst.cy) if side == "left" else (dst.x + dst.w, dst.cy),
                                "right" if side == "left" else "left")
        points = (start, (src.cx, bend_y), (x, bend_y), (x, dst.cy), end)
    else:
        arrow, end = _arrowhead((dst.cx, dst.y), "down")
        points = (start, end) if src.cx == dst.cx else (start, (src.cx, bend_y), (dst.cx, bend_y), end)
    return Route(edge.source, edge.target, points, arrow, None)


def _labelled(route: Route, edge: Edge, i: int, routes: list[Route]) -> Route:
    """The route with its label: above the bend, centred on it; or, on a straight line, beside
    it at half height, on the side away from the source's other arrows."""
    if not edge.label:
        return route
    (sx, sy), end = route.points[0], route.points[-1]
    if len(route.points) == 2:
        bends_right = any(r.source == route.source and len(r.points) > 2 and r.points[2][0] > sx for r in routes)
        mid = (sy + end[1]) / 2 + 0.3 * LABEL_SIZE
        label = Label(edge.label, sx - 5, mid, "end") if bends_right else Label(edge.label, sx + 5, mid, "start")
    else:
        turn_x, bend_y = route.points[2]
        room = abs(turn_x - sx) - 8
        if text_width(edge.label, LABEL_SIZE, bold=True) > room:
            raise LayoutError(f"edges[{i + 1}].label", f"'{edge.label}' is too long for the arrow "
                              f"({room:.0f} px of room); use a word or two")
        label = Label(edge.label, (sx + turn_x) / 2, bend_y - 5, "middle")
    return Route(route.source, route.target, route.points, route.arrow, label)


def overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float], gap: float = 0) -> bool:
    return a[0] < b[2] + gap and b[0] < a[2] + gap and a[1] < b[3] + gap and b[1] < a[3] + gap


def box_bounds(box: Box) -> tuple[float, float, float, float]:
    return box.x, box.y, box.x + box.w, box.bottom


def _check_labels(routes: list[Route], boxes: dict[str, Box]) -> None:
    """A label must stay inside the picture and off every box and every other label."""
    placed: list[tuple[float, float, float, float]] = []
    for i, route in enumerate(routes):
        if route.label is None:
            continue
        bounds, field, word = route.label.bounds, f"edges[{i + 1}].label", route.label.text
        if bounds[0] < 0 or bounds[2] > WIDTH:
            raise LayoutError(field, f"'{word}' does not fit in the diagram's width; shorten it")
        if any(overlaps(bounds, box_bounds(b), 2) for b in boxes.values()) or \
                any(overlaps(bounds, other, 2) for other in placed):
            raise LayoutError(field, f"'{word}' would cover a box or another label; shorten it")
        placed.append(bounds)
