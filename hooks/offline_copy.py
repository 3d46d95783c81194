"""A copy of the whole guide, both languages, to read from disk without internet.

Clinics and readers with poor connections can download `downloads/cat-guide-offline.zip`,
unzip it and open index.html. On the web, pages live at folder addresses
(`qualify/torture-definition/`), which a browser opened on files cannot follow. So, after the
web build, this hook builds the site once more with `use_directory_urls: false`
(`qualify/torture-definition.html`) and zips it. That build runs in a process of its own: the
hooks keep state between the builds of one process, and the web build's must stay untouched.

In that offline build (the only one without directory URLs) the hook also:
- writes search/search_index.js (`var __index = ...`), which Material loads instead of the
  index file when a page is opened from disk (browsers do not let such pages fetch files);
  hooks/lazy_search.py runs the search without a Web Worker there;
- drops each page's canonical link, which would name a web address that does not exist
  (`.html`);
- widens the Content-Security-Policy to the browser's own files (see `offline_policy`);
- leaves out the link to the download, which is not part of the copy.

`CAT_GUIDE_QUICK=1` and `mkdocs serve` skip the offline copy and its link, for fast previews
(`CAT_GUIDE_QUICK=0` makes it under `mkdocs serve` too).
Material's offline plugin is not used: it makes pages load a script from another host.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import zipfile

from mkdocs.exceptions import PluginError

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from macros.i18n import language_root, ui  # noqa: E402

QUICK = "CAT_GUIDE_QUICK"  # shared switch: also skips other slow extras of the build
ZIP_PATH = "downloads/cat-guide-offline.zip"
FOLDER_IN_ZIP = "cat-guide"  # unzipping gives one folder, not files spread over the desktop

# Files only a web host uses. Search needs only search_index.js from disk; source maps only
# serve developers. Pages that redirect old web addresses are left out too (see `included`).
_WEB_ONLY = {"404.html", "sitemap.xml", "sitemap.xml.gz", "robots.txt", "_headers", ".nojekyll",
             "search_index.json"}
_REDIRECT = re.compile(r'<meta\s+http-equiv="refresh"', re.I)
_POLICY = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")')

_serving = False


def is_offline_build(config) -> bool:
    return not config.use_directory_urls


def makes_offline_copy(config) -> bool:
    """True for a web build that should make the zip (and link to it). As for PDFs (pdf/switch.py):
    CAT_GUIDE_QUICK=1 says no, CAT_GUIDE_QUICK=0 says yes even under `mkdocs serve`."""
    quick = os.environ.get(QUICK, "").strip()
    if is_offline_build(config) or quick == "1":
        return False
    return quick == "0" or not _serving


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


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_page_context(context, page, config, nav):
    if is_offline_build(config):
        page.canonical_url = None
    elif makes_offline_copy(config):
        lang, default = config.theme["language"], config.extra["alternate"][0]["lang"]
        context["offline_download"] = {"href": download_href(page.url, lang, default),
                                       "label": ui(config.extra["ui"], "offline_download", lang)}
    return context


def _write_search_script(site_dir: str) -> None:
    folder = os.path.join(site_dir, "search")
    with open(os.path.join(folder, "search_index.json"), encoding="utf-8") as fh:
        index = fh.read()
    with open(os.path.join(folder, "search_index.js"), "w", encoding="utf-8") as fh:
        fh.write(f"var __index = {index}")


def _widen_policies(site_dir: str) -> None:
    for folder, _dirs, names in os.walk(site_dir):
        for name in names:
            if name.endswith(".html"):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as fh:
                    html = fh.read()
                with open(path, "w", encoding="utf-8") as fh:
                    fh.write(_POLICY.sub(lambda m: m.group(1) + offline_policy(m.group(2)) + m.group(3), html))


def _build_offline(config, out: str) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "--no-directory-urls",
               "-f", config.config_file_path, "-d", out] + (["--strict"] if config.strict else [])
    # Quick in the offline build: other slow extras (PDFs) are made once, by the web build.
    env = {**os.environ, QUICK: "1", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, env=env, capture_output=True, text=True,
                            cwd=os.path.dirname(config.config_file_path))
    if result.returncode != 0:
        raise PluginError("hooks/offline_copy.py: the offline copy did not build:\n"
                          + (result.stdout + result.stderr)[-3000:])


def write_zip(folder: str, zip_path: str) -> None:
    os.makedirs(os.path.dirname(zip_path), exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for root, dirs, names in os.walk(folder):
            dirs.sort()
            for name in sorted(names):
                path = os.path.join(root, name)
                relative = os.path.relpath(path, folder).replace(os.sep, "/")
                text = open(path, encoding="utf-8").read() if name.endswith(".html") else None
                if included(relative, text):
                    zf.write(path, f"{FOLDER_IN_ZIP}/{relative}")


def on_post_build(config):
    default = config.extra["alternate"][0]["lang"]
    if is_offline_build(config):
        _write_search_script(config.site_dir)  # every language's build has its own index
        if config.theme["language"] == default:  # last: hosting.py has set every page's policy
            _widen_policies(config.site_dir)
        return
    if config.theme["language"] != default or not makes_offline_copy(config):
        return
    with tempfile.TemporaryDirectory(prefix="cat-guide-offline-") as out:
        _build_offline(config, out)
        write_zip(out, os.path.join(config.site_dir, *ZIP_PATH.split("/")))
