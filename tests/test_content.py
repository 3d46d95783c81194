"""Content standards: plain language for applicants, an "In short" summary, no common errors."""

from __future__ import annotations

import re
import sys

import pytest
import yaml

from site_reader import ROOT, article, built_path, source_pages

sys.path.insert(0, str(ROOT / "scripts"))
import readability  # noqa: E402

MAX_GRADE = 10  # Flesch-Kincaid; the target is 8, the tests fail above 10
SUMMARY_EXEMPT = {"reference/glossary.md", "reference/sources.md", "reference/deadlines.md",
                  "reference/forms.md", "reference/updates.md", "reference/faq.md",
                  "index.md"}  # the home page opens with the entries by situation (tests/test_situations.py)

# Statements that popular articles get wrong (see the legal brief, part D).
MYTHS = {
    r"\b51 ?%": "the standard is 'more than 50%', not a 51% floor",
    r"(INS|USCIS) immigration judge": "immigration judges belong to the Justice Department (EOIR)",
    r"granted asylum under (the )?CAT": "CAT gives withholding or deferral of removal, not asylum",
    r"\b10 ?% (minimum|threshold)": "Cardoza-Fonseca's 10% was an example, not a minimum",
}


def front_matter(lang: str, md: str) -> dict:
    text = (ROOT / "docs" / lang / md).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1])


def test_readability_formulas_rank_plain_text_below_legal_text():
    plain = "You can ask a judge for help. Tell the truth. Bring your papers."
    legal = ("The applicant bears the burden of establishing, by a preponderance of the evidence, "
             "that governmental acquiescence in the anticipated mistreatment is substantially probable.")
    assert readability.flesch_kincaid_grade(plain) < 4 < 14 < readability.flesch_kincaid_grade(legal)
    assert readability.fernandez_huerta("Usted puede pedir ayuda. Diga la verdad.") > 80 > \
        readability.fernandez_huerta("La responsabilidad probatoria corresponde al solicitante internacional.")
    # A line wrapped in the source is one sentence, not two; a list item is its own block.
    assert readability.sentences(readability.page_text("One sentence that\nwraps here.\n\n- An item\n")) == 2
    assert "8 C.F.R." not in readability.page_text('!!! info "For advocates"\n    8 C.F.R. § 1208.18\n\nPlain.\n')


APPLICANT_PAGES = [md for md in source_pages("en") if front_matter("en", md)["audience"] == "applicant"]


def test_most_pages_are_written_for_applicants():
    assert len(APPLICANT_PAGES) > len(source_pages("en")) / 2


@pytest.mark.parametrize("md", APPLICANT_PAGES)
def test_applicant_pages_are_plain_english(md):
    grade = readability.flesch_kincaid_grade(readability.page_text((ROOT / "docs/en" / md).read_text(encoding="utf-8")))
    assert grade <= MAX_GRADE, f"{md}: Flesch-Kincaid grade {grade:.1f} is above {MAX_GRADE}"


def test_applicant_pages_open_with_an_in_short_summary(site):
    missing = []
    for md in source_pages("en"):
        if md in SUMMARY_EXEMPT or front_matter("en", md)["audience"] != "applicant":
            continue
        body = article(built_path(site, "en", md))
        first = body.select_one(".cat-page-status").find_next_sibling()
        if not (first and "admonition" in first.get("class", []) and "abstract" in first.get("class", [])):
            missing.append(md)
    assert not missing, f"applicant pages without an 'In short' box right after the title: {missing}"


def test_pages_do_not_repeat_common_errors(site):
    found = []
    for md in source_pages("en"):
        text = article(built_path(site, "en", md)).get_text(" ")
        found += [f"{md}: {why}" for pattern, why in MYTHS.items() if re.search(pattern, text, re.I)]
    assert not found, "\n".join(found)


MIN_EASE_ES = 70  # Fernández-Huerta: 70-80 "fairly easy", 80+ "easy"
SPANISH_APPLICANT_PAGES = [md for md in source_pages("es") if front_matter("es", md)["audience"] == "applicant"]


@pytest.mark.parametrize("md", SPANISH_APPLICANT_PAGES)
def test_spanish_applicant_pages_read_easy_or_fairly_easy(md):
    ease = readability.fernandez_huerta(readability.page_text((ROOT / "docs/es" / md).read_text(encoding="utf-8")))
    assert ease >= MIN_EASE_ES, f"es/{md}: Fernández-Huerta {ease:.1f} is below {MIN_EASE_ES}"
