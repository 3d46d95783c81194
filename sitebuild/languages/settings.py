"""Each pass's MkDocs configuration: its language, folders and interface words.

MkDocs reads mkdocs.yml for the first pass of the web build. Every other pass gets a
configuration of its own from the same file, with its language's docs folder, its site folder
and its addresses, so that no setting of one pass is changed by another.
"""

from __future__ import annotations

import os

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from macros.data import check_ui, read_yaml
from macros.i18n import ui as ui_string
from macros.schema import Context

from ..passes import BuildPass, attach

UI_FILE = "data/ui.yml"


def pass_config(p: BuildPass) -> MkDocsConfig:
    """A configuration of `p`'s own, read from mkdocs.yml."""
    build = p.build
    site_url = None
    if build.site_url:
        site_url = build.site_url if p.default else build.site_url.rstrip("/") + f"/{p.lang}/"
    config = load_config(build.config_file, docs_dir=p.docs_dir, site_dir=p.site_dir, site_url=site_url,
                         strict=build.strict, use_directory_urls=not p.offline)
    config.theme["language"] = p.lang
    return config


def run_pass(p: BuildPass) -> None:
    """Let MkDocs build `p`, with a configuration of its own."""
    attach(p, pass_config(p))
    build(p.config)


def apply_language(p: BuildPass) -> None:
    """Interface words in `p`'s language: for templates (the 404 page), the navigation titles,
    the headings' permalink titles and the colour-scheme toggles (mkdocs.yml names ui.yml keys)."""
    config = p.config
    if config.theme["language"] != p.lang:
        raise ValueError(f"theme.language in mkdocs.yml is '{config.theme['language']}', but the first "
                         f"language of extra.alternate is '{p.lang}': make them the same")
    ctx = Context(file=UI_FILE, languages=p.build.languages)
    config.extra["ui"] = ui = check_ui(read_yaml(os.path.join(p.build.project, UI_FILE), ctx.file), ctx)
    config.extra["fallback_pages"] = p.fallback_pages  # read by the macros' fallback notice
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = ui_string(ui, "permalink_title", p.lang)
    for palette in config.theme.get("palette") or []:
        toggle = palette.get("toggle") or {}
        if toggle.get("name"):
            toggle["name"] = ui_string(ui, toggle["name"], p.lang)
