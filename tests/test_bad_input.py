"""Broken data or front matter must stop the build with a message naming file, entry and field,
and must leave no half-built site behind."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import assert_build_fails, read_project_data as load, write_project_data as dump


def first_key(project: Path, name: str) -> str:
    return load(project, name)[0]["key"]


def line_of(project: Path, name: str, start: str, after: str) -> int:
    """The number of the first line of data/<name> that starts with `start`, after the first line `after`."""
    lines = (project / "data" / name).read_text(encoding="utf-8").splitlines()
    return next(i for i in range(lines.index(after), len(lines)) if lines[i].startswith(start)) + 1


def drop_spanish_definition(p):
    entries = load(p, "glossary.yml")
    del entries[0]["definition"]["es"]
    dump(p, "glossary.yml", entries)
    line = line_of(p, "glossary.yml", "    en: ", after="  definition:")
    return (f"data/glossary.yml, entry '{entries[0]['key']}', field 'definition': missing translation for 'es'; "
            f"add a line `es: ...` under `en:` at line {line}")


def drop_spanish_label_written_on_one_line(p):
    """A translation written inside { } on one line: `label: {en: "yes", es: "sí"}`."""
    key, edge = next((d["key"], i) for d in load(p, "diagrams.yml")
                     for i, e in enumerate(d["edges"], start=1) if "label" in e)
    path = p / "data" / "diagrams.yml"
    rows = path.read_text(encoding="utf-8").splitlines(keepends=True)
    line = next(i for i, row in enumerate(rows) if "label: {en:" in row)
    rows[line] = rows[line][:rows[line].index(", es:")] + "}}\n"
    path.write_text("".join(rows), encoding="utf-8")
    return (f"data/diagrams.yml, entry '{key}', field 'edges[{edge}].label': missing translation for 'es'; "
            f"add `es: ...` inside the {{ }} after the `en:` text, at line {line + 1}")


def unknown_field(p):
    entries = load(p, "evidence.yml")
    entries[0]["colour"] = "red"
    dump(p, "evidence.yml", entries)
    return f"data/evidence.yml, entry '{entries[0]['key']}', field 'colour': unknown field"


def unknown_language(p):
    entries = load(p, "deadlines.yml")
    entries[0]["name"]["fr"] = "Délai"
    dump(p, "deadlines.yml", entries)
    return f"data/deadlines.yml, entry '{entries[0]['key']}', field 'name.fr': unknown language 'fr'"


def missing_required_field(p):
    entries = load(p, "sources.yml")
    del entries[0]["url"]
    dump(p, "sources.yml", entries)
    return f"data/sources.yml, entry '{entries[0]['key']}', field 'url': required field is missing"


def wrong_type(p):
    entries = load(p, "forms.yml")
    entries[0]["name"] = 589
    dump(p, "forms.yml", entries)
    return f"data/forms.yml, entry '{entries[0]['key']}', field 'name': expected a translation for each language"


def unknown_source(p):
    entries = load(p, "jurisdictions.yml")
    entries[0]["sources"] = ["no-such-source"]
    dump(p, "jurisdictions.yml", entries)
    return f"data/jurisdictions.yml, entry '{entries[0]['key']}', field 'sources': unknown source 'no-such-source'"


def unknown_source_in_table_cell(p):
    table = load(p, "protections.yml")
    row = table["rows"][0]
    row["cells"]["cat_deferral"]["sources"] = ["no-such-source"]
    dump(p, "protections.yml", table)
    return (f"data/protections.yml, entry '{row['key']}', field 'cells.cat_deferral.sources': "
            "unknown source 'no-such-source'")


def missing_table_cell(p):
    table = load(p, "protections.yml")
    row = table["rows"][0]
    del row["cells"]["asylum"]
    dump(p, "protections.yml", table)
    return f"data/protections.yml, entry '{row['key']}', field 'cells.asylum': required entry is missing"


def duplicate_key(p):
    entries = load(p, "updates.yml")
    entries.append(dict(entries[0]))
    dump(p, "updates.yml", entries)
    return f"data/updates.yml, entry '{entries[0]['key']}', field 'key': duplicate key"


def bad_date(p):
    entries = load(p, "updates.yml")
    entries[0]["date"] = "26 June 2025"
    dump(p, "updates.yml", entries)
    return f"data/updates.yml, entry '{entries[0]['key']}', field 'date': expected a date written YYYY-MM-DD"


def missing_file(p):
    (p / "data" / "updates.yml").unlink()
    return "data/updates.yml: file is missing"


def broken_yaml(p):
    path = p / "data" / "glossary.yml"
    path.write_text(path.read_text(encoding="utf-8") + "\n- key: [unclosed\n", encoding="utf-8")
    return "data/glossary.yml: is not valid YAML at line"


def colon_in_unquoted_text(p):
    path = p / "data" / "faq.yml"
    text = path.read_text(encoding="utf-8") + "- key: who-decides\n  question:\n    en: Who decides: the judge?\n"
    path.write_text(text, encoding="utf-8")
    line = len(text.splitlines())
    return (f"data/faq.yml: is not valid YAML at line {line}, column 20: mapping values are not allowed here. "
            f"Line {line} reads: 'en: Who decides: the judge?'. To fix it, put the text in double quotes")


def tab_for_indent(p):
    path = p / "data" / "deadlines.yml"
    text = path.read_text(encoding="utf-8") + "- key: tabbed\n\tname:\n"
    path.write_text(text, encoding="utf-8")
    return [f"data/deadlines.yml: is not valid YAML at line {len(text.splitlines())}, column 1",
            "To fix it, indent with spaces, not tabs"]


def missing_ui_string(p):
    ui = load(p, "ui.yml")
    del ui["strings"]["sources"]["es"]
    dump(p, "ui.yml", ui)
    return "data/ui.yml, field 'strings.sources': missing translation for 'es'"


def faq_topic_without_heading(p):
    entries = load(p, "faq.yml")
    entries[-1]["topic"] = "money"
    dump(p, "faq.yml", entries)
    return (f"data/faq.yml, entry '{entries[-1]['key']}', field 'topic': topic 'money' has no heading: "
            "add the string 'faq_topic_money' to data/ui.yml, with a line for each language")


def front_matter_missing_date(p):
    page = p / "docs" / "en" / "reference" / "glossary.md"
    page.write_text(page.read_text(encoding="utf-8").replace("last_reviewed: ", "reviewed: "), encoding="utf-8")
    return "docs/en/reference/glossary.md, entry 'front matter', field 'reviewed': unknown field"


def front_matter_unknown_source(p):
    page = p / "docs" / "es" / "reference" / "forms.md"
    page.write_text(page.read_text(encoding="utf-8").replace("sources: []", "sources: [no-such-case]"), encoding="utf-8")
    return "docs/es/reference/forms.md, entry 'front matter', field 'sources': unknown source 'no-such-case'"


def front_matter_bad_audience(p):
    page = p / "docs" / "en" / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("audience: applicant", "audience: everyone"), encoding="utf-8")
    return "docs/en/index.md, entry 'front matter', field 'audience': 'everyone' is not allowed"


def macro_asks_for_missing_row(p):
    page = p / "docs" / "en" / "qualify" / "withholding-vs-deferral.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n{{ protections_table(rows=["no_such_row"]) }}\n',
                    encoding="utf-8")
    return "data/protections.yml, entry 'no_such_row'"


def broken_link(p):
    page = p / "docs" / "es" / "reference" / "glossary.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[roto](../no-such-page.md)\n", encoding="utf-8")
    return "contains a link '../no-such-page.md', but the target 'no-such-page.md' is not found"


def missing_anchor(p):
    page = p / "docs" / "en" / "reference" / "forms.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[gone](glossary.md#no-such-term)\n", encoding="utf-8")
    return "contains a link 'glossary.md#no-such-term', but the doc 'reference/glossary.md' does not contain an anchor '#no-such-term'"


def situation_title_differs_from_its_page(p):
    entries = load(p, "situations.yml")
    entries[0]["title"]["es"] = "Otro título"
    dump(p, "situations.yml", entries)
    return (f"data/situations.yml, entry '{entries[0]['key']}', field 'title.es': 'Otro título' is not the title "
            f"of docs/es/situations/{entries[0]['key']}.md")


def situation_without_its_page(p):
    entries = load(p, "situations.yml")
    (p / "docs" / "en" / "situations" / f"{entries[-1]['key']}.md").unlink()
    return f"data/situations.yml, entry '{entries[-1]['key']}', field 'key': page 'situations/{entries[-1]['key']}.md'"


def content_note_skips_to_a_missing_heading(p):
    page = p / "docs" / "en" / "evidence" / "declaration.md"
    page.write_text(page.read_text(encoding="utf-8").replace('content_note("consistency")', 'content_note("no-such-part")'),
                    encoding="utf-8")
    return "contains a link '#no-such-part', but there is no such anchor on this page"


def macro_asks_for_missing_deadline(p):
    page = p / "docs" / "en" / "reference" / "forms.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n{{ deadlines_table(keys=["no-such-deadline"]) }}\n',
                    encoding="utf-8")
    return "data/deadlines.yml, entry 'no-such-deadline': a page asked for"


# The build reports every problem it finds at once, so each build below holds several problems
# (each must be named in its output), in several files. Problems share a build when the build
# meets them at the same stage: the data files (all read before any page), the pages of one
# language (front matter, macros), and the links of one language (checked after its pages).
# Problems that would hide each other (a missing or unreadable file, two edits of one entry)
# get builds of their own.
BUILDS = {
    "data-files": [drop_spanish_definition, drop_spanish_label_written_on_one_line, unknown_field,
                   unknown_language, missing_required_field, wrong_type, unknown_source,
                   unknown_source_in_table_cell, missing_table_cell, duplicate_key, colon_in_unquoted_text,
                   missing_ui_string, situation_title_differs_from_its_page],
    "unreadable-data": [bad_date, broken_yaml, tab_for_indent, faq_topic_without_heading],
    "missing-data-file": [missing_file],
    "missing-situation-page": [situation_without_its_page],
    "english-pages": [front_matter_missing_date, front_matter_bad_audience, macro_asks_for_missing_row,
                      macro_asks_for_missing_deadline],
    "spanish-pages": [front_matter_unknown_source],
    "english-links": [missing_anchor, content_note_skips_to_a_missing_heading],
    "spanish-links": [broken_link],
}


@pytest.mark.parametrize("build", BUILDS)
def test_bad_input_fails_the_build_naming_every_problem(project_copy, tmp_path, build):
    expected = []
    for break_it in BUILDS[build]:
        message = break_it(project_copy)
        expected += [message] if isinstance(message, str) else message
    output = assert_build_fails(project_copy, tmp_path, expected)
    if len(BUILDS[build]) > 1:
        # data and page problems are counted by our build; broken links by MkDocs' strict mode
        count = re.search(r"(\d+) problems to fix before the site can be built|Aborted with (\d+) warnings", output)
        assert count and int(count[1] or count[2]) >= len(BUILDS[build]), output
    assert output.count("Aborted") == 1, output


def test_text_from_data_is_escaped(variant_site):
    """A <script> typed into a YAML string (in the variant build: tests/variant_site.py) is shown
    as text, never run."""
    from variant_site import ATTACK as attack

    site_dir = variant_site
    from bs4 import BeautifulSoup
    glossary = BeautifulSoup((site_dir / "reference/glossary/index.html").read_text(), "html.parser")
    compare = BeautifulSoup((site_dir / "es/qualify/cat-asylum-withholding/index.html").read_text(), "html.parser")
    for page in (glossary, compare):
        assert not [s for s in page.find_all("script") if "alert" in (s.string or "")]
    assert attack in glossary.select_one("dl.cat-glossary").get_text()
    assert attack in compare.select_one("table.cat-data").get_text()
