"""Drop search-language files the site never loads.

Material ships search support for thirty languages. This site only needs the ones in
`extra.alternate`; the others are dead weight in the offline copy and some carry addresses
of other hosts in their comments. Removing them keeps the privacy scan meaningful.
"""

from __future__ import annotations

import os

ALWAYS_NEEDED = {"lunr.stemmer.support.min.js", "lunr.multi.min.js"}


def needed(name: str, languages: set[str]) -> bool:
    """True when a file in assets/javascripts/lunr/ may be requested for one of `languages`."""
    if name in ALWAYS_NEEDED:
        return True
    parts = name.split(".")  # lunr.<lang>.min.js
    return len(parts) == 4 and parts[0] == "lunr" and parts[1] in languages


def on_post_build(config):
    languages = {alt["lang"] for alt in config["extra"]["alternate"]}
    lunr = os.path.join(config.site_dir, "assets", "javascripts", "lunr")
    for folder, _dirs, names in os.walk(lunr):
        for name in names:
            if not needed(name, languages):
                os.remove(os.path.join(folder, name))
