"""A "Print or save this page" button at the top of every page, next to the PDF link when the page
has one (pdf_links.py): the browser's own print dialog, which can also save the page as a PDF.

The stylesheet hides the button on a page that is still "no-js", so a reader without scripts
never sees a button that does nothing; with scripts, the early script (early_script.py) removes
"no-js" before the text is laid out, so the button is in its place from the start (nothing moves
when the page has loaded), and the site's script (cat-guide.js) makes it call window.print(): no
inline handler (the security policy forbids unhashed inline script). Print hides it (print.css).
"""

from __future__ import annotations

import html as _html

from macros.i18n import ui

from ..passes import BuildPass

_PDF_LINE = '<p class="cat-download">'


def button(label: str) -> str:
    return f'<button type="button" class="cat-print">{_html.escape(label)}</button>'


def add_print_button(html: str, page, p: BuildPass) -> str:
    control = button(ui(p.config.extra["ui"], "print_page", p.lang))
    if html.startswith(_PDF_LINE):  # the PDF link that pdf_links.py put first
        end = html.index("</p>")
        return f"{html[:end]} {control}{html[end:]}"
    return f'<p class="cat-print-line">{control}</p>\n{html}'
