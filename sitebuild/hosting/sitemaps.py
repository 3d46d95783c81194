"""Tell search engines which pages are translations of each other, in the sitemaps.

Each page exists at the same path in every language (`/x/` and `/es/x/`). Declaring that in
the page <head> with <link rel="alternate" hreflang> would make Material's JavaScript
download every language's sitemap on every page view; declaring it in the sitemaps costs
readers nothing. Runs once, after every language has been built.
"""

from __future__ import annotations

import gzip
import os
import re

from ..passes import Build
from ..rewrite import read, write

_XHTML = 'xmlns:xhtml="http://www.w3.org/1999/xhtml"'
_LOC = re.compile(r"<loc>([^<]*)</loc>")


def language_base(site_url: str, lang: str, default: str) -> str:
    base = site_url.rstrip("/") + "/"
    return base if lang == default else f"{base}{lang}/"


def with_alternates(xml: str, lang: str, languages: list[str], site_url: str) -> str:
    """`xml` (one language's sitemap) with an hreflang link to every language's version of each URL."""
    own = language_base(site_url, lang, languages[0])

    def add(match: re.Match) -> str:
        loc = match.group(1)
        if not loc.startswith(own):
            return match.group(0)
        path = loc[len(own):]
        links = "".join(f'<xhtml:link rel="alternate" hreflang="{other}" '
                        f'href="{language_base(site_url, other, languages[0])}{path}"/>' for other in languages)
        return match.group(0) + links

    xml = xml.replace("<urlset ", f"<urlset {_XHTML} ", 1) if _XHTML not in xml else xml
    return _LOC.sub(add, xml)


def add_alternates(build: Build) -> None:
    for p in build.passes:
        path = os.path.join(p.site_dir, "sitemap.xml")
        xml = with_alternates(read(path), p.lang, list(build.languages), build.site_url)
        write(path, xml)
        with open(path + ".gz", "wb") as fh:
            fh.write(gzip.compress(xml.encode("utf-8"), mtime=0))
