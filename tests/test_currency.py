"""A check date is a promise: changeable facts carry one, readers see it, reviewers' notes stay
out of the site, and no editorial tag ("Volatile", "check before quoting") reaches a page."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys

import pytest

from conftest import ROOT, assert_build_fails, read_project_data as load, write_project_data as dump
from site_reader import html_files, languages, soup
from macros.data import load as load_data

READS_PAGES_ONLY = True  # reads only the built pages: runs while the PDFs are made (tests/conftest.py)

# Words that belong to reviewers, never to readers.
EDITORIAL = re.compile(r"\b(volatile|vol[áa]til|unconfirmed)\b|\(puede cambiar\)|(?-i:Puede cambiar\.)|"
                       r"before (quoting|citing)|antes de citarl|verify before|"
                       r"secondary summary|se tomó de un resumen|check (the )?(exact|paragraph)|números de párrafo|"
                       r"last checked|última revisión el|tema cambiante", re.IGNORECASE)


@pytest.fixture(scope="module")
def data():
    return load_data(ROOT / "data", languages())


def test_no_editorial_tag_on_any_page(site):
    found = []
    for path in html_files(site):
        main = soup(path).select_one("main") or soup(path)
        for match in EDITORIAL.finditer(main.get_text(" ")):
            found.append(f"{path.relative_to(site)}: '{match.group(0)}'")
    assert not found, "editorial notes reached readers (move them to a `review:` field):\n" + "\n".join(found[:40])


def test_reviewer_notes_are_never_rendered(site, data):
    notes = [e["review"] for group in (data.sources.values(), data.deadlines, data.forms, data.updates)
             for e in group if e.get("review")]
    text = " ".join(soup(p).get_text(" ") for p in html_files(site))
    shown = [n for n in notes if n[:60] in text]
    assert not shown, f"reviewer notes shown on the site: {shown[:5]}"


def test_changeable_items_carry_a_check(data):
    missing = [f"data/updates.yml: {u['key']} ({u['status']})" for u in data.updates
               if u.get("status") in ("pending", "in_litigation") and "checked" not in u]
    missing += [f"data/forms.yml: {f['key']} (fee {f['fee']['en'][:30]!r})" for f in data.forms
                if "$" in f["fee"]["en"] and "checked" not in f]
    assert not missing, "changeable facts without `checked:` (date and source read):\n" + "\n".join(missing)


def test_source_lists_show_each_check(site, data):
    checked = {k: s for k, s in data.sources.items() if "checked" in s}
    assert checked, "no source carries a check yet"
    ui = data.ui["strings"]
    labels = {lang: ui["checked_on"][lang].split("{")[0].strip() for lang in languages()}
    for path in html_files(site):
        page = soup(path)
        lang = page.html.get("lang", "en")
        # The page's source entries, found once (a CSS selector for each source took seconds).
        entries = {}
        for element in page.find_all(id=re.compile("^source-")):
            entries.setdefault(element["id"], element)
        for key, source in checked.items():
            item = entries.get(f"source-{key}")
            if item is None:
                continue
            when = item.select_one(".cat-checked time")
            assert when is not None and when["datetime"] == source["checked"]["on"].isoformat(), \
                f"{path.relative_to(site)}: source {key} does not show its check date"
            assert labels.get(lang, "") in item.get_text(), f"{path.relative_to(site)}: {key} check not in {lang}"
            assert source["checked"]["against"][:40] in item.get_text(" "), f"{key}: what was read is not shown"


def add_check(project, on):
    entries = load(project, "sources.yml")
    entries[0]["checked"] = {"on": on, "against": "eCFR, current to 2026-11-27"}
    dump(project, "sources.yml", entries)
    return entries[0]["key"]


def test_a_check_dated_in_the_future_fails(project_copy, tmp_path):
    future = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    key = add_check(project_copy, future)
    assert_build_fails(project_copy, tmp_path,
                       f"data/sources.yml, entry '{key}', field 'checked.on': {future} is in the future")


def test_a_check_without_what_was_read_fails(project_copy, tmp_path):
    entries = load(project_copy, "sources.yml")
    entries[0]["checked"] = {"on": "2026-11-30"}
    dump(project_copy, "sources.yml", entries)
    assert_build_fails(project_copy, tmp_path,
                       f"data/sources.yml, entry '{entries[0]['key']}', field 'checked.against': required field is missing")


def test_review_report_lists_checks_oldest_first(project_copy):
    entries = load(project_copy, "sources.yml")
    entries[0]["checked"] = {"on": "2026-11-30", "against": "newer"}
    entries[1]["checked"] = {"on": "2026-01-05", "against": "older", "unsettled": True}
    entries[1]["review"] = "ask the clinic"
    dump(project_copy, "sources.yml", entries)
    (project_copy / "scripts").mkdir()
    (project_copy / "scripts" / "review_report.py").write_text((ROOT / "scripts" / "review_report.py").read_text())
    out = subprocess.run([sys.executable, str(project_copy / "scripts" / "review_report.py")],
                         capture_output=True, text=True, check=True).stdout
    assert out.index(entries[1]["key"]) < out.index(entries[0]["key"]), out
    assert "STILL CHANGING" in out and "ask the clinic" in out and "read: older" in out


def test_yaml_words_stay_words():
    # `on:` names the check date; "no" and "yes" are answers a translator may write as text.
    from macros.data import parse_yaml
    assert parse_yaml("on: 2026-11-30\nanswer: no\nflag: true\n") == {
        "on": dt.date(2026, 11, 30), "answer": "no", "flag": True}
