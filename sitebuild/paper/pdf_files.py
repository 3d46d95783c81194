"""Write the PDFs (pdf/plan.py) of every language, once all languages are built.

Runs on the finished pages: with their print styles and addresses (print_page.py) and the
stylesheets as published (page_weight/). WeasyPrint reads the site's own files and nothing else
(pdf/fetcher.py). Languages are rendered side by side, one process each, as far as there are
processors: the PDFs take most of a full build's time.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from mkdocs.exceptions import PluginError

from pdf import plan

from ..passes import Build, BuildPass

log = logging.getLogger("mkdocs.sitebuild.pdf_files")

# Pages are laid out at their published address, so that links in a PDF lead to the site.
# A site without site_url gets a placeholder that leads nowhere.
_NO_SITE_URL = "https://cat-guide.invalid/"


def language_site(p: BuildPass) -> plan.LanguageSite:
    site_url = p.config.site_url or _NO_SITE_URL
    return plan.LanguageSite(lang=p.lang, site_dir=Path(p.site_dir),
                             site_url=site_url if site_url.endswith("/") else site_url + "/",
                             site_name=p.config.site_name, pdfs=p.pdfs, pages=p.pages)


def _write_all(sites: list[plan.LanguageSite]) -> list[tuple[int, int]]:
    try:
        from pdf.render import write_language  # WeasyPrint loads only in builds that make PDFs
    except OSError as error:
        raise PluginError(
            f"sitebuild/paper/pdf_files.py: WeasyPrint cannot start ({error}). It needs Pango: on Debian or "
            "Ubuntu, apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation "
            "(./scripts/test does it). To build without PDFs: CAT_GUIDE_QUICK=1 mkdocs build") from None

    workers = min(len(sites), os.cpu_count() or 1)
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [write_language(site) for site in sites]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(write_language, sites))


def write_pdfs(build: Build) -> None:
    start = time.perf_counter()
    try:
        made = _write_all([language_site(p) for p in build.passes])
    except PluginError:
        raise
    except Exception as error:  # WeasyPrint's errors name the page, or the address refused
        raise PluginError(f"sitebuild/paper/pdf_files.py: the PDFs could not be made: {error}") from error
    log.info(f"PDFs: {sum(f for f, _ in made)} files, {sum(p for _, p in made)} pages, "
             f"in {time.perf_counter() - start:.1f} s")
