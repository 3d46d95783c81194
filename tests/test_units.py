"""Unit tests for the pure functions in macros/ and sitebuild/."""

from __future__ import annotations

import datetime as dt

import pytest

from macros import html, i18n, pages, search, tables
from macros.data import SiteData
from macros.errors import DataError
from macros.schema import Context, Date, Key, ListOf, MapOf, Record, SourceKeys, Str, Text, Url, check_entries
from sitebuild.hosting import bundle_privacy, csp, host_files
from sitebuild.page_weight import css_pruning, lazy_search, runtime_classes, whitespace

LANGS = ("en", "es")


def ctx(**kw):
    return Context(file="data/test.yml", languages=LANGS, source_keys=frozenset({"cfr-1208-16"}), entry="x", **kw)


class TestSchema:
    def test_text_needs_every_language(self):
        assert Text().check({"en": " Hi ", "es": "Hola"}, ctx(), "t") == {"en": "Hi", "es": "Hola"}
        with pytest.raises(DataError, match="field 't': missing translation for 'es'"):
            Text().check({"en": "Hi"}, ctx(), "t")
        with pytest.raises(DataError, match="unknown language 'pt'"):
            Text().check({"en": "Hi", "es": "Hola", "pt": "Olá"}, ctx(), "t")
        with pytest.raises(DataError, match="expected a translation for each language"):
            Text().check("Hi", ctx(), "t")

    def test_simple_kinds(self):
        assert Key().check("cat-deferral", ctx(), "k") == "cat-deferral"
        with pytest.raises(DataError, match="lower-case"):
            Key().check("CAT Deferral", ctx(), "k")
        with pytest.raises(DataError, match="https://"):
            Url().check("http://example.org", ctx(), "u")
        assert Date().check("2025-06-26", ctx(), "d") == dt.date(2025, 6, 26)
        with pytest.raises(DataError, match="YYYY-MM-DD"):
            Date().check("June 2025", ctx(), "d")
        with pytest.raises(DataError, match="expected text, found a number"):
            Str().check(5, ctx(), "s")

    def test_source_keys_must_exist(self):
        assert SourceKeys().check(["cfr-1208-16"], ctx(), "sources") == ["cfr-1208-16"]
        with pytest.raises(DataError, match="unknown source 'nope'"):
            SourceKeys().check(["nope"], ctx(), "sources")
        with pytest.raises(DataError, match="expected a list of source keys"):
            SourceKeys().check([], ctx(), "sources")
        assert SourceKeys(required=False).check([], ctx(), "sources") == []

    def test_records_reject_unknown_and_missing_fields(self):
        record = Record(fields={"key": Key(), "name": Text()}, optional={"note": Str()})
        with pytest.raises(DataError, match="field 'name': required field is missing"):
            record.check({"key": "a"}, ctx(), "")
        with pytest.raises(DataError, match="field 'nmae': unknown field"):
            record.check({"key": "a", "name": {"en": "A", "es": "A"}, "nmae": 1}, ctx(), "")

    def test_entries_are_named_by_key_or_position(self):
        record = Record(fields={"key": Key(), "items": ListOf(Text())})
        with pytest.raises(DataError, match=r"entry 'b', field 'items\[2\]': missing translation for 'es'"):
            check_entries([{"key": "a", "items": [{"en": "x", "es": "y"}]},
                           {"key": "b", "items": [{"en": "x", "es": "y"}, {"en": "z"}]}], record, ctx())
        with pytest.raises(DataError, match="entry '#1', field 'key': required field is missing"):
            check_entries([{"items": []}], record, ctx())

    def test_every_problem_is_kept_not_only_the_first(self):
        record = Record(fields={"key": Key(), "name": Text(), "items": ListOf(Text())})
        entries = [{"key": "a", "name": {"en": "A"}, "items": [{"es": "x"}], "colour": 1}, {"key": "B"}]
        with pytest.raises(DataError) as caught:
            check_entries(entries, record, ctx())
        assert [str(e) for e in caught.value.errors] == [
            "data/test.yml, entry 'a', field 'colour': unknown field; allowed fields are key, name, items",
            "data/test.yml, entry 'a', field 'name': missing translation for 'es'",
            "data/test.yml, entry 'a', field 'items[1]': missing translation for 'en'",
            "data/test.yml, entry 'B', field 'key': 'B' is not valid: use lower-case letters, digits and - or _",
            "data/test.yml, entry 'B', field 'name': required field is missing",
            "data/test.yml, entry 'B', field 'items': required field is missing",
        ]
        assert str(caught.value).startswith("6 problems to fix before the site can be built")

    def test_map_of_requires_exact_keys(self):
        kind = MapOf(Str(), keys=("a", "b"))
        with pytest.raises(DataError, match="field 'cells.b': required entry is missing"):
            kind.check({"a": "x"}, ctx(), "cells")


class TestLanguageHelpers:
    @pytest.mark.parametrize("url,current,target,expected", [
        ("", "en", "es", "es/"),
        ("", "es", "en", "../"),
        ("reference/glossary/", "en", "es", "../../es/reference/glossary/"),
        ("reference/glossary/", "es", "en", "../../../reference/glossary/"),
        ("about/", "es", "es", "../../es/about/"),
        ("404.html", "es", "en", "../404.html"),
    ])
    def test_alternate_href(self, url, current, target, expected):
        assert i18n.alternate_href(url, current, target, "en") == expected

    def test_dates_and_accents(self):
        ui = {"strings": {"date_format": {"en": "{day} {month} {year}", "es": "{day} de {month} de {year}"}},
              "months": {"en": ["January"] * 12, "es": ["enero"] * 12}}
        assert i18n.format_date(dt.date(2025, 1, 5), "es", ui) == "5 de enero de 2025"
        assert i18n.fold_accents("Protección, niño, Über") == "Proteccion, nino, Uber"

    def test_missing_interface_string_names_the_file(self):
        with pytest.raises(DataError, match="data/ui.yml, entry 'nope'"):
            i18n.ui({"strings": {}}, "nope", "es")


class TestSearchFolding:
    def test_only_accented_words_are_added_once(self):
        assert search.folded_words("La protección y la Protección <b>más</b> casa") == ["proteccion", "mas"]

    def test_entry_keeps_its_text_and_gains_plain_forms(self):
        doc = search.fold_entry({"location": "a/", "title": "Protección", "text": "<p>Acción</p>"})
        assert doc["text"].startswith("<p>Acción</p>") and "proteccion" in doc["text"] and "accion" in doc["text"]
        plain = {"location": "b/", "title": "Home", "text": "plain"}
        assert search.fold_entry(plain) == plain


def tiny_data() -> SiteData:
    t = lambda s: {"en": s, "es": s + " ES"}  # noqa: E731
    source = {"key": "s1", "short": "8 C.F.R. § 1", "citation": "8 C.F.R. § 1 (2025)", "url": "https://x.example/1"}
    ui = {"strings": {k: t(k) for k in ("caption_protections", "column_question", "official_text", "sources",
                                        "last_reviewed", "not_legal_advice", "fallback_notice")}
          | {"date_format": {"en": "{day} {month} {year}", "es": "{day} de {month} de {year}"}},
          "nav": {}, "months": {"en": ["M"] * 12, "es": ["m"] * 12}}
    return SiteData(
        languages=LANGS, ui=ui, sources={"s1": source},
        protections={"columns": [{"key": "a", "name": t("A <b>")}],
                     "rows": [{"key": "r", "label": t("Row"), "cells": {"a": {"text": t("x < y & z"), "sources": ["s1"]}}}]},
        glossary=[{"key": "cat", "abbr": "CAT", "term": t("Convention"), "definition": t("<script>")}],
        evidence=[], deadlines=[], forms=[], jurisdictions=[], updates=[], faq=[])


class TestRendering:
    def test_table_markup_is_accessible_and_escaped(self):
        out = html.table("t", "Cap <i>", ["H&1"], [("Row <r>", [html.cell("a<b", ["§ 1"])])], corner="Q")
        assert '<caption id="t-caption">Cap &lt;i&gt;</caption>' in out
        assert '<th scope="col">Q</th><th scope="col">H&amp;1</th>' in out
        assert '<th scope="row">Row &lt;r&gt;</th><td data-label="H&amp;1">a&lt;b<span class="cat-cite">§ 1</span></td>' in out
        assert 'role="region" aria-labelledby="t-caption" tabindex="0"' in out

    def test_protections_table_uses_the_language_and_reports_sources(self):
        out, used = tables.protections_table(tiny_data(), "es")
        assert "A &lt;b&gt; ES" in out and "x &lt; y &amp; z ES" in out and used == {"s1"}

    def test_unknown_column_is_a_named_error(self):
        with pytest.raises(DataError, match="data/protections.yml, entry 'zz'"):
            tables.protections_table(tiny_data(), "en", columns=["zz"])

    def test_glossary_and_abbreviations(self):
        out, _ = tables.glossary_list(tiny_data(), "en")
        assert '<dt id="cat"><abbr>CAT</abbr> (Convention)</dt>' in out and "&lt;script&gt;" in out
        assert pages.abbreviations(tiny_data(), "es") == "*[CAT]: Convention ES"

    def test_sources_list_links_to_the_official_text(self):
        out = tables.sources_list(tiny_data(), "en")
        assert '<li id="source-s1">8 C.F.R. § 1 (2025). <a href="https://x.example/1" rel="noreferrer">official_text</a>' in out


class TestPages:
    def test_front_matter_rules(self):
        data = tiny_data()
        good = {"title": "T", "description": "D", "audience": "applicant", "last_reviewed": dt.date(2026, 1, 2),
                "sources": ["s1"]}
        assert pages.check_front_matter(good, "docs/en/a.md", data)["sources"] == ["s1"]
        with pytest.raises(DataError, match="docs/en/a.md, entry 'front matter', field 'audience'"):
            pages.check_front_matter({**good, "audience": "all"}, "docs/en/a.md", data)
        with pytest.raises(DataError, match="the page has no front matter"):
            pages.check_front_matter({}, "docs/en/a.md", data)

    def test_header_goes_under_the_title(self):
        out = pages.insert_after_title("# Title\n\nBody", "BLOCK")
        assert out == "# Title\n\nBLOCK\n\nBody"
        assert pages.insert_after_title("No title", "BLOCK").startswith("BLOCK")

    def test_header_block_shows_date_disclaimer_and_fallback_notice(self):
        meta = {"last_reviewed": dt.date(2026, 3, 4)}
        out = pages.header_block(meta, "es", tiny_data(), fallback=True)
        assert 'class="cat-fallback"' in out and '<time datetime="2026-03-04">4 de m de 2026</time>' in out


class TestHosting:
    def test_script_hashes_skip_external_and_json_scripts(self):
        page = '<script>a()</script><script src="x.js"></script><script type="application/json">{}</script>'
        assert csp.script_hashes(page) == {"sha256-" + __import__("base64").b64encode(
            __import__("hashlib").sha256(b"a()").digest()).decode()}

    def test_policy_and_robots(self):
        policy = csp.content_security_policy({"sha256-abc"})
        assert policy.startswith("default-src 'self'; script-src 'self' 'sha256-abc'")
        assert host_files.robots_txt("https://x.org/g", ["en", "es"]).endswith(
            "Sitemap: https://x.org/g/sitemap.xml\nSitemap: https://x.org/g/es/sitemap.xml\n")

    def test_third_party_loader_addresses_are_made_inert(self):
        js = 'a("https://unpkg.com/mermaid@11/m.js");b(`https://api.github.com/repos/${e}`);c("https://site.example/")'
        assert bundle_privacy.neutralize(js) == 'a("data:,");b(`data:,`);c("https://site.example/")'


class TestLazySearch:
    MATERIAL_LIKE = ('"use strict";(()=>{function Mn(e,t=new Worker(e)){return t}'
                     'L($(location.protocol!=="file:"),Je("search"))})();')

    def test_index_waits_for_search_and_worker_for_first_message(self):
        out = lazy_search.make_lazy(self.MATERIAL_LIKE)
        assert out.startswith('"use strict";function catGuideLazyWorker(')
        assert "t=catGuideLazyWorker(e)" in out and "new Worker(e)" not in out
        assert 'L($(!1),Je("search"))' in out
        assert lazy_search.make_lazy(out) == out

    def test_unknown_material_code_fails_the_build(self):
        from mkdocs.exceptions import PluginError
        with pytest.raises(PluginError, match="lazy_search"):
            lazy_search.make_lazy('"use strict";new Worker(x)')


class TestCssPruning:
    CSS = ('@charset "UTF-8";/* note */a{color:red}.used{x:1}.gone{x:2}.used .gone,.used:not(.gone){x:3}'
           '@media (min-width:1px){.gone{x:4}.used{x:5}}@keyframes k{0%{o:0}to{o:1}}'
           '[data-md-color-primary=red]{c:1}[data-md-color-primary=indigo]{c:2}'
           ':is(.gone,.used) b{x:6}:where(.gone) b{x:7}'
           '.icon{background:url("data:image/svg+xml,<svg>{}</svg>")}')
    USED = css_pruning.Used(frozenset({"used", "icon"}), frozenset({"primary=indigo"}))

    def test_keeps_what_pages_or_scripts_can_use_and_drops_the_rest(self):
        assert css_pruning.prune(self.CSS, self.USED) == (
            '@charset "UTF-8";a{color:red}.used{x:1}.used:not(.gone){x:3}'
            '@media (min-width:1px){.used{x:5}}@keyframes k{0%{o:0}to{o:1}}'
            '[data-md-color-primary=indigo]{c:2}:is(.gone,.used) b{x:6}'
            '.icon{background:url("data:image/svg+xml,<svg>{}</svg>")}')

    def test_custom_properties_nothing_refers_to_are_dropped(self):
        css = ':root{--used:1;--gone:url("a;b");color:red}.x{--gone:2}@font-face{--gone:3}'
        assert css_pruning.drop_unreferenced_properties(css, {"--used"}) == (
            ":root{--used:1;color:red}@font-face{--gone:3}")

    def test_a_stylesheet_the_parser_cannot_read_stops_the_build(self):
        with pytest.raises(ValueError, match="main.css: CSS the parser cannot read"):
            css_pruning.prune(".a{x:1}.b", self.USED, "main.css")

    def test_classes_scripts_add_count_as_used(self):
        used = css_pruning.used_on_pages(['<nav class="md-nav md-nav--primary" data-md-color-primary="indigo">'])
        assert {"md-nav", "md-nav--primary", "md-search-result__item", "md-tooltip2--active"} <= used.classes
        assert used.palettes == {"primary=indigo"}


class TestRuntimeClasses:
    def test_a_class_material_no_longer_adds_fails_the_build(self):
        from mkdocs.exceptions import PluginError

        named = " ".join(f'"{name}"' for name in runtime_classes.runtime_classes())
        runtime_classes.check(named)
        with pytest.raises(PluginError, match="md-tooltip2--top"):
            runtime_classes.check(named.replace('"md-tooltip2--top"', '"md-tooltip2--above"'))
        assert runtime_classes.missing_from(named.replace('"md-tooltip"', '"md-tooltip-x"')) == ["md-tooltip"]


class TestHtmlWhitespace:
    def test_indentation_and_empty_lines_go_but_preformatted_text_stays(self):
        html = ("<div>\n    <p>Hi\n      there</p>\n\n  \n</div>\n<pre>\n    code\n\n  more</pre>\n  <textarea>\n\n  x"
                "</textarea>\n\u00a0<span>a</span>")
        assert whitespace.strip_indentation(html) == (
            "<div>\n<p>Hi\nthere</p>\n</div>\n<pre>\n    code\n\n  more</pre>\n<textarea>\n\n  x</textarea>"
            "\n\u00a0<span>a</span>")


class TestPagesDone:
    """The build says when its pages are final (sitebuild/pages_done.py); the tests that read
    only pages start then (tests/conftest.py)."""

    def test_the_web_build_writes_the_named_file_and_the_offline_copy_does_not(self, tmp_path, monkeypatch):
        from types import SimpleNamespace

        from sitebuild import pages_done

        target = tmp_path / "pages.done"
        monkeypatch.setenv(pages_done.PAGES_DONE_VARIABLE, str(target))
        pages_done.announce(SimpleNamespace(offline=True, root="/copy"))
        assert not target.exists()
        pages_done.announce(SimpleNamespace(offline=False, root="/site"))
        assert target.read_text(encoding="utf-8") == "/site" and not (tmp_path / "pages.done.part").exists()
        monkeypatch.delenv(pages_done.PAGES_DONE_VARIABLE)
        target.unlink()
        pages_done.announce(SimpleNamespace(offline=False, root="/site"))
        assert not target.exists()

    def test_tests_wait_for_what_they_read(self):
        from types import SimpleNamespace

        from conftest import _need

        pages_only, whole = SimpleNamespace(READS_PAGES_ONLY=True), SimpleNamespace()
        item = lambda names, module: SimpleNamespace(fixturenames=names, module=module)  # noqa: E731
        assert _need(item(["tmp_path"], whole)) == 0
        assert _need(item(["site"], pages_only)) == 1 and _need(item(["variant_site"], whole)) == 1
        assert _need(item(["site"], whole)) == 2
        assert _need(item(["site", "whole_site"], pages_only)) == 2  # the offline copy, in a pages-only module
