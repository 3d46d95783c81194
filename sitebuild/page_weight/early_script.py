"""Material's two inline scripts become one small file that the browser caches.

Every page carries, inline, the helpers Material keeps its settings with (in <head>) and the
script that puts back the reader's colour scheme (after the palette buttons). They are the same
on every page, about 0.3 KB compressed that every page view pays for again, and each needs a
hash in the page's security policy. After the pages are written they are replaced by one
<script src> in the place of the second (the first has nothing to do before it), which loads
assets/javascripts/early.<hash>.js: the two scripts, in their order, the first one reading where
the site starts from its own address instead of the page's, and one line of the guide's own.

If Material changes either script, the build stops here (they are matched exactly, by their
start): the file would otherwise hold the old version.
"""

from __future__ import annotations

import hashlib
import os
import re

from mkdocs.exceptions import PluginError

from ..passes import BuildPass
from ..rewrite import rewrite_files, write

SCRIPTS = "assets/javascripts"
# `__md_scope=new URL("../..",location),...`: the path to the site's root from the page.
_SETTINGS = re.compile(r'<script>__md_scope=new URL\("([^"]*)",location\),(.*?)</script>\n?', re.S)
_PALETTE = re.compile(r'<script>(var palette=__md_get\("__palette"\);.*?)</script>', re.S)


# The guide's one line: it does what Material's script does at the end of the page (the page is
# no longer "no-js") before the page's text is laid out, so that what shows only with scripts
# (the print button, the search button) takes its place at once instead of pushing the text
# down when the page has loaded (a layout shift, which Lighthouse counts).
_SCRIPTS_RUN = 'document.documentElement.classList.remove("no-js");'


def script_text(settings: str, palette: str, then: tuple[str, ...] = ()) -> str:
    # The file is in assets/javascripts/, two folders below the site's root.
    return "".join(f"{part}\n" for part in (
        f'__md_scope=new URL("../..",document.currentScript.src),{settings};', palette, _SCRIPTS_RUN, *then))


def file_name(text: str) -> str:
    return f"early.{hashlib.sha256(text.encode()).hexdigest()[:8]}.js"


def move_inline_scripts(p: BuildPass, then: tuple[str, ...] = ()) -> None:
    """Replace Material's inline scripts in every page of the pass with the early file, which runs
    them and then the scripts `then` (the guide's own, script_on_demand.py's loader)."""
    found: dict[str, str] = {}

    def change(html: str) -> str:
        settings, palette = _SETTINGS.search(html), _PALETTE.search(html)
        if not settings:
            if "__md_scope" in html:
                raise PluginError("sitebuild/page_weight/early_script.py: Material's settings script has changed")
            return html  # a page of our own (a moved page's old address)
        if not palette:
            raise PluginError("sitebuild/page_weight/early_script.py: a page has Material's settings script "
                              "but not its colour-scheme script; Material's templates have changed")
        text = script_text(settings.group(2), palette.group(1), then)
        if found.setdefault("text", text) != text:
            raise PluginError("sitebuild/page_weight/early_script.py: Material's inline scripts differ between pages")
        root = settings.group(1)
        prefix = root if root.endswith("/") else f"{root}/" if root else "./"
        tag = f'<script src="{prefix}{SCRIPTS}/{file_name(text)}"></script>'
        html = html[:settings.start()] + html[settings.end():]
        return _PALETTE.sub(lambda _m: tag, html, count=1)

    # Other languages' folders hold their own pages: their passes rewrite them.
    skip = p.build.languages[1:] if p.default else ()
    rewrite_files(p.site_dir, "*.html", change, skip=skip)
    if "text" not in found:
        raise PluginError("sitebuild/page_weight/early_script.py: no page has Material's inline scripts; "
                          "Material's templates have changed")
    write(os.path.join(p.site_dir, *SCRIPTS.split("/"), file_name(found["text"])), found["text"])
