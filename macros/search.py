"""Search index helpers (pure functions, used by sitebuild/languages/search_folding.py)."""

from __future__ import annotations

import re

from .citation import ANCHOR as CITATION_ANCHOR
from .i18n import fold_accents

_WORD = re.compile(r"\w+", re.UNICODE)
_TAG = re.compile(r"<[^>]+>")


def folded_words(text: str) -> list[str]:
    """Each distinct accented word of `text`, without its accents, in first-seen order."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(_TAG.sub(" ", text)):
        plain = fold_accents(word)
        if plain != word and plain.lower() not in seen:
            seen[plain.lower()] = None
    return list(seen)


def fold_entry(doc: dict) -> dict:
    """A search index entry with the unaccented forms of its title and text appended."""
    extra = folded_words(f"{doc.get('title', '')} {doc.get('text', '')}")
    if not extra:
        return doc
    return {**doc, "text": f"{doc.get('text', '')} <span hidden>{' '.join(extra)}</span>"}


# Sections every page ends with, the same on every page: the list of sources (its heading is made
# in macros/__init__.py, on_post_page_macros) and the "Cite this page" box (macros/citation.py).
# In the search index they only repeat citations, and outrank the text that answers a question.
SOURCES_ANCHOR = "sources"
BOILERPLATE_ANCHORS = (SOURCES_ANCHOR, CITATION_ANCHOR)


def is_boilerplate(doc: dict) -> bool:
    """Whether a search index entry is one of a page's closing sections (sources, citation)."""
    _page, hash_sign, anchor = doc.get("location", "").partition("#")
    return bool(hash_sign) and anchor in BOILERPLATE_ANCHORS
