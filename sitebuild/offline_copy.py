"""A copy of the whole guide, both languages, to read from disk without internet.

Clinics and readers with poor connections can download `downloads/cat-guide-offline.zip`,
unzip it and open index.html. On the web, pages live at folder addresses
(`qualify/torture-definition/`), which a browser opened on files cannot follow. So, after the
web build, the site is built once more, as a Build of its own with `offline` set
(sitebuild/passes.py), with file addresses (`qualify/torture-definition.html`), and zipped.

In that offline build:
- every language gets search/search_index.js (`var __index = ...`), which Material loads
  instead of the index file when a page is opened from disk (browsers do not let such pages
  fetch files); page_weight/lazy_search.py runs the search without a Web Worker there;
- pages have no canonical link, which would name a web address that does not exist (`.html`);
- the Content-Security-Policy is widened to the browser's own files (see `offline_policy`);
- there is no link to the download, which is not part of the copy.

Quick builds and `mkdocs serve` make no offline copy and no link to it (sitebuild/passes.py).
Material's offline plugin is not used: it makes pages load a script from another host.
"""

from __future__ import annotations

import os
import re
import tempfile
import zipfile

from macros.i18n import language_root, ui

from .languages.settings import run_pass
from .passes import Build, BuildPass, offline_build
from .rewrite import files, read, rewrite_files, write

ZIP_PATH = "downloads/cat-guide-offline.zip"
FOLDER_IN_ZIP = "cat-guide"  # unzipping gives one folder, not files spread over the desktop

# Files only a web host uses. Search needs only search_index.js from disk; source maps only
# serve developers. Pages that redirect old web addresses are left out too (see `included`).
_WEB_ONLY = {"404.html", "sitemap.xml", "sitemap.xml.gz", "robots.txt", "_headers", ".nojekyll",
             "search_index.json"}
_REDIRECT = re.compile(r'<meta\s+http-equiv="refresh"', re.I)
_POLICY = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")')


def download_href(page_url: str, lang: str, default: str) -> str:
    """Relative link from a page (its URL within its language) to the zip at the site root."""
    here = language_root(lang, default) + page_url
    return "../" * here[: here.rfind("/") + 1].count("/") + ZIP_PATH


def offline_policy(policy: str) -> str:
    """The web policy, with local files allowed wherever the site's own files are.

    On the web, 'self' means this site. Pages opened from disk have no origin of their own, and
    the CSP standard then matches 'self' to nothing; Chromium makes 'self' match file: URLs
    anyway, other browsers need not. The `file:` source says it for every browser: files on
    the reader's own device, still nothing from any other host."""
    return policy.replace("'self'", "'self' file:")


def included(relative_path: str, text: str | None) -> bool:
    """Whether a file of the offline build goes into the zip (`text`: an HTML file's content)."""
    name = relative_path.rsplit("/", 1)[-1]
    if name in _WEB_ONLY or name.endswith(".map"):
        return False
    return text is None or not _REDIRECT.search(text)


def download_link(context: dict, page, p: BuildPass) -> dict:
    context["offline_download"] = {"href": download_href(page.url, p.lang, p.build.languages[0]),
                                   "label": ui(p.config.extra["ui"], "offline_download", p.lang)}
    return context


def no_canonical_link(context: dict, page, p: BuildPass) -> dict:
    page.canonical_url = None
    return context


def write_search_script(p: BuildPass) -> None:
    folder = os.path.join(p.site_dir, "search")
    write(os.path.join(folder, "search_index.js"), f"var __index = {read(os.path.join(folder, 'search_index.json'))}")


def widen_policies(build: Build) -> None:
    rewrite_files(build.root, "*.html",
                  lambda html: _POLICY.sub(lambda m: m.group(1) + offline_policy(m.group(2)) + m.group(3), html))


def write_zip(folder: str, zip_path: str) -> None:
    os.makedirs(os.path.dirname(zip_path), exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in files(folder, "*"):
            relative = os.path.relpath(path, folder).replace(os.sep, "/")
            if included(relative, read(path) if path.endswith(".html") else None):
                zf.write(path, f"{FOLDER_IN_ZIP}/{relative}")


def make_offline_copy(web: Build) -> None:
    with tempfile.TemporaryDirectory(prefix="cat-guide-offline-") as out:
        copy = offline_build(web, out)
        run_pass(copy.passes[0])  # the steps at its end build the other languages (sitebuild/steps.py)
        write_zip(out, os.path.join(web.root, *ZIP_PATH.split("/")))
