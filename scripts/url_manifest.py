#!/usr/bin/env python3
"""The addresses clinics may link to: every page and every section heading, in every language.

tests/published-urls.txt lists them, one per line, as paths from the site's address
(`site_url` in mkdocs.yml): `/evidence/declaration/`, `/es/evidence/declaration/#what-to-include`.
tests/test_published_urls.py fails when one of them stops working, and adds to the list the
addresses the site has that it does not list yet (commit them). This file reads a built site for both.

Usage: .venv/bin/python scripts/url_manifest.py SITE_DIR   (scripts/update-url-manifest builds first)
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "tests" / "published-urls.txt"
HEADINGS = "h2[id], h3[id], h4[id], h5[id], h6[id]"
HEADER = """\
# Addresses that clinics may link to: every page and every section heading, in every language,
# as paths from the site's address (site_url in mkdocs.yml). tests/test_published_urls.py checks
# that each still works. Do not edit by hand: run scripts/update-url-manifest after a build change.
"""


def _parse(path: Path) -> BeautifulSoup:
    stat = path.stat()
    return _parse_file(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=512)
def _parse_file(path: str, mtime_ns: int, size: int) -> BeautifulSoup:
    """Parsed once per version of the file: a page has many listed addresses (one per section)."""
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


def _facts(path: Path) -> tuple[Path | None, frozenset[str] | None]:
    """A page's redirect target and the ids inside its article (None when it has none), found
    once per page, not once per listed section (searching the page for each of 2,900
    addresses took most of the check's 10 s)."""
    stat = path.stat()
    return _facts_of_file(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=512)
def _facts_of_file(path: str, mtime_ns: int, size: int) -> tuple[Path | None, frozenset[str] | None]:
    doc = _parse_file(path, mtime_ns, size)
    body = _article(doc)
    ids = None if body is None else frozenset(tag["id"] for tag in body.find_all(id=True))
    return redirect_target(doc, Path(path)), ids


def _pages(site: Path):
    """(address, parsed page) for every page and redirect page of the built site, by address."""
    for path in sorted(site.rglob("index.html")):
        folder = path.parent.relative_to(site).as_posix()
        yield ("/" if folder == "." else f"/{folder}/"), path


def redirect_target(doc: BeautifulSoup, path: Path) -> Path | None:
    """The page a redirect page (sitebuild/hosting/redirects.py) sends the reader to, or None for a normal page."""
    refresh = doc.find("meta", attrs={"http-equiv": "refresh"})
    if refresh is None:
        return None
    href = refresh.get("content", "").partition("url=")[2].strip()
    target = (path.parent / urlsplit(href).path).resolve()
    return target / "index.html" if href.endswith("/") or target.is_dir() else target


def _article(doc: BeautifulSoup):
    return doc.select_one("article.md-content__inner")


def published(site: Path) -> list[str]:
    """Every page's address followed by the address of each of its section headings; the old
    address of a moved page is listed too (it must keep working)."""
    urls = []
    for url, path in _pages(site):
        doc = _parse(path)
        body = _article(doc)
        if body is None and redirect_target(doc, path) is None:
            continue  # not a page (a search or asset folder's index)
        urls.append(url)
        urls += [f"{url}#{h['id']}" for h in (body.select(HEADINGS) if body is not None else [])]
    return urls


def problem(site: Path, url: str) -> str | None:
    """Why `url` no longer works in the built site, or None when it does. A redirect page covers
    its old address and, when the new page has the same section, the old address's #section."""
    parts = urlsplit(url)
    path = site / parts.path.lstrip("/") / "index.html"
    if not path.is_file():
        return "the page is gone"
    target, ids = _facts(path)
    if target is not None:
        if not target.is_file():
            return "the page is redirected to a page that does not exist"
        ids = _facts(target)[1]
    if parts.fragment and parts.fragment not in (ids or ()):
        return f"the page has no section #{parts.fragment} any more"
    return None


def read(manifest: Path = MANIFEST) -> list[str]:
    if not manifest.is_file():
        return []
    lines = (line.strip() for line in manifest.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def regenerate(site: Path, old: list[str]) -> list[str]:
    """The site's addresses now, plus old ones that still work without being listed any more
    (the sections of a moved page, an old id kept on purpose). Grouped by page, pages sorted."""
    groups: dict[str, list[str]] = {}
    for url in published(site):
        groups.setdefault(url.partition("#")[0], []).append(url)
    listed = {url for urls in groups.values() for url in urls}
    for url in old:
        if url not in listed and problem(site, url) is None:
            groups.setdefault(url.partition("#")[0], [url.partition("#")[0]]).append(url)
            listed.add(url)
    return [url for page in sorted(groups) for url in groups[page]]


def with_new(site: Path, old: list[str]) -> list[str]:
    """`old` plus the site's addresses that it does not list yet. Unlike regenerate(), nothing is
    dropped: an address that stopped working stays listed, so that the tests go on failing until
    it works again or someone removes it on purpose (scripts/update-url-manifest)."""
    current = regenerate(site, old)
    listed = set(current)
    groups: dict[str, list[str]] = {}
    for url in current + [url for url in old if url not in listed]:
        groups.setdefault(url.partition("#")[0], []).append(url)
    return [url for page in sorted(groups) for url in groups[page]]


def write(urls: list[str], manifest: Path = MANIFEST) -> None:
    manifest.write_text(HEADER + "".join(f"{url}\n" for url in urls), encoding="utf-8")


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not Path(argv[1]).is_dir():
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    old = read()
    new = regenerate(Path(argv[1]), old)
    write(new)
    added, removed = sorted(set(new) - set(old)), sorted(set(old) - set(new))
    for url in removed:
        print(f"removed: {url}")
    for url in added:
        print(f"added:   {url}")
    print(f"{MANIFEST.relative_to(ROOT)}: {len(new)} addresses ({len(added)} added, {len(removed)} removed)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
