"""Tables and lists generated from data/: real table markup, in the page's language."""

from __future__ import annotations

import pytest
import yaml

from site_reader import ROOT, article, built_path, languages

READS_PAGES_ONLY = True  # reads only the built pages: runs while the PDFs are made (tests/conftest.py)

TABLE_PAGES = {
    "qualify/cat-asylum-withholding.md": "protections.yml",
    "qualify/withholding-vs-deferral.md": "protections.yml",
    "evidence/index.md": "evidence.yml",
    "reference/deadlines.md": "deadlines.yml",
    "reference/forms.md": "forms.yml",
    "international/index.md": "jurisdictions.yml",
}


def data(name):
    return yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", languages())
@pytest.mark.parametrize("page", sorted(TABLE_PAGES))
def test_generated_tables_are_accessible_tables(site, lang, page):
    body = article(built_path(site, lang, page))
    tables = body.select("table.cat-data")
    assert tables, f"{page} ({lang}) has no generated table"
    for table in tables:
        caption = table.find("caption")
        assert caption and caption.get_text(strip=True)
        wrapper = table.parent
        assert wrapper.get("role") == "region" and wrapper.get("tabindex") == "0"
        assert wrapper.get("aria-labelledby") == caption["id"]
        assert all(th.get("scope") == "col" for th in table.select("thead th"))
        rows = table.select("tbody tr")
        assert rows and all(row.find("th", attrs={"scope": "row"}) for row in rows)


@pytest.mark.parametrize("lang", languages())
def test_comparison_table_shows_every_cell_in_the_page_language_with_citations(site, lang):
    table_data = data("protections.yml")
    sources = {s["key"]: s for s in data("sources.yml")}
    table = article(built_path(site, lang, "qualify/cat-asylum-withholding.md")).select_one("table.cat-data")
    headers = [th.get_text(strip=True) for th in table.select("thead th")][1:]
    assert headers == [c["name"][lang] for c in table_data["columns"]]
    rows = table.select("tbody tr")
    assert len(rows) == len(table_data["rows"])
    for row, row_data in zip(rows, table_data["rows"]):
        assert row.th.get_text(strip=True) == row_data["label"][lang]
        for td, column in zip(row.find_all("td"), table_data["columns"]):
            cell = row_data["cells"][column["key"]]
            assert cell["text"][lang].split()[0] in td.get_text()
            cites = [c.get_text() for c in td.select(".cat-cite")]
            assert cites == [sources[k]["short"] for k in cell["sources"]]


def test_withholding_versus_deferral_table_has_only_the_two_cat_columns(site):
    table = article(built_path(site, "en", "qualify/withholding-vs-deferral.md")).select_one("table.cat-data")
    names = {c["key"]: c["name"]["en"] for c in data("protections.yml")["columns"]}
    headers = [th.get_text(strip=True) for th in table.select("thead th")][1:]
    assert headers == [names["cat_withholding"], names["cat_deferral"]]


@pytest.mark.parametrize("lang", languages())
def test_glossary_page_lists_every_term_with_an_anchor(site, lang):
    glossary = article(built_path(site, lang, "reference/glossary.md"))
    entries = data("glossary.yml")
    for entry in entries:
        term = glossary.find("dt", id=entry["key"])
        assert term is not None, f"glossary ({lang}) has no entry for {entry['key']}"
        assert entry["term"][lang] in term.get_text()
        assert term.find_next_sibling("dd").get_text().startswith(entry["definition"][lang][:40])


@pytest.mark.parametrize("lang", languages())
def test_glossary_abbreviations_are_tooltips_on_every_page(site, lang):
    abbrs = {e["abbr"]: e["term"][lang] for e in data("glossary.yml") if e.get("abbr")}
    page = article(built_path(site, lang, "reference/glossary.md"))
    found = {a.get_text(): a.get("title") for a in page.find_all("abbr") if a.get("title")}
    assert found.get("CAT") == abbrs["CAT"], "the abbreviation CAT has no tooltip in its language"
    other = article(built_path(site, lang, "qualify/cat-asylum-withholding.md"))
    assert any(a.get("title") == abbrs["CAT"] for a in other.find_all("abbr"))


@pytest.mark.parametrize("lang", languages())
def test_sources_page_lists_every_source_with_its_official_link(site, lang):
    page = article(built_path(site, lang, "reference/sources.md"))
    for source in data("sources.yml"):
        item = page.find("li", id=f"source-{source['key']}")
        assert item is not None, source["key"]
        assert source["citation"] in item.get_text()
        assert item.find("a")["href"] == source["url"]


@pytest.mark.parametrize("lang", languages())
def test_updates_are_dated_and_newest_first(site, lang):
    page = article(built_path(site, lang, "reference/updates.md"))
    # the first <time> of each item is its date; a later one is when it was checked
    dates = [t["datetime"] for t in page.select("ul.cat-updates > li > time:first-child")]
    assert len(dates) == len(data("updates.yml"))
    assert dates == sorted(dates, reverse=True)
