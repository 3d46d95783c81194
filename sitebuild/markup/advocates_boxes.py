"""Fold the "For advocates" boxes: on screen an applicant reads past them, an advocate opens them.

Writers keep writing `!!! info "For advocates"` (CONTRIBUTING.md). This Markdown step turns each
such box, as the admonition extension made it, into a disclosure that is closed on screen:
`<details class="admonition info cat-advocates"><summary>For advocates</summary>...</details>`,
which browsers make keyboard and screen-reader friendly on their own (Enter or Space on the
summary; "collapsed"/"expanded"). The box title is the data/ui.yml string `advocates_box` in any
language of the site (a page shown in English on the Spanish site keeps its English title).

Paper shows them open: print.css opens every box in print (Chromium and WeasyPrint), with or
without scripts. The site's script (cat-guide.js) opens the box that holds the target of a
link (#anchor) and every box before the browser prints.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

CLASS = "cat-advocates"


class _Fold(Treeprocessor):
    def __init__(self, md, titles: frozenset[str]):
        super().__init__(md)
        self.titles = titles

    def run(self, root: etree.Element) -> None:
        for box in root.iter("div"):
            classes = (box.get("class") or "").split()
            if "admonition" not in classes or "info" not in classes or not len(box):
                continue
            title = box[0]
            if title.tag != "p" or "admonition-title" not in (title.get("class") or "").split():
                continue
            if " ".join("".join(title.itertext()).split()) not in self.titles:
                continue
            box.tag = "details"
            box.set("class", " ".join([*classes, CLASS]))
            title.tag = "summary"
            del title.attrib["class"]


class AdvocatesBoxes(Extension):
    def __init__(self, titles, **kwargs):
        self.titles = frozenset(titles)
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        # After the inline patterns (20), which fill in the title, before attr_list and toc.
        md.treeprocessors.register(_Fold(md, self.titles), "cat_advocates_boxes", 15)


def register(config) -> None:
    """Add the step to the pass's Markdown, once; the titles come from data/ui.yml (read by
    sitebuild/languages/settings.py)."""
    from macros.i18n import ui

    extensions = config.markdown_extensions
    titles = [ui(config.extra["ui"], "advocates_box", lang) for lang in config.extra["ui"]["strings"]["advocates_box"]]
    extensions[:] = [e for e in extensions if not isinstance(e, AdvocatesBoxes)] + [AdvocatesBoxes(titles)]
