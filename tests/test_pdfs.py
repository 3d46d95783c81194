"""The PDFs the build makes: one per section of the menu and one per handout, in every language;
each page links to its PDF; WeasyPrint reads nothing but the site's own files."""

from __future__ import annotations

import socket
from functools import lru_cache
from pathlib import Path, PurePosixPath

import pytest
import yaml
import pypdfium2 as pdfium
from pypdf import PdfReader

from site_reader import ROOT, built_path, language_root, languages, soup
from pdf import plan
from sitebuild import passes, steps

UI = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))["strings"]
UI_NAV = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))["nav"]
CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
DEFAULT = languages()[0]

# A handout fits on one or two sheets (a clinic prints it on both sides of one sheet). A section
# takes at least a sheet per page, and its longest pages (glossary, tables) a few more.
HANDOUT_SHEETS = range(1, 3)
MAX_SHEETS_PER_SECTION_PAGE = 8


def nav_sections() -> list[tuple[str, list[str]]]:
    """(section title, [page, ...]) for each section of the menu in mkdocs.yml."""
    def pages(items) -> list[str]:
        found = []
        for item in items:
            if isinstance(item, str):
                found.append(item)
            else:
                for value in item.values():
                    found += [value] if isinstance(value, str) else pages(value)
        return found

    return [(title, pages(value)) for item in CONFIG["nav"] if isinstance(item, dict)
            for title, value in item.items() if isinstance(value, list)]


def expected_pdfs() -> list[tuple[str, list[str], bool]]:
    """(PDF path in a language's folder, its pages, is a handout): a PDF per section, named after
    the folder of its pages, and a PDF per handout."""
    found = []
    for _title, pages in nav_sections():
        if all(md.startswith(f"{plan.TOOLS_FOLDER}/") for md in pages):
            continue  # the tools run in the browser: a reader prints their result, not a section PDF
        found.append((f"pdf/{PurePosixPath(pages[0]).parent}.pdf", pages, False))
        found += [(f"pdf/handouts/{PurePosixPath(md).stem}.pdf", [md], True) for md in pages
                  if md.startswith("handouts/") and not md.endswith("/index.md")]
    return found


HANDOUTS = [md for _path, pages, handout in expected_pdfs() if handout for md in pages]
CASES = [(lang, path) for lang in languages() for path, _pages, _handout in expected_pdfs()]


def squash(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


@lru_cache(maxsize=None)
def read(path: Path) -> tuple[int, tuple[str, ...], str, str]:
    """(sheets, text of each sheet, title, language) of a PDF. The text is read by PDFium, about
    twenty times faster than pypdf, which reads the title and language."""
    reader = PdfReader(path)
    root = reader.trailer["/Root"]
    document = pdfium.PdfDocument(path)
    try:
        # PDFium writes U+FFFE for the hyphen printed where a line breaks a word.
        texts = tuple(squash(document[i].get_textpage().get_text_range().replace("\ufffe", "-"))
                      for i in range(len(document)))
    finally:
        document.close()
    assert len(texts) == len(reader.pages), f"{path}: PDFium and pypdf count different sheets"
    return len(texts), texts, str(reader.metadata.title), str(root.get("/Lang", ""))


def h1(site: Path, lang: str, md: str) -> str:
    heading = soup(built_path(site, lang, md)).select_one("article h1")
    return squash(heading.get_text(" ").replace("¶", "").replace(" ,", ","))


def test_the_handouts_are_in_the_menu_in_every_language():
    assert len(HANDOUTS) == 5, HANDOUTS
    for lang in languages():
        for md in ["handouts/index.md", *HANDOUTS]:
            assert (ROOT / "docs" / lang / md).is_file(), f"docs/{lang}/{md} is missing"


@pytest.mark.parametrize("lang, path", CASES, ids=[f"{lang}:{path}" for lang, path in CASES])
def test_each_pdf_exists_opens_and_holds_its_pages_in_its_language(site, lang, path):
    pages = next(p for pdf, p, _ in expected_pdfs() if pdf == path)
    handout = path.startswith("pdf/handouts/")
    file = language_root(site, lang) / path
    assert file.is_file(), f"{lang}: {path} was not built"
    assert file.read_bytes()[:5] == b"%PDF-"
    sheets, texts, title, pdf_lang = read(file)
    assert pdf_lang == lang, f"{lang}/{path}: the PDF says its language is {pdf_lang!r}"
    if handout:
        assert sheets in HANDOUT_SHEETS, f"{lang}/{path}: a handout takes {sheets} sheets"
        assert title == soup(built_path(site, lang, pages[0])).title.string, title
    else:
        section = next(t for t, p in nav_sections() if p == pages)
        assert title.startswith(section if lang == DEFAULT else UI_NAV[section][lang]), title
        assert len(pages) <= sheets <= MAX_SHEETS_PER_SECTION_PAGE * len(pages), \
            f"{lang}/{path}: {sheets} sheets for {len(pages)} pages"
    everything = " ".join(texts)
    for md in pages:
        assert h1(site, lang, md) in everything, f"{lang}/{path} lacks the page {md}"
    # The running header is in the PDF's language on every sheet: "Last reviewed", "Última revisión".
    for number, text in enumerate(texts, 1):
        assert UI["last_reviewed"][lang] in text, f"{lang}/{path}, sheet {number}: no review date"
        for other in languages():
            if other != lang:
                assert UI["last_reviewed"][other] not in text, f"{lang}/{path}, sheet {number}: {other} text"


@pytest.mark.parametrize("lang", languages())
def test_each_handout_sheet_names_the_handout_its_date_and_address(site, lang):
    for md in HANDOUTS:
        html = soup(built_path(site, lang, md)).html
        _sheets, texts, _title, _lang = read(language_root(site, lang) / "pdf" / "handouts" / (PurePosixPath(md).stem + ".pdf"))
        for number, text in enumerate(texts, 1):
            for value in (html["data-cat-print-title"], html["data-cat-print-reviewed"], html["data-cat-print-address"]):
                assert squash(value) in text, f"{lang}/{md}, sheet {number}: no {value!r}"


# A handout's title, the "Last reviewed" label and a word of everyday address, in each translation.
HANDOUT_WORDS = {"es": ("La CAT en breve", "Última revisión", "usted"),
                 "pt": ("A CAT em poucas palavras", "Última revisão", "você"),
                 "ht": ("CAT an kout", "Dènye revizyon", "ou")}


@pytest.mark.parametrize("lang", sorted(HANDOUT_WORDS))
def test_a_translated_handout_is_in_its_language(site, lang):
    _sheets, texts, _title, _lang = read(site / lang / "pdf" / "handouts" / "cat-in-brief.pdf")
    text = " ".join(texts)
    assert all(word in text for word in HANDOUT_WORDS[lang]), HANDOUT_WORDS[lang]
    assert "Who can get it" not in text


@pytest.mark.parametrize("lang", languages())
def test_each_page_links_to_its_pdf(site, lang):
    offered = {}
    for path, pages, handout in expected_pdfs():
        for md in pages:
            if handout or md not in offered:
                offered[md] = path
    in_sections = {md for _title, pages in nav_sections() for md in pages}
    nav_pages = [item for item in CONFIG["nav"] if isinstance(item, str)] + sorted(in_sections)
    for md in nav_pages:
        page = built_path(site, lang, md)
        links = soup(page).select("article .cat-download a[href]")
        if md not in offered:
            assert not links, f"{lang}/{md} is in no section, so it has no PDF to offer"
            continue
        assert len(links) == 1, f"{lang}/{md}: {len(links)} PDF links"
        link = links[0]
        assert link.get_text(strip=True) == UI["download_pdf"][lang]
        target = (page.parent / link["href"]).resolve()
        assert target == (language_root(site, lang) / offered[md]).resolve(), f"{lang}/{md} links {link['href']}"
        assert target.is_file(), f"{lang}/{md}: {link['href']} does not exist"


# --- the PDF modules ------------------------------------------------------------------------------

def test_the_plan_gives_a_pdf_per_section_and_per_handout():
    pdfs = plan.plan([("Start here", ["start/a.md", "start/b.md"]),
                      ("Handouts", ["handouts/index.md", "handouts/one.md", "handouts/two.md"])])
    assert [(p.path, p.pages, p.handout) for p in pdfs] == [
        ("pdf/start.pdf", ("start/a.md", "start/b.md"), False),
        ("pdf/handouts.pdf", ("handouts/index.md", "handouts/one.md", "handouts/two.md"), False),
        ("pdf/handouts/one.pdf", ("handouts/one.md",), True),
        ("pdf/handouts/two.pdf", ("handouts/two.md",), True),
    ]
    assert plan.offered(pdfs, "handouts/one.md").path == "pdf/handouts/one.pdf"
    assert plan.offered(pdfs, "handouts/index.md").path == "pdf/handouts.pdf"
    assert plan.offered(pdfs, "start/b.md").path == "pdf/start.pdf"
    assert plan.offered(pdfs, "index.md") is None


@pytest.mark.parametrize("command, quick, makes", [
    ("build", None, True), ("gh-deploy", None, True), (None, None, True), ("serve", None, False),
    ("build", "1", False), ("serve", "1", False), ("serve", "0", True), ("build", "0", True),
])
def test_pdfs_and_offline_copy_are_left_out_of_previews_and_quick_builds(command, quick, makes):
    environ = {} if quick is None else {"CAT_GUIDE_QUICK": quick}
    assert passes.makes_extras(command, environ) is makes


def test_mkdocs_serve_adds_no_pdf_links_by_default(monkeypatch):
    from mkdocs.config import load_config

    monkeypatch.delenv("CAT_GUIDE_QUICK", raising=False)
    config = load_config(str(ROOT / "mkdocs.yml"))
    steps.on_startup(command="serve", dirty=False)
    try:
        steps.on_config(config)
    finally:
        steps.on_startup(command="build", dirty=False)
    assert passes.pass_of(config).build.extras is False
    page = type("Page", (), {"file": type("File", (), {"src_uri": "qualify/torture-definition.md"})()})()
    html = steps.on_page_content("<h1>x</h1>", page, config, None)
    assert html.endswith("<h1>x</h1>") and "cat-download" not in html and ".pdf" not in html


def test_a_quick_build_has_no_pdfs_and_no_pdf_links(variant_site):
    out = variant_site  # built with CAT_GUIDE_QUICK=1
    assert (out / "index.html").is_file()
    assert not list(out.rglob("*.pdf"))
    assert not [p for p in out.rglob("*.html") if 'class="cat-download"' in p.read_text(encoding="utf-8")]


def _tiny_site(folder: Path, body: str) -> Path:
    (folder / "page").mkdir(parents=True)
    (folder / "style.css").write_text("p { color: #000 }", encoding="utf-8")
    page = folder / "page" / "index.html"
    page.write_text(f'<!doctype html><html lang="en"><head><title>T</title><link rel="stylesheet" href="../style.css">'
                    f'</head><body><article class="md-content__inner md-typeset">{body}</article></body></html>',
                    encoding="utf-8")
    return page


def test_weasyprint_reads_the_site_files_and_nothing_else(tmp_path, monkeypatch):
    from pdf.fetcher import SiteFilesOnly
    from pdf.render import Renderer, RefusedFile

    attempts = []

    def no_network(address, *args, **kwargs):
        attempts.append(address)
        raise OSError("no network in this test")

    monkeypatch.setattr(socket, "create_connection", no_network)
    root = "https://example.org/guide/"
    fetcher = SiteFilesOnly({root: tmp_path})
    page = _tiny_site(tmp_path, "<p>Hello</p>")
    assert fetcher.local_path(root + "style.css") == (tmp_path / "style.css").resolve()
    assert fetcher.local_path(root + "page/") == page.resolve()
    assert fetcher.local_path(root + "../outside.css") is None
    assert fetcher.local_path("https://example.net/guide/style.css") is None
    with pytest.raises(ValueError):
        fetcher.fetch("https://fonts.example.com/font.woff2")
    assert fetcher.fetch("data:text/css,p{}").read() == b"p{}"

    renderer = Renderer({root: tmp_path})
    assert len(renderer.render(page, root + "page/").pages) == 1
    page.write_text(page.read_text(encoding="utf-8").replace("<p>Hello</p>", '<img src="https://cdn.example.com/x.png">'),
                    encoding="utf-8")
    with pytest.raises(RefusedFile, match="cdn.example.com"):
        renderer.render(page, root + "page/")
    assert not attempts, "WeasyPrint tried to reach the network"


def test_the_pdf_build_names_a_missing_pango(monkeypatch):
    """Without Pango, WeasyPrint cannot load: the build says what to install, or how to skip PDFs."""
    from sitebuild.paper import pdf_files as files
    import builtins

    real_import = builtins.__import__

    def no_pango(name, *args, **kwargs):
        if name == "pdf.render":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pango)
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match="libpango-1.0-0.*CAT_GUIDE_QUICK=1"):
        files._write_all([])



def test_inline_drawings_get_their_print_styles():
    """WeasyPrint does not apply the page's stylesheets to inline SVG: the rules are copied in."""
    from pdf.svg import with_svg_styles

    sheets = [".box { fill: red } .md-typeset .other { color: blue } @media screen { .box { fill: green } }",
              "@media print { .box, .line { fill: #fff; stroke: #000 } } p { margin: 0 }"]
    html = '<p>x</p><svg viewBox="0 0 1 1"><rect class="box"/></svg><svg><circle/></svg>'
    styled = with_svg_styles(html, sheets)
    assert styled.count("<style>") == 1
    style = styled.split("<style>", 1)[1].split("</style>", 1)[0]
    assert style.replace(" ", "") == ".box{fill:red}.box,.line{fill:#fff;stroke:#000}"
    assert styled.startswith('<p>x</p><svg viewBox="0 0 1 1"><style>') and styled.endswith("<svg><circle/></svg>")


@pytest.mark.parametrize("lang", languages())
def test_the_folded_advocates_boxes_are_open_in_the_pdfs(site, lang):
    """On screen the "For advocates" boxes are folded (sitebuild/markup/advocates_boxes.py); paper has them open."""
    md = "qualify/torture-definition.md"
    boxes = soup(built_path(site, lang, md)).select("article details.cat-advocates")
    assert boxes, f"{lang}/{md}: no folded box"
    _sheets, texts, _title, _lang = read(language_root(site, lang) / "pdf" / "qualify.pdf")
    everything = " ".join(texts)
    for box in boxes:
        words = squash(box.find("p").get_text())[:60]
        assert words in everything, f"{lang}/qualify.pdf lacks the box that starts {words!r}"
