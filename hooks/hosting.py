"""Files a static host needs, written after every language is built.

- a Content-Security-Policy that allows only this site's own files; the few inline
  scripts Material needs are allowed by their hashes, computed from the built pages;
- the policy also goes into each page as a <meta> tag, for hosts that cannot send
  headers (GitHub Pages), and `_headers` carries it for hosts that can; a page's tag lists only
  the hashes of that page's own scripts (they are bytes every page view pays for), the header
  all of them;
- robots.txt pointing at each language's sitemap, and .nojekyll for GitHub Pages.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re

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


def headers_file(policy: str) -> str:
    return (
        "/*\n"
        f"  Content-Security-Policy: {policy}; frame-ancestors 'none'\n"
        "  Referrer-Policy: no-referrer\n"
        "  X-Content-Type-Options: nosniff\n"
        "  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()\n"
    )


def robots_txt(site_url: str, languages: list[str]) -> str:
    base = site_url.rstrip("/") + "/"
    maps = [f"Sitemap: {base}sitemap.xml"] + [f"Sitemap: {base}{lang}/sitemap.xml" for lang in languages[1:]]
    return "User-agent: *\nAllow: /\n" + "\n".join(maps) + "\n"


def _html_files(site_dir: str):
    for folder, _dirs, names in os.walk(site_dir):
        for name in names:
            if name.endswith(".html"):
                yield os.path.join(folder, name)


def on_post_build(config):
    languages = [alt["lang"] for alt in config.extra["alternate"]]
    if config.theme["language"] != languages[0]:
        return  # the default language's build runs last and sees every language
    site = config.site_dir
    pages = {path: open(path, encoding="utf-8").read() for path in _html_files(site)}
    hashes = set().union(*(script_hashes(html) for html in pages.values()))
    policy = content_security_policy(hashes)
    for path, html in pages.items():
        own = content_security_policy(script_hashes(html))
        meta = f'{_CHARSET}\n<meta http-equiv="Content-Security-Policy" content="{own}">'
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(html.replace(_CHARSET, meta, 1))
    files = {"_headers": headers_file(policy), ".nojekyll": "",
             "robots.txt": robots_txt(config.site_url or "/", languages)}
    for name, body in files.items():
        with open(os.path.join(site, name), "w", encoding="utf-8") as fh:
            fh.write(body)
