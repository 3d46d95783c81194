"""Every page, in every language: built, in the right language, dated, described."""

from __future__ import annotations

import pytest

from site_reader import article, built_path, languages, source_pages, soup

READS_PAGES_ONLY = True  # reads only the built pages: runs while the PDFs are made (tests/conftest.py)

DEFAULT = languages()[0]
OTHERS = languages()[1:]


@pytest.mark.parametrize("lang", languages())
def test_every_page_is_built_with_its_language_date_and_disclaimer(site, lang):
    for md in source_pages(DEFAULT):
        path = built_path(site, lang, md)
        assert path.is_file(), f"{md} was not built for '{lang}'"
        page = soup(path)
        assert page.html["lang"] == lang, f"{path}: lang is {page.html['lang']!r}"
        status = page.select_one(".cat-page-status")
        assert status is not None and status.find("time", attrs={"datetime": True}), f"{path}: no last-reviewed date"
        description = page.find("meta", attrs={"name": "description"})
        assert description and description["content"].strip(), f"{path}: no meta description"


@pytest.mark.parametrize("lang", OTHERS)
def test_translated_pages_exist_for_every_english_page(lang):
    """A translation may be unfinished; fallback pages are listed by test_languages."""
    assert set(source_pages(lang)) <= set(source_pages(DEFAULT)), \
        f"docs/{lang} has pages that docs/{DEFAULT} does not: {set(source_pages(lang)) - set(source_pages(DEFAULT))}"


def test_page_titles_are_used_in_the_browser_title(site):
    page = soup(built_path(site, DEFAULT, "reference/glossary.md"))
    assert page.title.string.startswith("Glossary")
    page = soup(built_path(site, "es", "reference/glossary.md"))
    assert page.title.string.startswith("Glosario")


def test_pages_list_their_sources_with_official_links(site):
    page = article(built_path(site, DEFAULT, "qualify/cat-asylum-withholding.md"))
    heading = page.find(id="sources")
    assert heading is not None and heading.name == "h2"
    items = page.select("ul.cat-sources li")
    assert items, "the comparison page shows no sources"
    for item in items:
        assert item.find("a", href=lambda h: h and h.startswith("https://")), item
