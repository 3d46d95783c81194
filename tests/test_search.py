"""Search answers from the text: the sections every page ends with (sources, "Cite this page")
are left out of the index (macros/search.py, sitebuild/languages/search_folding.py), and a
reader's words for their situation find the page that explains it first, in each language."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from browser import search, serve
from macros.search import BOILERPLATE_ANCHORS, is_boilerplate
from site_reader import article, built_path, language_root, languages

READS_PAGES_ONLY = True  # reads only the built pages: runs while the PDFs are made (tests/conftest.py)

# (language, what a reader types, the page that must come first)
QUERIES = [
    ("en", "third country", "after/third-country-removal/"),
    ("en", "domestic violence", "qualify/government-involvement/"),
    ("en", "denied", "after/if-denied/"),
    ("en", "detained", "process/detention/"),
    ("en", "asylum merits interview", "process/asylum-merits-interview/"),
    ("es", "tercer país", "after/third-country-removal/"),
    ("es", "violencia doméstica", "qualify/government-involvement/"),
    ("es", "negaron", "after/if-denied/"),
    ("es", "detenido", "process/detention/"),
    ("es", "entrevista de méritos de asilo", "process/asylum-merits-interview/"),
    ("pt", "terceiro país", "after/third-country-removal/"),
    ("pt", "violência doméstica", "qualify/government-involvement/"),
    ("pt", "negada", "after/if-denied/"),
    ("pt", "detido", "process/detention/"),
    ("pt", "entrevista de mérito do asilo", "process/asylum-merits-interview/"),
    ("ht", "twazyèm peyi", "after/third-country-removal/"),
    ("ht", "vyolans lakay", "qualify/government-involvement/"),
    ("ht", "refize", "after/if-denied/"),
    ("ht", "detansyon", "process/detention/"),
    ("ht", "entèvyou sou fon ka azil", "process/asylum-merits-interview/"),
]


def test_closing_sections_are_recognised_by_their_anchor():
    assert is_boilerplate({"location": "qualify/torture-definition/#sources"})
    assert is_boilerplate({"location": "#cite-this-page"})
    assert not is_boilerplate({"location": "reference/sources/"})  # the page of every source is text
    assert not is_boilerplate({"location": "evidence/#sources-of-evidence"})
    assert not is_boilerplate({"location": "sources"})


@pytest.mark.parametrize("lang", languages())
def test_search_index_leaves_out_sources_and_citations_that_pages_still_show(site, lang):
    index = json.loads((language_root(site, lang) / "search" / "search_index.json").read_text(encoding="utf-8"))
    left_in = [d["location"] for d in index["docs"] if is_boilerplate(d)]
    assert not left_in, left_in[:10]
    assert len(index["docs"]) > 100
    page = article(built_path(site, lang, "qualify/torture-definition.md"))
    for anchor in BOILERPLATE_ANCHORS:
        assert page.find(id=anchor) is not None, f"the page lost its #{anchor} section"


@pytest.mark.parametrize("lang", languages())
def test_search_index_leaves_out_the_finders_steps_but_finds_the_finder(site, lang):
    """The finder's questions and results (macros/finder.py) sum up pages that search finds, and
    are hidden until the reader reaches them: only the finder page itself is in the index."""
    index = json.loads((language_root(site, lang) / "search" / "search_index.json").read_text(encoding="utf-8"))
    finder = [d for d in index["docs"] if d["location"].startswith("tools/finder/")]
    page = article(built_path(site, lang, "tools/finder.md"))
    steps = page.select(".cat-finder [id]")
    assert len(steps) > 20, "the finder has lost its steps"
    step_ids = {element["id"] for element in steps}
    assert not [d["location"] for d in finder if d["location"].partition("#")[2] in step_ids]
    assert finder and finder[0]["title"] == page.h1.get_text(strip=True).removesuffix("¶")
    # The page's introduction only (about 2,000 characters; the steps were over 100,000).
    assert sum(len(d["text"]) for d in finder) < 4000, "the finder's steps are in the index"


@pytest.fixture(scope="module")
def browser_site(site, browser):
    with serve(site) as base:
        yield base, browser


@pytest.mark.browser
@pytest.mark.parametrize("lang", languages())
def test_a_situation_search_puts_the_page_that_explains_it_first(browser_site, lang):
    """Each of the language's situation searches (QUERIES), typed one after the other in one
    tab, as a reader who searches again would: the index is loaded once per language."""
    base, browser = browser_site
    root = "" if lang == languages()[0] else f"{lang}/"
    queries = [(query, expected) for query_lang, query, expected in QUERIES if query_lang == lang]
    assert queries, f"no situation searches for {lang}"
    failures = []
    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        tab.goto(base + root)
        for query, expected in queries:
            hrefs = search(tab, query)
            paths = [urlsplit(h).path for h in hrefs]
            if paths[:1] != ["/" + root + expected]:
                failures.append(f"{query!r}: {paths[:5]}")
            failures += [f"{query!r}: a closing section in the results: {h}" for h in hrefs
                         if urlsplit(h).fragment in BOILERPLATE_ANCHORS]
    finally:
        tab.close()
    assert not failures, "\n".join(failures)
