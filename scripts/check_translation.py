#!/usr/bin/env python3
"""Check that translated pages keep the English page's structure.

A translation changes the words, never the skeleton: the same front matter (apart from title and
description), the same section ids `{ #id }`, the same macros, the same kinds and number of boxes and
at least the English page's links to other pages. A translator or reviewer runs this before proposing a change; the test
suite runs the same check (tests/test_translations.py).

Usage: .venv/bin/python scripts/check_translation.py LANG [page.md ...]   (default: every page)
       e.g. .venv/bin/python scripts/check_translation.py pt qualify/torture-definition.md
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
# A translation has its own title, description and review date.
TRANSLATED_FIELDS = {"title", "description", "last_reviewed"}

_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_ID = re.compile(r"\{ *#([\w-]+)[^}]*\}")
_MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_BOX = re.compile(r"^ *([!?]{3}\+?) *([\w-]+)", re.M)
_LINK = re.compile(r"\]\(([^)\s#]*\.md)(#[\w-]+)?[^)]*\)")


def skeleton(markdown: str) -> dict[str, object]:
    """What must be the same in every language: front matter, ids, macros, boxes, page links."""
    match = _FRONT.match(markdown)
    meta = yaml.safe_load(match.group(1)) if match else {}
    return {
        "front matter": {k: v for k, v in (meta or {}).items() if k not in TRANSLATED_FIELDS},
        "front matter fields": sorted((meta or {}).keys()),
        "section ids": _ID.findall(markdown),
        "macros": Counter(re.sub(r"\s+", " ", m) for m in _MACRO.findall(markdown)),
        "boxes": Counter(f"{mark} {kind}" for mark, kind in _BOX.findall(markdown)),
        "links to pages": Counter(path + (anchor or "") for path, anchor in _LINK.findall(markdown)),
    }


def differences(english: str, translated: str) -> list[str]:
    """How a translation's skeleton differs from the English page's, one line per difference."""
    want, got = skeleton(english), skeleton(translated)
    found = []
    for part, expected in want.items():
        actual = got[part]
        if expected == actual:
            continue
        if isinstance(expected, Counter):
            missing, extra = expected - actual, actual - expected
            if missing:
                found.append(f"{part}: missing {sorted(missing.elements())}")
            if extra and part != "links to pages":  # a translation may link a term to the glossary
                found.append(f"{part}: not in the English page {sorted(extra.elements())}")
        elif part == "section ids":
            missing = [i for i in expected if i not in actual]
            extra = [i for i in actual if i not in expected]
            found.append(f"{part}: missing {missing}, extra {extra}" if missing or extra
                         else f"{part}: same ids in another order")
        else:
            found.append(f"{part}: English has {expected}, the translation has {actual}")
    return found


def check(lang: str, pages: list[str]) -> list[str]:
    problems = []
    for md in pages:
        english, translated = ROOT / "docs" / "en" / md, ROOT / "docs" / lang / md
        if not translated.exists():
            problems.append(f"docs/{lang}/{md}: not translated yet")
            continue
        for line in differences(english.read_text(encoding="utf-8"), translated.read_text(encoding="utf-8")):
            problems.append(f"docs/{lang}/{md}: {line}")
    return problems


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    lang, pages = argv[0], argv[1:]
    pages = pages or sorted(str(p.relative_to(ROOT / "docs" / "en")) for p in (ROOT / "docs" / "en").rglob("*.md"))
    problems = check(lang, pages)
    print("\n".join(problems) or f"{len(pages)} page(s): same structure as English.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
