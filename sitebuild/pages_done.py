"""Say when the web pages are final, before the slow extras (the PDFs, the offline copy) start.

Whoever runs the build may name a file in CAT_GUIDE_PAGES_DONE: the build writes it at that
point. The tests use it to start visiting pages in Chromium while the PDFs are still being made
(tests/conftest.py); nothing else needs it, and without the variable this step does nothing.
"""

from __future__ import annotations

import os

from .passes import Build

PAGES_DONE_VARIABLE = "CAT_GUIDE_PAGES_DONE"


def announce(build: Build) -> None:
    target = os.environ.get(PAGES_DONE_VARIABLE)
    if not target or build.offline:
        return
    with open(target + ".part", "w", encoding="utf-8") as out:
        out.write(build.root)
    os.replace(target + ".part", target)  # whoever waits never reads half a file
