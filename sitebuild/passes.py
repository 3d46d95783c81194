"""What one build makes: a `Build` of the whole site, made of one `BuildPass` per language.

MkDocs builds one folder from one configuration. This site is several: the default language at
the root, every other language in <root>/<lang>/, and the copy to read from disk, which is all
of that again with file addresses. Each language of each of those is a pass. MkDocs runs the
first pass of the web build itself; the steps run the others (sitebuild/steps.py). Every step
is handed the pass it works on, and what a step collects while pages are written (icons,
titles, PDF plans) is kept on that pass, so that nothing leaks from one pass into the next.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig

from macros.i18n import site_languages
from pdf.plan import Pdf

# Quick builds leave out the slow extras (the PDFs and the offline copy).
QUICK_VARIABLE = "CAT_GUIDE_QUICK"


def makes_extras(command: str | None, environ) -> bool:
    """Whether a build makes the PDFs and the offline copy, which take most of its time.

    `CAT_GUIDE_QUICK=1` leaves them out of any build; `mkdocs serve` leaves them out unless
    `CAT_GUIDE_QUICK=0` asks for them; every other build (`mkdocs build`, the tests' build,
    publishing) makes them. `command` is MkDocs' command ('build', 'serve', 'gh-deploy'), or
    None when MkDocs did not say."""
    quick = environ.get(QUICK_VARIABLE, "").strip()
    if quick in ("0", "1"):
        return quick == "0"
    return command != "serve"


@dataclass(eq=False)
class BuildPass:
    """One language of one build: MkDocs builds docs/<lang> into `site_dir`."""
    build: Build = field(repr=False)
    lang: str
    site_dir: str
    config: MkDocsConfig | None = field(default=None, repr=False)  # set when MkDocs starts the pass
    fallback_pages: set[str] = field(default_factory=set)  # pages taken from the default language
    icons: dict[str, str] = field(default_factory=dict)    # icon path data -> symbol id in the sprite
    titles: dict[str, str] = field(default_factory=dict)   # page source path -> its title
    pdfs: list[Pdf] = field(default_factory=list)          # the PDFs of this language
    pages: dict[str, tuple[str, str]] = field(default_factory=dict)  # page source path -> (URL, file)

    @property
    def offline(self) -> bool:
        return self.build.offline

    @property
    def default(self) -> bool:
        return self.lang == self.build.languages[0]

    @property
    def docs_dir(self) -> str:
        return os.path.join(self.build.project, "docs", self.lang)


@dataclass(eq=False)
class Build:
    """The whole site, every language: for the web, or the copy to read from disk (`offline`)."""
    project: str                 # the folder of mkdocs.yml
    config_file: str
    languages: tuple[str, ...]   # the first is the default: the site root, and the fallback
    root: str                    # the site folder
    offline: bool
    extras: bool                 # PDFs, links to them, and the offline copy
    strict: bool
    site_url: str | None
    passes: list[BuildPass] = field(default_factory=list)
    redirects: dict[str, str] = field(default_factory=dict)  # old page -> new page

    def __post_init__(self):
        self.passes = [BuildPass(self, lang, self.root if i == 0 else os.path.join(self.root, lang))
                       for i, lang in enumerate(self.languages)]


def web_build(config: MkDocsConfig, command: str | None, environ) -> Build:
    """The build that `mkdocs build` or `mkdocs serve` starts, from its configuration."""
    return Build(project=os.path.dirname(os.path.abspath(config.config_file_path)),
                 config_file=config.config_file_path, languages=site_languages(config),
                 root=config.site_dir, offline=False, extras=makes_extras(command, environ),
                 strict=config.strict, site_url=config.site_url)


def offline_build(web: Build, root: str) -> Build:
    """The copy of `web` to read from disk, built into `root`; it makes no extras of its own."""
    return Build(project=web.project, config_file=web.config_file, languages=web.languages, root=root,
                 offline=True, extras=False, strict=web.strict, site_url=web.site_url,
                 redirects=web.redirects)


def attach(p: BuildPass, config: MkDocsConfig) -> None:
    """Hand `p` to every step MkDocs runs with `config`."""
    p.config = config
    config.cat_guide_pass = p


def pass_of(config: MkDocsConfig) -> BuildPass | None:
    """The pass `config` was attached to, or None for the configuration MkDocs read itself."""
    return getattr(config, "cat_guide_pass", None)
