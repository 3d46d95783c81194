"""A Content-Security-Policy that allows only this site's own files, after every language is built.

The few inline scripts Material needs are allowed by their hashes, computed from the built
pages. The policy goes into each page as a <meta> tag, for hosts that cannot send headers
(GitHub Pages); a page's tag lists only the hashes of that page's own scripts (they are bytes
every page view pays for). `_headers` (host_files.py) carries the policy with all of them, for
hosts that can send headers.
"""

from __future__ import annotations

import base64
import hashlib
import re

from ..passes import Build
from ..rewrite import rewrite_files

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.S)
_CHARSET = '<meta charset="utf-8">'


def script_hashes(html: str) -> set[str]:
    """CSP hashes ('sha256-...') of the executable inline scripts in a page."""
    return {"sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            for body in _INLINE_SCRIPT.findall(html)}


def content_security_policy(hashes: set[str]) -> str:
    allowed = " ".join(f"'{h}'" for h in sorted(hashes))
    return "; ".join([
        "default-src 'self'",
        f"script-src 'self' {allowed}".strip(),
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def add_policies(build: Build) -> str:
    """Give every page of `build` its own policy; return the policy for all of them."""
    hashes: set[str] = set()

    def add(html: str) -> str:
        own = script_hashes(html)
        hashes.update(own)
        meta = f'{_CHARSET}\n<meta http-equiv="Content-Security-Policy" content="{content_security_policy(own)}">'
        return html.replace(_CHARSET, meta, 1)

    rewrite_files(build.root, "*.html", add)
    return content_security_policy(hashes)
