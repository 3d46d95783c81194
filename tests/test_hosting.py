"""What a static host needs: 404 pages, robots.txt, sitemaps, security headers."""

from __future__ import annotations

import re

import pytest
import yaml

from site_reader import ROOT, languages, soup

from sitebuild.hosting import csp as hosting


def test_headers_file_allows_only_this_site_and_sends_no_referrer(site):
    headers = (site / "_headers").read_text()
    policy = re.search(r"Content-Security-Policy: (.+)", headers).group(1)
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'self'"
    for name, value in directives.items():
        assert "http" not in value and "*" not in value, f"{name} allows another host: {value}"
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert "Referrer-Policy: no-referrer" in headers


def test_every_inline_script_is_allowed_by_the_policy_and_pages_carry_it(site):
    headers = (site / "_headers").read_text()
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for digest in hosting.script_hashes(html):
            assert f"'{digest}'" in headers, f"{page}: inline script not covered by the policy"
        meta = soup(page).find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta and meta["content"].startswith("default-src 'self'"), page
        assert soup(page).find("meta", attrs={"name": "referrer", "content": "no-referrer"}), page


def test_robots_and_sitemaps_cover_every_language(site):
    robots = (site / "robots.txt").read_text()
    for lang in languages():
        root = site if lang == languages()[0] else site / lang
        sitemap = (root / "sitemap.xml").read_text()
        assert "<loc>" in sitemap
        assert (f"{lang}/sitemap.xml" if lang != languages()[0] else "/sitemap.xml") in robots
    assert (site / ".nojekyll").exists()


@pytest.mark.parametrize("lang", languages())
def test_not_found_page_speaks_the_reader_language(site, lang):
    ui = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))["strings"]
    root = site if lang == languages()[0] else site / lang
    page = soup(root / "404.html")
    assert page.html["lang"] == lang
    assert page.find("h1").get_text(strip=True) == ui["not_found_title"][lang]


def test_pages_workflow_builds_and_deploys_the_site():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text())
    steps = " ".join(str(step) for job in workflow["jobs"].values() for step in job.get("steps", []))
    assert "requirements.txt" in steps and "mkdocs build" in steps and "deploy-pages" in steps


def test_sitemaps_declare_every_translation_of_every_page(site):
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    base = config["site_url"].rstrip("/") + "/"
    for lang in languages():
        folder = site if lang == languages()[0] else site / lang
        xml = (folder / "sitemap.xml").read_text(encoding="utf-8")
        urls = re.findall(r"<url>(.*?)</url>", xml, re.S)
        assert len(urls) > 30, f"{lang} sitemap lists only {len(urls)} pages"
        for url in urls:
            loc = re.search(r"<loc>([^<]*)</loc>", url).group(1)
            alternates = dict(re.findall(r'hreflang="([^"]+)" href="([^"]+)"', url))
            assert list(alternates) == list(languages()), loc
            assert alternates[lang] == loc
            path = alternates[languages()[0]][len(base):]
            for other, href in alternates.items():
                assert href == (base if other == languages()[0] else f"{base}{other}/") + path


def test_pages_do_not_make_the_browser_fetch_sitemaps(site):
    """<link rel=alternate> in a page makes Material download sitemaps on every view."""
    for page in site.rglob("*.html"):
        assert not soup(page).select("head link[rel=alternate][hreflang]"), page


from sitebuild.page_weight import search_languages


@pytest.mark.parametrize("name, kept", [
    ("lunr.es.min.js", True), ("lunr.en.min.js", True), ("lunr.stemmer.support.min.js", True),
    ("lunr.multi.min.js", True), ("lunr.ja.min.js", False), ("wordcut.js", False), ("tinyseg.js", False)])
def test_only_search_files_for_the_site_languages_are_kept(name, kept):
    assert search_languages.needed(name, {"en", "es"}) is kept
