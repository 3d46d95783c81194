"""Load and check every file in data/. Any problem stops the build with a named location."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import datasets
from .diagram_checks import check_diagrams
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

    check_diagrams(lists["diagrams"], languages)

    return SiteData(languages=languages, ui=ui, sources={s["key"]: s for s in sources},
                    protections=protections, **lists)
