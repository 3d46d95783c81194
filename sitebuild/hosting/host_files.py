"""The files a static host reads, written after every language is built.

- `_headers`: the Content-Security-Policy (csp.py) and other security headers, for hosts that
  read it (Netlify, Cloudflare Pages);
- robots.txt, pointing at each language's sitemap;
- .nojekyll, so that GitHub Pages publishes the files as they are.
"""

from __future__ import annotations

import os

from ..passes import Build
from ..rewrite import write


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


def write_host_files(build: Build, policy: str) -> None:
    files = {"_headers": headers_file(policy), ".nojekyll": "",
             "robots.txt": robots_txt(build.site_url or "/", list(build.languages))}
    for name, body in files.items():
        write(os.path.join(build.root, name), body)
