"""The page frame: what every page carries besides its own text (header, navigation, scripts,
policy). A reader pays for it again with every page, so it is kept small: frame icons come from
one cached file, the navigation lists only the open section's pages, the guide's scripts are a
cached file, and each page's security policy names only that page's own inline scripts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from browser import serve
from site_reader import ROOT, built_path, html_files, languages, site_prefix, soup

from sitebuild.hosting import csp as hosting
from sitebuild.page_weight import early_script, fewer_requests, icon_sprite

READS_PAGES_ONLY = True  # reads only the built pages: runs while the PDFs are made (tests/conftest.py)


def guide_pages(site: Path) -> list[Path]:
    """Built pages of the guide (not the 404 page, redirect stubs or the offline copy)."""
    return [p for p in html_files(site) if p.name == "index.html" and soup(p).find("article")]


def frame(page: Path):
    """The page without its text: everything outside <article> (a fresh parse: soup() is shared)."""
    tree = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    tree.find("article").decompose()
    return tree


_SVG = re.compile(r"<svg\b.*?</svg>", re.S)
_USE = re.compile(r"<use\b[^>]*\bhref=\"([^\"]+)\"")


def unresolved_icons(site: Path) -> list[str]:
    """Every <use> on every page whose sprite file or symbol is missing; fails on inline frame icons.
    (Read with patterns, not parsed: the build writes this markup itself, and parsing every page
    twice took half a minute.)"""
    missing, sprites = [], {}
    for page in html_files(site):
        html = page.read_text(encoding="utf-8")
        start, end = html.find("<article"), html.find("</article>")
        if page.name == "index.html" and start >= 0:  # a guide page: its frame's icons are references
            for svg in _SVG.findall(html[:start] + html[end:]):
                assert "<use" in svg and "<path" not in svg, f"{page}: inline icon {svg[:80]}"
        for href in _USE.findall(html):
            file, _, symbol = href.partition("#")
            sprite = (page.parent / file).resolve()
            if sprite not in sprites:
                sprites[sprite] = sprite.read_text(encoding="utf-8") if sprite.is_file() else ""
            if f'<symbol id="{symbol}"' not in sprites[sprite]:
                missing.append(f"{page.relative_to(site)}: {href}")
    return missing


def test_the_icon_check_finds_a_missing_symbol_and_an_inline_icon(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "icons.svg").write_text('<svg><symbol id="i1" viewBox="0 0 24 24"></symbol></svg>', encoding="utf-8")
    page = tmp_path / "a" / "index.html"
    page.write_text('<header><svg><use href="../icons.svg#i1"/></svg><svg><use href="../icons.svg#i2"/></svg></header>'
                    "<article><svg><path d='M0'/></svg></article>", encoding="utf-8")
    assert unresolved_icons(tmp_path) == ["a/index.html: ../icons.svg#i2"]
    page.write_text("<header><svg><path d='M0'/></svg></header><article></article>", encoding="utf-8")
    with pytest.raises(AssertionError, match="inline icon"):
        unresolved_icons(tmp_path)


def test_frame_icons_come_from_the_sprite_which_has_each_of_them(site):
    assert not unresolved_icons(site)
    assert sum(len(frame(page).find_all("use")) for page in guide_pages(site)) > 5 * len(guide_pages(site))


def test_each_language_sprite_has_its_own_pages_icons(variant_site):
    """An icon only one language's pages show must be in that language's sprite: each pass
    collects its own icons (an icon in the default language's footer only, here)."""
    footer = (variant_site / "index.html").read_text(encoding="utf-8").split("<footer", 1)[1]
    assert "<use" in footer.split('class="md-copyright"', 1)[1], "the variant's footer icon is missing"
    assert not unresolved_icons(variant_site)


def test_sprite_swap_keeps_the_text_and_escapes_nothing_into_it():
    icon = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M0 0h24v24H0z"/></svg>'
    html = f"<header>{icon}</header><article>{icon}</article><footer>{icon}</footer>"
    symbols: dict[str, str] = {}
    out = icon_sprite.use_sprite(html, "../assets/images/icons.svg", symbols)
    assert out.count("<use href=") == 2 and f"<article>{icon}</article>" in out  # the text is left as written
    assert f'<symbol id="{symbols["M0 0h24v24H0z"]}" viewBox="0 0 24 24"><path d="M0 0h24v24H0z"/>' in \
        icon_sprite.sprite_file(symbols)


def test_icons_show_in_the_browser(site, browser):
    """The sprite's symbols really draw: a <use> whose file or symbol is missing has no size."""
    with serve(site, site_prefix()) as base:
        tab = browser.new_page(viewport={"width": 360, "height": 740})
        for path in ("", "es/qualify/torture-definition/"):
            tab.goto(base + path)
            sizes = tab.evaluate("""[...document.querySelectorAll('.md-header svg use')]
                .filter(u => u.getClientRects().length).map(u => u.getBBox().width)""")
            assert len(sizes) >= 3 and all(w > 0 for w in sizes), f"{path or 'home'}: icon sizes {sizes}"
            tab.evaluate("document.querySelector('.md-header svg use').setAttribute('href', '#none')")
            assert tab.evaluate("document.querySelector('.md-header svg use').getBBox().width") == 0
        tab.close()


def _sections() -> dict[str, list[str]]:
    """Each top-level section of the navigation in mkdocs.yml: its pages, in order."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return {title: pages for item in config["nav"] if isinstance(item, dict)
            for title, pages in item.items()}


@pytest.mark.parametrize("lang", languages())
def test_navigation_lists_only_the_open_sections_pages(site, lang):
    sections = _sections()
    for title, pages in sections.items():
        page = built_path(site, lang, pages[-1])
        nav = soup(page).select_one("nav.md-nav--primary")
        linked = {a["href"] for a in nav.select("a.md-nav__link[href]") if "#" not in a["href"]}
        others = [p for other, ps in sections.items() if other != title for p in ps[1:]]
        for md_path in pages:  # every page of the open section is listed...
            target = built_path(site, lang, md_path)
            assert any((page.parent / href / "index.html").resolve() == target or
                       (page.parent / href).resolve() == target for href in linked), \
                f"{page}: no link to {md_path}"
        for md_path in others:  # ...and no page of a closed section but its first
            target = built_path(site, lang, md_path)
            assert not any((page.parent / href / "index.html").resolve() == target for href in linked), \
                f"{page}: closed section lists {md_path}"


# A tool's page loads the tool's own script besides the bundle; no other page loads it.
# Page paths inside each language's folder.
TOOL_SCRIPTS = {"tools/finder/index.html": "assets/javascripts/finder.js",
                "tools/deadlines/index.html": "assets/javascripts/deadlines.js"}


def _in_language(site: Path, page: Path) -> str:
    rel = page.relative_to(site).as_posix()
    first, _, rest = rel.partition("/")
    return rest if first in languages()[1:] else rel


def test_pages_load_one_stylesheet_one_script_and_no_inline_script(site):
    """No page has a script of its own: Material's two inline scripts, the guide's own script and
    the loader of Material's bundle are in one small cached file (sitebuild/page_weight/early_script.py),
    the stylesheets in one cached stylesheet. Material's bundle is not in the page: the early
    script loads it when the reader first needs it (script_on_demand.py; tests/test_script_on_demand.py)."""
    for page in guide_pages(site):
        html = page.read_text(encoding="utf-8")
        assert hosting._INLINE_SCRIPT.findall(html) == [], page
        tree = soup(page)
        scripts = [s["src"] for s in tree.find_all("script", src=True)]
        sheets = [link["href"] for link in tree.find_all("link", rel="stylesheet")]
        inside = _in_language(site, page)
        if inside in TOOL_SCRIPTS:
            tool = (page.parents[inside.count("/")] / TOOL_SCRIPTS[inside]).resolve()
            own = [s for s in scripts if (page.parent / s).resolve() == tool]
            assert len(own) == 1 and tool.is_file(), f"{page}: {scripts}, expected {tool}"
            scripts = [s for s in scripts if s not in own]
        assert len(scripts) == 1 and re.search(r"(^|/)assets/javascripts/early\.[0-9a-f]{8}\.js$", scripts[0]), \
            f"{page}: {scripts}"
        assert len(sheets) == 1 and re.search(r"/site\.[0-9a-f]{8}\.css$", sheets[0]), f"{page}: {sheets}"
        early = (page.parent / scripts[0]).read_text(encoding="utf-8")
        assert 'setAttribute("data-cat-menu"' in early, f"{page}: the guide's script is not in the early script"
        bundle = re.search(r'new URL\("(bundle\.[0-9a-f]+\.min\.js)", document\.currentScript\.src\)', early)
        assert bundle and (page.parent / scripts[0]).with_name(bundle.group(1)).is_file(), \
            f"{page}: the early script does not load Material's bundle"


def test_one_stylesheet_keeps_the_cascade_order_and_fails_on_a_surprise():
    html = ('<link rel="stylesheet" href="../a/main.1.min.css">\n<link rel="stylesheet" href="../a/x.css">\n'
            "<title>t</title>")
    out = fewer_requests.relink(html, ["main.1.min.css", "x.css"], "site.abc.css")
    assert out == '<link rel="stylesheet" href="../a/site.abc.css">\n<title>t</title>'
    with pytest.raises(Exception, match="expected"):
        fewer_requests.relink(html, ["x.css", "main.1.min.css"], "site.abc.css")
    assert fewer_requests.compact_script("/* why */\n  var a = 1;\n\n  a++;\n") == "var a = 1;\na++;"


def test_each_page_policy_names_only_its_own_scripts(site):
    for page in html_files(site):
        html = page.read_text(encoding="utf-8")
        meta = soup(page).find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        named = set(re.findall(r"'(sha256-[^']+)'", meta["content"]))
        assert named == hosting.script_hashes(html), page


def test_the_early_script_keeps_materials_two_scripts_and_fails_when_they_change():
    settings = '<script>__md_scope=new URL("../..",location),__md_get=e=>1</script>\n'
    palette = '<script>var palette=__md_get("__palette");if(palette){}</script>'
    html = f"<head>{settings}</head><body><form></form>{palette}</body>"
    text = early_script.script_text("__md_get=e=>1", 'var palette=__md_get("__palette");if(palette){}')
    assert text.startswith('__md_scope=new URL("../..",document.currentScript.src),__md_get=e=>1;')
    # The guide's script and the loader of Material's follow, in the order given, after the no-js line.
    then = early_script.script_text("x", "y", ("guide();", "loader();")).splitlines()
    assert then[-3:] == [early_script._SCRIPTS_RUN, "guide();", "loader();"]
    changed = html.replace("new URL(", "new window.URL(")
    assert early_script._SETTINGS.search(html) and not early_script._SETTINGS.search(changed)


def test_the_readers_colour_scheme_comes_back_on_the_next_page(site, browser):
    """The early script restores the scheme the reader chose, from the cached file. (Each language
    is a site of its own to Material, which keeps the choice per site.)"""
    with serve(site, site_prefix()) as url:
        context = browser.new_context(color_scheme="light")
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        for root in ("", "pt/"):
            page.goto(url + root + "qualify/torture-definition/")
            page.locator("label[for=__palette_1]").click()
            assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
            page.goto(url + root + "evidence/")
            assert page.locator("body").get_attribute("data-md-color-scheme") == "slate", root
        assert page.evaluate("typeof __md_get") == "function" and not errors, errors
        context.close()


def test_materials_settings_are_compact_and_complete(site):
    """Material's script reads its settings from every page (sitebuild/page_weight/material_config.py
    writes them compactly): each page's still hold what the script reads for the site's features,
    in the page's language, as UTF-8, with nothing that could end the script early."""
    import json

    from sitebuild.page_weight import material_config

    search_words = {"search.result.placeholder", "search.result.none", "search.result.one", "search.result.other",
                    "search.result.more.one", "search.result.more.other", "search.result.term.missing"}
    for page in guide_pages(site):
        script = soup(page).find("script", id="__config")
        text = script.string
        settings = json.loads(text)
        where = page.relative_to(site).as_posix()
        assert {"base", "features", "search", "translations"} <= set(settings), where
        assert set(settings["translations"]) == search_words, f"{where}: {sorted(settings['translations'])}"
        assert "\\u00" not in text and ", " not in text and "<" not in text, f"{where}: not compact: {text[:120]}"
    placeholder = json.loads(soup(built_path(site, "pt", "index.md")).find("script", id="__config").string)
    assert placeholder["translations"]["search.result.placeholder"] == "Digite para iniciar a busca"
    # A feature that uses the dropped words keeps them; characters that could end the script stay escaped.
    page = ('<script id="__config" type="application/json">{"features": ["content.code.copy"], '
            '"translations": {"clipboard.copy": "Copiar \\u00e1 \\u003c/script\\u003e", "select.version": "v"}, '
            '"version": null}</script>')  # as Material writes it: "<" escaped
    out = json.loads(re.search(r">(.*)</script>", material_config.compact(page)).group(1))
    assert out == {"features": ["content.code.copy"], "translations": {"clipboard.copy": "Copiar á </script>"},
                   "version": None}
    assert "</script>\"" not in material_config.compact(page) and "\\u003c/script\\u003e" in material_config.compact(page)
