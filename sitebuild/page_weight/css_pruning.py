"""Drop CSS rules that no page of the site can use.

Material's stylesheet styles every feature it offers (blogs, code tabs, diagrams, forty colour
palettes...). This site uses few of them, and every reader pays for the stylesheet on a first
visit. After each language's pages are built, its stylesheets are parsed (tinycss2) and a
selector is dropped when it needs a class that no page of that language carries and that
Material's scripts do not add later (runtime_classes.py), or a colour palette no page uses; a
rule goes when all its selectors have gone. Everything else (element selectors, @font-face,
@keyframes) is kept. Then custom properties that nothing refers to any more
(`--md-admonition-icon--bug`, once no rule uses it) are dropped too.

A stylesheet the parser cannot read stops the build, rather than being cut at a guess.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

import tinycss2

from ..passes import BuildPass
from ..rewrite import files, read, write
from . import runtime_classes

_HTML_CLASS = re.compile(r'\bclass="([^"]*)"')
_HTML_PALETTE = re.compile(r'data-md-color-(primary|accent)="([\w-]+)"')
_VAR = re.compile(r"var\(\s*(--[\w-]+)")
_PALETTE_ATTRIBUTES = {"data-md-color-primary": "primary", "data-md-color-accent": "accent"}
# At-rules that hold rules: pruned inside. Every other at-rule (@font-face, @keyframes, @page) is kept whole.
_GROUPS = {"media", "supports", "container", "layer", "document"}
# Functional pseudo-classes matched when one of their selectors is; :not() and the rest need nothing.
_ANY_OF = {"is", "where", "has", "matches", "-webkit-any", "-moz-any"}


@dataclass(frozen=True)
class Used:
    classes: frozenset[str]
    palettes: frozenset[str]   # "primary=indigo"


def _parse(css: str, where: str) -> list:
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return _checked(rules, where)


def _checked(nodes: list, where: str) -> list:
    for node in nodes:
        if node.type == "error":
            raise ValueError(f"{where}: CSS the parser cannot read at line {node.source_line}: {node.message}")
    return nodes


def _split_commas(tokens: list) -> list[list]:
    parts: list[list] = [[]]
    for token in tokens:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def _palette(block) -> str | None:
    """'primary=indigo' for the attribute selector [data-md-color-primary=indigo], else None."""
    tokens = [t for t in block.content if t.type != "whitespace"]
    if len(tokens) == 3 and tokens[0].type == "ident" and tokens[1] == "=" and tokens[2].type in ("ident", "string"):
        kind = _PALETTE_ATTRIBUTES.get(tokens[0].value)
        return f"{kind}={tokens[2].value}" if kind else None
    return None


def selector_used(tokens: list, used: Used) -> bool:
    previous = None
    for token in tokens:
        after_dot = previous is not None and previous.type == "literal" and previous.value == "."
        after_colon = previous is not None and previous.type == "literal" and previous.value == ":"
        if after_dot and token.type == "ident" and token.value not in used.classes:
            return False
        if token.type == "[] block":
            palette = _palette(token)
            if palette is not None and palette not in used.palettes:
                return False
        if after_colon and token.type == "function" and token.lower_name in _ANY_OF and not any(
                selector_used(alternative, used) for alternative in _split_commas(token.arguments)):
            return False
        previous = token
    return True


def _rebuild(rules: list, rule_text, where: str) -> str:
    """CSS text from parsed `rules`; `rule_text(rule)` gives a plain rule's new text, or "" to drop it.
    Group at-rules are rebuilt from their pruned rules, and left out when none is left."""
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            out.append(rule_text(rule))
        elif rule.lower_at_keyword in _GROUPS and rule.content is not None:
            inner = _rebuild(_checked(tinycss2.parse_rule_list(rule.content, skip_comments=True,
                                                               skip_whitespace=True), where), rule_text, where)
            if inner:
                out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}")
        else:
            out.append(rule.serialize())
    return "".join(out)


def prune(css: str, used: Used, where: str = "stylesheet") -> str:
    """`css` without the selectors, and rules, that need a class or palette not in `used`."""
    def kept_selectors(rule) -> str:
        kept = [tinycss2.serialize(s).strip() for s in _split_commas(rule.prelude) if selector_used(s, used)]
        return f"{','.join(kept)}{{{tinycss2.serialize(rule.content)}}}" if kept else ""

    return _rebuild(_parse(css, where), kept_selectors, where)


def drop_unreferenced_properties(css: str, referenced: set[str], where: str = "stylesheet") -> str:
    """`css` without declarations of custom properties that no `var()` in `referenced` names."""
    def kept_declarations(rule) -> str:
        items = _checked(tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True),
                         where)
        kept = [item.serialize() for item in items
                if not (item.type == "declaration" and item.name.startswith("--") and item.name not in referenced)]
        return f"{tinycss2.serialize(rule.prelude).strip()}{{{';'.join(kept)}}}" if kept else ""

    return _rebuild(_parse(css, where), kept_declarations, where)


def used_on_pages(pages: list[str]) -> Used:
    """The classes and palettes in `pages` (HTML texts), with the classes scripts add later."""
    classes, palettes = runtime_classes.runtime_classes(), set()
    for html in pages:
        for value in _HTML_CLASS.findall(html):
            classes.update(value.split())
        palettes.update(f"{kind}={name}" for kind, name in _HTML_PALETTE.findall(html))
    return Used(frozenset(classes), frozenset(palettes))


def prune_stylesheets(p: BuildPass) -> None:
    # Other languages' folders hold their own pages and stylesheets, pruned by their own passes.
    skip = p.build.languages[1:] if p.default else ()
    pages = [read(path) for path in files(p.site_dir, "*.html", skip)]
    scripts = "".join(read(path) for path in files(p.site_dir, "*.js", skip))
    runtime_classes.check(scripts)
    used = used_on_pages(pages)
    sheets = {path: prune(read(path), used, path)
              for path in files(os.path.join(p.site_dir, "assets", "stylesheets"), "*.css")}
    # Scripts and pages may read custom properties too: count their var() uses as well.
    others = scripts + "".join(pages)
    for _ in range(3):  # a property may only be used by another one that is now gone
        referenced = set(_VAR.findall(others + "".join(sheets.values())))
        sheets = {path: drop_unreferenced_properties(css, referenced, path) for path, css in sheets.items()}
    for path, css in sheets.items():
        write(path, css)
