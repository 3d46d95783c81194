"""The offline copy: a zip of the whole site, both languages, that works opened from disk
(file:// addresses), search included, and that contacts no other host."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import pytest
import yaml

from browser import recording_tab, search
from site_reader import ROOT, anchors, built_path, languages, soup, source_pages
from test_privacy import css_requests, html_requests, is_third_party, js_addresses

from sitebuild import offline_copy
ZIP = Path(offline_copy.ZIP_PATH)
UI = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))["strings"]


def offline_path(root: Path, lang: str, md_path: str) -> Path:
    """Where a docs page is in the copy: a/b.md -> a/b.html (no directory URLs)."""
    return (root if lang == languages()[0] else root / lang) / (md_path[:-3] + ".html")


@pytest.fixture(scope="module")
def copy(whole_site, tmp_path_factory) -> Path:
    """The zip from the built site, unzipped as a reader would (other test files use it too)."""
    archive = whole_site / ZIP
    assert archive.is_file(), f"the build made no {ZIP}"
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(folder)
    return folder / offline_copy.FOLDER_IN_ZIP


# --- the pure functions of sitebuild/offline_copy.py ----------------------------------------

@pytest.mark.parametrize("url, lang, expected", [
    ("", "en", "downloads/cat-guide-offline.zip"),
    ("qualify/torture-definition/", "en", "../../downloads/cat-guide-offline.zip"),
    ("", "es", "../downloads/cat-guide-offline.zip"),
    ("evidence/", "es", "../../downloads/cat-guide-offline.zip"),
])
def test_download_link_leads_from_any_page_to_the_site_root(url, lang, expected):
    assert offline_copy.download_href(url, lang, "en") == expected


def test_offline_policy_adds_local_files_and_nothing_else():
    policy = "default-src 'self'; script-src 'self' 'sha256-x'; object-src 'none'"
    assert offline_copy.offline_policy(policy) == \
        "default-src 'self' file:; script-src 'self' file: 'sha256-x'; object-src 'none'"


def test_web_only_files_and_redirect_pages_stay_out_of_the_zip():
    assert offline_copy.included("qualify/torture-definition.html", "<h1>x</h1>")
    assert offline_copy.included("es/search/search_index.js", None)
    for path in ("404.html", "es/sitemap.xml", "robots.txt", "_headers", "search/search_index.json",
                 "assets/javascripts/bundle.x.min.js.map"):
        assert not offline_copy.included(path, None if not path.endswith(".html") else "<p>")
    assert not offline_copy.included("start/old/index.html", '<meta http-equiv="refresh" content="0; url=x">')


# --- the built copy ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang, md_path", [("en", "index.md"), ("en", "qualify/torture-definition.md"),
                                           ("es", "index.md"), ("es", "about.md"), ("pt", "index.md"),
                                           ("ht", "after/life-with-cat.md")])
def test_every_page_links_to_the_zip_in_its_language(site, lang, md_path):
    page = built_path(site, lang, md_path)
    links = soup(page).select(".md-footer a[download]")
    assert len(links) == 1, f"{page}: expected one download link in the footer"
    assert links[0].get_text(strip=True) == UI["offline_download"][lang]
    assert (page.parent / links[0]["href"]).resolve() == (site / ZIP).resolve()


def test_copy_has_every_page_of_every_language_in_its_language(copy):
    for lang in languages():
        # A language without its own page shows the default language's (with a notice).
        for md_path in set(source_pages(languages()[0])) | set(source_pages(lang)):
            path = offline_path(copy, lang, md_path)
            assert path.is_file(), f"{path.relative_to(copy)} is missing from the copy"
            assert soup(path).html["lang"] == lang, path


def test_copy_leaves_out_what_only_a_web_host_needs(copy):
    names = {p.name for p in copy.rglob("*")}
    assert not names & {"404.html", "sitemap.xml", "robots.txt", "_headers", "search_index.json"}
    assert not [p for p in copy.rglob("*.map")]
    assert not (copy / "downloads").exists()
    for lang in languages():
        script = (copy if lang == languages()[0] else copy / lang) / "search" / "search_index.js"
        assert script.read_text(encoding="utf-8").startswith("var __index = {")


def test_copy_keeps_its_icons_inline(copy):
    """Opened from disk, a page may not use symbols from another file (sitebuild/page_weight/icon_sprite.py)."""
    page = copy / "qualify" / "torture-definition.html"
    header = soup(page).select_one("header.md-header")
    assert header.find("svg").find("path") and not header.find("use")


def test_links_in_the_copy_lead_to_files_in_the_copy(copy):
    """From disk, a link to a folder opens a file listing, not a page: every link names a file."""
    problems = []
    pages = sorted(copy.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        doc = soup(page)
        refs = [(t.name, t["href"]) for t in doc.find_all(["a", "link"], href=True)]
        refs += [(t.name, t["src"]) for t in doc.find_all(["script", "img"], src=True)]
        for tag, ref in refs:
            parts = urlsplit(ref)
            if parts.scheme or ref.startswith("//"):
                continue
            if not parts.path:
                target = page
            else:
                target = (page.parent / unquote(parts.path)).resolve()
                if not target.is_file() or copy.resolve() not in target.parents:
                    problems.append(f"{page.relative_to(copy)}: <{tag}> {ref} is not a file of the copy")
                    continue
            if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in anchors(target):
                problems.append(f"{page.relative_to(copy)}: {ref} -> missing anchor")
    assert not problems, "\n".join(problems[:40])


def test_copy_loads_nothing_from_other_hosts_and_needs_no_canonical_web_address(copy):
    found = []
    for page in copy.rglob("*.html"):
        found += [f"{page.relative_to(copy)}: {u}" for u in html_requests(soup(page)) if is_third_party(u)]
        policy = soup(page).find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert policy is not None, f"{page.relative_to(copy)} has no Content-Security-Policy"
        assert "file:" in policy["content"] and not re.search(r"https?:|\*", policy["content"]), policy["content"]
        assert soup(page).find("link", rel="canonical") is None, page
    for css in copy.rglob("*.css"):
        found += [f"{css.relative_to(copy)}: {u}" for u in css_requests(css.read_text(encoding="utf-8")) if is_third_party(u)]
    for js in copy.rglob("*.js"):
        if js.name == "search_index.js":
            continue  # the pages' text as data (`var __index = {...}`): addresses there are text, never loaded
        found += [f"{js.relative_to(copy)}: {u}" for u in js_addresses(js.read_text(encoding="utf-8"))]
    assert not found, "\n".join(found[:30])


# --- the copy in Chromium, from disk ----------------------------------------------------------

@pytest.fixture
def tab(browser):
    """A tab that records every request and every error."""
    with recording_tab(browser, viewport={"width": 1280, "height": 900}) as page:
        yield page
        assert not page.errors, page.errors
        assert not [u for u in page.requests if urlsplit(u).scheme not in ("file", "data")], page.requests


def local_file(url: str) -> Path:
    parts = urlsplit(url)
    assert parts.scheme == "file", url
    return Path(url2pathname(parts.path))


def test_copy_opens_from_disk_and_its_links_work(tab, copy):
    tab.goto((copy / "index.html").as_uri())
    assert tab.locator("h1").first.is_visible()
    # The site's stylesheets apply (Material's header sticks to the top).
    assert tab.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    tab.locator(".md-nav--primary a[href='qualify/torture-definition.html']").first.click()
    tab.wait_for_url("**/qualify/torture-definition.html")
    assert tab.locator("h1").first.inner_text() == soup(copy / "qualify/torture-definition.html").h1.get_text(strip=True)
    tab.locator(".md-header__option .md-select > button").hover()
    tab.locator("a.md-select__link[hreflang=es]").click()
    tab.wait_for_url("**/es/qualify/torture-definition.html")
    assert tab.locator("html").get_attribute("lang") == "es"


@pytest.mark.parametrize("start, query, folder", [("index.html", "torture", ""),
                                                  ("es/evidence/index.html", "proteccion", "es/")])
def test_search_works_from_disk_in_each_language(tab, copy, start, query, folder):
    tab.goto((copy / start).as_uri())
    hrefs = search(tab, query)
    assert hrefs, f"no results for {query!r}"
    for href in hrefs:
        target = local_file(href)
        assert target.is_file(), href
        assert target.relative_to(copy.resolve()).as_posix().startswith("es/") == (folder == "es/"), href
    # The search worker ran in the page: nothing but the site's own files was loaded for it.
    assert any("/search/search_index.js" in u for u in tab.requests)
    assert any("/assets/javascripts/workers/search." in u for u in tab.requests)


# --- the switches that leave the copy out ----------------------------------------------------

def test_quick_build_makes_no_copy_and_no_link_to_it(variant_site):
    out = variant_site  # built with CAT_GUIDE_QUICK=1
    assert (out / "index.html").is_file() and not (out / ZIP).exists()
    assert not soup(out / "index.html").select("a[download]")
