"""Printing a page from the browser: only the page, readable, with link addresses, sensible page
breaks, and the page's title, review date and address on every sheet."""

from __future__ import annotations

import io
import re
from urllib.parse import urljoin

import pytest
import yaml

from browser import serve
from site_reader import ROOT, built_path, languages, soup, source_pages

READS_PAGES_ONLY = True  # reads only the built pages: runs while the PDFs are made (tests/conftest.py)

from sitebuild.paper import print_page
UI = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))["strings"]
SITE_URL = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["site_url"]
DEFAULT = languages()[0]

# What print must hide: site chrome a sheet of paper cannot use.
CHROME = ["header.md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search",
          "footer.md-footer", ".md-top", "article .headerlink", "article .cat-download"]


def published(lang: str, md: str) -> str:
    """The published address of a page, as print shows it (no scheme)."""
    stem = md[:-3]
    path = "" if stem == "index" else (stem[: -len("index")] if stem.endswith("/index") else stem + "/")
    root = SITE_URL if lang == DEFAULT else f"{SITE_URL}{lang}/"
    return (root + path).split("://", 1)[1]


def squash(text: str) -> str:
    return " ".join(text.split())


# --- the pure functions of sitebuild/paper/print_page.py -----------------------------------------

@pytest.mark.parametrize("href, expected", [
    ("../appeals/#bia-appeal", "example.org/guide/process/appeals/#bia-appeal"),
    ("../../reference/glossary/#cat", "example.org/guide/reference/glossary/#cat"),
    ("#third-country", None),                       # a place on the same page
    ("./#third-country", None),
    ("https://www.ecfr.gov/current/title-8", None),  # print shows an external href as it is
    ("mailto:someone@example.org", None),
])
def test_links_to_other_pages_get_their_full_address(href, expected):
    assert print_page.page_address(href, "https://example.org/guide/process/hearing/") == expected


def test_the_offline_copy_prints_web_addresses_too():
    page = "https://example.org/guide/process/hearing.html"
    assert print_page.page_address("appeals.html#bia-appeal", page) == "example.org/guide/process/appeals/#bia-appeal"
    assert print_page.page_address("../index.html", page) == "example.org/guide/"
    assert print_page.published(page) == "https://example.org/guide/process/hearing/"


def test_print_attributes_are_escaped():
    attrs = print_page.print_attributes('Say "no" & <stop>', "Last reviewed: 1 May 2026", "https://example.org/a/")
    assert 'data-cat-print-title="Say &quot;no&quot; &amp; &lt;stop&gt;"' in attrs
    assert 'data-cat-print-address="example.org/a/"' in attrs


# --- the built pages ------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", languages())
def test_every_page_loads_the_print_styles_and_names_itself_for_print(site, lang):
    for md in source_pages(DEFAULT):
        page = soup(built_path(site, lang, md))
        sheets = [link["href"] for link in page.find_all("link", rel="stylesheet")]
        assert len(sheets) == 1, f"{lang}/{md}: {sheets}"  # one file, print styles included (fewer_requests.py)
        print_rules = (built_path(site, lang, md).parent / sheets[0]).read_text(encoding="utf-8")
        assert "@page" in print_rules, f"{lang}/{md}: no print styles in {sheets[0]}"
        root = page.html
        assert page.title.string.startswith(root["data-cat-print-title"]), f"{lang}/{md}: print title"
        date = page.select_one(".cat-page-status time").get_text(strip=True)
        assert root["data-cat-print-reviewed"] == f'{UI["last_reviewed"][lang]}: {date}', f"{lang}/{md}"
        assert root["data-cat-print-address"] == published(lang, md), f"{lang}/{md}: print address"


def test_links_to_other_pages_carry_the_address_print_shows(site):
    md = "after/life-with-cat.md"
    body = soup(built_path(site, DEFAULT, md)).select_one("article")
    here = "https://" + published(DEFAULT, md)
    internal = [a for a in body.find_all("a", href=True)
                if not a["href"].startswith(("#", "http")) and "headerlink" not in a.get("class", [])]
    assert internal, "the page has no links to other pages"
    for a in internal:
        assert a.get("data-cat-url") == urljoin(here, a["href"]).split("://", 1)[1], a
    for a in body.select('a[href^="#"], a[href^="http"]'):
        assert not a.has_attr("data-cat-url"), a


# --- in Chromium ----------------------------------------------------------------------------------

def _after(page, selector: str) -> str:
    return page.locator(selector).first.evaluate("a => getComputedStyle(a, '::after').content")


def _visible(page, selector: str) -> bool:
    return page.locator(selector).first.evaluate("e => e.checkVisibility()")


@pytest.mark.browser
def test_print_shows_the_page_alone_with_link_addresses_and_sensible_breaks(site, browser):
    with serve(site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + "after/life-with-cat/")
        external = "article .cat-sources a[href^='http']"
        internal = "article a[data-cat-url]"
        in_page = "article a[href='#third-country']"
        # On screen: the site as usual, no addresses after links.
        assert _visible(page, "header.md-header") and _visible(page, ".md-sidebar--primary")
        assert _after(page, external) in ("none", "normal") and _after(page, internal) in ("none", "normal")

        page.emulate_media(media="print")
        for selector in CHROME:
            if page.locator(selector).count():
                assert not _visible(page, selector), f"{selector} shows in print"
        assert _visible(page, "article h1") and _visible(page, "article .cat-page-status")

        href = page.locator(external).first.get_attribute("href")
        assert _after(page, external) == f'" ({href})"'
        address = page.locator(internal).first.get_attribute("data-cat-url")
        assert address.startswith(SITE_URL.split("://", 1)[1]) and _after(page, internal) == f'" ({address})"'
        assert _after(page, in_page) in ("none", "normal"), "a link within the page needs no address"

        styles = page.evaluate("""() => {
            const s = (sel, prop) => getComputedStyle(document.querySelector(sel))[prop];
            return {h2: s('article h2', 'breakAfter'), tr: s('article tr', 'breakInside'),
                    box: s('article .admonition', 'breakInside'), size: s('article p', 'fontSize')};
        }""")
        assert styles["h2"] == "avoid", "a heading must stay with what follows it"
        assert styles["tr"] == "avoid" and styles["box"] == "avoid", "no page break inside a table row or a box"
        assert float(styles["size"].removesuffix("px")) >= 13, "print type is too small to read (10pt = 13.3px)"
        page.close()


@pytest.mark.browser
def test_print_is_black_on_white_even_in_dark_mode(site, browser):
    with serve(site) as base:
        context = browser.new_context(color_scheme="dark")
        page = context.new_page()
        page.goto(base + "es/qualify/torture-definition/")
        assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
        page.emulate_media(media="print", color_scheme="dark")
        colours = page.evaluate("""() => ({bg: getComputedStyle(document.body).backgroundColor,
                                          text: getComputedStyle(document.querySelector('article p')).color})""")
        assert colours == {"bg": "rgb(255, 255, 255)", "text": "rgb(0, 0, 0)"}
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang, md", [(DEFAULT, "process/hearing.md"), ("es", "qualify/cat-asylum-withholding.md"),
                                      ("pt", "process/appeals.md"), ("ht", "evidence/declaration.md")])
def test_each_printed_sheet_names_the_page_its_date_and_address(site, browser, lang, md):
    """Chromium's own PDF of the page: the margin boxes of print.css on every sheet."""
    from pypdf import PdfReader

    path = built_path(site, lang, md)
    html = soup(path).html
    with serve(site) as base:
        page = browser.new_page()
        page.goto(base + str(path.parent.relative_to(site)) + "/")
        reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
        page.close()
    assert len(reader.pages) >= 2, "the page should take more than one sheet"
    for number, sheet in enumerate(reader.pages, 1):
        text = squash(sheet.extract_text())
        for value in (html["data-cat-print-title"], html["data-cat-print-reviewed"], html["data-cat-print-address"]):
            assert squash(value) in text, f"sheet {number} of {lang}/{md} lacks {value!r}"
        assert re.search(rf"(?<!\d){number} / {len(reader.pages)}(?!\d)", text), f"sheet {number}: no page number"
