"""The built site must make no request to any other host: scan everything a browser loads."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from site_reader import soup

# Attributes through which HTML makes the browser fetch something by itself.
LOADING = {
    "script": ["src"], "img": ["src", "srcset"], "source": ["src", "srcset"], "iframe": ["src"],
    "video": ["src", "poster"], "audio": ["src"], "track": ["src"], "embed": ["src"], "object": ["data"],
    "input": ["src"], "image": ["href", "xlink:href"], "use": ["href", "xlink:href"],
}
LINK_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "prefetch", "preconnect",
             "dns-prefetch", "modulepreload", "manifest", "mask-icon"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")
JS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
# With a scheme, or scheme-relative right after a quote ("//host/x"); a bare `//` is a regex or comment.
ABSOLUTE = re.compile(r"""(?:https?:|(?<=["'`]))//[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}[^\s"'`)]*""", re.I)


def is_third_party(url: str) -> bool:
    url = url.strip()
    return url.startswith("//") or url.lower().startswith(("http://", "https://"))


def html_requests(html: str | BeautifulSoup) -> list[str]:
    """What a page makes the browser fetch (`html`: its text, or the page already parsed)."""
    doc = html if isinstance(html, BeautifulSoup) else BeautifulSoup(html, "html.parser")
    urls = []
    for tag, attrs in LOADING.items():
        for el in doc.find_all(tag):
            for attr in attrs:
                if el.get(attr):
                    urls += [part.split()[0] for part in el[attr].split(",") if part.strip()]
    for link in doc.find_all("link", href=True):
        if LINK_RELS & set(link.get("rel", [])):
            urls.append(link["href"])
    for meta in doc.find_all("meta", attrs={"http-equiv": re.compile("refresh", re.I)}):
        urls.append(meta.get("content", "").split("url=")[-1])
    for style in doc.find_all("style"):
        urls += css_requests(style.get_text())
    for el in doc.find_all(style=True):
        urls += css_requests(el["style"])
    return urls


def css_requests(css: str) -> list[str]:
    return [a or b for a, b in CSS_URL.findall(css)]


def js_addresses(js: str) -> list[str]:
    """Absolute addresses in code (licence comments stripped): any of them could be fetched."""
    return ABSOLUTE.findall(JS_COMMENT.sub("", js))


def test_scanner_sees_what_a_browser_would_load():
    html = ('<link rel="stylesheet" href="https://cdn.example.org/a.css"><img srcset="//img.example.net/x.png 2x">'
            '<a href="https://example.org/page">a link is not a request</a><div style="background:url(https://t.example.com/p)">')
    assert sorted(u for u in html_requests(html) if is_third_party(u)) == [
        "//img.example.net/x.png", "https://cdn.example.org/a.css", "https://t.example.com/p"]
    assert css_requests("@import 'https://fonts.example/x.css'; a{b:url(data:,x)}") == ["https://fonts.example/x.css", "data:,x"]
    assert js_addresses('/*! https://licence.example */ fetch("https://api.example.com/x"); /x//i.test(y); load("//cdn.example.net/y")') == [
        "https://api.example.com/x", "//cdn.example.net/y"]


def test_no_page_loads_anything_from_another_host(site: Path):
    found = []
    for page in site.rglob("*.html"):
        found += [f"{page.relative_to(site)}: {u}" for u in html_requests(soup(page)) if is_third_party(u)]
    assert not found, "\n".join(found[:30])


def test_no_stylesheet_loads_anything_from_another_host(site: Path):
    found = []
    for css in site.rglob("*.css"):
        found += [f"{css.relative_to(site)}: {u}" for u in css_requests(css.read_text(encoding="utf-8")) if is_third_party(u)]
    assert not found, "\n".join(found[:30])


def test_no_script_holds_the_address_of_another_host(site: Path):
    found = []
    for js in site.rglob("*.js"):
        found += [f"{js.relative_to(site)}: {u}" for u in js_addresses(js.read_text(encoding="utf-8"))]
    assert not found, "\n".join(found[:30])


def test_no_web_fonts_no_analytics_no_cookies(site: Path):
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "gtag(" not in text and "document.cookie" not in text, page
    assert not list(site.rglob("*.woff*")), "web fonts were published"
