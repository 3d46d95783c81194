"""The termbase (data/terms.yml): find the variants a language's pages and data must not use.

A variant matches as a phrase, ignoring case and line breaks, and only as whole words, so that
"en 30 días" is not found inside a longer correct phrase that merely ends the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Finding:
    variant: str
    use: str
    why: str
    term: str


@lru_cache(maxsize=None)
def _pattern(variant: str) -> re.Pattern:
    words = r"\s+".join(re.escape(w) for w in variant.split())
    return re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)


def avoided_in(text: str, lang: str, terms: list[dict], page: str | None = None) -> list[Finding]:
    """Every avoided variant of `lang` found in `text` (a page's text, or one data string)."""
    found = []
    for term in terms:
        entry = term["terms"].get(lang)
        if not entry or (page and page in term.get("allow_on", ())):
            continue
        for variant in entry.get("avoid", ()):
            if _pattern(variant["text"]).search(text):
                found.append(Finding(variant["text"], entry["use"], variant["why"], term["key"]))
    return found
