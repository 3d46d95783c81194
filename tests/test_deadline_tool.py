"""The deadline calculator, "My deadlines" (docs/<language>/tools/deadlines.md).

Its rules come from data/deadlines.yml (`calculator:`, macros/deadline_tool.py); its counting is
overrides/assets/javascripts/deadlines.js alone, so the date arithmetic is tested there, in
Chromium, by calling the functions the built page publishes (window.catDeadlines). Then the
page is used as a reader would: in both languages, by keyboard, without scripts, printed, saved
as a calendar file, at 360 px with axe, and from the offline copy opened from disk. Nothing it
does may reach any other host."""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from browser import serve
from conftest import assert_build_fails
from site_reader import ROOT, built_path, languages, site_prefix, soup
from test_accessibility import (CONFIGURATIONS, TRANSITION, axe_source, axe_violations, check_scheme, combinations,
                                new_axe_context)

from macros import deadline_tool
from macros.data import load, parse_yaml
from macros.errors import DataError
from macros.i18n import format_date
from sitebuild import offline_copy

# Reads only the built pages (the offline copy through `whole_site`): runs while the PDFs are
# made (tests/conftest.py).
READS_PAGES_ONLY = True

PAGE = "tools/deadlines.md"
FULL_UI = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))
UI = FULL_UI["strings"]
TODAY = "2026-12-01T12:00:00"  # the clock the browser tests run at


def page_path(lang: str) -> str:
    return ("" if lang == languages()[0] else f"{lang}/") + "tools/deadlines/"


# --- the data and the page, without a browser ------------------------------------------------

def test_json_block_cannot_end_its_script_element():
    value = {"text": "</script><!-- & ' \""}
    block = deadline_tool.json_block(value)
    assert "<" not in block and ">" not in block and "&" not in block
    assert json.loads(block) == value


@pytest.mark.parametrize("target, url, directory_urls, expected", [
    ("process/appeals.md#where-to-send", "tools/deadlines/", True, "../../process/appeals/#where-to-send"),
    ("process/appeals.md#where-to-send", "tools/deadlines.html", False, "../process/appeals.html#where-to-send"),
    ("reference/legal-help.md", "tools/deadlines/", True, "../../reference/legal-help/"),
])
def test_links_from_the_page(target, url, directory_urls, expected):
    assert deadline_tool.page_href(target, url, directory_urls) == expected


def test_every_event_has_a_deadline_and_only_the_bia_appeal_moves():
    data = load(ROOT / "data", languages())
    entries = deadline_tool.calculator_entries(data)
    moving = {e["key"] for e in entries if e["calculator"]["next_business_day"]}
    assert moving == {"bia-appeal"}, "set next_business_day only where data/deadlines.yml says the day moves"
    assert {e["key"] for e in entries} >= {"bia-appeal", "petition-for-review", "motion-to-reopen",
                                            "asylum-one-year", "change-of-address", "change-of-address-dhs"}


def _copy_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    for f in (ROOT / "data").glob("*.yml"):
        (data / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "docs").symlink_to(ROOT / "docs")
    return data


@pytest.mark.parametrize("field, value, message", [
    ("count", "thirty", "field 'calculator.count': expected a whole number from 1 to 3650"),
    ("unit", "weeks", "field 'calculator.unit': 'weeks' is not allowed"),
    ("events", ["judge-decided"], "field 'calculator.events[1]': 'judge-decided' is not allowed"),
    ("next_business_day", "yes", "field 'calculator.next_business_day': expected true or false"),
    ("page", "process/nowhere.md#x", "field 'calculator.page': page 'process/nowhere.md' does not exist"),
])
def test_bad_calculator_data_names_file_entry_and_field(tmp_path, field, value, message):
    data = _copy_data(tmp_path)
    entries = parse_yaml((data / "deadlines.yml").read_text(encoding="utf-8"))
    entry = next(e for e in entries if e["key"] == "bia-appeal")
    entry["calculator"][field] = value
    (data / "deadlines.yml").write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load(data, languages())
    assert f"data/deadlines.yml, entry 'bia-appeal', {message}" in str(caught.value)


def test_a_bad_calculator_entry_stops_the_build(project_copy, tmp_path):
    path = project_copy / "data" / "deadlines.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("    count: 30\n", "    count: 0\n", 1), encoding="utf-8")
    assert_build_fails(project_copy, tmp_path, "data/deadlines.yml, entry 'bia-appeal', field 'calculator.count'")


@pytest.mark.parametrize("lang", languages())
def test_page_carries_rules_and_hidden_tool_and_its_own_script(site, lang):
    page = built_path(site, lang, PAGE)
    doc = soup(page)
    tool = doc.select_one("article #cat-dl")
    assert tool is not None and tool.has_attr("hidden"), "without scripts the form must not show"
    data = json.loads(doc.select_one("script#cat-dl-data[type='application/json']").string)
    assert data["lang"] == lang and len(data["rules"]) >= 6
    # The rule list every reader sees names each rule the script counts, with a link that works.
    for rule in data["rules"]:
        heading = doc.select_one(f"h3#rule-{rule['key']}")
        assert heading is not None and rule["name"] in heading.get_text(), rule["key"]
        link = heading.find_next("div", class_="cat-dl-rule").select_one("a[href]")["href"]
        assert link == rule["href"], rule["key"]
        target, _, anchor = (page.parent / link).as_posix().partition("#")
        assert (Path(target) / "index.html").is_file() and soup(Path(target) / "index.html").find(id=anchor), link
    src = doc.select_one("article script[src]")["src"]
    own = (site if lang == languages()[0] else site / lang) / "assets" / "javascripts" / "deadlines.js"
    assert (page.parent / src).resolve() == own.resolve() and own.is_file(), src
    tool_pages = {built_path(site, other, PAGE) for other in languages()}
    others = [p for p in site.rglob("*.html")
              if p not in tool_pages and "javascripts/deadlines.js" in p.read_text(encoding="utf-8")]
    assert not others, f"the calculator's script is loaded by other pages: {others[:3]}"


@pytest.mark.parametrize("md", ["reference/deadlines.md"])  # not the handout: paper has no calculator
@pytest.mark.parametrize("lang", languages())
def test_deadline_pages_link_to_the_calculator(site, lang, md):
    page = built_path(site, lang, md)
    links = [a["href"] for a in soup(page).select("article .admonition.tip a[href]")]
    assert any((page.parent / href / "index.html").resolve() == built_path(site, lang, PAGE).resolve()
               for href in links), f"{page}: no tip box linking to the calculator"


# --- in Chromium -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def base(site):
    with serve(site, site_prefix()) as url:
        yield url


class Tab:
    """A tab on the calculator that records every request and error, at a fixed 'today'."""

    def __init__(self, browser, base: str, lang: str = "en", **context):
        self.context = browser.new_context(accept_downloads=True, **({"viewport": {"width": 1280, "height": 900}}
                                                                    | context))
        self.page = self.context.new_page()
        self.requests, self.errors = [], []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.clock.set_fixed_time(TODAY)
        self.base = base
        if lang:
            self.page.goto(base + page_path(lang))

    def count(self, event: str, date: str):
        self.page.check(f"#cat-dl-event-{event}")
        self.page.fill("#cat-dl-date", date)
        self.page.click("#cat-dl-form button[type=submit]")
        self.page.locator("#cat-dl-card").wait_for(state="visible")

    def shown(self) -> dict[str, dict]:
        return self.page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('#cat-dl-list > li')]
            .map(li => [li.dataset.key, {due: li.dataset.due, text: li.innerText}]))""")

    def close(self, allowed: str):
        assert not self.errors, self.errors
        others = [u for u in self.requests if not u.startswith(allowed) and urlsplit(u).scheme not in ("blob", "data")]
        assert not others, f"requests to other hosts: {others}"
        self.context.close()


@pytest.fixture
def tab(browser, base):
    tabs = []

    def open_(lang="en", **context):
        t = Tab(browser, base, lang, **context)
        tabs.append(t)
        return t

    yield open_
    for t in tabs:
        t.close(base)


@pytest.fixture(scope="module")
def functions(browser, base):
    """One tab for the tests that only call the calculator's date functions, which change
    nothing in the page: opening a tab for each of them cost more than the test."""
    t = Tab(browser, base)
    yield t
    t.close(base)


def js(tab, expression: str, *args):
    return tab.page.evaluate(f"([a, b, c]) => {{ const D = window.catDeadlines; return {expression}; }}",
                             list(args) + [None] * (3 - len(args)))


@pytest.mark.parametrize("start, days, expected", [
    ("2026-01-31", 30, "2026-03-02"),   # across the end of a short February
    ("2028-01-31", 30, "2028-03-01"),   # ... and of a leap-year February
    ("2028-02-29", 1, "2028-03-01"),
    ("2026-12-15", 30, "2027-01-14"),   # across the end of a year
    ("2026-06-04", 90, "2026-09-02"),
])
def test_days_are_added_across_months_and_years(functions, start, days, expected):
    assert js(functions, "D.isoDay(D.addDays(D.parseDay(a), b))", start, days) == expected


@pytest.mark.parametrize("start, expected", [
    ("2028-02-29", "2029-02-28"),   # no 29 February next year: the day before, never after
    ("2027-02-28", "2028-02-28"),
    ("2026-03-10", "2027-03-10"),
])
def test_a_year_later_is_the_same_day_or_the_last_of_february(functions, start, expected):
    assert js(functions, "D.isoDay(D.addYears(D.parseDay(a), 1))", start) == expected


def test_impossible_dates_are_refused(functions):
    assert js(functions, "[a, b, c].map(v => D.parseDay(v))", "2027-02-29", "2026-13-01", "31/01/2026") == [None] * 3


def test_federal_holidays_are_computed_with_observed_days(functions):
    holidays = lambda year: {h["date"]: h["key"] for h in js(functions, "D.federalHolidays(a)", year)}  # noqa: E731
    assert holidays(2026) == {
        "2026-01-01": "new-years-day", "2026-01-19": "martin-luther-king-jr-day",
        "2026-02-16": "washingtons-birthday", "2026-05-25": "memorial-day", "2026-06-19": "juneteenth",
        "2026-07-03": "independence-day",  # 4 July 2026 is a Saturday
        "2026-09-07": "labor-day", "2026-10-12": "columbus-day", "2026-11-11": "veterans-day",
        "2026-11-26": "thanksgiving-day", "2026-12-25": "christmas-day"}
    y2027 = holidays(2027)
    assert y2027["2027-06-18"] == "juneteenth" and y2027["2027-07-05"] == "independence-day"  # Sat; Sun
    assert y2027["2027-12-24"] == "christmas-day"       # 25 December 2027 is a Saturday
    assert y2027["2027-12-31"] == "new-years-day"       # 1 January 2028 is a Saturday
    assert "new-years-day" not in holidays(2028).values()
    assert "juneteenth" not in holidays(2020).values() and len(holidays(2020)) == 10
    assert len(holidays(2031)) == 11 and holidays(2031)["2031-05-26"] == "memorial-day"


@pytest.mark.parametrize("event, key, due, moved", [
    ("2026-06-04", "bia-appeal", "2026-07-06", True),    # day 30: Sat 4 July (and a holiday)
    ("2026-06-03", "bia-appeal", "2026-07-06", True),    # day 30: Fri 3 July, the observed holiday
    ("2027-11-24", "bia-appeal", "2027-12-27", True),    # Fri 24 Dec 2027, Christmas observed
    ("2027-12-01", "bia-appeal", "2028-01-03", True),    # Fri 31 Dec 2027, New Year's Day 2028 observed
    ("2026-12-19", "bia-appeal", "2027-01-19", True),    # Mon 18 Jan 2027, Martin Luther King Jr. Day
    ("2026-10-27", "bia-appeal", "2026-11-27", True),    # Thanksgiving 2026
    ("2026-01-31", "bia-appeal", "2026-03-02", False),   # a Monday
    ("2026-06-04", "petition-for-review", "2026-07-04", False),  # does not move: file before it
    ("2026-06-04", "change-of-address", "2026-06-09", False),
])
def test_deadlines_move_only_where_the_rule_says(functions, event, key, due, moved):
    rules = functions.page.evaluate("JSON.parse(document.getElementById('cat-dl-data').textContent).rules")
    rule = next(r for r in rules if r["key"] == key)
    result = js(functions, "D.deadline(a, D.parseDay(b))", rule, event)
    assert (result["due"], result["moved"]) == (due, moved)
    assert result["closed"] == (not rule["nextBusinessDay"] and not js(functions, "D.isBusinessDay(D.parseDay(a))", due))


@pytest.mark.parametrize("lang, due_text, moved_text, passed", [
    ("en", "Last day: Monday 6 July 2026", "a weekend or federal holiday", "This date has passed"),
    ("es", "Último día: lunes 6 de julio de 2026", "fin de semana o feriado federal", "Esta fecha ya pasó"),
])
def test_reader_enters_a_judge_decision_and_sees_the_dates(tab, lang, due_text, moved_text, passed):
    t = tab(lang)
    t.count("judge-decision", "2026-06-04")
    shown = t.shown()
    assert {k: v["due"] for k, v in shown.items()} == {
        "bia-appeal": "2026-07-06", "motion-to-reconsider": "2026-07-04", "motion-to-reopen": "2026-09-02"}
    appeal = shown["bia-appeal"]["text"]
    assert due_text in appeal and moved_text in appeal and passed in appeal  # today is 1 December 2026
    assert "EOIR-26" in appeal and "Falls Church" in appeal
    assert UI["dl_not_moving"][lang].split(": ")[-1] in shown["motion-to-reconsider"]["text"]
    assert t.page.locator("#cat-dl-status").inner_text().startswith(UI["dl_status"][lang].split("{")[0].strip())
    assert t.page.evaluate("document.activeElement.id") == "cat-dl-card-title"


@pytest.mark.parametrize("lang", languages())
def test_future_dates_have_no_passed_warning_and_every_event_gives_dates(tab, lang):
    t = tab(lang)
    t.count("last-arrival", "2026-03-10")
    assert {k: v["due"] for k, v in t.shown().items()} == {"asylum-one-year": "2027-03-10"}
    text = t.page.locator("#cat-dl-card").inner_text()
    assert UI["dl_passed"][lang] not in text and "I-589" in text
    assert UI["dl_note_last_arrival"][lang] in text
    t.count("address-change", "2026-11-30")
    assert {k: v["due"] for k, v in t.shown().items()} == {"change-of-address": "2026-12-05",
                                                          "change-of-address-dhs": "2026-12-10"}
    t.count("final-order", "2026-11-20")
    assert {k: v["due"] for k, v in t.shown().items()} == {"petition-for-review": "2026-12-20"}
    t.count("bia-decision", "2026-11-20")
    assert set(t.shown()) == {"petition-for-review", "motion-to-reconsider", "motion-to-reopen"}


def test_missing_answers_are_explained_next_to_the_field(tab):
    t = tab()
    t.page.click("#cat-dl-form button[type=submit]")
    assert t.page.locator("#cat-dl-event-error").inner_text() == UI["dl_error_event"]["en"]
    assert t.page.evaluate("document.activeElement.id") == "cat-dl-event-judge-decision"
    t.page.check("#cat-dl-event-bia-decision")
    t.page.click("#cat-dl-form button[type=submit]")
    assert t.page.locator("#cat-dl-event-error").is_hidden()
    assert t.page.locator("#cat-dl-date-error").inner_text() == UI["dl_error_date"]["en"]
    assert t.page.get_attribute("#cat-dl-date", "aria-invalid") == "true"
    assert t.page.evaluate("document.activeElement.id") == "cat-dl-date"
    assert t.page.locator("#cat-dl-card").is_hidden()


def test_works_by_keyboard_alone(tab):
    t = tab("en", locale="en-US")
    page = t.page
    page.locator("#cat-dl-event-judge-decision").focus()
    page.keyboard.press("ArrowDown")  # radio group: arrows choose
    assert page.is_checked("#cat-dl-event-bia-decision")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "cat-dl-date"
    page.keyboard.type("11202026")   # mm dd yyyy in an en-US date field
    page.keyboard.press("Enter")
    page.locator("#cat-dl-card").wait_for(state="visible")
    assert t.shown()["petition-for-review"]["due"] == "2026-12-20"
    page.keyboard.press("Tab")  # from the card's heading into the card
    assert page.evaluate("!!document.activeElement.closest('#cat-dl-card')")


def test_without_scripts_the_page_shows_the_rules_and_no_controls(browser, base):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + page_path("en"))
    assert page.locator("#cat-dl").is_hidden()
    assert page.locator("article input, article button").evaluate_all(
        "els => els.filter(e => e.getClientRects().length).length") == 0
    assert page.locator("#how-to-count").is_visible() and page.locator("#rule-bia-appeal").is_visible()
    context.close()


@pytest.mark.parametrize("lang", languages())
def test_the_printed_card_is_the_card_alone(tab, lang):
    t = tab(lang)
    t.count("judge-decision", "2026-06-04")
    t.page.emulate_media(media="print")
    page = t.page
    assert page.locator("#cat-dl-card").is_visible()
    for hidden in ("#cat-dl-form", "#cat-dl-print", "#cat-dl-ics", "article h1", "#how-to-count", "#rule-bia-appeal"):
        assert page.locator(hidden).first.is_hidden(), f"{hidden} prints with the card"
    text = page.locator("#cat-dl-card").inner_text()
    assert UI["dl_results_title"][lang] in text and UI["not_legal_advice"][lang] in text
    assert format_date(dt.date(2026, 7, 6), lang, FULL_UI) in text
    assert UI["dl_made_on"][lang].split("{")[0] in text
    page.emulate_media(media="screen")
    assert page.locator("#cat-dl-form").is_visible()


def unfold(ics: str) -> list[str]:
    return ics.replace("\r\n ", "").split("\r\n")


@pytest.mark.parametrize("lang", languages())
def test_the_calendar_file_holds_each_deadline_as_an_all_day_event(tab, lang, tmp_path):
    t = tab(lang)
    t.count("judge-decision", "2026-06-04")
    with t.page.expect_download() as caught:
        t.page.click("#cat-dl-ics")
    download = caught.value
    assert download.suggested_filename == UI["dl_calendar_file"][lang]
    assert download.url.startswith("blob:")
    raw = Path(download.path()).read_bytes()
    text = raw.decode("utf-8")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n")), "lines must be folded at 75 octets"
    lines = unfold(text)
    assert lines[:2] == ["BEGIN:VCALENDAR", "VERSION:2.0"] and lines[-2:] == ["END:VCALENDAR", ""]
    assert any(line.startswith("PRODID:") for line in lines)
    events = text.count("BEGIN:VEVENT")
    assert events == 3 == text.count("END:VEVENT") == len(set(l for l in lines if l.startswith("UID:")))
    assert "DTSTART;VALUE=DATE:20260706" in lines and "DTEND;VALUE=DATE:20260707" in lines
    names = {e["key"]: e["name"][lang]
             for e in yaml.safe_load((ROOT / "data" / "deadlines.yml").read_text(encoding="utf-8"))}
    appeal = names["bia-appeal"].replace(",", "\\,").replace(";", "\\;")
    assert f"SUMMARY;LANGUAGE={lang}:{appeal}" in lines
    description = next(l for l in lines if l.startswith(f"DESCRIPTION;LANGUAGE={lang}:") and "EOIR-26" in l)
    assert description.startswith(f"DESCRIPTION;LANGUAGE={lang}:{UI['dl_file'][lang]}: ") and "\\n" in description
    assert re.search(r"DTSTAMP:\d{8}T\d{6}Z", text)
    # The same text, made by the page's function: what the reader downloads is what it makes.
    made = t.page.evaluate("""() => window.catDeadlines.calendar([{key: 'k', due: '2026-07-06',
        name: 'A; b, c', description: 'x\\ny'}], 'en', 'judge-decision', '2026-06-04', new Date(Date.UTC(2026, 11, 1)))""")
    assert "SUMMARY;LANGUAGE=en:A\\; b\\, c\r\n" in made and "DESCRIPTION;LANGUAGE=en:x\\ny\r\n" in made
    assert "DTSTAMP:20261201T000000Z\r\n" in made


# --- accessibility ---------------------------------------------------------------------------

@pytest.mark.parametrize("configuration, lang", combinations())
def test_the_filled_in_calculator_passes_axe_and_fits_a_phone(browser, base, configuration, lang):
    scheme, screen = CONFIGURATIONS[configuration]
    axe, failures = axe_source(), []
    context = new_axe_context(browser, scheme, screen, axe)
    page = context.new_page()
    page.clock.set_fixed_time(TODAY)
    page.goto(base + page_path(lang))
    check_scheme(page, scheme, lang)
    page.click("#cat-dl-form button[type=submit]")  # the error messages
    page.wait_for_timeout(TRANSITION)  # the focus scrolled the page: Material fades its buttons in
    failures += axe_violations(page, axe, f"{lang}: errors shown")
    page.check("#cat-dl-event-judge-decision")
    page.fill("#cat-dl-date", "2026-06-04")
    page.click("#cat-dl-form button[type=submit]")
    page.locator("#cat-dl-card").wait_for(state="visible")
    page.wait_for_timeout(TRANSITION)
    failures += axe_violations(page, axe, f"{lang}: deadlines shown")
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{lang} {configuration}: the page scrolls sideways {width}"
    context.close()
    assert not failures, "\n".join(failures)


# --- the offline copy, from disk ---------------------------------------------------------------

def test_the_calculator_works_in_the_offline_copy(whole_site, browser, tmp_path):
    with zipfile.ZipFile(whole_site / offline_copy.ZIP_PATH) as zf:
        zf.extractall(tmp_path)
    copy = tmp_path / offline_copy.FOLDER_IN_ZIP
    for lang in languages():
        t = Tab(browser, "", lang="")
        t.page.goto((copy / page_path(lang).rstrip("/")).with_suffix(".html").as_uri())
        t.count("judge-decision", "2026-06-04")
        assert t.shown()["bia-appeal"]["due"] == "2026-07-06"
        link = t.page.locator("#cat-dl-list li[data-key=bia-appeal] .cat-dl-more a").get_attribute("href")
        assert link.endswith(".html#where-to-send"), link
        with t.page.expect_download() as caught:
            t.page.click("#cat-dl-ics")
        assert "DTSTART;VALUE=DATE:20260706" in Path(caught.value.path()).read_text(encoding="utf-8")
        t.close("file://")
