#!/usr/bin/env python3
"""Report how easy each page is to read.

English pages: Flesch-Kincaid grade level (lower is easier; aim at 8 or below).
Spanish pages: Fernández-Huerta reading ease (higher is easier; 70+ is "fairly easy",
80+ "easy").
Portuguese pages: Flesch reading ease adapted to Portuguese by Martins et al. (1996)
(higher is easier; 50-75 is "easy", school years 5 to 8; 75+ "very easy").
Haitian Creole pages: no formula has been validated for Creole, so the report gives the two
things such formulas measure: words per sentence and letters per word (lower is easier). Text in "For advocates" boxes, macros, code and citations is left out:
those parts are written for lawyers, on purpose.

Usage: .venv/bin/python scripts/readability.py [docs/en/page.md ...]   (default: every page)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
# The "For advocates" box title in every language (data/ui.yml, advocates_box).
_ADVOCATE_TITLES = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))["strings"]["advocates_box"]
_ADVOCATE = re.compile(r'^[!?]{3}\+? *\w+ +"(' + "|".join(re.escape(t) for t in _ADVOCATE_TITLES.values())
                       + r')[^"]*"\n((?:[ \t]+.*\n|\n)*)', re.M)
_ADMONITION = re.compile(r'^[!?]{3}\+? *[\w-]+(?: +"([^"]*)")?', re.M)
_MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_ATTR = re.compile(r"\{ *[#.][^}]*\}")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAGS = re.compile(r"<[^>]+>")
_ABBR_DEF = re.compile(r"^\*\[.*$", re.M)
_CODE = re.compile(r"`[^`]*`")
_BLOCK_START = re.compile(r"^\s*(?:#+|[-*+]|\d+\.|\|)\s+|^\s*\|")
_WORD = re.compile(r"[A-Za-zÀ-ÿ]+(?:['’-][A-Za-zÀ-ÿ]+)*")
_LETTER = re.compile(r"[A-Za-zÀ-ÿ]")


def page_text(markdown: str) -> str:
    """The prose a reader reads, one block per line, without lawyer-only parts."""
    body = _FRONT.sub("", markdown)
    body = _ADVOCATE.sub("", body)
    body = _ADMONITION.sub(lambda m: (m.group(1) or "") + ".", body)
    for pattern, repl in ((_MACRO, ""), (_ATTR, ""), (_LINK, r"\1"), (_TAGS, " "), (_ABBR_DEF, ""), (_CODE, "")):
        body = pattern.sub(repl, body)
    # One block per paragraph, list item, heading or table row: a line wrapped in the
    # Markdown source continues its paragraph, it does not end a sentence.
    blocks: list[list[str]] = []
    for raw in body.splitlines():
        line = _BLOCK_START.sub("", raw).replace("|", ". ").replace("**", "").strip()
        if not line or set(line) <= set("-:|. "):
            blocks.append([])
        elif _BLOCK_START.match(raw) or not blocks:
            blocks.append([line])
        else:
            blocks[-1].append(line)
    return "\n".join(" ".join(block) for block in blocks if block)


def sentences(text: str) -> int:
    """Sentences end with . ! ? or at the end of a block (paragraph, heading, list item, table row)."""
    count = 0
    for block in text.split("\n"):
        parts = [p for p in re.split(r"[.!?…]+(?:\s|$)", block) if _WORD.search(p)]
        count += max(1, len(parts)) if _WORD.search(block) else 0
    return max(1, count)


def english_syllables(word: str) -> int:
    word = word.lower().strip("'’")
    groups = re.findall(r"[aeiouy]+", word)
    count = len(groups)
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    if word.endswith(("ed", "es")) and not re.search(r"[td]ed$|[sxz]es$|[cs]hes$|ges$|ces$", word) and count > 1:
        count -= 1
    return max(1, count)


def spanish_syllables(word: str) -> int:
    """Vowel nuclei; two strong vowels side by side, or an accented í/ú, split into two."""
    word = word.lower()
    count = 0
    for group in re.findall(r"[aeiouáéíóúü]+", word):
        count += 1
        for a, b in zip(group, group[1:]):
            if (a in "aeoáéó" and b in "aeoáéó") or a in "íú" or b in "íú":
                count += 1
    return max(1, count)


def portuguese_syllables(word: str) -> int:
    """Vowel nuclei. Two strong vowels side by side split (po-e-ta), except the nasal diphthongs
    ão, ãe, õe (mão, mãe, põe); an accented í or ú also splits (sa-í-da)."""
    word = word.lower()
    count = 0
    for group in re.findall(r"[aeiouáéíóúâêôãõàü]+", word):
        count += 1
        for a, b in zip(group, group[1:]):
            if a + b in ("ão", "ãe", "õe"):
                continue
            if (a in "aeoáéóâêô" and b in "aeoáéóâêô") or a in "íú" or b in "íú":
                count += 1
    return max(1, count)


def flesch_portuguese(text: str) -> float:
    """Martins et al. (1996): 248.835 - 1.015 x words per sentence - 84.6 x syllables per word."""
    words = _WORD.findall(text)
    if not words:
        return 100.0
    words_per_sentence = len(words) / max(1, sentences(text))
    syllables_per_word = sum(portuguese_syllables(w) for w in words) / len(words)
    return 248.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word


def words_per_sentence(text: str) -> float:
    return len(_WORD.findall(text)) / max(1, sentences(text))


def letters_per_word(text: str) -> float:
    words = _WORD.findall(text)
    return sum(len(_LETTER.findall(w)) for w in words) / max(1, len(words))


def flesch_kincaid_grade(text: str) -> float:
    words = _WORD.findall(text)
    if not words:
        return 0.0
    syllables = sum(english_syllables(w) for w in words)
    return 0.39 * len(words) / sentences(text) + 11.8 * syllables / len(words) - 15.59


def fernandez_huerta(text: str) -> float:
    words = _WORD.findall(text)
    if not words:
        return 100.0
    # L = 206.84 - 0.60 P - 1.02 F; P = syllables per 100 words, F = words per sentence.
    syllables_per_100 = 100 * sum(spanish_syllables(w) for w in words) / len(words)
    words_per_sentence = len(words) / max(1, sentences(text))
    return 206.84 - 0.60 * syllables_per_100 - 1.02 * words_per_sentence


def score(path: Path) -> tuple[str, str, float]:
    """(audience, formula, value) for one page."""
    markdown = path.read_text(encoding="utf-8")
    meta = yaml.safe_load(_FRONT.match(markdown).group(1)) if _FRONT.match(markdown) else {}
    lang = path.relative_to(ROOT / "docs").parts[0]
    text = page_text(markdown)
    audience = meta.get("audience", "?")
    if lang == "es":
        return audience, "Fernández-Huerta", fernandez_huerta(text)
    if lang == "pt":
        return audience, "Flesch (Martins)", flesch_portuguese(text)
    if lang == "ht":
        return audience, f"letters/word {letters_per_word(text):.1f}; words/sentence", words_per_sentence(text)
    return audience, "FK grade", flesch_kincaid_grade(text)


def main(argv: list[str]) -> int:
    paths = [Path(a).resolve() for a in argv] or sorted((ROOT / "docs").rglob("*.md"))
    for path in paths:
        audience, formula, value = score(path)
        print(f"{value:6.1f}  {formula:34}  {audience:9}  {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
