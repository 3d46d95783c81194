"""mkdocs-macros entry point: wiring only. The work is done by the modules beside this one."""

from __future__ import annotations

import os
from pathlib import Path

from . import pages, tables
from .data import load
from .i18n import ui as ui_string


def site_languages(config) -> tuple[str, ...]:
    return tuple(alt["lang"] for alt in config["extra"]["alternate"])


def define_env(env):
    config = env.conf
    lang = config["theme"]["language"]
    data = load(Path(env.project_dir) / "data", site_languages(config))
    used_sources: set[str] = set()

    def show(result):
        html, used = result
        used_sources.update(used)
        return html

    @env.macro
    def protections_table(columns=None, rows=None, caption="caption_protections"):
        """Compare protections; `columns`/`rows` pick keys from data/protections.yml."""
        return show(tables.protections_table(data, lang, columns, rows, caption))

    @env.macro
    def evidence_table(keys=None):
        return show(tables.evidence_table(data, lang, keys))

    @env.macro
    def deadlines_table(keys=None):
        return show(tables.deadlines_table(data, lang, keys))

    @env.macro
    def forms_table(keys=None):
        return show(tables.forms_table(data, lang, keys))

    @env.macro
    def jurisdictions_table(keys=None):
        return show(tables.jurisdictions_table(data, lang, keys))

    @env.macro
    def glossary():
        return show(tables.glossary_list(data, lang))

    @env.macro
    def updates():
        return show(tables.updates_list(data, lang))

    @env.macro
    def all_sources():
        return tables.sources_list(data, lang)

    @env.macro
    def evidence_checklist():
        return show(tables.evidence_checklist(data, lang))

    @env.macro
    def faq():
        return tables.faq_markdown(data, lang, env.page.file.src_uri)

    @env.macro
    def ui(key):
        return ui_string(data.ui, key, lang)

    env.variables["site_data"] = data
    env.variables["page_lang"] = lang
    env.variables["_used_sources"] = used_sources


def _page_src(env) -> str:
    return os.path.relpath(env.page.file.abs_src_path, env.project_dir)


def on_pre_page_macros(env):
    data = env.variables["site_data"]
    env.page.meta = pages.check_front_matter(env.page.meta, _page_src(env), data)
    env.variables["_used_sources"].clear()


def on_post_page_macros(env):
    data, lang = env.variables["site_data"], env.variables["page_lang"]
    meta = env.page.meta
    fallback = env.page.file.src_uri in env.conf["extra"].get("fallback_pages", ())
    markdown = pages.insert_after_title(env.markdown, pages.header_block(meta, lang, data, fallback))
    keys = list(dict.fromkeys([*meta["sources"], *sorted(env.variables["_used_sources"])]))
    if keys:
        markdown += (f"\n\n## {ui_string(data.ui, 'sources', lang)} {{ #sources }}\n\n"
                     f"{tables.sources_list(data, lang, keys)}\n")
    env.markdown = markdown + "\n\n" + pages.abbreviations(data, lang) + "\n"
