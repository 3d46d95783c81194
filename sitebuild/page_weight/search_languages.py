"""Drop search-language files the site never loads.

Material ships search support for thirty languages. This site only needs the ones in
`extra.alternate`; the others are dead weight in the offline copy and some carry addresses
of other hosts in their comments. Removing them keeps the privacy scan meaningful.
"""

from __future__ import annotations

import os

from ..passes import BuildPass
from ..rewrite import files

ALWAYS_NEEDED = {"lunr.stemmer.support.min.js", "lunr.multi.min.js"}


def needed(name: str, languages: set[str]) -> bool:
    """True when a file in assets/javascripts/lunr/ may be requested for one of `languages`."""
    if name in ALWAYS_NEEDED:
        return True
    parts = name.split(".")  # lunr.<lang>.min.js
    return len(parts) == 4 and parts[0] == "lunr" and parts[1] in languages


def drop_unused_languages(p: BuildPass) -> None:
    for path in files(os.path.join(p.site_dir, "assets", "javascripts", "lunr"), "*"):
        if not needed(os.path.basename(path), set(p.build.languages)):
            os.remove(path)
