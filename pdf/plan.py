"""Which PDFs the guide has, and which one each page offers.

- one PDF per navigation section, with the section's pages in navigation order
  (`pdf/<folder>.pdf`, named after the folder that holds the section's pages);
- one PDF per handout (`pdf/handouts/<name>.pdf`): a handout is printed on its own.

A handout page offers its own PDF; any other page in a section offers its section's PDF. Pages
outside every section (the home page, About) offer none. Paths are the same in every language,
inside that language's folder of the site.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

HANDOUTS_FOLDER = "handouts"
# The tools run in the reader's browser: a PDF of their page would be every question and every
# result at once, so they have none (a reader prints the result they got instead).
TOOLS_FOLDER = "tools"


@dataclass(frozen=True)
class Pdf:
    path: str                 # inside the language's site folder, e.g. "pdf/qualify.pdf"
    section: str              # the title of the section it comes from, in the site's language
    pages: tuple[str, ...]    # the source paths of its pages (e.g. "qualify/x.md"), in order
    handout: bool = False


@dataclass
class LanguageSite:
    """One language's built site and the PDFs to make from it."""
    lang: str
    site_dir: Path
    site_url: str                       # public address of the language's folder, ending in '/'
    site_name: str
    pdfs: list[Pdf]
    pages: dict[str, tuple[str, str]]   # page source path -> (its URL, its file), within the language


def _folder(src_uri: str) -> str:
    return src_uri.rsplit("/", 1)[0] if "/" in src_uri else ""


def _stem(src_uri: str) -> str:
    return src_uri.rsplit("/", 1)[-1].removesuffix(".md")


def is_handout(src_uri: str) -> bool:
    return _folder(src_uri) == HANDOUTS_FOLDER and _stem(src_uri) != "index"


def plan(sections: list[tuple[str, list[str]]]) -> list[Pdf]:
    """`sections`: (section title, [page source path, ...]) in navigation order."""
    pdfs = []
    for title, pages in sections:
        if not pages or all(_folder(p) == TOOLS_FOLDER for p in pages):
            continue
        name = _folder(pages[0]) or _stem(pages[0])
        while any(p.path == f"pdf/{name}.pdf" for p in pdfs):
            name += "-more"  # two sections whose pages share a folder: keep both PDFs
        pdfs.append(Pdf(f"pdf/{name}.pdf", title, tuple(pages)))
        pdfs += [Pdf(f"pdf/{_folder(src)}/{_stem(src)}.pdf", title, (src,), handout=True)
                 for src in pages if is_handout(src)]
    return pdfs


def offered(pdfs: list[Pdf], src_uri: str) -> Pdf | None:
    """The PDF a page links to: its own if it is a handout, else its section's."""
    own = [p for p in pdfs if p.handout and p.pages == (src_uri,)]
    if own:
        return own[0]
    return next((p for p in pdfs if not p.handout and src_uri in p.pages), None)


def nav_sections(nav) -> list[tuple[str, list[str]]]:
    """The top-level sections of a MkDocs navigation, each with the pages it holds at any depth."""
    def pages_in(items) -> list[str]:
        found = []
        for item in items:
            if isinstance(item, Page):
                found.append(item.file.src_uri)
            elif isinstance(item, Section):
                found += pages_in(item.children)
        return found

    return [(item.title, pages_in(item.children)) for item in nav.items if isinstance(item, Section)]
