"""Write the PDFs (pdf/plan.py) of every language, once all languages are built.

Runs on the finished pages: with their print styles and addresses (hooks/print_page.py) and the
stylesheets as published (hooks/unused_css.py). WeasyPrint reads the site's own files and
nothing else (pdf/fetcher.py). Languages are rendered side by side, one process each, as far as
there are processors: the PDFs take most of a full build's time. Builds that make no PDFs
(pdf/switch.py) skip all of this.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from pdf import plan, switch  # noqa: E402

log = logging.getLogger("mkdocs.hooks.pdf_files")

# Pages are laid out at their published address, so that links in a PDF lead to the site.
# A site without site_url gets a placeholder that leads nowhere.
_NO_SITE_URL = "https://cat-guide.invalid/"

_makes_pdfs = True
_languages: dict[str, plan.LanguageSite] = {}


def on_startup(command, dirty):
    global _makes_pdfs
    _makes_pdfs = switch.makes_pdfs(command, os.environ)


def on_pre_build(config):
    if config.theme["language"] == config.extra["alternate"][0]["lang"]:
        _languages.clear()  # a build of the whole site starts with the default language


def on_nav(nav, config, files):
    if _makes_pdfs:
        site_url = config.site_url or _NO_SITE_URL
        _languages[config.theme["language"]] = plan.LanguageSite(
            lang=config.theme["language"], site_dir=Path(config.site_dir),
            site_url=site_url if site_url.endswith("/") else site_url + "/", site_name=config.site_name,
            pdfs=plan.plan(plan.nav_sections(nav)),
            pages={page.file.src_uri: (page.url, page.file.dest_uri) for page in nav.pages})
    return nav


def _write_all(sites: list[plan.LanguageSite]) -> list[tuple[int, int]]:
    try:
        from pdf.render import write_language  # WeasyPrint loads only in builds that make PDFs
    except OSError as error:
        raise PluginError(
            f"hooks/pdf_files.py: WeasyPrint cannot start ({error}). It needs Pango: on Debian or Ubuntu, "
            "apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation "
            "(./scripts/test does it). To build without PDFs: CAT_GUIDE_QUICK=1 mkdocs build") from None

    workers = min(len(sites), os.cpu_count() or 1)
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [write_language(site) for site in sites]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(write_language, sites))


def on_post_build(config):
    if not _makes_pdfs or config.theme["language"] != config.extra["alternate"][0]["lang"]:
        return  # the default language's build ends last and sees every language
    start = time.perf_counter()
    try:
        made = _write_all(list(_languages.values()))
    except PluginError:
        raise
    except Exception as error:  # WeasyPrint's errors name the page, or the address refused
        raise PluginError(f"hooks/pdf_files.py: the PDFs could not be made: {error}") from error
    log.info(f"PDFs: {sum(f for f, _ in made)} files, {sum(p for _, p in made)} pages, "
             f"in {time.perf_counter() - start:.1f} s")
