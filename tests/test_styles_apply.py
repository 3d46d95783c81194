"""Every interactive part of the page still looks as it should once unused CSS is pruned
(sitebuild/page_weight/css_pruning.py): in Chromium, each is used as a reader would, and the
styles it needs are checked as the browser computes them. A rule pruned by mistake, or a class
Material's scripts add that runtime_classes.py does not list, fails here."""

from __future__ import annotations

import pytest

from browser import search, serve
from site_reader import site_prefix

READS_PAGES_ONLY = True  # reads only the built pages: runs while the PDFs are made (tests/conftest.py)

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="module")
def browser_site(site, browser):
    with serve(site, site_prefix()) as base:
        yield base, browser


@pytest.fixture
def open_page(browser_site):
    base, browser = browser_site
    tabs = []

    def open_(path: str, viewport=DESKTOP):
        tab = browser.new_page(viewport=viewport)
        tabs.append(tab)
        tab.goto(base + path)
        return tab

    yield open_
    for tab in tabs:
        tab.close()


def style(tab, selector: str, prop: str, pseudo: str | None = None) -> str:
    return tab.evaluate("([s, p, pseudo]) => getComputedStyle(document.querySelector(s), pseudo)"
                        ".getPropertyValue(p)", [selector, prop, pseudo])


def settles(tab, selector: str, prop: str, value: str, pseudo: str | None = None) -> None:
    """Wait until a transition has brought `prop` to `value`; fail with the value it has."""
    try:
        tab.wait_for_function("([s, p, v, pseudo]) => { const e = document.querySelector(s);"
                              " return e && getComputedStyle(e, pseudo).getPropertyValue(p) === v }",
                              arg=[selector, prop, value, pseudo], timeout=5000)
    except Exception:
        actual = style(tab, selector, prop, pseudo) if tab.query_selector(selector) else "(no element)"
        raise AssertionError(f"{selector} {pseudo or ''} {prop}: expected {value}, is {actual}") from None


def test_search_dialog_and_results_are_styled(open_page):
    tab = open_page("")
    assert search(tab, "torture")
    settles(tab, ".md-search__output", "visibility", "visible")
    assert style(tab, ".md-search-result__link", "display") == "block"
    assert style(tab, ".md-search-result__article", "position") == "relative"
    assert style(tab, ".md-search-result__icon", "position") == "absolute"
    assert style(tab, ".md-search-result mark", "background-color") == "rgba(0, 0, 0, 0)"  # highlight, not a box


def test_navigation_drawer_opens_on_a_phone(open_page):
    tab = open_page("qualify/torture-definition/", PHONE)
    drawer = ".md-sidebar--primary"
    assert tab.evaluate(f"document.querySelector('{drawer}').getBoundingClientRect().right") <= 0
    tab.click("[data-cat-menu]")
    settles(tab, drawer, "transform", "matrix(1, 0, 0, 1, 242, 0)")  # translateX(12.1rem)
    settles(tab, ".md-overlay", "opacity", "1")
    assert tab.evaluate(f"document.querySelector('{drawer}').getBoundingClientRect().left") >= 0


def test_palette_toggle_changes_the_colours(open_page):
    tab = open_page("")
    before = style(tab, "body", "background-color"), style(tab, ".md-header", "background-color")
    tab.click("form[data-md-component=palette] label:not([hidden])")
    tab.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    settles(tab, "body", "color-scheme", "dark")
    after = style(tab, "body", "background-color"), style(tab, ".md-header", "background-color")
    assert after[0] != before[0], "the page background did not change"
    assert before[1] == after[1] != "rgba(0, 0, 0, 0)", "the header lost its colour"


def test_abbreviation_tooltip_shows(open_page):
    tab = open_page("process/detention/")
    tab.hover("article abbr[title]")
    settles(tab, ".md-tooltip2--active", "opacity", "1")
    assert style(tab, ".md-tooltip2--active", "position") == "absolute"
    assert style(tab, ".md-tooltip2--active .md-tooltip2__inner", "box-shadow") != "none"


def test_collapsible_details_are_framed_and_open(open_page):
    tab = open_page("process/")
    details = "article details"
    assert style(tab, details, "border-top-style") == "solid"
    closed = style(tab, f"{details} > summary", "transform", "::after")
    tab.click(f"{details} > summary")
    assert tab.evaluate(f"document.querySelector('{details}').open")
    settles(tab, f"{details}[open] > summary", "transform", "matrix(0, 1, -1, 0, 0, 0)", "::after")  # rotate(90deg)
    assert closed != "matrix(0, 1, -1, 0, 0, 0)"


def test_language_selector_opens_and_leads_to_spanish(open_page):
    tab = open_page("qualify/torture-definition/")
    assert style(tab, ".md-select__inner", "opacity") == "0"
    tab.hover(".md-select")
    settles(tab, ".md-select__inner", "opacity", "1")
    tab.click(".md-select__link[hreflang=es]")
    tab.wait_for_url("**/es/qualify/torture-definition/")


def test_back_to_top_button_appears_when_scrolling_back(open_page):
    tab = open_page("reference/glossary/")
    top = ".md-top"
    tab.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    tab.wait_for_timeout(300)
    tab.mouse.wheel(0, -400)
    tab.wait_for_selector(f"{top}:not([hidden])")
    assert style(tab, top, "position") == "fixed"
    settles(tab, top, "opacity", "1")
    tab.click(top)
    tab.wait_for_function("window.scrollY === 0")


def test_deadline_calculator_form_and_card_are_styled(open_page):
    tab = open_page("tools/deadlines/", PHONE)
    assert style(tab, ".cat-dl-choice", "display") == "flex"
    assert style(tab, ".cat-dl-form fieldset", "border-top-style") == "solid"
    tab.clock.set_fixed_time("2026-12-01T12:00:00")
    tab.click("#cat-dl-form button[type=submit]")
    assert style(tab, "#cat-dl-event-error", "font-weight") == "700"
    assert style(tab, "#cat-dl-event-error", "color") == "rgb(183, 28, 28)"  # --cat-dl-alert, light scheme
    tab.check("#cat-dl-event-judge-decision")
    tab.fill("#cat-dl-date", "2026-06-04")
    tab.click("#cat-dl-form button[type=submit]")
    assert style(tab, "#cat-dl-card", "border-top-style") == "solid"
    assert style(tab, "#cat-dl-list", "list-style-type") == "none"
    assert style(tab, "#cat-dl-list > li", "border-top-style") == "solid"   # from the page's <template>
    assert style(tab, "#cat-dl-list .cat-dl-date", "font-weight") == "700"
    assert style(tab, "#cat-dl-list .cat-dl-passed", "color") == "rgb(183, 28, 28)"  # today is after 2026-07-06
    assert style(tab, "#cat-dl-print", "display") == "inline-block"             # Material's .md-button


def test_folded_advocates_box_looks_like_an_info_box_with_an_arrow(open_page):
    tab = open_page("qualify/torture-definition/")
    box = "article details.cat-advocates"
    assert style(tab, box, "border-left-style") == "solid"
    assert style(tab, box, "border-left-color") != style(tab, "article", "color"), "not coloured as an info box"
    assert style(tab, f"{box} > summary", "cursor") == "pointer"
    assert style(tab, f"{box} > summary", "background-color") != "rgba(0, 0, 0, 0)"
    assert style(tab, f"{box} > summary", "content", "::after") != "none", "no arrow to open it"
    tab.click(f"{box} > summary")
    settles(tab, f"{box}[open] > summary", "transform", "matrix(0, 1, -1, 0, 0, 0)", "::after")


def test_tables_are_stacked_cards_on_a_phone(open_page):
    tab = open_page("qualify/cat-asylum-withholding/", PHONE)
    table = "article .cat-table table.cat-data"
    assert style(tab, f"{table} tbody tr", "display") == "block"
    assert style(tab, f"{table} tbody tr", "border-top-style") == "solid"
    assert style(tab, f"{table} thead", "position") == "absolute"
    assert style(tab, f"{table} td", "display", "::before") == "block"
    assert style(tab, f"{table} td", "font-weight", "::before") == "700"
    markdown = open_page("process/fear-screenings/", PHONE)
    assert style(markdown, "article .cat-table--markdown tbody tr", "display") == "block"
    assert style(markdown, "article .cat-table--markdown td", "display", "::before") == "block"


def test_print_button_is_a_framed_button_once_shown(open_page):
    tab = open_page("qualify/torture-definition/", PHONE)
    button = "article button.cat-print"
    assert style(tab, button, "display") != "none"
    assert style(tab, button, "border-top-style") == "solid"
    assert style(tab, button, "min-height") == "24px"
    assert style(tab, button, "cursor") == "pointer"


def test_situation_entries_are_cards_in_two_columns_on_a_phone(open_page):
    tab = open_page("", PHONE)
    cards = "article nav.cat-situations ul"
    assert style(tab, cards, "display") == "grid"
    assert len(style(tab, cards, "grid-template-columns").split()) == 2
    assert style(tab, f"{cards} > li", "border-top-style") == "solid"
    assert style(tab, f"{cards} > li", "position") == "relative"
    assert style(tab, f"{cards} .cat-situation__link", "position", "::after") == "absolute"  # the card is the target
    assert style(tab, f"{cards} .cat-situation__line", "display") == "none"  # titles alone on a phone
    wide = open_page("")
    assert style(wide, "article .cat-situation__line", "display") == "block"


def test_content_note_is_a_quiet_framed_note(open_page):
    tab = open_page("qualify/torture-definition/")
    note = "article .cat-content-note"
    assert style(tab, note, "border-left-style") == "solid"
    assert style(tab, note, "padding-left") != "0px"
    assert style(tab, f"{note} .cat-content-note__skip", "font-weight") == "700"


def test_protection_finder_shows_one_framed_question_with_large_answers(open_page):
    tab = open_page("tools/finder/", PHONE)
    assert style(tab, "a.cat-finder__answer", "display") == "block"
    assert style(tab, "a.cat-finder__answer", "border-top-style") == "solid"
    assert float(style(tab, "a.cat-finder__answer", "min-height").removesuffix("px")) >= 44
    assert style(tab, ".cat-finder__node", "border-top-style") == "solid"
    assert style(tab, "[data-finder-print]", "display") == "none"  # hidden until a result shows
    tab.locator("a.cat-finder__answer").first.click()
    assert style(tab, "[data-finder-back]", "border-top-style") == "solid"
    assert style(tab, ".cat-finder__live", "position") == "absolute"
