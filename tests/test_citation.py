""""Cite this page": every page ends with a short citation a clinic can paste into a brief or an
email: title, "CAT Guide", the page's full address and its last-reviewed date, in the page's language."""

from __future__ import annotations

import pytest
import yaml

from browser import serve
from site_reader import ROOT, article, built_path, languages, soup, source_pages

READS_PAGES_ONLY = True  # reads only the built pages: runs while the PDFs are made (tests/conftest.py)

CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
UI = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))["strings"]
DEFAULT = languages()[0]
# The wording clinics will paste, written out for the languages we read.
EXPECTED = {
    "en": '"{title}", CAT Guide, {url} (last reviewed {date}).',
    "es": '"{title}", CAT Guide, {url} (última revisión: {date}).',
}


def title(lang: str, md: str) -> str:
    """The page's title from its front matter (an untranslated page shows the default language's)."""
    path = ROOT / "docs" / lang / md
    if not path.is_file():
        path = ROOT / "docs" / DEFAULT / md
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])["title"]


def address(lang: str, md: str) -> str:
    stem = md[:-3]
    folder = "" if stem == "index" else stem.removesuffix("/index") + "/" if stem.endswith("/index") else stem + "/"
    return CONFIG["site_url"].rstrip("/") + "/" + ("" if lang == DEFAULT else f"{lang}/") + folder


@pytest.mark.parametrize("lang", languages())
def test_every_page_ends_with_its_citation(site, lang):
    wording = EXPECTED.get(lang, UI["citation"][lang])
    problems = []
    for md in source_pages(DEFAULT):
        path = built_path(site, lang, md)
        body = article(path)
        box = body.select_one("section.cat-citation")
        if box is None:
            problems.append(f"{md}: no citation box")
            continue
        label = box.find("h2").get_text(strip=True).removesuffix("¶")
        date = body.select_one(".cat-page-status time").get_text(strip=True)
        url = address(lang, md)
        expected = wording.format(title=title(lang, md), url=url, date=date, site=CONFIG["site_name"])
        paragraph = box.select_one("p.cat-citation__text")
        shown = paragraph.get_text()
        if label != UI["cite_this_page"][lang]:
            problems.append(f"{md}: the box is labelled {label!r}")
        if shown != expected:
            problems.append(f"{md}: {shown!r}\n    expected {expected!r}")
        if soup(path).find("link", rel="canonical")["href"] != url:
            problems.append(f"{md}: the citation's address is not the page's canonical address")
        if body.select("h2")[-1] is not box.find("h2"):
            problems.append(f"{md}: the citation is not the last section of the page")
        if paragraph.find(True) or box.find("script"):
            problems.append(f"{md}: the citation should be plain text")
    assert not problems, "\n".join(problems[:30])


def test_the_citation_comes_after_the_sources(site):
    body = article(built_path(site, DEFAULT, "qualify/torture-definition.md"))
    ids = [h["id"] for h in body.select("h2[id]")]
    assert ids[-2:] == ["sources", "cite-this-page"]


@pytest.mark.browser
def test_the_citation_fits_a_phone_is_copied_whole_and_prints(site, browser):
    with serve(site) as base:
        context = browser.new_context(viewport={"width": 360, "height": 740})
        page = context.new_page()
        page.goto(base + "es/qualify/torture-definition/")
        text = page.locator(".cat-citation__text")
        text.scroll_into_view_if_needed()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, "the page scrolls sideways"
        box = text.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360
        text.click()
        assert page.evaluate("getSelection().toString()").strip() == text.inner_text().strip(), \
            "one click should select the whole citation, ready to copy"
        page.emulate_media(media="print")
        assert page.locator(".cat-citation").is_visible() and text.is_visible()
        assert page.locator(".cat-citation .headerlink").is_hidden()
        context.close()


@pytest.mark.parametrize("page_url, expected", [
    ("qualify/torture-definition/", "https://example.org/guide/qualify/torture-definition/"),
    ("", "https://example.org/guide/"),
    # The offline copy is built with file names; its citations still give the web address.
    ("qualify/torture-definition.html", "https://example.org/guide/qualify/torture-definition/"),
    ("evidence/index.html", "https://example.org/guide/evidence/"),
    ("index.html", "https://example.org/guide/"),
])
def test_citations_give_the_web_address(page_url, expected):
    from macros.citation import page_address
    assert page_address("https://example.org/guide/", page_url) == expected
