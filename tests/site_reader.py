"""Reading the built site in tests: pages, languages and their parsed HTML."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=None)
def languages() -> tuple[str, ...]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    return tuple(alt["lang"] for alt in config["extra"]["alternate"])


def language_root(site: Path, lang: str) -> Path:
    return site if lang == languages()[0] else site / lang


def source_pages(lang: str) -> list[str]:
    """Markdown pages written for a language, as paths inside docs/<lang>/."""
    base = ROOT / "docs" / lang
    return sorted(str(p.relative_to(base)) for p in base.rglob("*.md"))


def built_path(site: Path, lang: str, md_path: str) -> Path:
    """Where a docs page ends up (directory URLs): a/b.md -> a/b/index.html."""
    stem = md_path[:-3]
    if stem == "index" or stem.endswith("/index"):
        rel = Path(stem).parent / "index.html"
    else:
        rel = Path(stem) / "index.html"
    return language_root(site, lang) / rel


@lru_cache(maxsize=None)
def _parse(path: str) -> BeautifulSoup:
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


def soup(path: Path) -> BeautifulSoup:
    return _parse(str(path))


@lru_cache(maxsize=None)
def anchors(path: Path) -> frozenset[str]:
    """What a link's #fragment can name in a page: its elements' ids and name attributes
    (found once per page, not once per link)."""
    page = soup(path)
    return frozenset([tag["id"] for tag in page.find_all(id=True)]
                     + [tag["name"] for tag in page.find_all(attrs={"name": True})])


def article(path: Path):
    return soup(path).select_one("article.md-content__inner")


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def site_prefix() -> str:
    """The path of the published site (site_url), where the 404 pages expect their assets."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    return urlsplit(config["site_url"]).path or "/"
