"""Drop CSS rules that no page of the site can use.

Material's stylesheet styles every feature it offers (blogs, code tabs, diagrams, forty colour
palettes...). This site uses few of them, and every reader pays for the stylesheet on a first
visit. After each build, a rule is removed when one of its selectors' required classes (or its
colour-palette name) appears in no built page and in no script of the site; everything else
(element selectors, @font-face, @keyframes) is kept. Then custom properties that nothing
refers to any more (`--md-admonition-icon--bug`, once no rule uses it) are dropped too. Classes that scripts add
later count as used because their names appear in the scripts.
"""

from __future__ import annotations

import os
import re

from ..passes import BuildPass
from ..rewrite import files, read, write

_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_PALETTE = re.compile(r"\[data-md-color-(primary|accent)=([\w-]+)\]")
_PSEUDO_FUNCTION = re.compile(r":([\w-]+)\(")
# Class names scripts may add: words with a dash or underscore ("md-search__input",
# "focus-visible"). Plain words in scripts ("note", "success") are not taken as classes.
_TOKEN = re.compile(r"[A-Za-z_][\w]*[-_][\w-]*")
_HTML_CLASS = re.compile(r'\bclass="([^"]*)"')
_HTML_PALETTE = re.compile(r'data-md-color-(primary|accent)="([\w-]+)"')
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_NESTING = ("@media", "@supports", "@container", "@layer", "@document")


def _skip_string(css: str, i: int) -> int:
    quote, i = css[i], i + 1
    while i < len(css) and css[i] != quote:
        i += 2 if css[i] == "\\" else 1
    return i


def _block_end(css: str, i: int) -> int:
    """Index of the `}` closing the block whose `{` is at i."""
    depth = 0
    while i < len(css):
        if css[i] in "\"'":
            i = _skip_string(css, i)
        elif css[i] == "{":
            depth += 1
        elif css[i] == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError("unbalanced braces in stylesheet")


def parse(css: str, i: int = 0) -> tuple[list, int]:
    """Split CSS into ("rule", selectors, body), ("block", at-rule, children) and ("raw", text)."""
    items, start = [], i
    while i < len(css):
        char = css[i]
        if char in "\"'":
            i = _skip_string(css, i)
        elif char == "{":
            prelude = css[start:i].strip()
            if prelude.startswith(_NESTING):
                children, i = parse(css, i + 1)
                items.append(("block", prelude, children))
            else:
                end = _block_end(css, i)
                items.append(("rule", prelude, css[i + 1:end]))
                i = end
            start = i + 1
        elif char == "}":
            return items, i
        elif char == ";" and css[start:i].strip().startswith("@"):
            items.append(("raw", css[start:i + 1].strip()))
            start = i + 1
        i += 1
    return items, i


def split_selectors(prelude: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, char in enumerate(prelude):
        depth += char in "(["
        depth -= char in ")]"
        if char == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
    return parts + [prelude[start:]]


def _pseudo_groups(selector: str) -> tuple[str, list[tuple[str, str]]]:
    """The selector without functional pseudo-classes, and each (name, argument) removed."""
    groups, out, i = [], [], 0
    for match in _PSEUDO_FUNCTION.finditer(selector):
        if match.start() < i:
            continue  # nested inside a group already taken
        depth, j = 0, match.end() - 1
        while j < len(selector):
            depth += selector[j] == "("
            depth -= selector[j] == ")"
            if depth == 0:
                break
            j += 1
        out.append(selector[i:match.start()])
        groups.append((match.group(1), selector[match.end():j]))
        i = j + 1
    out.append(selector[i:])
    return "".join(out), groups


def selector_used(selector: str, classes: set[str], prefixes: tuple[str, ...], palettes: set[str]) -> bool:
    for kind, name in _PALETTE.findall(selector):
        if f"{kind}={name}" not in palettes:
            return False
    rest, groups = _pseudo_groups(selector)
    for name, argument in groups:
        # :is(.a,.b) needs one of its alternatives; :not(...) needs nothing.
        if name in ("is", "where", "has", "matches", "-webkit-any", "-moz-any") and not any(
                selector_used(alt, classes, prefixes, palettes) for alt in split_selectors(argument)):
            return False
    return all(c in classes or c.startswith(prefixes) for c in _CLASS.findall(rest))


def rebuild(items: list, rule) -> str:
    """CSS text from parsed `items`; `rule(prelude, body)` returns a rule's new text, or "" to drop it.
    At-rules such as @font-face and @keyframes are kept whole; emptied @media blocks are dropped."""
    out = []
    for item in items:
        if item[0] == "raw":
            out.append(item[1])
        elif item[0] == "block":
            inner = rebuild(item[2], rule)
            if inner:
                out.append(f"{item[1]}{{{inner}}}")
        elif item[1].startswith("@"):
            out.append(f"{item[1]}{{{item[2]}}}")
        else:
            out.append(rule(item[1], item[2]))
    return "".join(out)


def purge(css: str, classes: set[str], prefixes: tuple[str, ...], palettes: set[str]) -> str:
    def keep_used_selectors(prelude: str, body: str) -> str:
        if not _CLASS.search(prelude) and not _PALETTE.search(prelude):
            return f"{prelude}{{{body}}}"
        kept = [s for s in split_selectors(prelude) if selector_used(s, classes, prefixes, palettes)]
        return f"{','.join(kept)}{{{body}}}" if kept else ""

    return rebuild(parse(_COMMENT.sub("", css))[0], keep_used_selectors)


_VAR = re.compile(r"var\(\s*(--[\w-]+)")
_DECLARED = re.compile(r"^\s*(--[\w-]+)\s*:")


def split_declarations(body: str) -> list[str]:
    parts, depth, start, i = [], 0, 0, 0
    while i < len(body):
        char = body[i]
        if char in "\"'":
            i = _skip_string(body, i)
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == ";" and depth == 0:
            parts.append(body[start:i])
            start = i + 1
        i += 1
    return [p for p in parts + [body[start:]] if p.strip()]


def drop_unreferenced_properties(css: str, referenced: set[str]) -> str:
    """`css` without declarations of custom properties that no `var()` in `referenced` names."""
    def keep_referenced(prelude: str, body: str) -> str:
        kept = [d for d in split_declarations(body)
                if not (_DECLARED.match(d) and _DECLARED.match(d).group(1) not in referenced)]
        return f"{prelude}{{{';'.join(kept)}}}" if kept else ""

    return rebuild(parse(css)[0], keep_referenced)


# Scripts carry the class names of every Material feature, used or not. A class named only in
# a script counts when its component (the part before "__" or "--") is on some page, or when
# the script makes the component itself: these are the ones this site's features create.
SCRIPT_MADE_COMPONENTS = {"md-tooltip", "md-tooltip2", "focus-visible", "js-focus-visible"}


def component(name: str) -> str:
    """"md-search-result__link" -> "md-search-result"; "md-nav--primary" -> "md-nav"."""
    return re.split(r"__|--", name, maxsplit=1)[0]


def used_names(site_dir: str, skip=()) -> tuple[set[str], tuple[str, ...], set[str]]:
    """Classes in pages and scripts, class-name prefixes built by scripts, palettes in pages."""
    classes, palettes, scripted = set(), set(), set()
    for path in files(site_dir, "*.html", skip):
        html = read(path)
        for value in _HTML_CLASS.findall(html):
            classes.update(value.split())
        palettes.update(f"{kind}={name}" for kind, name in _HTML_PALETTE.findall(html))
    for path in files(site_dir, "*.js", skip):
        scripted.update(_TOKEN.findall(read(path)))
    on_pages = {component(c) for c in classes} | SCRIPT_MADE_COMPONENTS
    classes |= {c for c in scripted if component(c) in on_pages}
    prefixes = tuple(sorted(c for c in classes if c.endswith(("-", "_")) and len(c) > 3))
    return classes, prefixes, palettes


def prune_stylesheets(p: BuildPass) -> None:
    # Other languages' folders hold their own pages and stylesheets, pruned by their own passes.
    skip = p.build.languages[1:] if p.default else ()
    classes, prefixes, palettes = used_names(p.site_dir, skip)
    sheets = {path: purge(read(path), classes, prefixes, palettes)
              for path in files(os.path.join(p.site_dir, "assets", "stylesheets"), "*.css")}
    # Scripts and pages may read custom properties too: count their var() uses as well.
    others = "".join(read(path) for pattern in ("*.js", "*.html") for path in files(p.site_dir, pattern, skip))
    for _ in range(3):  # a property may only be used by another one that is now gone
        referenced = set(_VAR.findall(others + "".join(sheets.values())))
        sheets = {path: drop_unreferenced_properties(css, referenced) for path, css in sheets.items()}
    for path, css in sheets.items():
        write(path, css)
