"""Readers start from what happened to them: the home page's entries by situation
(data/situations.yml), the short "what to do now" pages, link labels that name the pages they
open, and the calm notes before passages that describe torture."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from browser import serve
from macros.data import parse_yaml
from site_reader import ROOT, article, built_path, language_root, languages, soup

READS_PAGES_ONLY = True  # reads only the built pages: runs while the PDFs are made (tests/conftest.py)

SITUATIONS = parse_yaml((ROOT / "data" / "situations.yml").read_text(encoding="utf-8"))
DEADLINES = {d["key"]: d for d in parse_yaml((ROOT / "data" / "deadlines.yml").read_text(encoding="utf-8"))}
UI = parse_yaml((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))
SITUATION_PAGES = ["situations/index.md"] + [f"situations/{s['key']}.md" for s in SITUATIONS]
# The deadlines in data/deadlines.yml are all US deadlines; this page links to the European Court's.
NO_US_DEADLINES = {"situations/outside-us.md"}
# Pages whose every link to another page is labelled with that page's title (or heading).
TITLED_LINK_PAGES = ["index.md", "after/index.md", *SITUATION_PAGES]

# (page, heading before a passage on torture or sexual violence, heading the note skips to)
CONTENT_NOTES = [
    ("qualify/torture-definition.md", "mental-pain", "specific-intent"),
    ("qualify/torture-definition.md", "examples", "international-definition"),
    ("evidence/declaration.md", "details-and-dates", "consistency"),
]

PHONE = {"width": 360, "height": 800}


def text_of(element) -> str:
    """An element's text as a reader sees it: without the heading's permalink sign."""
    parts = [s for s in element.find_all(string=True) if not s.find_parent("a", class_="headerlink")]
    return " ".join("".join(parts).split())


def home_url(lang: str) -> str:
    return "" if lang == languages()[0] else f"{lang}/"


# --- The home page on a phone --------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("lang", languages())
def test_home_page_shows_the_situations_on_the_first_screen_of_a_phone(site, browser, lang):
    with serve(site) as base:
        tab = browser.new_page(viewport=PHONE)
        tab.goto(base + home_url(lang))
        title_bottom = tab.evaluate("document.querySelector('article h1').getBoundingClientRect().bottom")
        cards = tab.eval_on_selector_all("article nav.cat-situations li", """els => els.map(li => {
            const r = li.getBoundingClientRect();
            return {text: li.querySelector('a').textContent.trim(), top: r.top, bottom: r.bottom, height: r.height};
        }).map((card, i) => {
            // A tap anywhere on the card (its middle, near two corners, on its short line) opens the
            // link. A card below the first screen is scrolled to first: only what shows can be tapped.
            const li = els[i], a = li.querySelector('a');
            li.scrollIntoView({block: 'center'});
            const r = li.getBoundingClientRect();
            const points = [[r.left + r.width / 2, r.top + r.height / 2], [r.left + 6, r.bottom - 6],
                            [r.right - 6, r.top + 6]];
            return {...card, onLink: points.every(([x, y]) => a.contains(document.elementFromPoint(x, y)))};
        })""")
        sideways = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        tab.close()
    assert [c["text"] for c in cards] == [s["title"][lang] for s in SITUATIONS]
    assert all(c["top"] >= title_bottom for c in cards), "the entries come below the title"
    above = [c["text"] for c in cards if c["bottom"] <= PHONE["height"]]
    assert len(above) >= 6, f"only {len(above)} entries on the first screen: {above}"
    assert not [c["text"] for c in cards if c["height"] < 44], "tap targets must be at least 44 px high"
    assert not [c["text"] for c in cards if not c["onLink"]], "the whole card must be the link's tap target"
    assert sideways <= 0


@pytest.mark.parametrize("lang", languages())
def test_home_page_entries_lead_to_the_situation_pages_in_data_order(site, lang):
    nav = article(built_path(site, lang, "index.md")).select_one("nav.cat-situations")
    assert nav is not None and nav.get("aria-label") == UI["strings"]["situations_label"][lang]
    links = nav.select("a.cat-situation__link")
    assert [urljoin("/", a["href"]) for a in links] == [f"/situations/{s['key']}/" for s in SITUATIONS]
    for a, entry in zip(links, SITUATIONS):
        line = nav.find(id=a["aria-describedby"])
        assert line is not None and line.get_text(strip=True) == entry["line"][lang], entry["key"]


@pytest.mark.parametrize("lang", languages())
def test_urgent_box_links_to_appeals_and_if_denied(site, lang):
    box = article(built_path(site, lang, "index.md")).select_one(".admonition.warning")
    targets = {urljoin("/", a["href"]) for a in box.find_all("a", href=True)}
    assert {"/after/if-denied/", "/process/appeals/"} <= targets, targets


@pytest.mark.parametrize("lang", languages())
def test_after_a_decision_opens_on_its_overview_not_on_the_page_for_winners(site, lang):
    title = UI["nav"]["After a decision"][lang]
    page = soup(built_path(site, lang, "qualify/torture-definition.md"))
    links = [a for a in page.select("nav.md-nav--primary a.md-nav__link") if a.get_text(strip=True) == title]
    assert links, f"no navigation link '{title}'"
    assert urljoin("/qualify/torture-definition/", links[0]["href"]) == "/after/"
    opened = text_of(article(built_path(site, lang, "after/index.md")).h1)
    winners = text_of(article(built_path(site, lang, "after/life-with-cat.md")).h1)
    assert opened != winners


# --- The situation pages -------------------------------------------------------------------------

@pytest.mark.parametrize("lang", languages())
def test_every_situation_page_exists_and_shows_its_deadlines_from_data(site, lang):
    for entry in SITUATIONS:
        md = f"situations/{entry['key']}.md"
        body = article(built_path(site, lang, md))
        assert text_of(body.h1) == entry["title"][lang], md
        source = (ROOT / "docs" / lang / md).read_text(encoding="utf-8")
        keys = [key for call in re.findall(r"deadlines_table\(keys=\[([^\]]*)\]", source)
                for key in re.findall(r'"([^"]+)"', call)]
        assert keys or md in NO_US_DEADLINES, f"{lang}/{md} shows no deadlines"
        rows = [text_of(th) for th in body.select("table.cat-data tbody th[scope=row]")]
        assert rows == [" ".join(DEADLINES[k]["name"][lang].split()) for k in keys], f"{lang}/{md}"
        assert body.select_one("#deadlines") and body.select_one("#read-more"), md


def _target(site: Path, lang: str, page_md: str, href: str) -> tuple[Path, str]:
    """The built file a relative link on `page_md` opens, and its #fragment."""
    page_url = "/" + str(built_path(site, lang, page_md).parent.relative_to(language_root(site, lang))) + "/"
    url = urlsplit(urljoin(page_url.replace("/./", "/"), href))
    return language_root(site, lang) / url.path.lstrip("/") / "index.html", url.fragment


@pytest.mark.parametrize("lang", languages())
def test_links_on_home_and_situation_pages_are_labelled_with_the_title_they_open(site, lang):
    """A link to a page says that page's title; a link to a section says that section's heading.
    Checked in lower case, as a title can start a sentence or sit inside one."""
    mismatches, broken = [], []
    for md in TITLED_LINK_PAGES:
        for a in article(built_path(site, lang, md)).find_all("a", href=True):
            href = a["href"]
            if href.startswith(("#", "http:", "https:", "mailto:")) or "headerlink" in a.get("class", []):
                continue
            if not urlsplit(href).path.endswith("/"):
                continue  # a file (the section's PDF, the offline copy), not a page
            target, fragment = _target(site, lang, md, href)
            if not target.is_file():
                broken.append(f"{lang}/{md}: {href}")
                continue
            page = soup(target)
            if fragment:
                heading = page.find(id=fragment)
                if heading is None:
                    broken.append(f"{lang}/{md}: {href} (no #{fragment})")
                    continue
                titles = {text_of(heading)}
            else:
                titles = {text_of(page.select_one("article h1")), page.title.get_text().rsplit(" - ", 1)[0]}
            label = text_of(a)
            if label.casefold() not in {t.casefold() for t in titles}:
                mismatches.append(f"{lang}/{md}: [{label}]({href}) opens {' / '.join(sorted(titles))}")
    assert not broken, "\n".join(broken)
    assert not mismatches, "link labels that are not the title they open:\n" + "\n".join(mismatches)


# --- Content notes -------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", languages())
def test_content_notes_come_before_hard_passages_and_skip_to_the_next_part(site, lang):
    for md, passage, after in CONTENT_NOTES:
        body = article(built_path(site, lang, md))
        heading = body.find(id=passage)
        assert heading is not None, f"{lang}/{md}: no heading #{passage}"
        note = heading.find_next_sibling()
        assert note is not None and note.name == "aside" and "cat-content-note" in note.get("class", []), \
            f"{lang}/{md}: no content note right after the heading #{passage}"
        assert UI["strings"]["content_note_label"][lang] in note.get_text()
        skip = note.select_one("a.cat-content-note__skip")
        assert skip is not None and skip["href"] == f"#{after}", f"{lang}/{md}: {skip}"
        target = body.find(id=after)
        assert target is not None and target.name == heading.name, f"{lang}/{md}: no heading #{after}"
        # The note skips exactly the passage: the next heading of the same level after it.
        assert heading.find_next_sibling(heading.name) is target, f"{lang}/{md}: #{after} is not the next part"
