"""Fewer files on a reader's first visit: one stylesheet instead of four, the guide's script in the early one.

Every file is a separate request, and each request costs a reader on a slow network a round
trip and some hundreds of bytes of headers. So after the stylesheets are final (css_pruning.py),

- Material's stylesheet, its palette and the guide's two stylesheets (cat-guide.css, print.css)
  become one file, in the same cascade order, named by its content so that a changed stylesheet
  is never served from an old cache; every page links to that file alone;
- the guide's script (overrides/assets/javascripts/cat-guide.js) joins the early script
  (early_script.py), which every page loads, and is not published on its own.

The stylesheets all live in assets/stylesheets/, so relative url()s in them still resolve.
"""

from __future__ import annotations

import hashlib
import os
import re

from mkdocs.exceptions import PluginError

from ..passes import BuildPass
from ..rewrite import read, rewrite_files, write

STYLES = "assets/stylesheets"
GUIDE_SCRIPT = "assets/javascripts/cat-guide.js"
_LINKS = re.compile(r'(?:<link rel="stylesheet" href="([^"]*)">\s*)+')
_HREF = re.compile(r'<link rel="stylesheet" href="([^"]*)">')
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")


def combined_name(css: str) -> str:
    return f"site.{hashlib.sha256(css.encode()).hexdigest()[:8]}.css"


def relink(html: str, order: list[str], name: str) -> str:
    """Replace the page's run of stylesheet links (exactly `order`, by file name) with one link."""
    def swap(match: re.Match) -> str:
        hrefs = _HREF.findall(match.group(0))
        names = [href.rsplit("/", 1)[-1] for href in hrefs]
        if names != order:
            raise PluginError(f"sitebuild/page_weight/fewer_requests.py: a page links to {names}, expected {order}")
        folder = hrefs[0][: len(hrefs[0]) - len(names[0])]
        return f'<link rel="stylesheet" href="{folder}{name}">\n'
    return _LINKS.sub(swap, html, count=1)


def compact_script(source: str) -> str:
    """The guide's script without comments and indentation (it has no strings that contain them)."""
    lines = (line.strip() for line in _COMMENT.sub("", source).splitlines())
    return "\n".join(line for line in lines if line)


def _stylesheet_order(p: BuildPass) -> list[str]:
    folder = os.path.join(p.site_dir, *STYLES.split("/"))
    material = sorted(n for n in os.listdir(folder) if n.startswith(("main.", "palette.")) and n.endswith(".min.css"))
    extra = [str(path).rsplit("/", 1)[-1] for path in p.config.extra_css]
    return material + extra


def join_stylesheets(p: BuildPass) -> None:
    """One stylesheet, named by its content, for every page of the pass."""
    order = _stylesheet_order(p)
    folder = os.path.join(p.site_dir, *STYLES.split("/"))
    css = "".join(_SOURCE_MAP.sub("", read(os.path.join(folder, name))).rstrip() + "\n"  # the maps no longer fit
                  for name in order)
    name = combined_name(css)
    write(os.path.join(folder, name), css)
    for old in order:
        for path in (os.path.join(folder, old), os.path.join(folder, old + ".map")):
            if os.path.exists(path):
                os.remove(path)
    # Other languages' folders hold their own pages and stylesheets: their passes relink them.
    skip = p.build.languages[1:] if p.default else ()
    rewrite_files(p.site_dir, "*.html", lambda html: relink(html, order, name), skip=skip)


def take_guide_script(p: BuildPass) -> str:
    """The guide's script, set to run once the page is parsed (the early script that carries it
    runs in the page's header), and no longer published on its own."""
    script = os.path.join(p.site_dir, *GUIDE_SCRIPT.split("/"))
    text = compact_script(read(script))
    os.remove(script)
    return 'document.addEventListener("DOMContentLoaded", function () {\n' + text + '\n});'
