"""Content standards: plain language for applicants, an "In short" summary, no common errors."""

from __future__ import annotations

import re
import sys

import pytest
import yaml

from site_reader import ROOT, article, built_path, source_pages

READS_PAGES_ONLY = True  # reads only the built pages: runs while the PDFs are made (tests/conftest.py)

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
    assert "8 C.F.R." not in readability.page_text('!!! info "Pou avoka"\n    8 C.F.R. § 1208.18\n\nKlè.\n')
    assert readability.flesch_portuguese("Você pode pedir ajuda. Diga a verdade.") > 60 > 0 > \
        readability.flesch_portuguese("A responsabilidade probatória incumbe ao requerente internacionalmente protegido.")
    assert readability.portuguese_syllables("mão") == 1 and readability.portuguese_syllables("poeta") == 3
    assert readability.words_per_sentence("Mwen la. Ou la tou.") == 2.5
    assert readability.letters_per_word("Jij la ap tande ou.") == 2.8


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


# Each language's own measure, with a bar comparable to the English grade 8-10:
MIN_EASE_ES = 70  # Fernández-Huerta: 70-80 "fairly easy", 80+ "easy"
MIN_EASE_PT = 60  # Flesch adapted by Martins et al.: 50-75 "easy" (school years 5-8), 75+ "very easy"
# Haitian Creole has no validated formula: the two measures such formulas are made of. The English
# and Spanish applicant pages average 9-10 words per sentence (at most 12.4) and 4.3-4.5 letters
# per word (at most 4.9); Creole writes grammar as short separate words (te, ap, pral, la), so
# its words are shorter (3.7-4.3 letters on the pages of December 2026) for the same text.
MAX_WORDS_PER_SENTENCE_HT = 14
MAX_LETTERS_PER_WORD_HT = 4.6


def _applicant_text(lang: str) -> list[tuple[str, str]]:
    return [(md, readability.page_text((ROOT / "docs" / lang / md).read_text(encoding="utf-8")))
            for md in source_pages(lang) if front_matter(lang, md)["audience"] == "applicant"]


def test_spanish_applicant_pages_read_easy_or_fairly_easy():
    hard = [f"es/{md}: Fernández-Huerta {ease:.1f}" for md, text in _applicant_text("es")
            if (ease := readability.fernandez_huerta(text)) < MIN_EASE_ES]
    assert not hard, f"below {MIN_EASE_ES}: {hard}"


def test_portuguese_applicant_pages_read_easy():
    pages = _applicant_text("pt")
    assert pages, "no Portuguese applicant pages"
    hard = [f"pt/{md}: Flesch (Martins) {ease:.1f}" for md, text in pages
            if (ease := readability.flesch_portuguese(text)) < MIN_EASE_PT]
    assert not hard, f"below {MIN_EASE_PT}: {hard}"


def test_haitian_creole_applicant_pages_use_short_sentences_and_short_words():
    pages = _applicant_text("ht")
    assert pages, "no Haitian Creole applicant pages"
    hard = [f"ht/{md}: {readability.words_per_sentence(text):.1f} words per sentence, "
            f"{readability.letters_per_word(text):.2f} letters per word" for md, text in pages
            if readability.words_per_sentence(text) > MAX_WORDS_PER_SENTENCE_HT
            or readability.letters_per_word(text) > MAX_LETTERS_PER_WORD_HT]
    assert not hard, f"above {MAX_WORDS_PER_SENTENCE_HT} words/sentence or {MAX_LETTERS_PER_WORD_HT} letters/word: {hard}"
