"""Every language uses the terms in data/terms.yml: an avoided variant on a built page or in a
data string of that language fails, naming where it is and the term to use instead."""

from __future__ import annotations

import pytest

from conftest import ROOT
from macros.data import load, parse_yaml
from macros.terms import avoided_in
from site_reader import article, built_path, languages, source_pages


@pytest.fixture(scope="module")
def terms():
    return load(ROOT / "data", languages()).terms


def report(findings: list[tuple[str, object]]) -> str:
    return "\n".join(f"{where}: '{f.variant}' (use '{f.use}': {f.why})" for where, f in findings)


@pytest.mark.parametrize("lang", languages())
def test_pages_use_the_termbase(site, terms, lang):
    findings = []
    for md in source_pages(lang):
        main = article(built_path(site, lang, md))
        if main is None:
            continue
        text = main.get_text(" ")
        findings += [(f"docs/{lang}/{md}", f) for f in avoided_in(text, lang, terms, page=md)]
    assert not findings, "avoided terms on pages:\n" + report(findings)


def language_strings(value, lang, path=""):
    """Every string in a data file written for `lang` (a mapping key equal to the language)."""
    if isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{key}" if path else str(key)
            if key == lang and isinstance(item, str):
                yield where, item
            else:
                yield from language_strings(item, lang, where)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            name = item.get("key", index + 1) if isinstance(item, dict) else index + 1
            yield from language_strings(item, lang, f"{path}[{name}]" if path else f"[{name}]")


@pytest.mark.parametrize("lang", languages())
def test_data_strings_use_the_termbase(terms, lang):
    findings = []
    for path in sorted((ROOT / "data").glob("*.yml")):
        if path.name == "terms.yml":
            continue
        for where, text in language_strings(parse_yaml(path.read_text(encoding="utf-8")), lang):
            findings += [(f"data/{path.name} {where}", f) for f in avoided_in(text, lang, terms)]
    assert not findings, "avoided terms in data:\n" + report(findings)


def test_a_variant_is_found_as_whole_words_only():
    terms = [{"key": "within-days", "terms": {"es": {"use": "dentro de los 30 días",
              "avoid": [{"text": "en 30 días", "why": "ambiguo"}]}}, "allow_on": ["reference/glossary.md"]}]
    assert [f.term for f in avoided_in("Apele en\n30 DÍAS.", "es", terms)] == ["within-days"]
    assert not avoided_in("dentro de los 30 días", "es", terms)
    assert not avoided_in("también 30 días", "es", terms)
    assert not avoided_in("Apele en 30 días.", "en", terms), "a variant belongs to its own language"
    assert not avoided_in("en 30 días", "es", terms, page="reference/glossary.md"), "allowed where explained"


def test_terms_of_a_language_without_pages_are_accepted(variant_site):
    """Terms may be gathered for a language before its pages exist: the variant build
    (tests/variant_site.py) has terms for one, and builds, with no pages for it."""
    from variant_site import TERMS_ONLY_LANGUAGE

    assert TERMS_ONLY_LANGUAGE not in languages()
    assert (variant_site / "index.html").is_file() and not (variant_site / TERMS_ONLY_LANGUAGE).exists()
