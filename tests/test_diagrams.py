"""Process diagrams (data/diagrams.yml -> macros/diagrams.py): the layout arithmetic, the data
checks, the built pages in both languages, a real phone in Chromium, and bad data."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, assert_build_fails
from macros import diagram_layout as geo
from macros.data import SiteData, load
from macros.diagram_checks import check_diagrams, graph_problem, layout_for
from macros.diagrams import PageIds, diagram
from macros.errors import DataError
from site_reader import article, built_path, languages

READS_PAGES_ONLY = True  # reads only the built pages: runs while the PDFs are made (tests/conftest.py)

LANGS = languages()
DATA = load(ROOT / "data", LANGS)
# Where each diagram is shown: (page, heading id above it, diagram key).
PLACES = [("process/index.md", "claim-path-diagram", "claim-path"),
          ("qualify/withholding-vs-deferral.md", "withholding-or-deferral-diagram", "withholding-or-deferral")]


def words(value: str) -> str:
    return " ".join(value.split())


def by_key(key: str) -> dict:
    return next(d for d in DATA.diagrams if d["key"] == key)


def every_layout():
    return [(d["key"], lang, layout_for(d, lang)) for d in DATA.diagrams for lang in LANGS]


LAYOUTS = every_layout()
LAYOUT_IDS = [f"{key}-{lang}" for key, lang, _ in LAYOUTS]


# --- Layout arithmetic -------------------------------------------------------------------------

class TestMeasuringAndWrapping:
    def test_widths_follow_the_letters(self):
        assert geo.text_width("mmm", 14) > geo.text_width("iii", 14) > 0
        assert geo.text_width("sí", 14) == geo.text_width("si", 14)  # accents: the base letter's width
        assert geo.text_width("no", 13, bold=True) > geo.text_width("no", 13)
        assert geo.text_width("漢", 10) == 10  # unknown characters count as a full em

    def test_wrapping_keeps_every_line_inside_the_width(self):
        text = "Ask an immigration judge to review the officer's decision. Say yes when the officer asks."
        lines = geo.wrap(text, 120)
        assert len(lines) > 1 and " ".join(lines) == text
        assert all(geo.text_width(line, geo.FONT_SIZE) <= 120 for line in lines)

    def test_a_no_break_space_holds_words_together_and_a_too_long_word_is_refused(self):
        assert "EE.\u00a0UU." in geo.wrap("seguridad de EE.\u00a0UU.", 80)[-1]
        with pytest.raises(ValueError, match="the word 'Supercalifragilistic' is too wide"):
            geo.wrap("a Supercalifragilistic word", 60)


def inside(inner, outer, tolerance=0.01) -> bool:
    return (inner[0] >= outer[0] - tolerance and inner[1] >= outer[1] - tolerance
            and inner[2] <= outer[2] + tolerance and inner[3] <= outer[3] + tolerance)


def segment_crosses_box(a, b, box: geo.Box) -> bool:
    """Does the horizontal or vertical segment a-b pass through the inside of the box?"""
    left, top, right, bottom = box.x + 0.5, box.y + 0.5, box.x + box.w - 0.5, box.bottom - 0.5
    lo_x, hi_x, lo_y, hi_y = min(a[0], b[0]), max(a[0], b[0]), min(a[1], b[1]), max(a[1], b[1])
    return lo_x < right and hi_x > left and lo_y < bottom and hi_y > top


@pytest.mark.parametrize("key,lang,drawing", LAYOUTS, ids=LAYOUT_IDS)
class TestLayoutOfTheRealDiagrams:
    def test_the_drawing_fits_a_phone(self, key, lang, drawing):
        assert drawing.width <= 340
        frame = (0, 0, drawing.width, drawing.height)
        for box in drawing.boxes.values():
            assert inside(geo.box_bounds(box), frame), box.key

    def test_no_text_overflows_its_box(self, key, lang, drawing):
        for box in drawing.boxes.values():
            pad_x, pad_y = geo.PADDING[box.kind]
            assert box.x + pad_x + box.room == box.x + box.w - pad_x
            for line in box.lines:
                assert geo.text_width(line, geo.FONT_SIZE) <= box.room, (box.key, line)
            baselines = box.baselines()
            assert baselines[0] - 0.8 * geo.FONT_SIZE >= box.y + pad_y - 0.01, box.key  # ascenders inside
            assert baselines[-1] + 0.25 * geo.FONT_SIZE <= box.bottom - pad_y + 0.01, box.key  # descenders inside
            assert box.h == 2 * pad_y + geo.LINE_HEIGHT * len(box.lines)

    def test_every_word_of_every_node_is_drawn(self, key, lang, drawing):
        for node in by_key(key)["nodes"]:
            assert " ".join(drawing.boxes[node["key"]].lines) == " ".join(w for w in node["text"][lang].split(" ") if w)

    def test_boxes_do_not_overlap(self, key, lang, drawing):
        for a, b in itertools.combinations(drawing.boxes.values(), 2):
            assert not geo.overlaps(geo.box_bounds(a), geo.box_bounds(b)), (a.key, b.key)

    def test_arrows_run_between_boxes_and_end_on_their_target(self, key, lang, drawing):
        for route in drawing.routes:
            for a, b in zip(route.points, route.points[1:]):
                assert a[0] == b[0] or a[1] == b[1], "lines are horizontal or vertical"
                for box in drawing.boxes.values():
                    assert not segment_crosses_box(a, b, box), (route.source, route.target, box.key)
            target = drawing.boxes[route.target]
            tip = route.arrow[-1]
            on_edge = (tip[1] == target.y and target.x <= tip[0] <= target.x + target.w) or \
                      (tip[0] in (target.x, target.x + target.w) and target.y <= tip[1] <= target.bottom)
            assert on_edge, (route.source, route.target, tip)
            assert route.points[0] == (drawing.boxes[route.source].cx, drawing.boxes[route.source].bottom)

    def test_labels_sit_on_open_ground(self, key, lang, drawing):
        labels = [r.label.bounds for r in drawing.routes if r.label]
        assert labels, "decisions show their answers"
        for bounds in labels:
            assert 0 <= bounds[0] and bounds[2] <= drawing.width
            assert not any(geo.overlaps(bounds, geo.box_bounds(b)) for b in drawing.boxes.values())
        for a, b in itertools.combinations(labels, 2):
            assert not geo.overlaps(a, b)


class TestRows:
    N = [geo.Node("q", "decision", "Q?"), geo.Node("a", "outcome", "A"), geo.Node("b", "step", "B"),
         geo.Node("q2", "decision", "Q2?"), geo.Node("c", "outcome", "C")]
    E = [geo.Edge("q", "a", "no"), geo.Edge("q", "b", "yes"), geo.Edge("b", "q2"),
         geo.Edge("q2", "c", "no"), geo.Edge("q2", "a", "yes")]

    def test_two_answers_share_a_row_but_a_question_keeps_its_own(self):
        assert geo.rows_of(self.N[:3], self.E[:2]) == [["q"], ["a", "b"]]
        nodes = [self.N[0], self.N[1], self.N[3]]
        edges = [geo.Edge("q", "a", "no"), geo.Edge("q", "q2", "yes"), geo.Edge("q2", "a", "x")]
        assert geo.rows_of(nodes, edges) == [["q"], ["a"], ["q2"]]

    def test_an_arrow_that_jumps_rows_runs_down_the_side_of_its_source(self):
        nodes = [geo.Node("nta", "step", "A"), geo.Node("fear", "step", "B"), geo.Node("q", "decision", "Q?"),
                 geo.Node("stop", "outcome", "C"), geo.Node("court", "step", "D")]
        edges = [geo.Edge("nta", "court"), geo.Edge("fear", "q"), geo.Edge("q", "stop", "no"),
                 geo.Edge("q", "court", "yes")]
        drawing = geo.layout(nodes, edges)
        court = drawing.boxes["court"]
        from_left, from_right = drawing.routes[0], drawing.routes[3]
        assert from_left.arrow[-1] == (court.x, court.cy) and from_left.points[2][0] < court.x
        assert from_right.arrow[-1] == (court.x + court.w, court.cy) and from_right.points[2][0] > court.x + court.w
        assert court.w == drawing.boxes["stop"].w, "both lanes leave the same room for the boxes"


# --- Data checks -------------------------------------------------------------------------------

def small(**changes) -> dict:
    t = lambda s: {lang: s if lang == "en" else f"{s} {lang.upper()}" for lang in LANGS}  # noqa: E731
    diagram = {"key": "d", "title": t("T"), "description": t("D"),
               "nodes": [{"key": "q", "kind": "decision", "text": t("Q?")},
                         {"key": "a", "kind": "outcome", "text": t("A")},
                         {"key": "b", "kind": "outcome", "text": t("B")}],
               "edges": [{"from": "q", "to": "a", "label": t("no")}, {"from": "q", "to": "b", "label": t("yes")}]}
    diagram.update(changes)
    return diagram


class TestGraphRules:
    def test_a_good_diagram_passes(self):
        assert graph_problem(small()) is None

    @pytest.mark.parametrize("change,field,problem", [
        (lambda d: d["edges"][0].update(to="nowhere"), "edges[1].to", "unknown node 'nowhere'"),
        (lambda d: d["edges"].append({"from": "b", "to": "q"}), "edges[3].to", "points back up to 'q'"),
        (lambda d: d["nodes"].append({"key": "a", "kind": "step", "text": {}}), "nodes[4].key", "duplicate node key 'a'"),
        (lambda d: d["edges"][1].pop("label"), "edges[2].label", "needs a label, such as yes or no"),
        (lambda d: d["edges"].pop(), "nodes[1].kind", "needs at least two arrows"),
        (lambda d: d["nodes"].append({"key": "c", "kind": "step", "text": {}}), "nodes[4].key", "has no arrow"),
        (lambda d: (d["nodes"].append({"key": "c", "kind": "step", "text": {}}),
                    d["edges"].append({"from": "a", "to": "c"})), "edges[3].from", "'a' is an outcome"),
        (lambda d: d["edges"][1].update(label={"en": "no", "es": "x"}), "edges[2].label", "the same 'en' label"),
    ])
    def test_problems_are_named(self, change, field, problem):
        diagram = small()
        change(diagram)
        found = graph_problem(diagram)
        assert found and found[0] == field and problem in found[1], found

    def test_a_step_has_one_next_node(self):
        diagram = small()
        diagram["nodes"][0]["kind"] = "step"
        assert graph_problem(diagram)[0] == "edges[2].from"

    def test_a_word_too_wide_for_its_box_names_the_field_and_language(self):
        diagram = small()
        diagram["nodes"][1]["text"] = {lang: "Fine" for lang in LANGS} | {"es": "Anticonstitucionalísimamente" * 2}
        with pytest.raises(DataError, match=r"data/diagrams.yml, entry 'd', field 'nodes\[2\].text.es': the word"):
            check_diagrams([diagram], LANGS)


# --- Rendering -------------------------------------------------------------------------------

def test_ids_are_unique_on_a_page_and_start_again_on_the_next():
    ids, page, other = PageIds(), object(), object()
    assert [ids.take(page, "x"), ids.take(page, "x"), ids.take(page, "y")] == ["diagram-x", "diagram-x-2", "diagram-y"]
    assert ids.take(other, "x") == "diagram-x"


def test_text_from_data_is_escaped():
    attack = '<script> alert("x") </script>'  # spaced: words are wrapped to fit a box
    entry = small()
    entry["title"]["es"] = attack
    entry["nodes"][1]["text"]["es"] = f"A {attack}"
    entry["edges"][0]["label"]["es"] = "<i>"
    data = SiteData(**{**DATA.__dict__, "diagrams": [entry]})
    html, _ = diagram(data, "es", "d", "diagram-d")
    assert "<script>" not in html and "<i>" not in html
    assert "&lt;script&gt; alert(&quot;x&quot;) &lt;/script&gt;" in html


def test_an_unknown_diagram_is_named():
    with pytest.raises(DataError, match="data/diagrams.yml, entry 'nope': a page asked for the diagram 'nope'"):
        diagram(DATA, "en", "nope", "diagram-nope")


# --- The built pages -------------------------------------------------------------------------

PAGE_CASES = [(lang, md, anchor, key) for lang in LANGS for md, anchor, key in PLACES]
PAGE_IDS = [f"{lang}-{key}" for lang, _, _, key in PAGE_CASES]


@pytest.mark.parametrize("lang,md,anchor,key", PAGE_CASES, ids=PAGE_IDS)
def test_the_diagram_is_on_its_page_as_an_accessible_image(site, lang, md, anchor, key):
    page = article(built_path(site, lang, md))
    heading = page.find(id=anchor)
    assert heading is not None and heading.name == "h2", f"{md} ({lang}) has no heading #{anchor}"
    figure = heading.find_next("figure", class_="cat-diagram")
    assert figure is not None and figure["id"] == f"diagram-{key}"
    entry = by_key(key)

    svg = figure.find("svg")
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find("title", id=title_id).get_text() == entry["title"][lang]
    assert words(svg.find("desc", id=desc_id).get_text()) == words(entry["description"][lang])
    assert svg.find("title") is svg.contents[0], "the <title> comes first, as SVG requires for a name"

    drawn = [words(" ".join(t.get_text(" ") for t in text.find_all("tspan")))
             for text in svg.find_all("text", class_="cat-diagram__text")]
    listing = figure.find("details")
    listed = [words(li.find("p").contents[0]) for li in listing.find("ol").find_all("li", recursive=False)]
    for node in entry["nodes"]:
        assert words(node["text"][lang]) in drawn, node["key"]
        assert words(node["text"][lang]) in listed, node["key"]
    answers = {words(t.get_text()) for t in svg.find_all("text", class_="cat-diagram__answer")}
    assert answers == {e["label"][lang] for e in entry["edges"] if "label" in e}
    assert words(listing.find("summary").get_text()) == DATA.ui["strings"]["diagram_text_version"][lang]


@pytest.mark.parametrize("lang,md,anchor,key", PAGE_CASES, ids=PAGE_IDS)
def test_the_text_version_links_each_answer_to_its_step_and_cites_sources(site, lang, md, anchor, key):
    page = article(built_path(site, lang, md))
    figure = page.find("figure", id=f"diagram-{key}")
    ids = [tag["id"] for tag in page.find_all(id=True)]
    assert len(ids) == len(set(ids)), "ids on the page are unique"
    links = figure.find("details").find_all("a")
    assert len(links) == len(by_key(key)["edges"])
    for link in links:
        assert page.find(id=link["href"].removeprefix("#")) is not None, link
    sources = page.select("ul.cat-sources li")
    shown = {li["id"].removeprefix("source-") for li in sources}
    for node in by_key(key)["nodes"]:
        assert set(node.get("sources", [])) <= shown, node["key"]


# --- On a real phone ---------------------------------------------------------------------------

def rgba(css: str) -> tuple[float, float, float, float]:
    """'rgb(1, 2, 3)' or 'rgba(1, 2, 3, 0.5)', as Chromium reports computed colours."""
    parts = [float(p) for p in css[css.index("(") + 1:css.index(")")].replace("/", ",").replace(" ", ",").split(",") if p]
    return (*parts[:3], parts[3] if len(parts) > 3 else 1.0)


def over(top, bottom) -> tuple[float, float, float, float]:
    alpha = top[3]
    return (*(t * alpha + b * (1 - alpha) for t, b in zip(top[:3], bottom[:3])), 1.0)


def contrast(a, b) -> float:
    def luminance(colour):
        channels = [c / 255 for c in colour[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


COLOURS = """svg => {
    const style = el => getComputedStyle(el);
    const page = style(document.body).backgroundColor;
    const nodes = [...svg.querySelectorAll('.cat-diagram__node')].map(node => ({
        kind: node.firstElementChild.getAttribute('class'),
        fill: style(node.firstElementChild).fill, stroke: style(node.firstElementChild).stroke,
        text: style(node.querySelector('text')).fill}));
    return {page, nodes, line: style(svg.querySelector('.cat-diagram__line')).stroke,
            answer: style(svg.querySelector('.cat-diagram__answer')).fill};
}"""

OVERFLOW = """svg => [...svg.querySelectorAll('.cat-diagram__node')].flatMap(node => {
    const shape = node.firstElementChild.getBBox();
    return [...node.querySelectorAll('tspan')].map(span => {
        const text = span.getBBox();
        const out = text.x < shape.x || text.y < shape.y || text.x + text.width > shape.x + shape.width
                    || text.y + text.height > shape.y + shape.height;
        return out ? span.textContent : null;
    }).filter(Boolean);
})"""


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_diagrams_fit_a_360px_phone_with_text_in_its_boxes_and_enough_contrast(site, browser, scheme):
    from browser import serve

    with serve(site) as url:
        context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True,
                                      color_scheme=scheme)
        page = context.new_page()
        for lang, md, anchor, key in PAGE_CASES:
            path = built_path(site, lang, md).relative_to(site).as_posix().removesuffix("index.html")
            page.goto(url + path)
            assert page.evaluate("document.documentElement.scrollWidth") <= 360, f"{path} scrolls sideways"
            svg = page.locator(f"#diagram-{key} svg")
            box = svg.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 360, (path, box)
            assert box["width"] > 300, f"{path}: the diagram should use the phone's width, not shrink"
            overflow = svg.evaluate(OVERFLOW)
            assert not overflow, f"{path}: text outside its box, in the reader's real font: {overflow}"

            colours = svg.evaluate(COLOURS)
            background = rgba(colours["page"])
            assert background[3] == 1, colours["page"]
            assert contrast(over(rgba(colours["line"]), background), background) >= 3, "arrows (WCAG 1.4.11)"
            assert contrast(over(rgba(colours["answer"]), background), background) >= 4.5, "yes/no labels"
            for node in colours["nodes"]:
                fill = over(rgba(node["fill"]), background)
                assert contrast(over(rgba(node["text"]), fill), fill) >= 4.5, (path, scheme, node)
                assert contrast(over(rgba(node["stroke"]), background), background) >= 3, (path, scheme, node)
        context.close()


# --- Bad data stops the build ------------------------------------------------------------------

def edit_diagrams(project: Path, change) -> str:
    path = project / "data" / "diagrams.yml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    expected = change(entries)
    path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return expected


def unknown_node(entries):
    entries[0]["edges"][0]["to"] = "no-such-node"
    return f"data/diagrams.yml, entry '{entries[0]['key']}', field 'edges[1].to': unknown node 'no-such-node'"


def missing_spanish_text(entries):
    del entries[1]["nodes"][1]["text"]["es"]
    return f"data/diagrams.yml, entry '{entries[1]['key']}', field 'nodes[2].text': missing translation for 'es'"


def unknown_source(entries):
    entries[0]["nodes"][0]["sources"] = ["no-such-source"]
    return (f"data/diagrams.yml, entry '{entries[0]['key']}', field 'nodes[1].sources': "
            "unknown source 'no-such-source'")


def bad_kind(entries):
    entries[0]["nodes"][2]["kind"] = "diamond"
    return f"data/diagrams.yml, entry '{entries[0]['key']}', field 'nodes[3].kind': 'diamond' is not allowed"


def word_too_wide(entries):
    entries[0]["nodes"][0]["text"]["es"] = "Inconstitucionalmente" * 3
    return f"data/diagrams.yml, entry '{entries[0]['key']}', field 'nodes[1].text.es': the word"


BAD_DATA = [unknown_node, missing_spanish_text, unknown_source, bad_kind, word_too_wide]


@pytest.mark.parametrize("change", BAD_DATA, ids=[c.__name__ for c in BAD_DATA])
def test_bad_diagram_data_fails_the_build_with_a_named_location(project_copy, tmp_path, change):
    expected = edit_diagrams(project_copy, change)
    assert_build_fails(project_copy, tmp_path, expected)


def test_a_page_asking_for_a_missing_diagram_fails_the_build(project_copy, tmp_path):
    page = project_copy / "docs" / "es" / "process" / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace('diagram("claim-path")', 'diagram("no-such-diagram")'),
                    encoding="utf-8")
    assert_build_fails(project_copy, tmp_path, "data/diagrams.yml, entry 'no-such-diagram'")


