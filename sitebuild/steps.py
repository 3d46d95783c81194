"""Every step of the build, in the order it runs.

MkDocs builds one language into one folder and calls hooks/build.py at each stage of that
(its events: https://www.mkdocs.org/dev-guide/plugins/#events); the functions below are those
stages. Each is handed the pass it works on (sitebuild/passes.py). A web build runs:

1. the default language's pass, which MkDocs starts: configuration, files, navigation, then
   every page, then the steps that finish the language's folder (`finish_pass`);
2. each other language's pass, started at the end of the first, in the same steps;
3. the steps that need every language (`finish_build`): the security policy, the host's files,
   the sitemaps (after which every page is final), the PDFs, and the offline copy, which is a
   whole build of its own again.
"""

from __future__ import annotations

import os

from mkdocs.utils import clean_directory

from . import pages_done
from .hosting import bundle_privacy, csp, host_files, redirects, sitemaps
from .languages import fallback, navigation, search_folding, settings
from .markup import advocates_boxes, table_regions, valid_html
from .offline_copy import (download_link, make_offline_copy, no_canonical_link, widen_policies,
                           write_search_script)
from .page_weight import (css_pruning, early_script, fewer_requests, icon_sprite, lazy_search, material_config,
                          script_on_demand, search_languages, whitespace)
from .paper import pdf_files, pdf_links, print_button, print_page
from .passes import Build, BuildPass, attach, pass_of, web_build

# MkDocs names its command (build, serve) only to on_startup, once per run of `mkdocs`.
_command: str | None = None
# The web build in progress: a failed build of any of its passes empties its whole folder.
_web: Build | None = None


def on_startup(command, dirty):
    global _command
    _command = command


def on_config(config):
    global _web
    p = pass_of(config)
    if p is None:  # the configuration MkDocs read: a web build starts
        _web = web_build(config, _command, os.environ)
        p = _web.passes[0]
        attach(p, config)
        settings.apply_language(p)
        redirects.read_redirects(_web)
    else:
        settings.apply_language(p)
    advocates_boxes.register(p.config)  # needs the pass's interface words (apply_language)
    return config


def on_files(files, config):
    return fallback.add_fallbacks(files, pass_of(config))


def on_nav(nav, config, files):
    p = pass_of(config)
    navigation.translate_titles(nav, p)
    if p.build.extras:
        pdf_links.plan_pdfs(nav, p)
    return nav


def on_page_content(html, page, config, files):
    p = pass_of(config)
    html = table_regions.wrap_tables(html)
    if p.build.extras:
        html = pdf_links.add_pdf_link(html, page, p)
    html = print_button.add_print_button(html, page, p)  # after the PDF link, to stand next to it
    return html


def on_page_context(context, page, config, nav):
    p = pass_of(config)
    context = navigation.language_links(context, page, p)
    if p.offline:
        context = no_canonical_link(context, page, p)
    elif p.build.extras:
        context = download_link(context, page, p)
    return context


def on_post_page(output, page, config):
    p = pass_of(config)
    html = valid_html.fix_markup(output)
    html = print_page.add_print_addresses(html, page, p)
    if not p.offline:  # pages opened from disk may not use another file's symbols
        html = icon_sprite.link_icons(html, page, p)
    html = material_config.compact(html)
    html = whitespace.strip_indentation(html)
    redirects.remember_title(page, p)
    return html


def on_post_template(output_content, template_name, config):
    # The 404 page is rendered from a template, not from a page.
    return valid_html.fix_markup(output_content) if template_name.endswith(".html") else output_content


def on_post_build(config):
    p = pass_of(config)
    finish_pass(p)
    if p is p.build.passes[0]:
        for other in p.build.passes[1:]:
            settings.run_pass(other)
        finish_build(p.build)


def finish_pass(p: BuildPass) -> None:
    """The steps on one language's finished folder."""
    search_folding.fold_search_index(p)
    search_languages.drop_unused_languages(p)
    bundle_privacy.neutralize_scripts(p)
    icon_sprite.write_sprite(p)
    lazy_search.patch_bundle(p)
    css_pruning.prune_stylesheets(p)
    fewer_requests.join_stylesheets(p)  # after the stylesheets are final
    guide_script = fewer_requests.take_guide_script(p)
    material_loader = script_on_demand.load_on_demand(p)  # after the bundle's other edits
    # Before the security policy, which then needs no hashes:
    early_script.move_inline_scripts(p, then=(guide_script, material_loader))
    if p.offline:
        write_search_script(p)  # nobody follows an old web address into the offline copy
    else:
        redirects.write_redirect_pages(p)


def finish_build(build: Build) -> None:
    """The steps that need every language built."""
    policy = csp.add_policies(build)  # after every page is written, redirect pages too
    host_files.write_host_files(build, policy)
    if build.site_url:
        sitemaps.add_alternates(build)
    pages_done.announce(build)  # every page is final: the tests may start visiting them
    if build.offline:
        widen_policies(build)
    elif build.extras:
        pdf_files.write_pdfs(build)  # after the pages and stylesheets are final
        make_offline_copy(build)


def on_build_error(error, **kwargs):
    """Leave nothing half-built: if any pass fails, empty the whole site folder, as MkDocs
    itself does before a clean build."""
    if _web and os.path.isdir(_web.root):
        clean_directory(_web.root)
