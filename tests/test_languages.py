"""Languages: same page across languages, same anchors, own search, fallback with notice."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from macros.data import parse_yaml
from site_reader import ROOT, article, built_path, languages, source_pages, soup

READS_PAGES_ONLY = True  # reads only the built pages: runs while the PDFs are made (tests/conftest.py)

DEFAULT = languages()[0]
SEARCH_LANGUAGE = {"ht": "en"}
OTHERS = languages()[1:]
HEADINGS = "h2[id], h3[id], h4[id]"


def untranslated(lang: str) -> list[str]:
    return sorted(set(source_pages(DEFAULT)) - set(source_pages(lang)))


@pytest.mark.parametrize("lang", languages())
def test_language_selector_links_to_the_same_page_in_each_language(site, lang):
    for md in source_pages(DEFAULT):
        path = built_path(site, lang, md)
        links = soup(path).select("a.md-select__link")
        assert [a["hreflang"] for a in links] == list(languages())
        for link in links:
            target = (path.parent / link["href"]).resolve()
            target = target / "index.html" if target.is_dir() else target
            assert target == built_path(site, link["hreflang"], md).resolve(), f"{path}: {link['href']}"
        current = [a["hreflang"] for a in links if a.get("aria-current") == "true"]
        assert current == [lang]


@pytest.mark.parametrize("lang", OTHERS)
def test_heading_anchors_are_the_same_in_every_language(site, lang):
    """Clinics deep-link to sections (#evidence): the ids must not change with the language."""
    for md in source_pages(lang):
        ours = [h["id"] for h in article(built_path(site, DEFAULT, md)).select(HEADINGS)]
        theirs = [h["id"] for h in article(built_path(site, lang, md)).select(HEADINGS)]
        assert ours == theirs, f"{md}: heading ids differ between {DEFAULT} and {lang}"


@pytest.mark.parametrize("lang", OTHERS)
def test_untranslated_pages_fall_back_with_a_notice_in_the_reader_language(site, lang):
    ui = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))
    notice = ui["strings"]["fallback_notice"][lang]
    for md in source_pages(DEFAULT):
        body = article(built_path(site, lang, md))
        shown = body.select_one(".cat-fallback")
        if md in untranslated(lang):
            assert shown is not None and shown.get_text(strip=True) == notice, md
        else:
            assert shown is None, f"{md} is translated but shows the fallback notice"


@pytest.mark.parametrize("lang", OTHERS)
def test_navigation_section_titles_are_translated(site, lang):
    ui = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))
    page = soup(built_path(site, lang, "index.md"))
    # A closed section is one link (navigation.prune), an open one a label over its pages.
    labels = {el.get_text(strip=True) for el in page.select("nav.md-nav--primary .md-nav__link")}
    for english, titles in ui["nav"].items():
        assert titles[lang] in labels, f"section {english!r} is not shown as {titles[lang]!r}"


@pytest.mark.parametrize("lang", languages())
def test_each_language_has_its_own_search_index(site, lang):
    root = site if lang == DEFAULT else site / lang
    index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
    # Haitian Creole has no lunr stemmer: its search is set up as for English (ht.html in overrides/).
    assert index["config"]["lang"] == [SEARCH_LANGUAGE.get(lang, lang)]
    titles = {doc["title"] for doc in index["docs"]}
    glossary = soup(built_path(site, lang, "reference/glossary.md")).select_one("article h1").get_text(strip=True)
    assert glossary.rstrip("¶") in titles
    for other in languages():
        if other != lang:
            assert not any(doc["location"].startswith(f"{other}/") for doc in index["docs"])


# A word with marks that each translated edition uses, and the same word without them.
FOLDED = {"es": ("protección", "proteccion"), "pt": ("proteção", "protecao"), "ht": ("tòti", "toti")}


@pytest.mark.parametrize("lang", OTHERS)
def test_search_index_holds_unaccented_forms_of_accented_words(site, lang):
    index = json.loads((site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"])
    accented, folded = FOLDED[lang]
    assert accented in text and re.search(rf"\b{folded}\b", text)


def _add_language_strings(node, lang: str, source: str):
    """Give every per-language string in a data structure a `lang` entry (copied from `source`)."""
    if isinstance(node, dict):
        if source in node and isinstance(node[source], (str, list)):
            node[lang] = node[source]
        for value in list(node.values()):
            _add_language_strings(value, lang, source)
    elif isinstance(node, list):
        for value in node:
            _add_language_strings(value, lang, source)


def test_a_new_language_needs_only_files_and_strings(project_copy, tmp_path):
    """CONTRIBUTING's steps for another language (Mam, heard in US courts from Guatemala), and no
    code change, give a working edition in which every page falls back to English with a notice."""
    from conftest import run_build

    config = (project_copy / "mkdocs.yml").read_text(encoding="utf-8")
    last = yaml.load(config, Loader=yaml.BaseLoader)["extra"]["alternate"][-1]["lang"]
    config = config.replace(f"      lang: {last}\n",
                            f"      lang: {last}\n    - name: Mam\n      link: /mam/\n      lang: mam\n", 1)
    (project_copy / "mkdocs.yml").write_text(config, encoding="utf-8")
    (project_copy / "docs" / "mam").mkdir()
    for path in (project_copy / "data").glob("*.yml"):
        data = parse_yaml(path.read_text(encoding="utf-8"))  # as the build reads it (`on:` stays a word)
        _add_language_strings(data, "mam", DEFAULT)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with open(project_copy / "data" / "editions.yml", "a", encoding="utf-8") as editions:
        editions.write("- key: mam\n  translated_from: 2026-12-01\n")
    # Material has no Mam interface strings: CONTRIBUTING says to add this file.
    import material  # the installed Material for MkDocs, wherever the Python version put it

    material = Path(material.__file__).parent / "templates" / "partials" / "languages" / "es.html"
    partial = project_copy / "overrides" / "partials" / "languages" / "mam.html"
    partial.parent.mkdir(parents=True, exist_ok=True)
    partial.write_text(material.read_text(encoding="utf-8").replace('"language": "es"', '"language": "mam"'),
                       encoding="utf-8")

    site = tmp_path / "site"
    result = run_build(project_copy, site)
    assert result.returncode == 0, result.stdout + result.stderr
    page = soup(site / "mam" / "qualify" / "torture-definition" / "index.html")
    assert page.html["lang"] == "mam"
    assert page.select_one(".cat-fallback") is not None
    assert [a["hreflang"] for a in page.select("a.md-select__link")] == [*languages(), "mam"]
