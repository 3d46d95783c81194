"""Keep the addresses of moved pages working, in every language.

Clinics link to pages of this guide from their own pages and emails. When a page moves,
data/redirects.yml gets one line, `old/page.md: new/page.md`, and each language's build
writes a small page at the old address that sends the reader to the new one
(macros/redirects.py). Listed before hosting.py, so that hosting.py gives these pages the
Content-Security-Policy too.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from macros.data import read_yaml  # noqa: E402
from macros.i18n import ui  # noqa: E402
from macros.redirects import FILE, check_redirects, page_url, redirect_page  # noqa: E402

# MkDocs loads this file once for every language's build: titles are kept per language.
_redirects: dict[str, str] = {}
_titles: dict[tuple[str, str], str] = {}


def _default_pages(config) -> set[str]:
    """Page paths of the default language, which every other language falls back to."""
    languages = [alt["lang"] for alt in config.extra["alternate"]]
    docs = os.path.join(os.path.dirname(os.path.abspath(config.docs_dir)), languages[0])
    return {os.path.relpath(os.path.join(folder, name), docs).replace(os.sep, "/")
            for folder, _dirs, names in os.walk(docs) for name in names if name.endswith(".md")}


def on_config(config):
    languages = tuple(alt["lang"] for alt in config.extra["alternate"])
    raw = read_yaml(os.path.join(os.path.dirname(config.config_file_path), FILE), FILE)
    _redirects.clear()
    _redirects.update(check_redirects(raw, _default_pages(config), languages))
    return config


def on_post_page(output, page, config):
    _titles[config.theme["language"], page.file.src_uri] = page.title
    return output


def on_post_build(config):
    if not config.use_directory_urls:
        return  # the offline copy (hooks/offline_copy.py): nobody follows an old web address into it
    lang, strings = config.theme["language"], config.extra["ui"]
    site_url = (config.site_url or "/").rstrip("/") + "/"
    for old, new in _redirects.items():
        folder = os.path.join(config.site_dir, *page_url(old).split("/"))
        os.makedirs(folder, exist_ok=True)
        html = redirect_page(old, new, _titles[lang, new], site_url + page_url(new), lang, config.site_name,
                             ui(strings, "moved_title", lang), ui(strings, "moved_text", lang),
                             config.theme["favicon"])
        with open(os.path.join(folder, "index.html"), "w", encoding="utf-8") as fh:
            fh.write(html)
