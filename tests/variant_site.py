"""The one other build the tests make of the whole project: a quick build (CAT_GUIDE_QUICK=1,
no PDFs, no offline copy) of a copy of the project with a few harmless changes, all made at
once, so that several tests share one build instead of building a copy each.

Each change names the tests that read what it does. None of them affects another: they touch
different files and different pages. tests/conftest.py builds it once per test run, in the
background, as it does the site (the `variant_site` fixture).
"""

from __future__ import annotations

from pathlib import Path

from conftest import read_project_data, write_project_data
from site_reader import languages

# A script typed into data, in English and in Spanish (tests/test_bad_input.py: shown as text, never run).
ATTACK = '<script>alert("data")</script>'
# Pages moved to a new address (tests/test_redirects.py: the old address leads to the new page).
MOVES = {"start/old-name.md": "start/what-is-cat.md", "old-faq.md": "reference/faq.md"}
# A language with terms but no pages (tests/test_terms.py: accepted, nothing built for it).
TERMS_ONLY_LANGUAGE = "fr"


def make_changes(project: Path) -> None:
    glossary = read_project_data(project, "glossary.yml")
    glossary[0]["definition"]["en"] = f"Plain words {ATTACK} more words"
    write_project_data(project, "glossary.yml", glossary)
    table = read_project_data(project, "protections.yml")
    table["rows"][0]["cells"]["cat_deferral"]["text"]["es"] = f"Texto {ATTACK}"
    write_project_data(project, "protections.yml", table)

    with (project / "data" / "redirects.yml").open("a", encoding="utf-8") as out:
        out.writelines(f"{old}: {new}\n" for old, new in MOVES.items())

    # An icon that only the default language's footer shows (tests/test_page_frame.py: each
    # language's sprite has its own pages' icons).
    footer = project / "overrides" / "partials" / "copyright.html"
    footer.write_text(footer.read_text(encoding="utf-8") + f'{{% if config.theme.language == "{languages()[0]}" %}}'
                      '{% include ".icons/material/alert.svg" %}{% endif %}\n', encoding="utf-8")

    terms = project / "data" / "terms.yml"
    terms.write_text(terms.read_text(encoding="utf-8") + f"\n- key: {TERMS_ONLY_LANGUAGE}-first\n  concept: x\n"
                     f"  terms:\n    {TERMS_ONLY_LANGUAGE}:\n      use: plus probable qu'improbable\n",
                     encoding="utf-8")
