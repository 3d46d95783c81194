"""Clinics link to exact pages and sections of this guide: those addresses must keep working.

tests/published-urls.txt lists every published page and section heading, in every language.
A listed address must still lead somewhere (or be covered by a redirect). The tests add the
site's new addresses to the list, so that it stays complete without anyone running a script.
"""

from __future__ import annotations

import sys
import warnings

import pytest

from site_reader import ROOT, article, built_path, languages, source_pages

sys.path.insert(0, str(ROOT / "scripts"))
import url_manifest  # noqa: E402

HEADINGS = "h2[id], h3[id], h4[id], h5[id], h6[id]"


def page_address(lang: str, md: str) -> str:
    """'/es/evidence/declaration/' for docs/es/evidence/declaration.md, by the rule MkDocs follows."""
    stem = md[:-3]
    folder = "" if stem == "index" else stem.removesuffix("/index") + "/" if stem.endswith("/index") else stem + "/"
    return "/" + ("" if lang == languages()[0] else f"{lang}/") + folder


def test_the_manifest_is_committed_and_lists_both_languages():
    urls = url_manifest.read()
    assert urls, "tests/published-urls.txt is missing or empty: run scripts/update-url-manifest"
    assert len(urls) == len(set(urls)), "tests/published-urls.txt lists an address twice"
    for lang in languages():
        assert page_address(lang, "evidence/declaration.md") + "#what-to-include" in urls


def test_every_published_address_still_works(site):
    broken = [(url, why) for url in url_manifest.read() if (why := url_manifest.problem(site, url))]
    assert not broken, (
        "Clinics link to these addresses, and they no longer work:\n"
        + "\n".join(f"  {url}: {why}" for url, why in broken[:40])
        + "\nIf you moved or renamed a page, add a line to data/redirects.yml (old/page.md: new/page.md)."
        "\nIf you changed a heading's id, put the old id back ({ #old-id }); the Spanish page uses the same id."
        "\nIf you removed a page or a section on purpose, run scripts/update-url-manifest to record it.")


def test_new_addresses_are_recorded_in_the_manifest(site):
    """A new page or section is no failure (it can be added from GitHub's web editor, which runs
    nothing): the test command writes it into tests/published-urls.txt, to be committed."""
    old = url_manifest.read()
    urls = url_manifest.with_new(site, old)
    added = [url for url in urls if url not in old]
    if added:
        url_manifest.write(urls)
        # A warning, so that the summary of a quiet run says it too.
        warnings.warn("tests/published-urls.txt: recorded new addresses; commit the file:\n  "
                      + "\n  ".join(added[:40]), stacklevel=1)
    listed = set(url_manifest.read())
    assert set(old) <= listed, "recording new addresses dropped an old one"
    assert not [url for url in url_manifest.published(site) if url not in listed], \
        "tests/published-urls.txt could not be updated: run scripts/update-url-manifest"


@pytest.mark.parametrize("lang", languages())
def test_the_reader_of_the_site_sees_every_page_and_heading(site, lang):
    """scripts/url_manifest.py finds every page and section heading (found here another way)."""
    found = set(url_manifest.published(site))
    for md in source_pages(languages()[0]):
        address = page_address(lang, md)
        assert (site / address.lstrip("/") / "index.html") == built_path(site, lang, md)
        assert address in found, f"{address} was not found"
        for heading in article(built_path(site, lang, md)).select(HEADINGS):
            assert f"{address}#{heading['id']}" in found, f"{address}#{heading['id']} was not found"


def _write(path, html):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html><head>{html[0]}</head><body>{html[1]}</body></html>", encoding="utf-8")


def test_the_checks_catch_missing_pages_sections_and_broken_redirects(tmp_path):
    page = ('', '<article class="md-content__inner"><h1 id="t">T</h1><h2 id="a">A</h2><span id="kept"></span></article>')
    _write(tmp_path / "new" / "index.html", page)
    _write(tmp_path / "old" / "index.html", ('<meta http-equiv="refresh" content="0; url=../new/">', ""))
    _write(tmp_path / "gone" / "index.html", ('<meta http-equiv="refresh" content="0; url=../nowhere/">', ""))
    assert url_manifest.published(tmp_path) == ["/gone/", "/new/", "/new/#a", "/old/"]
    assert url_manifest.problem(tmp_path, "/new/#a") is None
    assert url_manifest.problem(tmp_path, "/new/#kept") is None, "an id kept on purpose still works"
    assert url_manifest.problem(tmp_path, "/old/#a") is None, "a redirect covers the sections of its new page"
    assert url_manifest.problem(tmp_path, "/missing/") == "the page is gone"
    assert url_manifest.problem(tmp_path, "/new/#b") == "the page has no section #b any more"
    assert url_manifest.problem(tmp_path, "/old/#b") == "the page has no section #b any more"
    assert url_manifest.problem(tmp_path, "/gone/") == "the page is redirected to a page that does not exist"
    # Regenerating keeps old addresses that still work, drops those that do not, adds new ones.
    assert url_manifest.regenerate(tmp_path, ["/new/#kept", "/old/#a", "/new/#b"]) == [
        "/gone/", "/new/", "/new/#a", "/new/#kept", "/old/", "/old/#a"]
    # Recording new addresses (the tests do) adds them and drops nothing, not even a broken one.
    assert url_manifest.with_new(tmp_path, ["/new/", "/new/#b", "/missing/", "/old/#a"]) == [
        "/gone/", "/missing/", "/new/", "/new/#a", "/new/#b", "/old/", "/old/#a"]
