"""Every section heading (h2-h4) offers a permalink a clinic can copy, on every page and in every
language, generated headings included (FAQ questions, checklist items, Sources, Cite this page)."""

from __future__ import annotations

import pytest
import yaml

from site_reader import ROOT, article, built_path, languages, source_pages

READS_PAGES_ONLY = True  # reads only the built pages: runs while the PDFs are made (tests/conftest.py)

UI = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))["strings"]


def missing_permalinks(body, lang: str) -> list[str]:
    problems = []
    for heading in body.select("h2, h3, h4"):
        if heading.find_parent("template"):
            continue  # a pattern a script copies, not a heading on the page
        link = heading.find("a", class_="headerlink", recursive=False)
        if not heading.get("id"):
            problems.append(f"{heading.name} {heading.get_text(strip=True)!r} has no id")
        elif link is None or link.get("href") != f"#{heading['id']}":
            problems.append(f"{heading.name}#{heading['id']} has no permalink to itself")
        elif link.get("title") != UI["permalink_title"][lang]:
            problems.append(f"{heading.name}#{heading['id']}: permalink title {link.get('title')!r}")
    return problems


@pytest.mark.parametrize("lang", languages())
def test_every_section_heading_has_a_permalink(site, lang):
    problems = []
    for md in source_pages(languages()[0]):
        problems += [f"{lang}/{md}: {p}" for p in missing_permalinks(article(built_path(site, lang, md)), lang)]
    assert not problems, "\n".join(problems[:40])


@pytest.mark.parametrize("lang", languages())
def test_generated_headings_are_among_those_checked(site, lang):
    """The headings that macros write (not the page's author) are real, linkable headings."""
    faq = article(built_path(site, lang, "reference/faq.md"))
    questions = yaml.safe_load((ROOT / "data" / "faq.yml").read_text(encoding="utf-8"))
    assert [h["id"] for h in faq.select("h3[id]")] == [q["key"] for q in questions]  # grouped in the file
    topics = list(dict.fromkeys(q["topic"] for q in questions))
    assert [h["id"] for h in faq.select("h2[id]") if h["id"] in topics] == topics
    for question in questions:  # each under its topic's heading
        assert faq.find("h3", id=question["key"]).find_previous("h2")["id"] == question["topic"], question["key"]
    checklist = article(built_path(site, lang, "evidence/checklist.md"))
    evidence = yaml.safe_load((ROOT / "data" / "evidence.yml").read_text(encoding="utf-8"))
    assert all(checklist.find(["h2", "h3"], id=e["key"].replace("_", "-")) for e in evidence)
    for md in source_pages(languages()[0]):
        body = article(built_path(site, lang, md))
        assert body.find("h2", id="cite-this-page"), md
    assert article(built_path(site, lang, "qualify/torture-definition.md")).find("h2", id="sources")


def test_the_check_finds_a_heading_without_a_permalink():
    from bs4 import BeautifulSoup

    body = BeautifulSoup('<h2 id="a">A<a class="headerlink" href="#a" title="Link to this section">¶</a></h2>'
                         '<h3 id="b">B</h3><h4>C</h4><template><h3>T</h3></template>', "html.parser")
    assert missing_permalinks(body, "en") == ["h3#b has no permalink to itself", "h4 'C' has no id"]
