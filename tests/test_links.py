"""Every link and anchor inside the built site leads somewhere that exists."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from site_reader import anchors, html_files, soup


def resolve(page: Path, href: str, site: Path) -> tuple[Path, str]:
    parts = urlsplit(href)
    if not parts.path:
        return page, unquote(parts.fragment)
    target = (page.parent / unquote(parts.path)).resolve()
    if href.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def test_internal_links_and_anchors_resolve(site):
    problems = []
    for page in html_files(site):
        if page.name == "404.html":
            continue  # served from any address; its links are absolute by design
        doc = soup(page)
        for tag in doc.find_all(["a", "link"], href=True):
            href = tag["href"]
            if urlsplit(href).scheme or href.startswith("//"):
                continue
            target, fragment = resolve(page, href, site)
            if not target.is_file():
                problems.append(f"{page.relative_to(site)}: {href} -> missing file")
                continue
            if fragment and target.suffix == ".html" and fragment not in anchors(target):
                problems.append(f"{page.relative_to(site)}: {href} -> missing anchor #{fragment}")
    assert not problems, "\n".join(problems[:50])
