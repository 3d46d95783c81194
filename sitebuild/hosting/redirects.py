"""Keep the addresses of moved pages working, in every language.

Clinics link to pages of this guide from their own pages and emails. When a page moves,
data/redirects.yml gets one line, `old/page.md: new/page.md`, and each language's pass writes a
small page at the old address that sends the reader to the new one (macros/redirects.py). The
policy step (csp.py) runs after, so these pages get the Content-Security-Policy too.
"""

from __future__ import annotations

import os

from macros.data import read_yaml
from macros.i18n import ui
from macros.redirects import FILE, check_redirects, page_url, redirect_page

from ..languages.fallback import source_files
from ..passes import Build, BuildPass
from ..rewrite import write


def read_redirects(build: Build) -> None:
    """Read data/redirects.yml, checked against the default language's pages, which every
    other language falls back to."""
    raw = read_yaml(os.path.join(build.project, FILE), FILE)
    pages = {src for src in source_files(build.passes[0].docs_dir) if src.endswith(".md")}
    build.redirects = check_redirects(raw, pages, build.languages)


def remember_title(page, p: BuildPass) -> None:
    p.titles[page.file.src_uri] = page.title


def write_redirect_pages(p: BuildPass) -> None:
    config, strings = p.config, p.config.extra["ui"]
    site_url = (config.site_url or "/").rstrip("/") + "/"
    for old, new in p.build.redirects.items():
        folder = os.path.join(p.site_dir, *page_url(old).split("/"))
        os.makedirs(folder, exist_ok=True)
        write(os.path.join(folder, "index.html"),
              redirect_page(old, new, p.titles[new], site_url + page_url(new), p.lang, config.site_name,
                            ui(strings, "moved_title", p.lang), ui(strings, "moved_text", p.lang),
                            config.theme["favicon"]))
