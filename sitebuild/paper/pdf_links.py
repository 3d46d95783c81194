"""A "Download PDF" link at the top of each page: a handout links its own PDF, any other page
in a section links the PDF of its whole section (pdf/plan.py). Pages outside every section, and
builds that make no PDFs (sitebuild/passes.py), get no link, so no link ever leads nowhere.
"""

from __future__ import annotations

import html as _html

from mkdocs.utils import get_relative_url

from macros.i18n import ui
from pdf import plan

from ..passes import BuildPass


def download_link(href: str, label: str, note: str) -> str:
    return (f'<p class="cat-download"><a href="{_html.escape(href, quote=True)}" type="application/pdf">'
            f'{_html.escape(label)}</a> <span class="cat-download__note">{_html.escape(note)}</span></p>\n')


def plan_pdfs(nav, p: BuildPass) -> None:
    """The pass's PDFs, and where each page is: its links name them, and pdf_files.py makes them."""
    p.pdfs = plan.plan(plan.nav_sections(nav))
    p.pages = {page.file.src_uri: (page.url, page.file.dest_uri) for page in nav.pages}


def add_pdf_link(html: str, page, p: BuildPass) -> str:
    pdf = plan.offered(p.pdfs, page.file.src_uri)
    if pdf is None:
        return html
    ui_data = p.config.extra["ui"]
    if pdf.handout:
        note = ui(ui_data, "pdf_handout_note", p.lang)
    else:
        note = ui(ui_data, "pdf_section_note", p.lang).format(section=pdf.section)
    link = download_link(get_relative_url(pdf.path, page.url), ui(ui_data, "download_pdf", p.lang), note)
    return link + html
