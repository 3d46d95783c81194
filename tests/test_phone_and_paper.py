"""Reading on a cheap phone and on paper, in real headless Chromium (issue 11):

- no page, in any language, has anything to scroll sideways at 360 px (checked on every page
  in the same visit as axe-core, tests/test_accessibility.py);
- tables become labelled cards on a phone and stay tables on a wide screen, on paper and for
  screen readers;
- "For advocates" boxes are folded on screen, open in print, open on a link to a place inside
  them, and open and close from the keyboard;
- every page has a "Print or save this page" button (shown by the site's script) that opens the
  browser's print; printed in Chromium, every handout fits on one or two sheets.
"""

from __future__ import annotations

import io
import re
import pytest
import yaml
from pypdf import PdfReader

from browser import SIDEWAYS, serve, start_materials_script
from site_reader import ROOT, built_path, language_root, languages, soup, source_pages

READS_PAGES_ONLY = True  # reads only the built pages: runs while the PDFs are made (tests/conftest.py)

pytestmark = pytest.mark.browser

UI = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))["strings"]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
HANDOUT_SHEETS = range(1, 3)  # as tests/test_pdfs.py asks of the WeasyPrint PDFs


@pytest.fixture(scope="module")
def base_url(site):
    with serve(site) as url:
        yield url


@pytest.fixture
def open_page(browser, base_url):
    contexts = []

    def open_(path: str, viewport=PHONE, **options):
        context = browser.new_context(viewport=viewport, is_mobile=viewport["width"] < 500, **options)
        contexts.append(context)
        tab = context.new_page()
        tab.goto(base_url + path)
        return tab

    yield open_
    for context in contexts:
        context.close()


# --- nothing to scroll sideways --------------------------------------------------------------
# Every page, in every language, is checked at 360 px in the same visit as axe-core
# (tests/test_accessibility.py, SIDEWAYS in tests/browser.py). Here: the check can fail.

def test_the_sideways_check_finds_a_wide_table_and_a_wide_page(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    tab = context.new_page()
    tab.set_content('<meta name="viewport" content="width=device-width,initial-scale=1"><body><article><div style="overflow-x:auto"><table><tr><td style="min-width:900px">x'
                    '</td></tr></table></div><p style="width:500px">wide</p></article></body>')
    found = tab.evaluate(SIDEWAYS)
    context.close()
    assert any("div scrolls" in f for f in found) and any("the page is" in f for f in found), found


# --- tables: cards on a phone, tables elsewhere ----------------------------------------------

TABLE_PAGES = ["qualify/cat-asylum-withholding/", "es/reference/forms/", "process/fear-screenings/",
               "es/international/other-countries/"]  # data tables and Markdown tables


def _table_layout(tab) -> dict:
    return tab.evaluate("""() => {
        const table = document.querySelector('article .cat-table table');
        const row = table.querySelector('tbody tr'), cell = row.querySelector('td');
        const header = table.querySelectorAll('thead th')[1];
        return {row: getComputedStyle(row).display, label: getComputedStyle(cell, '::before').content,
                dataLabel: cell.dataset.label, header: header.textContent.trim(),
                headerShown: table.querySelector('thead').getBoundingClientRect().width > 1,
                heading: getComputedStyle(row.querySelector('th')).fontWeight};
    }""")


@pytest.mark.parametrize("path", TABLE_PAGES)
def test_tables_are_labelled_cards_on_a_phone(open_page, path):
    tab = open_page(path)
    layout = _table_layout(tab)
    assert layout["row"] == "block", f"{path}: a row is not a card on a phone ({layout['row']})"
    assert layout["dataLabel"] == layout["header"], f"{path}: a cell is labelled {layout['dataLabel']!r}"
    assert layout["label"].startswith(f'"{layout["header"]}"'), f"{path}: the cell shows {layout['label']!r}"
    assert not layout["headerShown"], f"{path}: the column headers still show above the cards"
    assert int(layout["heading"]) >= 700, f"{path}: the row's heading is not bold"
    # Still a table for screen readers: rows, row headers, column headers and cells.
    tree = tab.locator("article .cat-table table").first.aria_snapshot()
    for role in ("table", "row", "rowheader", "columnheader", "cell"):
        assert re.search(rf"^\s*- {role}\b", tree, re.M), f"{path}: no {role} for screen readers:\n{tree[:400]}"


@pytest.mark.parametrize("path", TABLE_PAGES[:3])
def test_tables_stay_tables_on_a_wide_screen_and_on_paper(open_page, path):
    wide = _table_layout(open_page(path, DESKTOP))
    assert wide["row"] == "table-row" and wide["label"] in ("none", "normal") and wide["headerShown"]
    tab = open_page(path)
    tab.emulate_media(media="print")
    printed = _table_layout(tab)
    assert printed["row"] == "table-row" and printed["label"] in ("none", "normal"), f"{path}: print {printed}"


def test_every_markdown_and_data_table_cell_names_its_column(site):
    for lang in languages():
        for md in source_pages(lang):
            for table in soup(built_path(site, lang, md)).select("article .cat-table table"):
                headers = [th.get_text(" ", strip=True) for th in table.select("thead th")]
                for row in table.select("tbody tr"):
                    assert row.contents[0].name == "th" and row.contents[0].get("scope") == "row", f"{lang}/{md}"
                    for td, header in zip(row.find_all("td"), headers[1:]):
                        assert td.get("data-label") == (header or None), f"{lang}/{md}: {td.get('data-label')!r}"


# --- "For advocates" boxes, folded ------------------------------------------------------------

BOX = "article details.cat-advocates"
DEEP_LINK = "qualify/withholding-vs-deferral/#termination-rules"  # a paragraph inside a box


def test_every_advocates_box_is_folded_in_every_language(site):
    """Each `!!! info "For advocates"` of the Markdown is a closed <details> with its title as summary."""
    for lang in languages():
        title = UI["advocates_box"][lang]
        written = sum(len(re.findall(rf'^!!! info "{title}"', (ROOT / "docs" / lang / md).read_text(encoding="utf-8"),
                                     re.M)) for md in source_pages(lang))
        built, open_boxes = 0, []
        for md in source_pages(lang):
            page = soup(built_path(site, lang, md))
            boxes = page.select(BOX)
            built += len([b for b in boxes if b.summary.get_text(strip=True) == title])
            open_boxes += [md for b in boxes if b.has_attr("open")]
            left = [t for t in page.select("article .admonition-title") if t.get_text(strip=True) == title]
            assert not left, f"{lang}/{md}: a '{title}' box is not folded"
        assert written > 100 and built == written, f"{lang}: {written} boxes written, {built} folded"
        assert not open_boxes, f"{lang}: boxes open on screen in {sorted(set(open_boxes))}"


@pytest.mark.parametrize("lang", languages())
def test_advocates_boxes_are_closed_on_screen_and_open_in_print(open_page, lang):
    prefix = "" if lang == languages()[0] else f"{lang}/"
    tab = open_page(prefix + "qualify/torture-definition/")
    box = tab.locator(BOX).first
    assert box.locator("summary").inner_text().strip() == UI["advocates_box"][lang]
    assert box.locator("summary").is_visible()
    assert not box.locator("p").first.is_visible(), "the box's text shows before the reader opens it"
    tab.emulate_media(media="print")
    assert box.locator("p").first.is_visible(), "print does not show a folded box's text"
    hidden = tab.evaluate(f"[...document.querySelectorAll('{BOX} > p')].filter(p => !p.checkVisibility()).length")
    assert hidden == 0, f"{hidden} paragraphs of folded boxes do not print"


def test_materials_script_once_started_opens_every_box_before_it_prints(open_page):
    """Print shows the boxes open with or without scripts (the test above); once the reader has
    done something that starts Material's script, it also opens them on screen for printing."""
    tab = open_page("qualify/torture-definition/")
    start_materials_script(tab)
    tab.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert tab.evaluate(f"[...document.querySelectorAll('{BOX}')].every(d => d.open)")


def test_a_link_into_a_box_opens_it(open_page, base_url):
    tab = open_page(DEEP_LINK)
    target = tab.locator("#termination-rules")
    assert tab.evaluate("document.getElementById('termination-rules').closest('details').open")
    assert target.is_visible() and target.evaluate("e => e.getBoundingClientRect().top < innerHeight")
    # Within the page: the box closed again, a link to the place opens it (hashchange).
    tab.evaluate("document.getElementById('termination-rules').closest('details').open = false;"
                 "location.hash = ''")
    tab.evaluate("location.hash = '#termination-rules'")
    for _ in range(40):  # polled: wait_for_function() needs eval, which the site's CSP forbids
        if tab.evaluate("document.getElementById('termination-rules').closest('details').open"):
            break
        tab.wait_for_timeout(50)
    assert target.is_visible(), "a link within the page does not open the box"


def test_the_keyboard_opens_and_closes_a_box(open_page):
    tab = open_page("qualify/torture-definition/", DESKTOP)
    summary = tab.locator(f"{BOX} > summary").first
    summary.focus()
    assert tab.evaluate("document.activeElement.tagName") == "SUMMARY"
    summary.press("Enter")
    assert tab.locator(BOX).first.evaluate("d => d.open"), "Enter does not open the box"
    assert tab.locator(f"{BOX} > p").first.is_visible()
    summary.press(" ")
    assert not tab.locator(BOX).first.evaluate("d => d.open"), "Space does not close the box"
    assert _expanded(tab, UI["advocates_box"]["en"]) is False
    summary.press("Enter")
    assert _expanded(tab, UI["advocates_box"]["en"]) is True, "screen readers are not told the box is open"


def _expanded(tab, name: str) -> bool | None:
    """What Chromium tells screen readers of the first summary named `name`: expanded or not."""
    cdp = tab.context.new_cdp_session(tab)
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    cdp.detach()
    for node in nodes:
        if node.get("name", {}).get("value") == name and node.get("role", {}).get("value") == "DisclosureTriangle":
            return next((p["value"]["value"] for p in node.get("properties", []) if p["name"] == "expanded"), False)
    return None


# --- print or save; handouts that fit -----------------------------------------------------------

def test_every_page_has_one_print_button_in_its_language_hidden_without_scripts(site):
    for lang in languages():
        for md in source_pages(lang):
            buttons = soup(built_path(site, lang, md)).select("article button.cat-print")
            assert len(buttons) == 1, f"{lang}/{md}: {len(buttons)} print buttons"
            button = buttons[0]
            assert button.get_text(strip=True) == UI["print_page"][lang] and button.get("type") == "button"
            # Hidden by the stylesheet while the page is "no-js" (test_without_scripts_there_is_no_print_button);
            # not `hidden`, which would make it appear, and the text below it move, once scripts run.
            assert not button.has_attr("hidden") and not button.parent.has_attr("hidden"), f"{lang}/{md}"
            assert "no-js" in soup(built_path(site, lang, md)).html["class"], f"{lang}/{md}"
            assert not button.has_attr("onclick")


@pytest.mark.parametrize("path", ["", "es/qualify/torture-definition/", "handouts/compared/"])
def test_the_print_button_shows_next_to_the_pdf_link_and_prints(site, open_page, path):
    tab = open_page(path)
    button = tab.locator("article button.cat-print")
    assert button.is_visible()
    box = button.evaluate("b => [b.getBoundingClientRect().height, b.getBoundingClientRect().width]")
    assert box[0] >= 24, "the button is too small to tap"
    has_pdf = bool(soup(language_root(site, "en") / path / "index.html").select("article .cat-download a"))
    if has_pdf:
        assert button.evaluate("b => b.closest('.cat-download') !== null"), "the button is not next to the PDF link"
    tab.evaluate("window.print = () => { document.documentElement.dataset.printed = 'yes' }")
    button.click()
    assert tab.evaluate("document.documentElement.dataset.printed") == "yes", "the button does not print"
    tab.emulate_media(media="print")
    assert not button.is_visible(), "the button shows on paper"


def test_the_print_button_is_in_its_place_before_materials_script_has_started(browser, base_url):
    """The button is shown by the early script, before the text below it is laid out, not by
    Material's script, which starts only on the reader's first tap or key press
    (sitebuild/page_weight/script_on_demand.py): it never pushes the text down (the layout shift
    Lighthouse counted), and it works without Material's script."""
    context = browser.new_context(viewport=PHONE, is_mobile=True)
    tab = context.new_page()
    tab.goto(base_url + "process/appeals/")
    visible = tab.locator("article button.cat-print").is_visible()
    scripts_ran = tab.evaluate("!document.documentElement.classList.contains('no-js')")
    material_started = tab.locator("html[data-cat-scripts]").count()
    context.close()
    assert not material_started, "Material's script started without the reader doing anything"
    assert scripts_ran and visible, "the print button waits for Material's script"


def test_without_scripts_there_is_no_print_button(open_page):
    tab = open_page("qualify/torture-definition/", java_script_enabled=False)
    assert tab.locator("article button.cat-print").count() == 1
    assert not tab.locator("article button.cat-print").is_visible()
    assert not tab.locator("article .cat-print-line").is_visible()


HANDOUTS = sorted(md for md in source_pages("en") if md.startswith("handouts/") and not md.endswith("index.md"))


@pytest.mark.parametrize("lang", languages())
def test_every_handout_prints_on_one_or_two_sheets_from_the_browser(browser, base_url, site, lang):
    assert len(HANDOUTS) >= 5
    tab = browser.new_page()
    sizes = {}
    for md in HANDOUTS:
        path = built_path(site, lang, md).parent.relative_to(site).as_posix() + "/"
        tab.goto(base_url + path)
        sizes[md] = len(PdfReader(io.BytesIO(tab.pdf(prefer_css_page_size=True))).pages)
    tab.close()
    long = {md: n for md, n in sizes.items() if n not in HANDOUT_SHEETS}
    assert not long, f"{lang}: handouts that print on more than two sheets: {long}"
