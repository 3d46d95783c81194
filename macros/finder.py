"""The protection finder (data/finder.yml) as one plain page: each question a section whose
answers link to the next question's or result's section, then every result as a section.
Without scripts a reader follows the links; overrides/assets/javascripts/finder.js shows the
same sections one at a time, with a back button, progress and the reader's answers. All text
comes from data and is escaped; the script carries no words of its own (they are data-*
attributes of the finder's root)."""

from __future__ import annotations

from functools import lru_cache
from html import escape
from pathlib import Path

import yaml
from mkdocs.utils import get_relative_url

from .data import SiteData
from .html import permalink
from .i18n import text, ui

SCRIPT = "assets/javascripts/finder.js"

# The finder's questions and results stay out of the search index (Material skips an element, and
# drops the section of a heading, marked so): they sum up the pages they link to, which search
# finds; a search result would lead into a step of the tool that is hidden until it is reached.
NOT_SEARCHED = " data-search-exclude"


def paths(finder: dict) -> list[list[tuple[str, int]]]:
    """Every way through the tree: lists of (question key, answer number from 1), each ending in
    an answer that leads to a result. The checks (finder_checks.py) rule out loops."""
    questions = {q["key"]: q for q in finder["questions"]}
    out: list[list[tuple[str, int]]] = []

    def walk(key: str, so_far: list[tuple[str, int]]) -> None:
        for i, answer in enumerate(questions[key]["answers"], start=1):
            here = [*so_far, (key, i)]
            if answer["next"] in questions:
                walk(answer["next"], here)
            else:
                out.append(here)

    walk(finder["start"], [])
    return out


def follow(finder: dict, answers: list[int]) -> str:
    """Where answering the questions in turn with `answers` (numbers from 1) leads: a key."""
    questions = {q["key"]: q for q in finder["questions"]}
    key = finder["start"]
    for number in answers:
        key = questions[key]["answers"][number - 1]["next"]
    return key


def remaining(finder: dict) -> dict[str, int]:
    """For each question and result: the most questions still to answer from it (a result: 0)."""
    questions = {q["key"]: q for q in finder["questions"]}
    depth: dict[str, int] = {r["key"]: 0 for r in finder["results"]}

    def of(key: str) -> int:
        if key not in depth:
            depth[key] = 1 + max(of(a["next"]) for a in questions[key]["answers"])
        return depth[key]

    for key in questions:
        of(key)
    return depth


def result_steps(finder: dict) -> dict[str, list[str]]:
    """For each result, the steps (where a case stands) whose answer can lead to it, in order."""
    questions = {q["key"]: q for q in finder["questions"]}
    out: dict[str, list[str]] = {r["key"]: [] for r in finder["results"]}
    for answer in questions[finder["start"]]["answers"]:
        if "step" not in answer:
            continue
        seen, todo = set(), [answer["next"]]
        while todo:
            key = todo.pop()
            if key in seen:
                continue
            seen.add(key)
            if key in out:
                if answer["step"] not in out[key]:
                    out[key].append(answer["step"])
            else:
                todo.extend(a["next"] for a in questions[key]["answers"])
    return out


@lru_cache(maxsize=None)
def _front_matter_title(path: str) -> str | None:
    file = Path(path)
    if not file.is_file():
        return None
    content = file.read_text(encoding="utf-8")
    if not content.startswith("---"):
        return None
    meta = yaml.safe_load(content.split("---", 2)[1]) or {}
    return meta.get("title")


class Links:
    """Relative links from the finder's page to the guide's pages, titled in the page's language."""

    def __init__(self, docs_dir: Path, lang: str, default: str, page_url: str, directory_urls: bool):
        self.docs_dir, self.lang, self.default = docs_dir, lang, default
        self.page_url, self.directory_urls = page_url, directory_urls

    def href(self, page: str) -> str:
        path, _, anchor = page.partition("#")
        stem = path[:-3]
        if stem == "index" or stem.endswith("/index"):
            stem = stem[:-5]
            url = stem if self.directory_urls else stem + "index.html"
        else:
            url = stem + "/" if self.directory_urls else stem + ".html"
        return get_relative_url(url or ".", self.page_url) + (f"#{anchor}" if anchor else "")

    def title(self, page: str) -> str:
        path = page.partition("#")[0]
        for lang in (self.lang, self.default):
            found = _front_matter_title(str(self.docs_dir / lang / path))
            if found:
                return found
        return path

    def link(self, page: str) -> str:
        return f'<a href="{escape(self.href(page))}">{escape(self.title(page))}</a>'


def _protection_name(data: SiteData, lang: str, key: str) -> str:
    for column in data.protections["columns"]:
        if column["key"] == key:
            return text(column["name"], lang)
    return ui(data.ui, f"finder_{key}", lang)  # "cat" (both forms), "international"


def _deadline_items(data: SiteData, lang: str, keys: list[str]) -> str:
    by_key = {d["key"]: d for d in data.deadlines}
    items = "".join(
        f'<li><strong>{escape(text(by_key[k]["name"], lang))}.</strong> {escape(text(by_key[k]["period"], lang))} '
        f'{escape(text(by_key[k]["starts"], lang))}</li>' for k in keys)
    return f'<ul class="cat-finder__deadlines">{items}</ul>' if items else ""


def _page_list(links: Links, pages: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{links.link(p)}</li>" for p in pages) + "</ul>"


def _question(question: dict, depth: int, lang: str, link) -> str:
    key = question["key"]
    answers = "".join(
        f'<li><a class="cat-finder__answer" href="#{a["next"]}"'
        + (f' data-step="{a["step"]}"' if "step" in a else "")
        + f'>{escape(text(a["text"], lang))}</a></li>' for a in question["answers"])
    help_ = f'<p class="cat-finder__help">{escape(text(question["help"], lang))}</p>' if "help" in question else ""
    return (f'<section class="cat-finder__node" id="{key}" data-finder-node data-remaining="{depth}" '
            f'aria-labelledby="{key}-title">'
            f'<h2 class="cat-finder__title" id="{key}-title" tabindex="-1"{NOT_SEARCHED}>{escape(text(question["title"], lang))}'
            f'{link(f"{key}-title")}</h2>'
            f'{help_}<ul class="cat-finder__answers">{answers}</ul></section>')


def _result(result: dict, steps: list[dict], data: SiteData, lang: str, links: Links, start: str) -> str:
    key = result["key"]
    t = lambda k: escape(ui(data.ui, k, lang))  # noqa: E731
    link = lambda anchor: permalink(anchor, ui(data.ui, "permalink_title", lang))  # noqa: E731
    h3 = lambda part: f'<h3 id="{key}-{part}"{NOT_SEARCHED}>{t("finder_" + part)}{link(f"{key}-{part}")}</h3>'  # noqa: E731
    reasons = {r["key"]: r for r in data.finder["reasons"]}

    def reason_list(keys: list[str]) -> str:
        return '<ul class="cat-finder__reasons">' + "".join(
            f'<li><strong>{escape(_protection_name(data, lang, reasons[k]["protection"]))}.</strong> '
            f'{escape(text(reasons[k]["text"], lang))}</li>' for k in keys) + "</ul>"

    parts = [
        f'<section class="cat-finder__node cat-finder__result" id="{key}" data-finder-node data-result '
        f'data-remaining="0" aria-labelledby="{key}-title">',
        f'<h2 class="cat-finder__title" id="{key}-title" tabindex="-1"{NOT_SEARCHED}>'
        f'<span class="cat-finder__label">{t("finder_result")}:</span> {escape(text(result["title"], lang))}'
        f'{link(f"{key}-title")}</h2>',
        f'<p class="cat-finder__summary">{escape(text(result["summary"], lang))}</p>',
        f'<p class="cat-finder__advice">{t("finder_not_advice")} '
        f'{links.link("reference/legal-help.md")}</p>',
        h3("fits"),
        reason_list(result["fits"]) if result.get("fits") else f"<p>{t('finder_none_fits')}</p>",
    ]
    if result.get("unlikely"):
        parts += [h3("unlikely"), reason_list(result["unlikely"])]
    parts += [h3("next"), f'<p>{escape(text(result["next"], lang))}</p>',
              _deadline_items(data, lang, result.get("deadlines", []))]
    for step in steps:
        parts.append(f'<div class="cat-finder__step" data-step="{step["key"]}">'
                     f'<p><strong>{escape(text(step["title"], lang))}.</strong> {escape(text(step["text"], lang))}</p>'
                     f'{_deadline_items(data, lang, step.get("deadlines", []))}{_page_list(links, step["pages"])}</div>')
    parts += [h3("read_more"), _page_list(links, result["pages"]),
              h3("law"),
              '<ul class="cat-finder__law">' + "".join(
                  f'<li><a href="{escape(data.sources[s]["url"])}">{escape(data.sources[s]["short"])}</a></li>'
                  for s in result["sources"]) + "</ul>",
              f'<p><a class="cat-finder__again" href="#{start}">{t("finder_restart")}</a></p></section>']
    return "".join(parts)


def finder_html(data: SiteData, lang: str, docs_dir: Path, page_url: str, directory_urls: bool) -> tuple[str, set[str]]:
    """The whole finder for one language, and the sources it cites."""
    finder = data.finder
    links = Links(docs_dir, lang, data.languages[0], page_url, directory_urls)
    depth, reaching = remaining(finder), result_steps(finder)
    steps = {s["key"]: s for s in finder["steps"]}
    t = lambda k: escape(ui(data.ui, k, lang))  # noqa: E731
    used = {s for r in finder["results"] for s in r["sources"]}
    root = (f'<div class="cat-finder"{NOT_SEARCHED} data-finder data-start="{finder["start"]}" '
            f'data-progress="{t("finder_progress")}" data-result-label="{t("finder_result")}">')
    bar = (f'<div class="cat-finder__bar" data-finder-bar hidden>'
           f'<p class="cat-finder__progress" data-finder-progress></p>'
           f'<p class="cat-finder__controls">'
           f'<button type="button" class="cat-finder__button" data-finder-back>{t("finder_back")}</button> '
           f'<button type="button" class="cat-finder__button" data-finder-restart>{t("finder_restart")}</button> '
           f'<button type="button" class="cat-finder__button" data-finder-print>{t("finder_print")}</button></p></div>'
           f'<div class="cat-finder__path" data-finder-path hidden><h2 id="finder-your-answers"{NOT_SEARCHED}>{t("finder_your_answers")}'
           f'{permalink("finder-your-answers", ui(data.ui, "permalink_title", lang))}</h2><ol></ol></div>'
           f'<p class="cat-finder__live" aria-live="polite" data-finder-live></p>')
    link = lambda anchor: permalink(anchor, ui(data.ui, "permalink_title", lang))  # noqa: E731
    body = "".join(_question(q, depth[q["key"]], lang, link) for q in finder["questions"])
    body += "".join(_result(r, [steps[s] for s in reaching[r["key"]]], data, lang, links, finder["start"])
                    for r in finder["results"])
    script = f'<script src="{escape(get_relative_url(SCRIPT, page_url))}"></script>'
    return root + bar + body + "</div>" + script, used
