"""The built site in real headless Chromium: language selector, search, tables on a phone.
(That no page loads anything from another host, logs an error or sets a cookie is checked on
every page by tests/test_accessibility.py, in the same visit as axe-core.)"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browser import search, serve
from site_reader import languages

READS_PAGES_ONLY = True  # reads only the built pages: runs while the PDFs are made (tests/conftest.py)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base_url(site):
    with serve(site) as url:
        yield url


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


def test_language_selector_opens_the_same_page_in_each_language(page, base_url):
    for lang in languages()[1:]:
        page.goto(base_url + "qualify/cat-asylum-withholding/")
        page.locator(".md-header__option .md-select > button").hover()
        page.locator(f"a.md-select__link[hreflang={lang}]").click()
        page.wait_for_url(f"**/{lang}/qualify/cat-asylum-withholding/")
        assert page.locator("html").get_attribute("lang") == lang
        page.locator(".md-header__option .md-select > button").hover()
        page.locator("a.md-select__link[hreflang=en]").click()
        page.wait_for_url(base_url + "qualify/cat-asylum-withholding/")


def test_language_selector_keeps_the_reader_on_the_same_section(page, base_url):
    page.goto(base_url + "es/evidence/declaration/#what-to-include")
    page.locator(".md-header__option .md-select > button").hover()
    page.locator("a.md-select__link[hreflang=en]").click()
    page.wait_for_url(base_url + "evidence/declaration/#what-to-include")
    assert page.locator("html").get_attribute("lang") == "en"


# A word with its marks, and as a reader types it on a phone keyboard without them.
ACCENTED = [("es", "protección"), ("es", "proteccion"), ("pt", "proteção"), ("pt", "protecao"),
            ("pt", "violência"), ("pt", "violencia"), ("ht", "tòti"), ("ht", "toti"),
            ("ht", "prèv"), ("ht", "prev")]


@pytest.mark.parametrize("lang", sorted({lang for lang, _ in ACCENTED}))
def test_search_finds_each_languages_pages_with_or_without_accents(page, base_url, lang):
    page.goto(base_url + f"{lang}/")
    failures = []
    for query in [query for query_lang, query in ACCENTED if query_lang == lang]:  # one after the other
        hrefs = search(page, query)
        if not hrefs:
            failures.append(f"no results for {query!r}")
        failures += [f"{query!r}: a page of another language: {h}" for h in hrefs
                     if not urlsplit(h).path.startswith(f"/{lang}/")]
    assert not failures, failures


def test_search_downloads_nothing_until_the_reader_starts_to_search(page, base_url):
    """Readers on metered data who never search must not pay for the index or the worker."""
    requested = []
    page.on("request", lambda r: requested.append(urlsplit(r.url).path))
    page.goto(base_url + "qualify/torture-definition/", wait_until="networkidle")
    page.wait_for_timeout(500)
    assert not [p for p in requested if "search" in p], requested
    hrefs = search(page, "torture")
    assert hrefs
    assert "/search/search_index.json" in requested
    assert any(p.startswith("/assets/javascripts/workers/search.") for p in requested)


def test_english_search_finds_english_pages_only(page, base_url):
    page.goto(base_url)
    hrefs = search(page, "glossary")
    others = tuple(f"/{lang}/" for lang in languages()[1:])
    assert hrefs and not any(urlsplit(h).path.startswith(others) for h in hrefs), hrefs


@pytest.mark.parametrize("path", ["qualify/cat-asylum-withholding/", "es/reference/forms/"])
def test_tables_too_wide_for_a_small_tablet_scroll_by_keyboard_in_their_box(browser, base_url, path):
    # Phones get the tables as cards (tests/test_phone_and_paper.py); a screen a little wider than
    # the cards' limit (44em) gets the real table, in its own scrolling box.
    context = browser.new_context(viewport={"width": 720, "height": 740}, has_touch=True)
    page = context.new_page()
    page.goto(base_url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 720, "the page scrolls sideways"
    region = page.locator(".cat-table").first
    assert region.evaluate("el => el.scrollWidth > el.clientWidth"), "expected a wide table to scroll inside its box"
    region.focus()
    assert page.evaluate("document.activeElement.classList.contains('cat-table')")
    region.press("ArrowRight")
    # Polled with evaluate(): wait_for_function() needs eval, which the site's CSP forbids.
    for _ in range(40):
        if page.evaluate("document.activeElement.scrollLeft > 0"):
            break
        page.wait_for_timeout(50)
    assert page.evaluate("document.activeElement.scrollLeft > 0"), "arrow keys do not scroll the table"
    page.keyboard.press("Tab")
    assert not page.evaluate("document.activeElement.classList.contains('cat-table')"), "keyboard trap"
    context.close()
