"""A moved page keeps its old address working: one line in data/redirects.yml gives, in every
language, a small page at the old address that sends the reader to the new page."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from browser import serve
from conftest import run_build
from site_reader import ROOT, built_path, languages, soup
from variant_site import MOVES
from test_html_valid import vnu_errors
from test_privacy import html_requests, is_third_party

sys.path.insert(0, str(ROOT / "scripts"))
import url_manifest  # noqa: E402

UI = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))["strings"]


@pytest.fixture(scope="module")
def moved_site(variant_site) -> Path:
    """A build in which the pages of MOVES (old page -> new page, as a contributor writes them in
    data/redirects.yml) have moved: the variant build (tests/variant_site.py)."""
    return variant_site


def _target(page: Path, href: str) -> Path:
    target = (page.parent / urlsplit(href).path).resolve()
    return target / "index.html" if target.is_dir() else target


@pytest.mark.parametrize("lang", languages())
@pytest.mark.parametrize("old", MOVES)
def test_old_address_leads_to_the_new_page(moved_site, lang, old):
    path = built_path(moved_site, lang, old)
    assert path.is_file(), f"no page at the old address of {old} in '{lang}'"
    page, new = soup(path), built_path(moved_site, lang, MOVES[old])
    assert page.html["lang"] == lang
    assert page.h1.get_text(strip=True) == UI["moved_title"][lang]
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh and refresh["content"].startswith("0; url="), "no meta refresh"
    assert _target(path, refresh["content"].partition("url=")[2]) == new.resolve()
    link = page.find("a", href=True)
    assert _target(path, link["href"]) == new.resolve(), "the visible link goes elsewhere"
    assert link.get_text(strip=True) == soup(new).title.get_text().rsplit(" - ", 1)[0], "the link is not named after the page"
    assert UI["moved_text"][lang] in link.parent.get_text()
    canonical = page.find("link", rel="canonical")["href"]
    assert canonical == soup(new).find("link", rel="canonical")["href"], "search engines are not told the new address"


@pytest.mark.parametrize("lang", languages())
def test_redirect_pages_are_safe_private_and_valid(moved_site, lang):
    paths = [built_path(moved_site, lang, old) for old in MOVES]
    for path in paths:
        html = path.read_text(encoding="utf-8")
        page = soup(path)
        assert all(s.get("src") for s in page.find_all("script")), "an inline script: the CSP forbids it"
        for script in page.find_all("script"):
            assert _target(path, script["src"]).is_file(), script["src"]
        assert 'http-equiv="Content-Security-Policy"' in html, "csp.py did not give the page the CSP"
        assert not [u for u in html_requests(html) if is_third_party(u)]
        assert 'style="' not in html and "<style" not in html
    assert vnu_errors(paths) == []


def test_moved_pages_and_their_sections_count_as_published(moved_site):
    found = url_manifest.published(moved_site)
    for lang in languages():
        prefix = "/" if lang == languages()[0] else f"/{lang}/"
        assert f"{prefix}start/old-name/" in found
        section = soup(built_path(moved_site, lang, "start/what-is-cat.md")).select_one("article h2[id]")["id"]
        assert url_manifest.problem(moved_site, f"{prefix}start/old-name/#{section}") is None
        assert url_manifest.problem(moved_site, f"{prefix}start/old-name/#no-such-section") is not None


@pytest.mark.browser
def test_a_browser_follows_the_redirect_and_keeps_the_section(moved_site, browser):
    section = soup(built_path(moved_site, "es", "start/what-is-cat.md")).select_one("article h2[id]")["id"]
    with serve(moved_site) as base:
        with_js = browser.new_context()
        tab = with_js.new_page()
        tab.goto(f"{base}es/start/old-name/#{section}")
        tab.wait_for_url(f"{base}es/start/what-is-cat/#{section}", timeout=10000)
        assert tab.locator("html").get_attribute("lang") == "es"
        with_js.close()
        without_js = browser.new_context(java_script_enabled=False)
        tab = without_js.new_page()
        tab.goto(f"{base}old-faq/")
        tab.wait_for_url(f"{base}reference/faq/", timeout=10000)
        without_js.close()


BAD = {
    "start/gone.md: start/no-such-page.md":
        "data/redirects.yml, entry 'start/gone.md', field 'new page': page 'start/no-such-page.md' does not exist in docs/en/",
    "start/what-is-cat.md: about.md":
        "data/redirects.yml, entry 'start/what-is-cat.md', field 'old page': the address start/what-is-cat/ still belongs",
    "evidence.md: about.md":
        "data/redirects.yml, entry 'evidence.md', field 'old page': the address evidence/ still belongs to the page evidence/index.md",
    "Start/Old Page.md: about.md":
        "data/redirects.yml, entry 'Start/Old Page.md', field 'old page': 'Start/Old Page.md' is not valid",
    "- start/old.md": "data/redirects.yml: expected one line per moved page",
}


@pytest.mark.parametrize("line", BAD, ids=list(BAD))
def test_a_bad_redirect_fails_the_build_with_a_named_location(project_copy, tmp_path, line):
    with (project_copy / "data" / "redirects.yml").open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")
    site_dir = tmp_path / "out"
    result = run_build(project_copy, site_dir)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the build should have failed:\n{output}"
    assert BAD[line] in output, f"expected {BAD[line]!r} in:\n{output}"
    assert "Traceback" not in output, output
    assert not (list(site_dir.rglob("*.html")) if site_dir.exists() else [])


def test_page_addresses_follow_mkdocs_directory_urls():
    from macros.redirects import page_url

    assert [page_url(p) for p in ("index.md", "about.md", "evidence/index.md", "start/old-name.md")] == [
        "", "about/", "evidence/", "start/old-name/"]


@pytest.mark.browser
def test_redirect_pages_pass_axe(moved_site, browser):
    """Checked as they are shown, without the refresh and the script that would take the browser away."""
    from test_accessibility import AXE_TAGS, axe_source

    context = browser.new_context(bypass_csp=True)
    tab = context.new_page()
    failures = []
    for lang in languages():
        for old in MOVES:
            html = built_path(moved_site, lang, old).read_text(encoding="utf-8")
            html = re.sub(r'<meta http-equiv="refresh"[^>]*>|<script[^>]*></script>', "", html)
            tab.set_content(html)
            tab.add_script_tag(content=axe_source())
            result = tab.evaluate("o => axe.run(document, o)", {"runOnly": {"type": "tag", "values": AXE_TAGS}})
            assert result["passes"], "axe-core did not run"
            failures += [f"{lang} {old}: {v['id']}" for v in result["violations"]]
    context.close()
    assert not failures, failures
