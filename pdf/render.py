"""Turn built pages into PDF files with WeasyPrint, using the site's own print styles.

A PDF shows what a printed page shows: the article, styled by the page's own stylesheets in
print media (print.css hides everything else). So the article is taken from the built page on
its own, with the page's <html> attributes (language; title, date and address for the running
header and footer) and <body> attributes (colour scheme). Leaving out the navigation, which
print.css hides anyway, and parsing each stylesheet once instead of once per page, make the
PDFs several times faster to build.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError

from .fetcher import SiteFilesOnly
from .plan import LanguageSite
from .svg import with_svg_styles

_HTML_START = re.compile(r"<html\b[^>]*>")
_BODY_START = re.compile(r"<body\b[^>]*>")
_TITLE = re.compile(r"<title>.*?</title>", re.S)
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">.*?</article>', re.S)
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"')


class NotAPage(ValueError):
    """A built file that lacks what a page of the site always has."""


class RefusedFile(ValueError):
    """A page or stylesheet named a file that SiteFilesOnly would not give (another host, or none)."""


def print_html(page_html: str) -> str:
    """The part of a built page that print shows, as a document of its own (no stylesheets:
    `stylesheet_hrefs` lists them)."""
    parts = {}
    for name, pattern in (("html", _HTML_START), ("body", _BODY_START), ("article", _ARTICLE)):
        match = pattern.search(page_html)
        if match is None:
            raise NotAPage(f"no <{name}> found")
        parts[name] = match.group(0)
    title = _TITLE.search(page_html)
    return (f'<!doctype html>\n{parts["html"]}<head><meta charset="utf-8">{title.group(0) if title else ""}'
            f'</head>{parts["body"]}{parts["article"]}</body></html>')


def stylesheet_hrefs(page_html: str) -> list[str]:
    """The stylesheets a built page links to, in cascade order."""
    head = page_html.split("</head>", 1)[0]
    return _STYLESHEET.findall(head)


class Renderer:
    """Renders the built pages of one or more language folders, each known by its public address."""

    def __init__(self, roots: dict[str, Path]):
        self.fetcher = SiteFilesOnly(roots)
        self.fonts = FontConfiguration()
        self._stylesheets: dict[str, CSS] = {}
        self._css_texts: dict[str, str] = {}

    def _stylesheet(self, url: str) -> CSS:
        if url not in self._stylesheets:
            self._stylesheets[url] = CSS(url=url, url_fetcher=self.fetcher, font_config=self.fonts)
        return self._stylesheets[url]

    def _css_text(self, url: str) -> str:
        if url not in self._css_texts:
            path = self.fetcher.local_path(url)
            self._css_texts[url] = path.read_text(encoding="utf-8") if path else ""
        return self._css_texts[url]

    def render(self, page_file: Path, page_url: str):
        """Lay out one built page (`page_file`, published at `page_url`) on paper."""
        source = Path(page_file).read_text(encoding="utf-8")
        try:
            document = print_html(source)
        except NotAPage as error:
            raise NotAPage(f"{page_file}: {error}") from None
        urls = [urljoin(page_url, href) for href in stylesheet_hrefs(source)]
        if "<svg" in document:
            document = with_svg_styles(document, [self._css_text(url) for url in urls])
        try:
            sheets = [self._stylesheet(url) for url in urls]
            return HTML(string=document, base_url=page_url, url_fetcher=self.fetcher).render(
                stylesheets=sheets, font_config=self.fonts)
        except FatalURLFetchingError as error:  # a BaseException: stop it here, with the page named
            raise RefusedFile(f"{page_file}: {error.__cause__ or error}") from None


def write_pdf(documents: list, target: Path, title: str | None, lang: str) -> int:
    """Write the pages of `documents`, one after the other, into one PDF file; return its page count.
    The PDF's title is `title`, or else that of the first page."""
    pages = [page for document in documents for page in document.pages]
    combined = documents[0].copy(pages)
    if title:
        combined.metadata.title = title
    combined.metadata.lang = lang
    target.parent.mkdir(parents=True, exist_ok=True)
    combined.write_pdf(target)
    return len(pages)


def write_language(site: LanguageSite) -> tuple[int, int]:
    """Write every PDF of one language; return (files, pages). Each page is laid out once, even
    when it is in two PDFs (a handout, and the handouts section)."""
    renderer = Renderer({site.site_url: site.site_dir})
    documents = {}
    files = pages = 0
    for pdf in site.pdfs:
        for src in pdf.pages:
            if src not in documents:
                url, dest = site.pages[src]
                documents[src] = renderer.render(site.site_dir / dest, site.site_url + url)
        title = None if pdf.handout else f"{pdf.section} - {site.site_name}"
        pages += write_pdf([documents[src] for src in pdf.pages], site.site_dir / pdf.path, title, site.lang)
        files += 1
    return files, pages
