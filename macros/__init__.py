"""mkdocs-macros entry point: wiring only. The work is done by the modules beside this one."""

from __future__ import annotations

import functools
import os
from pathlib import Path

from . import checks, citation, deadline_tool, diagrams, finder, pages, tables
from . import situations as situation_pages
from .data import load
from .errors import DataError, raise_all
from .i18n import site_languages, ui as ui_string


def define_env(env):
    config = env.conf
    lang = config["theme"]["language"]
    data = load(Path(env.project_dir) / "data", site_languages(config))
    used_sources: set[str] = set()
    # An error raised inside a macro is caught by mkdocs-macros, which prints a traceback and
    # exits. Macros and front matter checks therefore park data errors here, for every page;
    # after the last page, before any page is written, on_post_page_macros raises them all at
    # once as a plain build error that names the file, entry and field of each.
    pending_errors: list[DataError] = []

    def macro(func):
        @functools.wraps(func)
        def guarded(*args, **kwargs):
            try:
                return func(*args, **kwargs)
            except DataError as error:
                page = _page_src(env)
                pending_errors.extend(DataError(e.file, e.entry, e.field, f"{e.problem} (asked for in {page})")
                                      for e in error.errors)
                return ""
        return env.macro(guarded, func.__name__)

    def show(result):
        html, used = result
        used_sources.update(used)
        return html

    @macro
    def protections_table(columns=None, rows=None, caption="caption_protections"):
        """Compare protections; `columns`/`rows` pick keys from data/protections.yml."""
        return show(tables.protections_table(data, lang, columns, rows, caption))

    @macro
    def evidence_table(keys=None):
        return show(tables.evidence_table(data, lang, keys))

    @macro
    def deadlines_table(keys=None):
        return show(tables.deadlines_table(data, lang, keys))

    @macro
    def forms_table(keys=None):
        return show(tables.forms_table(data, lang, keys))

    @macro
    def jurisdictions_table(keys=None):
        return show(tables.jurisdictions_table(data, lang, keys))

    @macro
    def glossary():
        return show(tables.glossary_list(data, lang))

    @macro
    def updates():
        return show(tables.updates_list(data, lang))

    @macro
    def all_sources():
        return tables.sources_list(data, lang)

    @macro
    def evidence_checklist():
        return show(tables.evidence_checklist(data, lang))

    diagram_ids = diagrams.PageIds()

    @macro
    def diagram(key):
        """A process diagram from data/diagrams.yml, drawn as an SVG, with a text version."""
        return show(diagrams.diagram(data, lang, key, diagram_ids.take(env.page, key)))

    @macro
    def faq():
        return tables.faq_markdown(data, lang, env.page.file.src_uri)

    @macro
    def checked(key):
        """'Checked on <date>' for a changeable fact, from the `checked` field of a source."""
        used_sources.add(key)
        return checks.for_source(data, lang, key)

    @macro
    def deadline_calculator():
        """The deadline calculator's form and card, hidden until its script runs (macros/deadline_tool.py)."""
        return deadline_tool.calculator_html(data, lang, env.page.url, config["use_directory_urls"])

    @macro
    def deadline_rules():
        """The rules the deadline calculator counts, for every reader and for paper."""
        return show(deadline_tool.rules_markdown(data, lang, env.page.url, config["use_directory_urls"]))

    @macro
    def ui(key):
        return ui_string(data.ui, key, lang)

    @macro
    def situations():
        """The entries by situation from data/situations.yml, each a large link to its page."""
        return situation_pages.situation_links(data, lang, env.page.file.src_uri)

    @macro
    def content_note(skip_to, kind="torture"):
        """A calm note before a passage on torture or sexual violence, with a link to `skip_to`."""
        return situation_pages.content_note(data, lang, skip_to, kind)

    @macro
    def protection_finder():
        """The protection finder from data/finder.yml: linked questions and results (macros/finder.py)."""
        return show(finder.finder_html(data, lang, Path(env.project_dir) / "docs", env.page.url,
                                       config["use_directory_urls"]))

    env.variables["site_data"] = data
    env.variables["page_lang"] = lang
    env.variables["_used_sources"] = used_sources
    env.variables["_pending_errors"] = pending_errors


def _page_src(env) -> str:
    return os.path.relpath(env.page.file.abs_src_path, env.project_dir)


def _is_last_page(env) -> bool:
    """Whether this is the last page MkDocs reads before it writes any (mkdocs-macros keeps the
    build's files in `files` from on_nav)."""
    files = env.variables.get("files")
    pages_in_order = files.documentation_pages() if files is not None else []
    return not pages_in_order or pages_in_order[-1].src_uri == env.page.file.src_uri


def on_pre_page_macros(env):
    data = env.variables["site_data"]
    env.variables["_used_sources"].clear()
    try:
        env.page.meta = pages.check_front_matter(env.page.meta, _page_src(env), data)
        env.variables["_front_matter_ok"] = True
    except DataError as error:
        env.variables["_pending_errors"].append(error)
        env.variables["_front_matter_ok"] = False


def on_post_build(env):
    # Only if a build read its pages in an unexpected order: the site is emptied again
    # (hooks/languages.py, on_build_error), so still nothing half-built is left.
    raise_all(env.variables["_pending_errors"])


def on_post_page_macros(env):
    if _is_last_page(env):
        raise_all(env.variables["_pending_errors"])
    if not env.variables["_front_matter_ok"]:
        return  # its problem is parked; the page is not written
    data, lang = env.variables["site_data"], env.variables["page_lang"]
    meta = env.page.meta
    fallback = env.page.file.src_uri in env.conf["extra"].get("fallback_pages", ())
    markdown = pages.insert_after_title(env.markdown, pages.header_block(meta, lang, data, fallback))
    keys = list(dict.fromkeys([*meta["sources"], *sorted(env.variables["_used_sources"])]))
    if keys:
        markdown += (f"\n\n## {ui_string(data.ui, 'sources', lang)} {{ #sources }}\n\n"
                     f"{tables.sources_list(data, lang, keys)}\n")
    markdown += "\n\n" + citation.for_page(meta, env.conf["site_url"], env.conf["site_name"], env.page.url,
                                            lang, data.ui)
    env.markdown = markdown + "\n\n" + pages.abbreviations(data, lang) + "\n"
