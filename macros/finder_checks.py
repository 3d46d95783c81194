"""The rules data/finder.yml must follow beyond the shape of its entries (datasets.FINDER_*):
every answer leads to a question or result that exists, every question and result can be reached
from the first question, no answer leads back to an earlier question (so every path ends in a
result), every question can be answered "not sure", and every step, reason, deadline, page and
anchor named exists."""

from __future__ import annotations

import re
from pathlib import Path

from . import datasets
from .errors import DataError
from .schema import Context, Key, check_entries

FILE = "data/finder.yml"
SECTIONS = ("start", *datasets.FINDER_SECTIONS)


def load_finder(raw, ctx: Context, deadline_keys: frozenset[str], pages_dir: Path) -> dict:
    """Check the finder's data; return it as {start, questions, steps, reasons, results}, each a
    list of clean entries (start: a key), or raise DataError naming the entry and field."""
    if not isinstance(raw, dict) or set(raw) != set(SECTIONS):
        raise ctx.fail(None, f"expected the sections {', '.join(SECTIONS)}")
    finder = {"start": Key().check(raw["start"], ctx, "start")}
    for section, record in datasets.FINDER_SECTIONS.items():
        finder[section] = check_entries(raw[section], record, ctx)
    problem = tree_problem(finder, deadline_keys, pages_dir)
    if problem:
        raise DataError(FILE, *problem)
    return finder


def _page_problem(page: str, pages_dir: Path) -> str | None:
    path, _, anchor = page.partition("#")
    file = pages_dir / path
    if not file.is_file():
        return f"page '{path}' does not exist in docs/{pages_dir.name}/"
    if anchor and not re.search(rf"\{{\s*#{re.escape(anchor)}\s*\}}|\bid=\"{re.escape(anchor)}\"",
                                file.read_text(encoding="utf-8")):
        return f"page '{path}' has no section '#{anchor}'"
    return None


def tree_problem(finder: dict, deadline_keys: frozenset[str], pages_dir: Path
                 ) -> tuple[str | None, str | None, str] | None:
    """The first thing wrong with the finder as a whole, as (entry, field, problem)."""
    questions = {q["key"]: q for q in finder["questions"]}
    results = {r["key"]: r for r in finder["results"]}
    steps = {s["key"] for s in finder["steps"]}
    reasons = {r["key"] for r in finder["reasons"]}
    for key in questions.keys() & results.keys():
        return key, "key", f"'{key}' is both a question and a result; each needs its own key (it is its address on the page)"
    if finder["start"] not in questions:
        return None, "start", f"'{finder['start']}' is not a question; start must name the first question"
    for question in finder["questions"]:
        unsure = [i for i, a in enumerate(question["answers"], start=1) if a.get("unsure")]
        if len(unsure) != 1:
            return question["key"], "answers", ('every question needs exactly one "not sure" answer, marked '
                                                f'unsure: true (this one has {len(unsure)})')
        for i, answer in enumerate(question["answers"], start=1):
            if answer["next"] not in questions and answer["next"] not in results:
                return question["key"], f"answers[{i}].next", (f"'{answer['next']}' is neither a question nor a "
                                                               "result; add it or fix the key")
            if "step" in answer and answer["step"] not in steps:
                return question["key"], f"answers[{i}].step", f"unknown step '{answer['step']}'; steps are {', '.join(sorted(steps))}"
            if "step" in answer and question["key"] != finder["start"]:
                return question["key"], f"answers[{i}].step", "only the answers to the first question can name a step"
    for step in finder["steps"]:
        for field, problem in _refs_problems(step, deadline_keys, pages_dir):
            return step["key"], field, problem
    for result in finder["results"]:
        for field in ("fits", "unlikely"):
            for i, key in enumerate(result.get(field, []), start=1):
                if key not in reasons:
                    return result["key"], f"{field}[{i}]", f"unknown reason '{key}'; add it under reasons or fix the key"
        if not result.get("fits") and not result.get("unlikely"):
            return result["key"], "fits", "a result must say what may fit (fits) or what probably does not (unlikely)"
        for field, problem in _refs_problems(result, deadline_keys, pages_dir):
            return result["key"], field, problem

    # Depth-first from the first question: an answer that leads back to a question still being
    # followed is a loop; whatever is never reached is unreachable.
    state: dict[str, str] = {}

    def visit(key: str):
        state[key] = "open"
        for i, answer in enumerate(questions[key]["answers"], start=1):
            target = answer["next"]
            if state.get(target) == "open":
                return key, f"answers[{i}].next", (f"'{target}' leads back to a question asked before it: "
                                                   "the questions would go round in a loop")
            if target in questions and target not in state:
                found = visit(target)
                if found:
                    return found
            state.setdefault(target, "done")
        state[key] = "done"
        return None

    found = visit(finder["start"])
    if found:
        return found
    for key in [*questions, *results]:
        if key not in state:
            return key, "key", f"no answer leads to '{key}'; link it from an answer or remove it"
    return None


def _refs_problems(entry: dict, deadline_keys: frozenset[str], pages_dir: Path):
    for i, key in enumerate(entry.get("deadlines", []), start=1):
        if key not in deadline_keys:
            yield f"deadlines[{i}]", f"unknown deadline '{key}'; use a key of data/deadlines.yml"
    for i, page in enumerate(entry["pages"], start=1):
        problem = _page_problem(page, pages_dir)
        if problem:
            yield f"pages[{i}]", problem
