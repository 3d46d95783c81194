"""Every interactive part of the page still looks as it should once unused CSS is pruned
(sitebuild/page_weight/css_pruning.py): in Chromium, each is used as a reader would, and the
styles it needs are checked as the browser computes them. A rule pruned by mistake, or a class
Material's scripts add that runtime_classes.py does not list, fails here."""

from __future__ import annotations

import pytest

from browser import chromium, search, serve
from site_reader import site_prefix

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="module")
def browser_site(site):
    with serve(site, site_prefix()) as base, chromium() as browser:
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
