"""Load and check every file in data/. Any problem stops the build with a named location."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import datasets
from .diagram_checks import check_diagrams
from .finder_checks import load_finder
from .errors import DataError
from .schema import Context, ListOf, MapOf, Record, Str, Text, check_entries


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


def read_yaml(path: Path | str, label: str):
    path = Path(path)
    if not path.is_file():
        raise DataError(label, None, None, "file is missing (it is required by the site)")
    try:
        return parse_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(err, "problem", None) or str(err)
        raise DataError(label, None, None, f"is not valid YAML{where}: {problem}") from None


def check_ui(raw, ctx: Context) -> dict:
    record = Record(fields={
        "strings": MapOf(Text()),
        "nav": MapOf(Text()),
        "months": MapOf(ListOf(Str(), min_items=12), keys=ctx.languages),
    })
    return record.check(raw, ctx, "")


def check_protections(raw, ctx: Context) -> dict:
    if not isinstance(raw, dict) or set(raw) != {"columns", "rows"}:
        raise ctx.fail(None, "expected two sections: columns (the protections) and rows (what is compared)")
    columns = check_entries(raw["columns"], datasets.PROTECTION_COLUMN, ctx)
    column_keys = tuple(c["key"] for c in columns)
    row_record = Record(fields={**datasets.PROTECTION_ROW_FIELDS,
                                "cells": MapOf(datasets.PROTECTION_CELL, keys=column_keys)})
    rows = check_entries(raw["rows"], row_record, ctx)
    return {"columns": columns, "rows": rows}


def check_situation_pages(situations: list[dict], docs_dir: Path, languages: tuple[str, ...]) -> None:
    """Each situation has its page in every language, titled as in the data: the home page's
    entries are labelled with the data's titles and must name the pages they open."""
    for entry in situations:
        for lang in languages:
            page = f"{datasets.SITUATIONS_FOLDER}/{entry['key']}.md"
            path = docs_dir / lang / page
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


def load(data_dir: Path | str, languages: tuple[str, ...]) -> SiteData:
    """Read every data file; return clean data or raise DataError naming file, entry and field."""
    data_dir = Path(data_dir)

    def ctx_for(name: str, source_keys=frozenset()) -> Context:
        return Context(file=f"data/{name}", languages=languages, source_keys=source_keys)

    ctx = ctx_for("sources.yml")
    sources = check_entries(read_yaml(data_dir / "sources.yml", ctx.file), datasets.SOURCE, ctx)
    keys = frozenset(s["key"] for s in sources)

    ctx = ctx_for("ui.yml")
    ui = check_ui(read_yaml(data_dir / "ui.yml", ctx.file), ctx)

    ctx = ctx_for("protections.yml", keys)
    protections = check_protections(read_yaml(data_dir / "protections.yml", ctx.file), ctx)

    lists = {}
    for name, record in datasets.LISTS.items():
        ctx = ctx_for(name, keys)
        lists[name.removesuffix(".yml")] = check_entries(read_yaml(data_dir / name, ctx.file), record, ctx)

    abbrs: dict[str, str] = {}
    for entry in lists["glossary"]:
        abbr = entry.get("abbr")
        if abbr and abbr in abbrs:
            raise DataError("data/glossary.yml", entry["key"], "abbr",
                            f"abbreviation '{abbr}' is already used by entry '{abbrs[abbr]}'")
        if abbr:
            abbrs[abbr] = entry["key"]

    pages_dir = data_dir.parent / "docs" / languages[0]
    for entry in lists["faq"]:
        if not (pages_dir / entry["page"]).is_file():
            raise DataError("data/faq.yml", entry["key"], "page",
                            f"page '{entry['page']}' does not exist in docs/{languages[0]}/")

    for entry in lists["deadlines"]:
        page = entry.get("calculator", {}).get("page", "#").split("#")[0]
        if page and not (pages_dir / page).is_file():
            raise DataError("data/deadlines.yml", entry["key"], "calculator.page",
                            f"page '{page}' does not exist in docs/{languages[0]}/")

    check_diagrams(lists["diagrams"], languages)
    check_situation_pages(lists["situations"], data_dir.parent / "docs", languages)

    ctx = ctx_for("finder.yml", keys)
    finder = load_finder(read_yaml(data_dir / "finder.yml", ctx.file), ctx,
                         frozenset(d["key"] for d in lists["deadlines"]), pages_dir)

    return SiteData(languages=languages, ui=ui, sources={s["key"]: s for s in sources},
                    protections=protections, finder=finder, **lists)
