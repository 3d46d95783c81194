"""A "Download PDF" link at the top of each page: a handout links its own PDF, any other page
in a section links the PDF of its whole section (pdf/plan.py). Pages outside every section, and
builds that make no PDFs (pdf/switch.py), get no link, so no link ever leads nowhere.
"""

from __future__ import annotations

import html as _html
import os
import sys

from mkdocs.utils import get_relative_url

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from macros.i18n import ui  # noqa: E402
from pdf import plan, switch  # noqa: E402

_makes_pdfs = True
_plans: dict[str, list[plan.Pdf]] = {}  # language -> its PDFs


def download_link(href: str, label: str, note: str) -> str:
    return (f'<p class="cat-download"><a href="{_html.escape(href, quote=True)}" type="application/pdf">'
            f'{_html.escape(label)}</a> <span class="cat-download__note">{_html.escape(note)}</span></p>\n')


def on_startup(command, dirty):
    global _makes_pdfs
    _makes_pdfs = switch.makes_pdfs(command, os.environ)


def on_nav(nav, config, files):
    _plans[config.theme["language"]] = plan.plan(plan.nav_sections(nav)) if _makes_pdfs else []
    return nav


def on_page_content(html, page, config, files):
    lang = config.theme["language"]
    pdf = plan.offered(_plans.get(lang, []), page.file.src_uri)
    if pdf is None:
        return html
    ui_data = config.extra["ui"]
    if pdf.handout:
        note = ui(ui_data, "pdf_handout_note", lang)
    else:
        note = ui(ui_data, "pdf_section_note", lang).format(section=pdf.section)
    link = download_link(get_relative_url(pdf.path, page.url), ui(ui_data, "download_pdf", lang), note)
    return link + html
