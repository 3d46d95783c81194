"""Load and check every file in data/. Any problem stops the build with a named location."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import datasets
from .diagram_checks import check_diagrams
from .errors import DataError, raise_all
from .finder_checks import load_finder
from .schema import Context, ListOf, MapOf, PartlyChecked, Record, Str, Text, check_entries


@dataclass(frozen=True)
class SiteData:
    languages: tuple[str, ...]
    ui: dict
    sources: dict[str, dict]
    protections: dict
    glossary: list[dict]
    evidence: list[dict]
    deadlines: list[dict]
    forms: list[dict]
    jurisdictions: list[dict]
    updates: list[dict]
    faq: list[dict]
    # Last, with a default, so that tests can build a SiteData without diagrams.
    diagrams: list[dict] = field(default_factory=list)
    terms: list[dict] = field(default_factory=list)
    situations: list[dict] = field(default_factory=list)
    editions: list[dict] = field(default_factory=list)
    finder: dict = field(default_factory=dict)  # data/finder.yml, checked by finder_checks.py


class DataLoader(yaml.SafeLoader):
    """YAML as a contributor reads it: only `true` and `false` are yes/no values. Plain YAML 1.1
    also turns `on`, `off`, `yes` and `no` into true/false, so a field named `on:` (see CHECK in
    datasets.py) or the word "no" as a value would silently change meaning."""


DataLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
DataLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                 list("tTfF"))


def parse_yaml(text: str):
    return yaml.load(text, Loader=DataLoader)


class YamlMapping(dict):
    """A mapping read from a data file that remembers the line of each key, so that a message
    can say where to add a missing translation (macros/schema.py)."""

    key_lines: dict[str, int]
    flow_style: bool


class _LineLoader(DataLoader):
    def construct_yaml_map(self, node):
        data = YamlMapping()
        data.key_lines = {k.value: k.start_mark.line + 1 for k, _ in node.value if isinstance(k.value, str)}
        data.flow_style = bool(node.flow_style)
        yield data
        data.update(self.construct_mapping(node))


_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_yaml_map)


def _yaml_hint(problem: str, line: str) -> str:
    """How to fix the usual YAML mistakes of people who write text, not code."""
    if "\t" in line[: len(line) - len(line.lstrip())] or "'\\t'" in problem:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem or "could not find expected ':'" in problem \
            or ": " in line.partition(": ")[2] or "?" in line:
        return ('put the text in double quotes, "like this": text that holds a ":" or a "?" '
                "must be quoted; indent with spaces, not tabs")
    return ('check that line and the one above it: indent with spaces, not tabs, and put text that holds '
            'a ":" or a "?", or starts with a special character such as [ { * & ! | > % @, in double quotes')


def read_yaml(path: Path | str, label: str):
    path = Path(path)
    if not path.is_file():
        raise DataError(label, None, None, "file is missing (it is required by the site)")
    text = path.read_text(encoding="utf-8")
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader that keeps line numbers
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or str(err)
        if mark is None:
            raise DataError(label, None, None, f"is not valid YAML: {problem}") from None
        lines = text.splitlines()
        line = lines[mark.line] if mark.line < len(lines) else ""
        raise DataError(label, None, None,
                        f"is not valid YAML at line {mark.line + 1}, column {mark.column + 1}: {problem}. "
                        f"Line {mark.line + 1} reads: {line.strip()!r}. To fix it, {_yaml_hint(problem, line)}"
                        ) from None


def check_ui(raw, ctx: Context) -> dict:
    record = Record(fields={
        "strings": MapOf(Text()),
        "nav": MapOf(Text()),
        "months": MapOf(ListOf(Str(), min_items=12), keys=ctx.languages),
        "weekdays": MapOf(ListOf(Str(), min_items=7), keys=ctx.languages),
    })
    return record.check(raw, ctx, "")


def check_protections(raw, ctx: Context) -> dict:
    if not isinstance(raw, dict) or set(raw) != {"columns", "rows"}:
        raise ctx.fail(None, "expected two sections: columns (the protections) and rows (what is compared)")
    problems: list[DataError] = []
    try:
        columns = check_entries(raw["columns"], datasets.PROTECTION_COLUMN, ctx)
    except DataError as error:
        problems.append(error)
        columns = getattr(error, "entries", [])
    column_keys = tuple(c["key"] for c in columns)
    row_record = Record(fields={**datasets.PROTECTION_ROW_FIELDS,
                                "cells": MapOf(datasets.PROTECTION_CELL, keys=column_keys)})
    try:
        rows = check_entries(raw["rows"], row_record, ctx)
    except DataError as error:
        problems.append(error)
    raise_all(problems)
    return {"columns": columns, "rows": rows}


class _AnySource(frozenset):
    """Source keys when data/sources.yml itself could not be read: every key passes, so that its
    one problem is not reported again at every `sources:` of every other file."""

    def __contains__(self, key) -> bool:
        return True


def check_situation_pages(situations: list[dict], docs_dir: Path, languages: tuple[str, ...]) -> None:
    """Each situation has its page in every language, titled as in the data: the home page's
    entries are labelled with the data's titles and must name the pages they open."""
    for entry in situations:
        for lang in languages:
            page = f"{datasets.SITUATIONS_FOLDER}/{entry['key']}.md"
            path = docs_dir / lang / page
            if not path.is_file() and lang != languages[0]:
                continue  # a language still being translated shows the default language's page
            if not path.is_file():
                raise DataError("data/situations.yml", entry["key"], "key",
                                f"page '{page}' does not exist in docs/{lang}/; write it, or remove the entry")
            parts = path.read_text(encoding="utf-8").split("---\n", 2)
            meta = parse_yaml(parts[1]) if len(parts) == 3 else None
            title = meta.get("title") if isinstance(meta, dict) else None
            if title != entry["title"][lang]:
                raise DataError("data/situations.yml", entry["key"], f"title.{lang}",
                                f"'{entry['title'][lang]}' is not the title of docs/{lang}/{page} ('{title}'); "
                                "make them the same")


def check_editions(editions: list[dict], languages: tuple[str, ...]) -> list[DataError]:
    """Each translated language says where its edition stands, once; the default language does not."""
    problems, keys = [], [e["key"] for e in editions]
    for key in keys:
        if key not in languages[1:]:
            problems.append(DataError("data/editions.yml", key, "key",
                                      f"'{key}' is not a translated language of the site ({', '.join(languages[1:])})"))
    for lang in languages[1:]:
        if lang not in keys:
            problems.append(DataError("data/editions.yml", lang, "key",
                                      f"no entry for the '{lang}' edition; add `- key: {lang}` with "
                                      "`translated_from:` (the date of the English edition it follows)"))
    return problems


def load(data_dir: Path | str, languages: tuple[str, ...]) -> SiteData:
    """Read every data file; return clean data, or raise one DataError that lists every problem
    found in every file (each naming file, entry and field), so they can all be fixed at once."""
    data_dir = Path(data_dir)
    problems: list[DataError] = []

    def ctx_for(name: str, source_keys=frozenset()) -> Context:
        return Context(file=f"data/{name}", languages=languages, source_keys=source_keys)

    def checked(name: str, check, ctx: Context, default):
        """The checked contents of one file; its problems are kept and the valid part returned."""
        try:
            return check(read_yaml(data_dir / name, ctx.file), ctx)
        except PartlyChecked as error:
            problems.append(error)
            return error.entries
        except DataError as error:
            problems.append(error)
            return default

    def entries(record):
        return lambda raw, ctx: check_entries(raw, record, ctx)

    raw_sources = None

    def sources_check(raw, ctx):
        nonlocal raw_sources
        raw_sources = raw
        return check_entries(raw, datasets.SOURCE, ctx)

    sources = checked("sources.yml", sources_check, ctx_for("sources.yml"), [])
    if isinstance(raw_sources, list):  # entries with a problem still count as sources
        keys = frozenset(s["key"] for s in raw_sources if isinstance(s, dict) and isinstance(s.get("key"), str))
    else:
        keys = _AnySource()

    ui = checked("ui.yml", check_ui, ctx_for("ui.yml"), {})
    protections = checked("protections.yml", check_protections, ctx_for("protections.yml", keys),
                          {"columns": [], "rows": []})

    lists = {name.removesuffix(".yml"): checked(name, entries(record), ctx_for(name, keys), [])
             for name, record in datasets.LISTS.items()}

    abbrs: dict[str, str] = {}
    for entry in lists["glossary"]:
        abbr = entry.get("abbr")
        if abbr and abbr in abbrs:
            problems.append(DataError("data/glossary.yml", entry["key"], "abbr",
                                      f"abbreviation '{abbr}' is already used by entry '{abbrs[abbr]}'"))
        if abbr:
            abbrs[abbr] = entry["key"]

    pages_dir = data_dir.parent / "docs" / languages[0]
    question_keys = {entry["key"] for entry in lists["faq"]}
    for entry in lists["faq"]:
        if not (pages_dir / entry["page"]).is_file():
            problems.append(DataError("data/faq.yml", entry["key"], "page",
                                      f"page '{entry['page']}' does not exist in docs/{languages[0]}/"))
        heading = datasets.faq_topic_string(entry["topic"])
        if ui and heading not in ui.get("strings", {}):  # (ui.yml's own problems are reported above)
            problems.append(DataError("data/faq.yml", entry["key"], "topic",
                                      f"topic '{entry['topic']}' has no heading: add the string '{heading}' "
                                      "to data/ui.yml, with a line for each language"))
        if entry["topic"] in question_keys:  # the topic's heading and the question would share an address
            problems.append(DataError("data/faq.yml", entry["key"], "topic",
                                      f"topic '{entry['topic']}' is also the key of a question: give it another name"))

    for entry in lists["deadlines"]:
        page = entry.get("calculator", {}).get("page", "#").split("#")[0]
        if page and not (pages_dir / page).is_file():
            problems.append(DataError("data/deadlines.yml", entry["key"], "calculator.page",
                                      f"page '{page}' does not exist in docs/{languages[0]}/"))

    problems += check_editions(lists["editions"], languages)

    for check in (lambda: check_diagrams(lists["diagrams"], languages),
                  lambda: check_situation_pages(lists["situations"], data_dir.parent / "docs", languages)):
        try:
            check()
        except DataError as error:
            problems.append(error)

    finder = checked("finder.yml", lambda raw, ctx: load_finder(
        raw, ctx, frozenset(d["key"] for d in lists["deadlines"]), pages_dir), ctx_for("finder.yml", keys), {})

    raise_all(problems)
    return SiteData(languages=languages, ui=ui, sources={s["key"]: s for s in sources},
                    protections=protections, finder=finder, **lists)
