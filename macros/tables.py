"""Tables and lists generated from data/, in the page's language.

Each function is pure: (data, lang, ...) -> HTML string. The macros in __init__.py only
pass in the page's language and record which sources a page showed.
"""

from __future__ import annotations

from html import escape

from .data import SiteData
from .datasets import faq_topic_string
from .errors import DataError
from .checks import checked_on, checked_source
from .html import cell, cite, table
from .i18n import format_date, text, ui


def _shorts(data: SiteData, keys: list[str]) -> list[str]:
    return [data.sources[k]["short"] for k in keys]


def _pick(entries: list[dict], keys: list[str] | None, file: str, what: str) -> list[dict]:
    if keys is None:
        return entries
    by_key = {e["key"]: e for e in entries}
    for key in keys:
        if key not in by_key:
            raise DataError(file, key, None, f"a page asked for {what} '{key}', which does not exist")
    return [by_key[k] for k in keys]


def _table_id(base: str, keys: list[str] | None) -> str:
    """A table showing only some entries gets their keys in its id, so that two such
    tables on one page (say, two deadlines) have different ids."""
    return base if keys is None else "-".join([base, *keys])


def protections_table(data: SiteData, lang: str, columns: list[str] | None = None,
                      rows: list[str] | None = None, caption_key: str = "caption_protections") -> tuple[str, set[str]]:
    cols = _pick(data.protections["columns"], columns, "data/protections.yml", "the protection")
    picked = _pick(data.protections["rows"], rows, "data/protections.yml", "the row")
    used: set[str] = set()
    body = []
    for row in picked:
        cells = []
        for col in cols:
            entry = row["cells"][col["key"]]
            used.update(entry["sources"])
            cells.append(cell(text(entry["text"], lang), _shorts(data, entry["sources"])))
        body.append((text(row["label"], lang), cells))
    html = table("table-" + caption_key.removeprefix("caption_").replace("_", "-"), ui(data.ui, caption_key, lang),
                 [text(c["name"], lang) for c in cols], body, corner=ui(data.ui, "column_question", lang))
    return html, used


def _entries_table(data: SiteData, lang: str, entries: list[dict], table_id: str, caption_key: str,
                   name_field: str, columns: list[tuple[str, str]], corner_key: str) -> tuple[str, set[str]]:
    used: set[str] = set()
    body = []
    for entry in entries:
        cells = [escape(text(entry[field], lang)) for field, _ in columns]
        cells[-1] += "".join(cite(s) for s in _shorts(data, entry["sources"]))
        used.update(entry["sources"])
        body.append((text(entry[name_field], lang), cells))
    headers = [ui(data.ui, label_key, lang) for _, label_key in columns]
    return table(table_id, ui(data.ui, caption_key, lang), headers, body, corner=ui(data.ui, corner_key, lang)), used


def evidence_table(data, lang, keys=None):
    return _entries_table(data, lang, _pick(data.evidence, keys, "data/evidence.yml", "the evidence type"),
                          _table_id("table-evidence", keys), "caption_evidence", "name",
                          [("proves", "column_proves"), ("who", "column_who"), ("how", "column_how")],
                          "column_evidence")


def deadlines_table(data, lang, keys=None):
    return _entries_table(data, lang, _pick(data.deadlines, keys, "data/deadlines.yml", "the deadline"),
                          _table_id("table-deadlines", keys), "caption_deadlines", "name",
                          [("period", "column_period"), ("starts", "column_starts"),
                           ("consequence", "column_consequence")], "column_deadline")


def forms_table(data, lang, keys=None):
    used: set[str] = set()
    body = []
    for form in _pick(data.forms, keys, "data/forms.yml", "the form"):
        used.update(form["sources"])
        cells = [escape(text(form["name"], lang)), escape(text(form["purpose"], lang)),
                 escape(text(form["filed_with"], lang)),
                 escape(text(form["fee"], lang)) + "".join(cite(s) for s in _shorts(data, form["sources"]))]
        body.append((form["number"], cells))
    headers = [ui(data.ui, k, lang) for k in ("column_name", "column_purpose", "column_filed_with", "column_fee")]
    return table(_table_id("table-forms", keys), ui(data.ui, "caption_forms", lang), headers, body,
                 corner=ui(data.ui, "column_form", lang)), used


def jurisdictions_table(data, lang, keys=None):
    return _entries_table(data, lang, _pick(data.jurisdictions, keys, "data/jurisdictions.yml", "the jurisdiction"),
                          _table_id("table-jurisdictions", keys), "caption_jurisdictions", "name",
                          [("decides", "column_decides"), ("standard", "column_standard"),
                           ("covers", "column_covers"), ("protection", "column_protection")],
                          "column_jurisdiction")


def glossary_list(data: SiteData, lang: str) -> tuple[str, set[str]]:
    """The glossary as a definition list, sorted for the reader's language, one anchor per term."""
    used: set[str] = set()
    items = []
    for entry in sorted(data.glossary, key=lambda e: (e.get("abbr") or text(e["term"], lang)).casefold()):
        term = escape(text(entry["term"], lang))
        if entry.get("abbr"):
            term = f'<abbr>{escape(entry["abbr"])}</abbr> ({term})'
        cites = "".join(cite(s) for s in _shorts(data, entry.get("sources", [])))
        used.update(entry.get("sources", []))
        items.append(f'<dt id="{escape(entry["key"])}">{term}</dt>\n'
                     f'<dd>{escape(text(entry["definition"], lang))}{cites}</dd>')
    return '<dl class="cat-glossary">' + "\n".join(items) + "</dl>", used


def sources_list(data: SiteData, lang: str, keys: list[str] | None = None) -> str:
    """Full citations with their official links; every source on the site when keys is None."""
    chosen = list(data.sources.values()) if keys is None else [data.sources[k] for k in keys]
    items = []
    for src in chosen:
        note = f' <span class="cat-source-note">{escape(text(src["note"], lang))}</span>' if src.get("note") else ""
        check = f" {checked_source(src['checked'], lang, data.ui)}" if src.get("checked") else ""
        items.append(f'<li id="source-{escape(src["key"])}">{escape(src["citation"])}. '
                     f'<a href="{escape(src["url"])}" rel="noreferrer">{escape(ui(data.ui, "official_text", lang))}</a>'
                     f'{note}{check}</li>')
    return f'<ul class="cat-sources">{"".join(items)}</ul>'


def updates_list(data: SiteData, lang: str) -> tuple[str, set[str]]:
    used: set[str] = set()
    items = []
    for upd in sorted(data.updates, key=lambda u: u["date"], reverse=True):
        used.update(upd["sources"])
        status = f' <span class="cat-status">{escape(ui(data.ui, "status_" + upd["status"], lang))}</span>' if upd.get("status") else ""
        cites = "".join(cite(s) for s in _shorts(data, upd["sources"]))
        check = f" {checked_on(upd['checked'], lang, data.ui)}" if upd.get("checked") else ""
        items.append(
            f'<li id="update-{escape(upd["key"])}"><time datetime="{upd["date"].isoformat()}">'
            f'{escape(format_date(upd["date"], lang, data.ui))}</time>: '
            f'<strong>{escape(text(upd["title"], lang))}</strong>{status}. '
            f'{escape(text(upd["summary"], lang))}{cites}{check}</li>')
    return f'<ul class="cat-updates">{"".join(items)}</ul>', used


def faq_markdown(data: SiteData, lang: str, page_src: str) -> str:
    """The FAQ as Markdown, so that headings get permalinks and MkDocs checks every "read more"
    link and anchor: a section (h2) per topic, in the order the topics first appear, then its
    questions (h3). The table of contents lists the topics: a short list to scan on a phone.
    Text from data is HTML-escaped."""
    depth = page_src.count("/")
    topics: dict[str, list[dict]] = {}
    for item in data.faq:
        topics.setdefault(item["topic"], []).append(item)
    parts = []
    for topic, items in topics.items():
        parts.append(f"## {escape(ui(data.ui, faq_topic_string(topic), lang))} {{ #{topic} }}\n")
        for item in items:
            target = "../" * depth + item["page"] + (f"#{item['anchor']}" if item.get("anchor") else "")
            parts.append(f"### {escape(text(item['question'], lang))} {{ #{item['key']} }}\n\n"
                         f"{escape(text(item['answer'], lang))}\n\n"
                         f"[{escape(ui(data.ui, 'read_more', lang))}]({target})\n")
    return "\n".join(parts)


def evidence_checklist(data: SiteData, lang: str) -> tuple[str, set[str]]:
    """A printable checklist: a heading per kind of evidence, then a tick box per item.
    Markdown headings (so they reach the table of contents), HTML lists with labelled boxes."""
    used: set[str] = set()
    parts = []
    for entry in data.evidence:
        used.update(entry["sources"])
        boxes = "".join(f'<li><label><input type="checkbox"> {escape(text(item, lang))}</label></li>'
                        for item in entry["checklist"])
        parts.append(f"## {escape(text(entry['name'], lang))} {{ #{entry['key'].replace('_', '-')} }}\n\n"
                     f'<ul class="cat-checklist">{boxes}</ul>\n')
    return "\n".join(parts), used
