"""Make Material's markup valid HTML without changing what it does.

- Section labels in the navigation carry `tabindex=""` (Material leaves the value empty for
  labels that must not be focusable); an empty tabindex is invalid and means "not focusable"
  anyway, so it is dropped.
- The drawer and search toggles are checkboxes with `autocomplete="off"`, which HTML does not
  allow on checkboxes. Material needs it so that the browser does not reopen the drawer or the
  search when the reader goes back to a page. A checkbox takes that setting from its form, so
  the toggles are tied to an empty form with `autocomplete="off"` instead.
"""

from __future__ import annotations

_TOGGLES_FORM = "__toggles"


def fix_markup(html: str) -> str:
    html = html.replace(' tabindex=""', "")
    toggles = [f'data-md-toggle="{name}" type="checkbox" id="__{name}"' for name in ("drawer", "search")]
    for toggle in toggles:
        html = html.replace(f'{toggle} autocomplete="off">', f'{toggle} form="{_TOGGLES_FORM}">')
    if f'form="{_TOGGLES_FORM}"' in html:
        html = html.replace("</body>", f'<form id="{_TOGGLES_FORM}" autocomplete="off" hidden></form>\n</body>', 1)
    return html

