"""Give inline SVG drawings (the process diagrams) their print styles in the PDFs.

WeasyPrint draws an inline <svg> with the styles written inside it only: the page's stylesheets
do not reach it, and a diagram styled by classes comes out as black shapes. So each drawing gets
a <style> of its own, holding the rules of the page's stylesheets that name one of its classes:
the rules for every medium, then those for print, in the order a browser applies them. Only
plain rules are copied; WeasyPrint reads no @media inside an SVG.
"""

from __future__ import annotations

import re

import tinycss2

_SVG = re.compile(r"(<svg\b[^>]*>)(.*?</svg>)", re.S)
_CLASS_ATTR = re.compile(r'\bclass="([^"]*)"')
_SELECTOR_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")


def _print_rules(css: str) -> list:
    """The plain rules of a stylesheet that apply in print: top-level ones, and those in @media print."""
    rules = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "qualified-rule":
            rules.append(rule)
        elif rule.type == "at-rule" and rule.lower_at_keyword == "media" and rule.content is not None \
                and tinycss2.serialize(rule.prelude).strip().lower() == "print":
            rules += [r for r in tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
                      if r.type == "qualified-rule"]
    return rules


def rules_for(stylesheets: list[str], classes: set[str]) -> str:
    """The rules of `stylesheets` (CSS texts, in cascade order) whose selectors name one of `classes`."""
    kept = []
    for css in stylesheets:
        for rule in _print_rules(css):
            if classes & set(_SELECTOR_CLASS.findall(tinycss2.serialize(rule.prelude))):
                kept.append(f"{tinycss2.serialize(rule.prelude).strip()}{{{tinycss2.serialize(rule.content)}}}")
    return "".join(kept)


def with_svg_styles(html: str, stylesheets: list[str]) -> str:
    """`html` with a <style> in each inline SVG that the stylesheets style by class."""
    def add(match: re.Match) -> str:
        classes = {name for value in _CLASS_ATTR.findall(match.group(0)) for name in value.split()}
        css = rules_for(stylesheets, classes) if classes else ""
        return f"{match.group(1)}<style>{css}</style>{match.group(2)}" if css else match.group(0)

    return _SVG.sub(add, html)
