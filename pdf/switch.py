"""Whether a build makes PDFs.

PDFs take most of a full build's time, so previews leave them out:
- `CAT_GUIDE_QUICK=1` leaves them out of any build (quick previews, the HTML-only benchmark,
  the offline copy's second build: hooks/offline_copy.py uses the same switch);
- `mkdocs serve` leaves them out, unless `CAT_GUIDE_QUICK=0` asks for them;
- every other build (`mkdocs build`, the tests' build, publishing) makes them.
"""

from __future__ import annotations

QUICK_VARIABLE = "CAT_GUIDE_QUICK"


def makes_pdfs(command: str | None, environ) -> bool:
    """`command` is MkDocs' command ('build', 'serve', 'gh-deploy'), or None if unknown."""
    quick = environ.get(QUICK_VARIABLE, "").strip()
    if quick == "1":
        return False
    if quick == "0":
        return True
    return command != "serve"
