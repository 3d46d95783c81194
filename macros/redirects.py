"""Moved pages: check data/redirects.yml and write the small page left at each old address."""

from __future__ import annotations

from html import escape

from .errors import DataError
from .schema import Context, Str

FILE = "data/redirects.yml"
PAGE_PATH = Str(r"[a-z0-9_-]+(?:/[a-z0-9_-]+)*\.md", "use a page path inside docs/<language>/, like start/what-is-cat.md")
# Loaded by every redirect page: carries the #section of the old address along (a meta refresh drops it).
SCRIPT = "assets/javascripts/cat-redirect.js"


def page_url(src: str) -> str:
    """A page's address inside its language, as MkDocs makes it: 'start/x.md' -> 'start/x/',
    'evidence/index.md' -> 'evidence/', 'index.md' -> ''."""
    stem = src.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/" if stem.endswith("/index") else stem + "/"


def check_redirects(raw, pages: set[str], languages: tuple[str, ...]) -> dict[str, str]:
    """{old page: new page}, checked against `pages` (the default language's page paths)."""
    if raw is None:
        return {}  # a file with comments only: nothing has moved yet
    if not isinstance(raw, dict):
        raise DataError(FILE, None, None, "expected one line per moved page, written 'old/page.md: new/page.md'")
    owner = {page_url(p): p for p in pages}
    seen: dict[str, str] = {}
    out = {}
    for old, new in raw.items():
        ctx = Context(file=FILE, languages=languages, entry=str(old))
        old = PAGE_PATH.check(old, ctx, "old page")
        new = PAGE_PATH.check(new, ctx, "new page")
        url = page_url(old)
        if url in owner:
            raise ctx.fail("old page", f"the address {url} still belongs to the page {owner[url]} in "
                                       f"docs/{languages[0]}/; a redirect there would hide it. Move or delete "
                                       "that page first, or remove this line")
        if url in seen:
            raise ctx.fail("old page", f"the address {url} is already redirected by the line for '{seen[url]}'")
        if new not in pages:
            raise ctx.fail("new page", f"page '{new}' does not exist in docs/{languages[0]}/; give the path "
                                       "of the page's new file")
        seen[url] = old
        out[old] = new
    return out


def redirect_page(old: str, new: str, title: str, canonical: str, lang: str, site_name: str,
                  moved_title: str, moved_text: str, favicon: str) -> str:
    """The HTML left at `old`'s address: a meta refresh for browsers, a canonical link for search
    engines and a visible link for everyone else. No inline script (the site's
    Content-Security-Policy forbids it); the script file only keeps the #section."""
    root = "../" * page_url(old).count("/")
    href = escape(root + page_url(new) or "./")
    return (
        "<!doctype html>\n"
        f'<html lang="{escape(lang)}">\n<head>\n'
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        f"<title>{escape(moved_title)} - {escape(site_name)}</title>\n"
        '<meta name="referrer" content="no-referrer">\n'
        f'<link rel="icon" href="{escape(root + favicon)}">\n'
        f'<link rel="canonical" href="{escape(canonical)}">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        "</head>\n<body>\n<main>\n"
        f"<h1>{escape(moved_title)}</h1>\n"
        f'<p>{escape(moved_text)} <a id="cat-redirect" href="{href}">{escape(title)}</a></p>\n'
        "</main>\n"
        f'<script src="{root}{SCRIPT}"></script>\n'
        "</body>\n</html>\n"
    )
