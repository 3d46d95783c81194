"""Make sure the built site cannot load anything from another host.

Material's JavaScript carries a few addresses it only uses in set-ups this site does not
have (diagrams, a repository link, browsers without ResizeObserver). A reader's browser
must never contact those hosts, even on an old phone, so after each language's build the
addresses are replaced by an inert `data:,` URL, which a browser resolves without any
network request. tests/test_privacy.py scans the built site: no other address slipped in.
"""

from __future__ import annotations

import os
import re

from ..passes import BuildPass
from ..rewrite import rewrite_files

THIRD_PARTY_LOADERS = ("unpkg.com", "api.github.com", "cdn.jsdelivr.net", "cdnjs.cloudflare.com",
                       "fonts.googleapis.com", "fonts.gstatic.com")

# Addresses that only appear inside messages for developers (console warnings): not loaded,
# but replaced too so that no foreign address is left in what the site serves.
_MENTION = re.compile(r" ?(?:\\u2013|\u2013)? ?see https://bit\.ly/[\w-]+")

_LITERAL = re.compile(r"""(["'`])https?://(?:%s)/[^"'`]*\1""" % "|".join(map(re.escape, THIRD_PARTY_LOADERS)))


def neutralize(script: str) -> str:
    """Replace every quoted third-party loader address in `script` with an inert data: URL."""
    script = _MENTION.sub("", script)
    return _LITERAL.sub(lambda m: f"{m.group(1)}data:,{m.group(1)}", script)



def neutralize_scripts(p: BuildPass) -> None:
    rewrite_files(os.path.join(p.site_dir, "assets", "javascripts"), "*.js", neutralize)
