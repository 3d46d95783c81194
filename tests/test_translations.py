"""Every translated edition is complete: every page, every data string, every interface string,
the same structure as the English page, and a status line that says where the edition stands."""

from __future__ import annotations

import re
import sys

import pytest
import yaml
from bs4 import BeautifulSoup

from site_reader import ROOT, article, built_path, languages, soup, source_pages

READS_PAGES_ONLY = True  # reads only the built pages: runs while the PDFs are made (tests/conftest.py)

sys.path.insert(0, str(ROOT / "scripts"))
import check_translation  # noqa: E402

TRANSLATED = languages()[1:]

DATA_FILES = sorted(p.name for p in (ROOT / "data").glob("*.yml"))
# Interface text Material or this project would show in English if a translation were missing.
ENGLISH_INTERFACE = ["Search", "Skip to content", "Back to top", "Table of contents", "Previous", "Next",
                     "Select language", "Last reviewed", "Sources", "In short", "For advocates",
                     "Official text", "Read more", "Link to this section", "Made with", "Copy to clipboard",
                     "Switch to dark mode", "Switch to light mode", "Initializing search", "Type to start searching",
                     "Navigation", "Header", "Footer"]
ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "data-clipboard-text")


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_english_page_is_translated(lang):
    missing = sorted(set(source_pages("en")) - set(source_pages(lang)))
    assert missing == [], f"pages not yet translated into '{lang}': {missing}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_keep_the_english_pages_structure(lang):
    """Same section ids, macros, boxes and page links as English (scripts/check_translation.py)."""
    problems = check_translation.check(lang, source_pages("en"))
    assert not problems, "\n".join(problems)


def test_the_structure_check_finds_a_lost_section_id_and_macro():
    english = "---\ntitle: A\n---\n# A\n## B { #b }\n{{ faq() }}\n!!! info \"For advocates\"\n    x\n"
    translated = "---\ntitle: Á\n---\n# Á\n## B\n!!! info \"Para advogados\"\n    x\n"
    found = check_translation.differences(english, translated)
    assert any("section ids: missing ['b']" in line for line in found), found
    assert any("macros: missing" in line for line in found), found
    assert check_translation.differences(english, english) == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translated_pages_are_in_their_language_and_show_no_fallback(site, lang):
    wrong = []
    for md in source_pages("en"):
        page = soup(built_path(site, lang, md))
        if page.html["lang"] != lang or page.select_one(".cat-fallback") is not None:
            wrong.append(md)
    assert not wrong, f"{lang}: pages shown in another language or as a fallback: {wrong}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_translated_page_says_where_its_edition_stands(site, lang):
    """Translated from which English edition, and whether a native-speaking legal reviewer read it
    (data/editions.yml); the English pages carry no such line."""
    editions = {e["key"]: e for e in yaml.safe_load((ROOT / "data" / "editions.yml").read_text(encoding="utf-8"))}
    day = str(editions[lang]["translated_from"])
    missing = [md for md in source_pages("en")
               if soup(built_path(site, lang, md)).select_one(f".cat-page-status .cat-edition time[datetime='{day}']") is None]
    assert not missing, f"{lang}: pages without the edition's status line: {missing}"
    assert soup(built_path(site, "en", "index.md")).select_one(".cat-edition") is None


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
def test_every_data_string_is_translated(name):
    data = yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))
    strings = list(_strings(data))
    if name in ("redirects.yml", "terms.yml", "editions.yml"):
        assert not strings, f"{name} was expected to hold no translated strings"
        return
    assert strings, f"{name}: no translatable strings found"
    bad = [f"{path} ({lang})" for path, text in strings for lang in TRANSLATED if not str(text.get(lang, "")).strip()]
    assert not bad, f"{name}: strings without a translation: {bad}"


def _interface_texts(page) -> list[str]:
    """Visible chrome text and labels, leaving out the article's own prose (which may quote English)."""
    texts = []
    for el in page.select("header, nav, footer, .md-sidebar, .md-search, .md-top, .cat-page-status, "
                          "article h2#sources, article .admonition-title"):
        texts.append(el.get_text(" ", strip=True))
    for el in page.find_all(True):
        texts += [el[attr] for attr in ATTRIBUTES if el.has_attr(attr) and isinstance(el[attr], str)]
    return texts


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translated_pages_show_no_english_interface_text(site, lang):
    found = {}
    for md in source_pages("en"):
        page = soup(built_path(site, lang, md))
        for text in _interface_texts(page):
            for english in ENGLISH_INTERFACE:
                if re.search(rf"(?<![\w-]){re.escape(english)}(?![\w-])", text):
                    found.setdefault(md, set()).add(english)
    assert not found, f"{lang} pages show English interface text: " + "; ".join(
        f"{md}: {sorted(words)}" for md, words in sorted(found.items()))


@pytest.mark.parametrize("lang", TRANSLATED)
def test_generated_tables_are_in_the_pages_language(site, lang):
    protections = yaml.safe_load((ROOT / "data" / "protections.yml").read_text(encoding="utf-8"))
    table = article(built_path(site, lang, "qualify/cat-asylum-withholding.md")).find("table")
    headers = [th.get_text(strip=True) for th in table.select("thead th")]
    for column in protections["columns"]:
        assert column["name"][lang] in headers
        assert column["name"]["en"] not in headers or column["name"]["en"] == column["name"][lang]


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
