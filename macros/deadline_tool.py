"""The deadline calculator ("My deadlines", docs/<language>/tools/deadlines.md), from data/deadlines.yml.

The entries with a `calculator:` block (datasets.CALCULATOR) are the rules it counts. This
module writes, in the page's language:

- `rules_markdown`: the list of those rules (name, time limit, start, what to file, where,
  whether a last day on a weekend or holiday moves), which every reader sees, with or without
  scripts, and on paper;
- `calculator_html`: the form and the empty deadline card, hidden until the page's own script
  (overrides/assets/javascripts/deadlines.js) shows them, with the rules as a JSON data block for
  that script. A `<script type="application/json">` is data, not code: browsers do not run it,
  so the Content-Security-Policy needs no hash for it (sitebuild/hosting/csp.py skips it).

The counting itself (days, years, weekends, federal holidays) is done by that script alone.
"""

from __future__ import annotations

import json
from html import escape

from mkdocs.utils import get_relative_url

from .data import SiteData
from .datasets import DEADLINE_EVENTS
from .errors import DataError
from .html import cite, permalink
from .i18n import text, ui

SCRIPT = "assets/javascripts/deadlines.js"
LEGAL_HELP = "reference/legal-help.md"
# Interface strings the script needs (data/ui.yml), by the name it uses.
SCRIPT_STRINGS = ("dl_results_for", "dl_status", "dl_last_day", "dl_moved", "dl_not_moving", "dl_passed",
                  "dl_is_today", "dl_error_event", "dl_error_date", "dl_made_on", "dl_calendar_file",
                  "dl_file", "dl_where", "dl_file_early", "not_legal_advice", "date_format", "unsettled")


def _ui_key(event: str) -> str:
    return event.replace("-", "_")


def calculator_entries(data: SiteData) -> list[dict]:
    """The deadlines the calculator counts; every event it offers must start at least one."""
    entries = [e for e in data.deadlines if e.get("calculator")]
    for event in DEADLINE_EVENTS:
        if not any(event in e["calculator"]["events"] for e in entries):
            raise DataError("data/deadlines.yml", None, "calculator.events",
                            f"no deadline counts from the event '{event}'; add it to an entry's calculator.events")
    return entries


def page_href(target: str, from_url: str, directory_urls: bool) -> str:
    """Relative link from the page at `from_url` to `target` ('process/appeals.md#where-to-send')."""
    path, _, anchor = target.partition("#")
    stem = path.removesuffix(".md")
    if directory_urls:
        url = "./" if stem == "index" else (stem.removesuffix("index") if stem.endswith("/index") else stem + "/")
    else:
        url = stem + ".html"
    return get_relative_url(url, from_url) + (f"#{anchor}" if anchor else "")


def _moves(entry: dict, data: SiteData, lang: str) -> str:
    return ui(data.ui, "dl_rule_moves" if entry["calculator"]["next_business_day"] else "dl_rule_stays", lang)


def rules_markdown(data: SiteData, lang: str, from_url: str, directory_urls: bool) -> tuple[str, set[str]]:
    """Each rule under its own heading (so the table of contents lists them); text from data escaped."""
    used: set[str] = set()
    parts = []
    label = lambda key: escape(ui(data.ui, key, lang))  # noqa: E731
    for entry in calculator_entries(data):
        calc = entry["calculator"]
        used.update(entry["sources"])
        rows = [("column_period", text(entry["period"], lang)), ("column_starts", text(entry["starts"], lang)),
                ("dl_file", text(calc["file"], lang)), ("dl_where", text(calc["where"], lang)),
                ("dl_weekends", _moves(entry, data, lang))]
        details = "".join(f"<dt>{label(key)}</dt><dd>{escape(value)}</dd>" for key, value in rows)
        note = f'<p class="cat-dl-note">{escape(text(calc["note"], lang))}</p>' if calc.get("note") else ""
        unsettled = (f'<p class="cat-dl-note">{label("unsettled")}</p>'
                     if entry.get("checked", {}).get("unsettled") else "")
        cites = "".join(cite(data.sources[k]["short"]) for k in entry["sources"])
        href = escape(page_href(calc["page"], from_url, directory_urls))
        parts.append(f"### {escape(text(entry['name'], lang))} {{ #rule-{entry['key']} }}\n\n"
                     f'<div class="cat-dl-rule"><dl class="cat-dl-what">{details}</dl>{note}{unsettled}'
                     f'<p><a href="{href}">{label("read_more")}</a>{cites}</p></div>\n')
    return "\n".join(parts), used


def script_data(data: SiteData, lang: str, from_url: str, directory_urls: bool) -> dict:
    """What deadlines.js needs, in the page's language."""
    rules = []
    for entry in calculator_entries(data):
        calc = entry["calculator"]
        rules.append({
            "key": entry["key"], "name": text(entry["name"], lang), "events": calc["events"],
            "count": calc["count"], "unit": calc["unit"], "nextBusinessDay": calc["next_business_day"],
            "file": text(calc["file"], lang), "where": text(calc["where"], lang),
            "note": text(calc["note"], lang) if calc.get("note") else "",
            "unsettled": bool(entry.get("checked", {}).get("unsettled")),
            "href": page_href(calc["page"], from_url, directory_urls),
        })
    return {
        "lang": lang,
        "months": data.ui["months"][lang],
        "weekdays": data.ui["weekdays"][lang],
        "strings": {key: ui(data.ui, key, lang) for key in SCRIPT_STRINGS},
        "events": {event: {"heading": ui(data.ui, f"dl_after_{_ui_key(event)}", lang),
                           "note": ui(data.ui, f"dl_note_{_ui_key(event)}", lang)}
                   for event in DEADLINE_EVENTS},
        "rules": rules,
        "legalHelp": page_href(LEGAL_HELP, from_url, directory_urls),
    }


def json_block(value) -> str:
    """JSON that cannot end its <script> element or open a comment: <, > and & as \\u escapes."""
    encoded = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return encoded.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def calculator_html(data: SiteData, lang: str, from_url: str, directory_urls: bool) -> str:
    """The form, the empty card and the item template, hidden until the script runs; then the script."""
    label = lambda key: escape(ui(data.ui, key, lang))  # noqa: E731
    choices = "".join(
        f'<div class="cat-dl-choice"><input type="radio" name="event" id="cat-dl-event-{event}" value="{event}">'
        f'<label for="cat-dl-event-{event}">{label("dl_event_" + _ui_key(event))}</label></div>'
        for event in DEADLINE_EVENTS)
    form = (
        '<form class="cat-dl-form" id="cat-dl-form" novalidate>'
        f'<fieldset aria-describedby="cat-dl-event-error"><legend>{label("dl_event_legend")}</legend>'
        f'<p class="cat-dl-error" id="cat-dl-event-error" hidden></p>{choices}</fieldset>'
        f'<div class="cat-dl-field"><label for="cat-dl-date">{label("dl_date_label")}</label>'
        f'<p class="cat-dl-hint" id="cat-dl-date-hint">{label("dl_date_hint")}</p>'
        '<p class="cat-dl-error" id="cat-dl-date-error" hidden></p>'
        '<input type="date" id="cat-dl-date" name="date" min="1900-01-01" max="2999-12-31" '
        'aria-describedby="cat-dl-date-hint cat-dl-date-error"></div>'
        f'<p class="cat-dl-privacy">{label("dl_privacy")}</p>'
        f'<button type="submit" class="md-button md-button--primary">{label("dl_submit")}</button></form>'
    )
    card = (
        '<section class="cat-dl-card" id="cat-dl-card" aria-labelledby="cat-dl-card-title" hidden>'
        f'<h2 id="cat-dl-card-title" tabindex="-1">{label("dl_results_title")}'
        f'{permalink("cat-dl-card-title", ui(data.ui, "permalink_title", lang))}</h2>'
        '<p class="cat-dl-for" id="cat-dl-for"></p>'
        f'<p class="cat-dl-early"><strong>{label("dl_file_early")}</strong></p>'
        '<ol class="cat-dl-list" id="cat-dl-list"></ol>'
        '<p class="cat-dl-note" id="cat-dl-event-note"></p>'
        f'<p class="cat-dl-help"><a href="{escape(page_href(LEGAL_HELP, from_url, directory_urls))}">'
        f'{label("dl_get_help")}</a></p>'
        '<p class="cat-dl-made" id="cat-dl-made"></p>'
        f'<p class="cat-dl-advice">{label("not_legal_advice")}</p>'
        f'<p class="cat-dl-actions"><button type="button" class="md-button" id="cat-dl-print">{label("dl_print")}</button> '
        f'<button type="button" class="md-button" id="cat-dl-ics">{label("dl_calendar")}</button></p>'
        '</section>'
    )
    item = (
        '<template id="cat-dl-item"><li class="cat-dl-item"><h3 class="cat-dl-name"></h3>'
        '<p class="cat-dl-date"></p><p class="cat-dl-shift"></p><p class="cat-dl-passed"></p>'
        f'<dl class="cat-dl-what"><dt>{label("dl_file")}</dt><dd class="cat-dl-file"></dd>'
        f'<dt>{label("dl_where")}</dt><dd class="cat-dl-where"></dd></dl>'
        f'<p class="cat-dl-note"></p><p class="cat-dl-more"><a href="">{label("read_more")}</a></p></li></template>'
    )
    blob = json_block(script_data(data, lang, from_url, directory_urls))
    script = escape(get_relative_url(SCRIPT, from_url))
    return (f'<div class="cat-dl" id="cat-dl" hidden>{form}'
            '<p class="cat-dl-status" id="cat-dl-status" role="status" aria-live="polite"></p>'
            f'{card}{item}<script type="application/json" id="cat-dl-data">{blob}</script></div>\n'
            f'<script src="{script}" defer></script>')
