"""The Spanish edition is complete: every page, every data string, every interface string."""

from __future__ import annotations

import re

import pytest
import yaml
from bs4 import BeautifulSoup

from site_reader import ROOT, article, built_path, soup, source_pages

DATA_FILES = ["protections.yml", "evidence.yml", "glossary.yml", "deadlines.yml", "forms.yml",
              "jurisdictions.yml", "updates.yml", "faq.yml", "ui.yml", "diagrams.yml"]
# Interface text Material or this project would show in English if a translation were missing.
ENGLISH_INTERFACE = ["Search", "Skip to content", "Back to top", "Table of contents", "Previous", "Next",
                     "Select language", "Last reviewed", "Sources", "In short", "For advocates",
                     "Official text", "Read more", "Link to this section", "Made with", "Copy to clipboard",
                     "Switch to dark mode", "Switch to light mode", "Initializing search", "Type to start searching",
                     "Navigation", "Header", "Footer"]
ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "data-clipboard-text")


def test_every_english_page_has_a_spanish_page():
    missing = sorted(set(source_pages("en")) - set(source_pages("es")))
    assert missing == [], f"pages not yet translated into Spanish: {missing}"


@pytest.mark.parametrize("md", source_pages("en"))
def test_spanish_page_is_spanish_and_shows_no_fallback(site, md):
    page = soup(built_path(site, "es", md))
    assert page.html["lang"] == "es"
    assert page.select_one(".cat-fallback") is None


def _strings(node, path=""):
    """Every per-language string in a data structure: dicts that have an `en` key."""
    if isinstance(node, dict):
        if "en" in node and isinstance(node["en"], str):
            yield path, node
        else:
            for key, value in node.items():
                yield from _strings(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            label = value.get("key", i) if isinstance(value, dict) else i
            yield from _strings(value, f"{path}[{label}]")


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_data_string_has_spanish(name):
    data = yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))
    strings = list(_strings(data))
    assert strings, f"{name}: no translatable strings found"
    bad = [path for path, text in strings if not str(text.get("es", "")).strip()]
    assert not bad, f"{name}: strings without Spanish: {bad}"


def _interface_texts(page) -> list[str]:
    """Visible chrome text and labels, leaving out the article's own prose (which may quote English)."""
    texts = []
    for el in page.select("header, nav, footer, .md-sidebar, .md-search, .md-top, .cat-page-status, "
                          "article h2#sources, article .admonition-title"):
        texts.append(el.get_text(" ", strip=True))
    for el in page.find_all(True):
        texts += [el[attr] for attr in ATTRIBUTES if el.has_attr(attr) and isinstance(el[attr], str)]
    return texts


@pytest.mark.parametrize("md", source_pages("en"))
def test_spanish_pages_show_no_english_interface_text(site, md):
    page = soup(built_path(site, "es", md))
    found = set()
    for text in _interface_texts(page):
        for english in ENGLISH_INTERFACE:
            if re.search(rf"(?<![\w-]){re.escape(english)}(?![\w-])", text):
                found.add(english)
    assert not found, f"es/{md} shows English interface text: {sorted(found)}"


def test_generated_tables_are_in_spanish_on_spanish_pages(site):
    protections = yaml.safe_load((ROOT / "data" / "protections.yml").read_text(encoding="utf-8"))
    table = article(built_path(site, "es", "qualify/cat-asylum-withholding.md")).find("table")
    headers = [th.get_text(strip=True) for th in table.select("thead th")]
    for column in protections["columns"]:
        assert column["name"]["es"] in headers
        assert column["name"]["en"] not in headers or column["name"]["en"] == column["name"]["es"]


# A line must not break inside "EE. UU." or between a number and "%" (they split on a phone):
# the space there is a non-breaking one (U+00A0), written as the character itself in Markdown and YAML.
BREAKABLE_SPACE = r"[^\S\u00a0]+"  # any whitespace (spaces, line breaks) except U+00A0
SPLITTABLE = {
    '"EE. UU." with a normal space': re.compile(rf"EE\.{BREAKABLE_SPACE}UU\."),
    'a number and "%" with a normal space': re.compile(rf"\d{BREAKABLE_SPACE}%"),
}


def _visible_text(page) -> str:
    """A built page's text as a reader sees it (head and body), without scripts or styles."""
    for node in page.find_all(["script", "style", "noscript"]):
        node.extract()
    texts = [page.get_text("")]
    texts += [el[attr] for el in page.find_all(True) for attr in ("content", "title", "aria-label", "alt")
              if el.has_attr(attr) and isinstance(el[attr], str)]
    return "\n".join(texts)


@pytest.mark.parametrize("md", source_pages("es"))
def test_spanish_pages_keep_ee_uu_and_percent_together(site, md):
    path = built_path(site, "es", md)
    text = _visible_text(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser"))
    found = {}
    for name, pattern in SPLITTABLE.items():
        hits = [re.sub(r"\s+", " ", text[max(0, m.start() - 30):m.end() + 10]) for m in pattern.finditer(text)]
        if hits:
            found[name] = hits[:5]
    assert not found, (f"es/{md}: write U+00A0 (non-breaking space) in " + "; ".join(
        f"{name}, e.g. {hits}" for name, hits in found.items()))


def test_the_non_breaking_space_check_finds_normal_spaces():
    assert SPLITTABLE['"EE. UU." with a normal space'].search("en EE. UU. hay")
    assert SPLITTABLE['"EE. UU." with a normal space'].search("en EE.\nUU. hay")
    assert not SPLITTABLE['"EE. UU." with a normal space'].search("en EE.\u00a0UU. hay")
    assert SPLITTABLE['a number and "%" with a normal space'].search("más del 50 %")
    assert not SPLITTABLE['a number and "%" with a normal space'].search("más del 50\u00a0%")
