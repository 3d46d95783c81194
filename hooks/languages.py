"""One build per language, from one mkdocs.yml.

The default language (first in `extra.alternate`) is built from docs/<lang> into the site
root; after it, every other language is built from docs/<lang> into <site>/<lang>/. Each
language therefore has its own pages, its own search index and its own sitemap. A page
missing from a translation is taken from the default language (the page shows a notice,
added by the macros), and the language selector links each page to the same page in the
other languages.
"""

from __future__ import annotations

import logging
import os
import sys

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.files import File
from mkdocs.structure.nav import Section
from mkdocs.utils import clean_directory

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from macros.data import check_ui, read_yaml  # noqa: E402
from macros.i18n import alternate_href, nav_title, ui as ui_string  # noqa: E402
from macros.schema import Context  # noqa: E402

log = logging.getLogger("mkdocs.hooks.languages")

# The default language's site folder, remembered so that a failed build can empty it.
_site_dir: str | None = None


def _languages(config) -> list[str]:
    return [alt["lang"] for alt in config.extra["alternate"]]


def _docs_root(config) -> str:
    """docs/ : the folder that holds one folder per language."""
    return os.path.dirname(os.path.abspath(config.docs_dir))


def on_config(config):
    langs = _languages(config)
    lang = config.theme["language"]
    if lang not in langs:
        raise ValueError(f"theme.language '{lang}' is not listed in extra.alternate")
    global _site_dir
    if lang == langs[0]:
        _site_dir = config.site_dir
    config.extra["default_language"] = langs[0]
    config.extra["fallback_pages"] = set()
    # Interface strings, for templates (404 page) and the navigation titles below.
    ctx = Context(file="data/ui.yml", languages=tuple(langs))
    project = os.path.dirname(config.config_file_path)
    config.extra["ui"] = ui = check_ui(read_yaml(os.path.join(project, "data", "ui.yml"), ctx.file), ctx)
    # The title of each heading's permalink is interface text too.
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = ui_string(ui, "permalink_title", lang)
    # So are the colour-scheme toggles' names (mkdocs.yml gives ui.yml keys).
    for palette in config.theme.get("palette") or []:
        toggle = palette.get("toggle") or {}
        if toggle.get("name"):
            toggle["name"] = ui_string(ui, toggle["name"], lang)
    return config


def on_files(files, config):
    """Fill gaps in a translation with the default language's files."""
    default = config.extra["default_language"]
    if config.theme["language"] == default:
        return files
    default_dir = os.path.join(_docs_root(config), default)
    present = {f.src_uri for f in files}
    for folder, _dirs, names in os.walk(default_dir):
        for name in sorted(names):
            src_uri = os.path.relpath(os.path.join(folder, name), default_dir).replace(os.sep, "/")
            if src_uri not in present and not name.startswith("."):
                files.append(File(src_uri, default_dir, config.site_dir, config.use_directory_urls))
                if src_uri.endswith(".md"):
                    config.extra["fallback_pages"].add(src_uri)
    return files


def on_nav(nav, config, files):
    """Section titles are written in English in mkdocs.yml; translate them from data/ui.yml."""
    lang = config.theme["language"]
    if lang == config.extra["default_language"]:
        return nav
    ui = config.extra["ui"]

    def walk(items):
        for item in items:
            if isinstance(item, Section):
                item.title = nav_title(ui, item.title, lang)
                walk(item.children)

    walk(nav.items)
    return nav


def on_page_context(context, page, config, nav):
    """Links for the language selector: the same page in every language."""
    langs, current = _languages(config), config.theme["language"]
    context["language_links"] = [
        {"lang": alt["lang"], "name": alt["name"], "current": alt["lang"] == current,
         "href": alternate_href(page.url, current, alt["lang"], langs[0])}
        for alt in config.extra["alternate"]
    ]
    return context


def on_post_build(config):
    """After the default language, build each other language into its own folder."""
    langs = _languages(config)
    if config.theme["language"] != langs[0]:
        return
    for lang in langs[1:]:
        site_url = (config.site_url or "").rstrip("/") + f"/{lang}/" if config.site_url else None
        other = load_config(
            config.config_file_path,
            docs_dir=os.path.join(_docs_root(config), lang),
            site_dir=os.path.join(config.site_dir, lang),
            site_url=site_url,
            strict=config.strict,
            use_directory_urls=config.use_directory_urls,  # the offline copy has none
        )
        other.theme["language"] = lang
        build(other)


def on_build_error(error, **kwargs):
    """Leave nothing half-built: if any language fails, empty the whole site folder,
    as MkDocs itself does before a clean build."""
    if _site_dir and os.path.isdir(_site_dir):
        clean_directory(_site_dir)
