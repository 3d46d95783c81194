"""Small, declarative schema checker for the YAML data files.

Written by hand rather than with a schema library so that every message can name the file,
the entry (its `key`) and the field in words a contributor understands, and so that the
checks that matter here (one string per language, source keys that exist) are first-class.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field as _field
from typing import Any

from .errors import DataError, DataErrors, check_each, raise_all


@dataclass
class Context:
    """Where we are while checking, and what the checks need to know."""

    file: str
    languages: tuple[str, ...]
    source_keys: frozenset[str] = frozenset()
    entry: str | None = None

    def fail(self, field: str | None, problem: str) -> DataError:
        return DataError(self.file, self.entry, field, problem)


def _type_name(value: Any) -> str:
    return {str: "text", int: "a number", float: "a number", bool: "true/false", list: "a list",
            dict: "a mapping", type(None): "nothing (empty)", _dt.date: "a date"}.get(type(value), type(value).__name__)


class Kind:
    """One kind of value. `check` returns the cleaned value or raises DataError."""

    describe = "a value"

    def check(self, value: Any, ctx: Context, path: str) -> Any:  # pragma: no cover - interface
        raise NotImplementedError


class Str(Kind):
    """Text that is the same in every language (a citation, a form number, a key)."""

    describe = "text"

    def __init__(self, pattern: str | None = None, hint: str = ""):
        self.pattern = re.compile(pattern) if pattern else None
        self.hint = hint

    def check(self, value, ctx, path):
        if not isinstance(value, str) or not value.strip():
            raise ctx.fail(path, f"expected {self.describe}, found {_type_name(value)}")
        if self.pattern and not self.pattern.fullmatch(value):
            raise ctx.fail(path, f"'{value}' is not valid{': ' + self.hint if self.hint else ''}")
        return value.strip()


class Key(Str):
    def __init__(self):
        super().__init__(r"[a-z0-9]+(?:[-_][a-z0-9]+)*", "use lower-case letters, digits and - or _")


class Url(Str):
    def __init__(self):
        super().__init__(r"https://[^\s<>\"']+", "use a full https:// address")


class Bool(Kind):
    describe = "true or false"

    def check(self, value, ctx, path):
        if not isinstance(value, bool):
            raise ctx.fail(path, f"expected true or false, found {_type_name(value)}")
        return value


class Count(Kind):
    """A whole number from `minimum` to `maximum` (a number of days, say)."""

    def __init__(self, minimum: int = 1, maximum: int = 10_000):
        self.minimum, self.maximum = minimum, maximum
        self.describe = f"a whole number from {minimum} to {maximum}"

    def check(self, value, ctx, path):
        if isinstance(value, bool) or not isinstance(value, int) or not self.minimum <= value <= self.maximum:
            raise ctx.fail(path, f"expected {self.describe}, found {value!r}")
        return value


class Date(Kind):
    describe = "a date written YYYY-MM-DD"

    def check(self, value, ctx, path):
        if isinstance(value, _dt.datetime):
            value = value.date()
        if isinstance(value, _dt.date):
            return value
        if isinstance(value, str):
            try:
                return _dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise ctx.fail(path, f"expected a date written YYYY-MM-DD, found '{value}'")


class PastDate(Date):
    """A date that has already come: a check cannot be dated in the future."""

    def check(self, value, ctx, path):
        day = super().check(value, ctx, path)
        if day > _dt.date.today():
            raise ctx.fail(path, f"{day.isoformat()} is in the future; write the date the source shows")
        return day


class Enum(Kind):
    def __init__(self, *choices: str):
        self.choices = choices
        self.describe = "one of: " + ", ".join(map(str, choices))

    def check(self, value, ctx, path):
        if value not in self.choices:
            raise ctx.fail(path, f"'{value}' is not allowed; use {self.describe}")
        return value


class Text(Kind):
    """Human-readable text: one string per site language, all required."""

    describe = "text in every language"

    def check(self, value, ctx, path):
        if not isinstance(value, dict):
            langs = ", ".join(f"{lang}: ..." for lang in ctx.languages)
            raise ctx.fail(path, f"expected a translation for each language ({langs}), found {_type_name(value)}")
        for lang in value:
            if lang not in ctx.languages:
                raise ctx.fail(f"{path}.{lang}", f"unknown language '{lang}'; the site's languages are {', '.join(ctx.languages)}")
        def check_language(lang):
            text = value.get(lang)
            if not isinstance(text, str) or not text.strip():
                raise ctx.fail(path, f"missing translation for '{lang}'{_add_line_hint(value, lang)}"
                               if text is None or text == ""
                               else f"the '{lang}' text must be text, found {_type_name(text)}")

        check_each(ctx.languages, check_language)
        return {lang: value[lang].strip() for lang in ctx.languages}


def _add_line_hint(value: dict, lang: str) -> str:
    """Where to write a missing translation, when the data file's reader kept line numbers
    (macros/data.py): next to the first language that is there."""
    lines = getattr(value, "key_lines", {})
    beside = next((other for other in lines if other != lang), None)
    if beside is None:
        return ""
    if getattr(value, "flow_style", False):
        return f"; add `{lang}: ...` inside the {{ }} after the `{beside}:` text, at line {lines[beside]}"
    return f"; add a line `{lang}: ...` under `{beside}:` at line {lines[beside]}, indented like it"


class SourceKeys(Kind):
    """A non-empty list of keys from data/sources.yml."""

    describe = "a list of source keys"

    def __init__(self, required: bool = True):
        self.required = required

    def check(self, value, ctx, path):
        if not isinstance(value, list) or (self.required and not value):
            raise ctx.fail(path, f"expected a list of source keys from data/sources.yml, found {_type_name(value)}")
        def known(key):
            if key not in ctx.source_keys:
                raise ctx.fail(path, f"unknown source '{key}'; add it to data/sources.yml or fix the key")

        check_each(value, known)
        return list(value)


class ListOf(Kind):
    def __init__(self, item: Kind, min_items: int = 1):
        self.item, self.min_items = item, min_items
        self.describe = f"a list of {item.describe}"

    def check(self, value, ctx, path):
        if not isinstance(value, list) or len(value) < self.min_items:
            raise ctx.fail(path, f"expected {self.describe} (at least {self.min_items}), found {_type_name(value)}")
        return check_each(enumerate(value), lambda iv: self.item.check(iv[1], ctx, f"{path}[{iv[0] + 1}]"))


@dataclass
class Record(Kind):
    """A mapping with known fields. Unknown fields are errors: they are usually typos."""

    fields: dict[str, Kind]
    optional: dict[str, Kind] = _field(default_factory=dict)
    describe: str = "a mapping"

    def check(self, value, ctx, path):
        prefix = f"{path}." if path else ""
        if not isinstance(value, dict):
            raise ctx.fail(path or None, f"expected a mapping of fields, found {_type_name(value)}")
        known = {**self.fields, **self.optional}
        problems = [ctx.fail(f"{prefix}{name}", f"unknown field; allowed fields are {', '.join(known)}")
                    for name in value if name not in known]
        out = {}
        for name, kind in known.items():
            if name not in value or value[name] is None:
                if name in self.fields:
                    problems.append(ctx.fail(f"{prefix}{name}", "required field is missing"))
                continue
            try:
                out[name] = kind.check(value[name], ctx, f"{prefix}{name}")
            except DataError as error:
                problems.append(error)
        raise_all(problems)
        return out


class MapOf(Kind):
    """A mapping whose keys are exactly `keys` (or any Key if None), each value of one kind."""

    def __init__(self, value: Kind, keys: tuple[str, ...] | None = None):
        self.value, self.keys = value, keys
        self.describe = "a mapping"

    def check(self, value, ctx, path):
        if not isinstance(value, dict):
            raise ctx.fail(path, f"expected a mapping, found {_type_name(value)}")
        problems = []
        if self.keys is not None:
            problems += [ctx.fail(f"{path}.{name}", f"unknown key; expected {', '.join(self.keys)}")
                         for name in value if name not in self.keys]
            problems += [ctx.fail(f"{path}.{name}", "required entry is missing")
                         for name in self.keys if name not in value]
        try:
            checked = check_each(value.items(), lambda item: (item[0], self.value.check(item[1], ctx, f"{path}.{item[0]}")))
        except DataError as error:
            problems.append(error)
        raise_all(problems)
        return dict(checked)


def check_entries(entries: Any, record: Record, ctx: Context, key_field: str = "key") -> list[dict]:
    """Check a list of records, each named by its unique `key` in error messages."""
    if not isinstance(entries, list) or not entries:
        raise ctx.fail(None, f"expected a list of entries, found {_type_name(entries)}")
    seen: set[str] = set()
    out, problems = [], []
    for index, raw in enumerate(entries, start=1):
        name = raw.get(key_field) if isinstance(raw, dict) else None
        ctx.entry = str(name) if isinstance(name, str) and name else f"#{index}"
        try:
            clean = record.check(raw, ctx, "")
            if clean[key_field] in seen:
                raise ctx.fail(key_field, f"duplicate key '{clean[key_field]}'; keys must be unique in this file")
        except DataError as error:
            problems.append(error)  # carry on: the contributor sees every problem in one build
            continue
        finally:
            ctx.entry = None
        seen.add(clean[key_field])
        out.append(clean)
    if problems:
        raise PartlyChecked(out, problems)
    return out


class PartlyChecked(DataErrors):
    """Some entries of a list were wrong. `entries` are those that passed, so that the checks of
    other files that refer to them can go on without reporting the same problem again."""

    def __init__(self, entries: list[dict], problems: list[DataError]):
        super().__init__(problems)
        self.entries = entries
