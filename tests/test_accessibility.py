"""Accessibility in real headless Chromium.

- Every built page (every language, 404 pages too) is visited once, on a 360 px phone, the screen
  most readers have: axe-core runs every WCAG 2.2 A and AA rule in the light colour scheme, then
  the colour rules in the dark scheme; in the same visit nothing may scroll sideways, and nothing
  may load from another host, log an error or set a cookie. That visit sees the page as it
  loads; Material's script starts only with the reader's first tap or key press
  (sitebuild/page_weight/script_on_demand.py). The other combinations (a desktop screen in either
  scheme, the phone in the dark scheme), with Material's script started, run every rule on a sample of pages
  computed from the built site so that, together, the sample uses every component any page uses,
  in every language: a new component, or a new language, joins the sample by itself. The open
  search, language menu and navigation drawer are checked in every combination in the default
  language, and on the phone in every language (`combinations()`; the tools' tests use it too).
- The main flows work by keyboard: skip link, search, language selector, navigation drawer.

axe-core is the axe.min.js shipped in the pinned axe-playwright-python package: nothing is
downloaded when the tests run.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

import pytest

from browser import SIDEWAYS, serve, start_materials_script
from site_reader import html_files, languages, site_prefix, source_pages

pytestmark = pytest.mark.browser
READS_PAGES_ONLY = True  # the tests start while the PDFs are made (tests/conftest.py)

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
CONFIGURATIONS = {  # id: (colour scheme, screen)
    "light-desktop": ("light", DESKTOP),
    "dark-desktop": ("dark", DESKTOP),
    "light-phone": ("light", PHONE),
    "dark-phone": ("dark", PHONE),
}
EVERY_PAGE = "light-phone"  # every rule on every page
COLOUR_RULES = ["color-contrast", "link-in-text-block"]  # the rules a colour scheme can change
# What axe loads before it runs: media (for no-autoplay-audio), not the stylesheets' rules. Only
# css-orientation-lock reads those, and it is an experimental rule that AXE_TAGS does not run;
# parsing the stylesheets anyway took a third of each full run. If a rule that reads them ever
# runs, test_the_preload_left_out_changes_no_result fails.
PRELOAD = {"assets": ["media"]}
OTHER_SCHEME = "dark"  # ...and these on every page in the other scheme, in the same visit
# Material's palette names, as mkdocs.yml maps them to prefers-color-scheme.
SCHEMES = {"light": "default", "dark": "slate"}
# Material fades and slides menus, search and drawer in for up to 250 ms; colours measured
# halfway would be wrong.
TRANSITION = 400
# In the page: wait until the running transitions and animations have ended
# (at most 2 s), so that colours are not measured halfway. Endless animations do not count.
TRANSITIONS_ENDED = """(() => {
  const ending = document.getAnimations().filter(a => a.effect && a.effect.getTiming().iterations !== Infinity);
  return Promise.race([Promise.all(ending.map(a => a.finished.catch(() => null))),
                       new Promise(done => setTimeout(done, 2000))]);
})()"""


def axe_source() -> str:
    try:
        from importlib.resources import files

        return (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
    except ModuleNotFoundError:
        pytest.fail("axe-core is missing: the pinned package axe-playwright-python ships it. "
                    "Run scripts/setup (or ./scripts/test) to install requirements.txt.")


def page_url(base_url: str, site, path) -> str:
    rel = path.relative_to(site).as_posix()
    return base_url + (rel.removesuffix("index.html"))


@pytest.fixture(scope="module")
def axe():
    return axe_source()


@pytest.fixture(scope="module")
def base_url(site):
    with serve(site, site_prefix()) as url:
        yield url


def new_axe_context(browser, scheme: str, screen: dict, axe: str):
    # axe-core comes in as an init script, which the browser runs in every page before the page's
    # own scripts; the site's Content-Security-Policy (a <meta> tag) still applies to everything
    # else, as in a reader's browser.
    context = browser.new_context(color_scheme=scheme, **screen)
    context.add_init_script(axe)
    return context


def axe_violations(page, axe: str, where: str, rules: list[str] | None = None) -> list[str]:
    """Run axe-core on the page as it is now (every WCAG A/AA rule, or only `rules`); one line
    per rule broken, with the elements."""
    if not page.evaluate("typeof axe !== 'undefined'"):  # a page written by set_content()
        page.add_script_tag(content=axe)
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": AXE_TAGS}
    # Colours measured halfway through a transition (the header's title slides in when the page
    # scrolls) would be wrong: wait for the running ones to end.
    result = page.evaluate("""async options => {
        await """ + TRANSITIONS_ENDED + """;
        return axe.run(document, options);
    }""", {"runOnly": run_only, "resultTypes": ["violations"], "preload": PRELOAD})
    assert result["testEngine"]["name"] == "axe-core" and result["passes"], f"{where}: axe-core did not run"
    return [f"{where}: {v['id']} ({v['help']}) at " + "; ".join(" >>> ".join(n["target"]) for n in v["nodes"])
            for v in result["violations"]]


def check_scheme(page, scheme: str, where: str) -> None:
    # evaluate(), not a locator: a locator's first use in a page costs more than the check itself
    shown = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert shown == SCHEMES[scheme], f"{where}: expected the {scheme} scheme, the page shows {shown!r}"


def test_the_page_list_covers_both_languages_and_the_404_pages(site):
    pages = {p.relative_to(site).as_posix() for p in html_files(site)}
    for lang in languages():
        root = "" if lang == languages()[0] else f"{lang}/"
        assert f"{root}404.html" in pages and f"{root}index.html" in pages, lang
    assert len(pages) >= 2 * len(source_pages(languages()[0])), "fewer pages than expected"


def test_axe_reports_a_known_violation(browser, axe):
    """The check can fail: a page with an unlabelled image and unlabelled field is caught."""
    context = new_axe_context(browser, "light", DESKTOP, axe)
    page = context.new_page()
    page.set_content('<html lang="en"><title>t</title><body><main><img src="a.png"><input></main></body></html>')
    rules = {line.split(": ")[1].split(" ")[0] for line in axe_violations(page, axe, "sample")}
    context.close()
    assert {"image-alt", "label"} <= rules, rules


def test_the_preload_left_out_changes_no_result(browser, axe):
    """axe without the stylesheets' preload (PRELOAD) runs the same rules with the same results as
    with it, on a page whose styles lock the orientation: a rule that read the stylesheets would
    find that here with the preload, and could not without."""
    context = new_axe_context(browser, "light", PHONE, axe)
    page = context.new_page()
    page.set_content('<html lang="en"><title>t</title><style>@media (orientation: portrait) {'
                     ' main { transform: rotate(90deg) } }</style><body><main><p>Text</p></main></body></html>')
    outcomes = []
    for preload in (True, PRELOAD):  # axe's default, ours
        result = page.evaluate("o => axe.run(document, o)", {"runOnly": {"type": "tag", "values": AXE_TAGS},
                                                              "preload": preload})
        outcomes.append({kind: sorted(rule["id"] for rule in result[kind])
                         for kind in ("violations", "passes", "incomplete", "inapplicable")})
    context.close()
    assert outcomes[0]["passes"], "axe-core did not run"
    assert outcomes[0] == outcomes[1]


@lru_cache(maxsize=None)
def reader_pages(site) -> list:
    """Every page a reader can see: a moved page's old address leaves at once
    (tests/test_redirects.py runs axe on those)."""
    return [path for path in html_files(site) if 'http-equiv="refresh"' not in path.read_text(encoding="utf-8")]


def language_of(site, path) -> str:
    first = path.relative_to(site).parts[0]
    return first if first in languages()[1:] else languages()[0]


@lru_cache(maxsize=None)  # each page is read once per worker, for the sample and its test
def components(path) -> frozenset[str]:
    """What a page is built from, as axe sees it: every element name, class, role and input type
    in its body, and the template (404 pages have their own)."""
    from site_reader import soup

    found = {"template:404"} if path.name == "404.html" else {"template:page"}
    for element in soup(path).body.find_all(True):
        found.add(element.name)
        found.update(f".{name}" for name in element.get("class") or ())
        if element.get("role"):
            found.add(f"[role={element['role']}]")
        if element.name == "input":
            found.add(f"input[type={element.get('type', 'text')}]")
    return frozenset(found)


def covering_sample(uses: dict[str, set[str]]) -> list[str]:
    """A few pages that together use everything that any of `uses` (page -> components) uses:
    each next page is the one that adds most components not yet in the sample."""
    missing, sample = set().union(*uses.values()), []
    while missing:
        best = max(sorted(uses), key=lambda page: len(uses[page] & missing))
        sample.append(best)
        missing -= uses[best]
    return sample


@lru_cache(maxsize=None)
def sample_pages(site) -> list:
    """The sample: pages that together use every component any page of any language uses, and
    every language (its language counts as one of a page's components)."""
    return covering_sample({path: components(path) | {f"lang:{language_of(site, path)}"}
                            for path in reader_pages(site)})


def test_the_sample_covers_every_component_and_every_language(site):
    sample = sample_pages(site)
    used = set().union(*map(components, reader_pages(site)))
    assert used - set().union(*map(components, sample)) == set(), "components no sampled page uses"
    assert len(used) > 50 and {".admonition", "table", "template:404", "svg", "details"} <= used, used
    assert {language_of(site, p) for p in sample} == set(languages()), "a language is not in the sample"
    assert len(sample) < len(reader_pages(site)) / 4, "the sample is hardly smaller than the site"


def test_a_new_component_brings_its_page_into_the_sample():
    uses = {"a": {"header", ".x"}, "b": {"header", ".x", ".y"}, "c": {"header"}, "d": {"header", ".new"}}
    assert sorted(covering_sample(uses)) == ["b", "d"]
    assert covering_sample({"a": {"header"}}) == ["a"]


def switch_scheme(page, scheme: str) -> None:
    """Show the page in the other colour scheme without loading it again, as Material does when
    the reader's system scheme applies: it sets the body's scheme attribute, which every colour of
    the site's styles follows (none reads prefers-color-scheme). The colours' transitions then
    jump to their end, the colours a reader sees a quarter of a second later: axe must not
    measure colours halfway, and waiting for them on every page would add a minute a language."""
    page.evaluate("""async scheme => {
        document.body.setAttribute('data-md-color-scheme', scheme);
        await new Promise(requestAnimationFrame);
        for (const a of document.getAnimations())
            if (a.effect && a.effect.getTiming().iterations !== Infinity) a.finish();
    }""", SCHEMES[scheme])


def check_pages(browser, axe, site, base_url, configuration: str, paths, rules=None, privacy=False,
                every_check=False, until="load", started=False) -> None:
    """axe-core on each page; with `privacy`, also what a reader's browser would object to: a
    request to another host, an error in the console (a script the policy blocked, say), a cookie.
    With `every_check`, in the same visit: nothing to scroll sideways, and the colour rules in
    the other scheme. `until="networkidle"` also waits for what a page requests after it has
    loaded (half a second of quiet per page: the sample pages do it, for every component). With
    `started`, each page is checked once Material's script has started, as after a reader's first
    tap or key press (sitebuild/page_weight/script_on_demand.py); without, as it loads."""
    scheme, screen = CONFIGURATIONS[configuration]
    context = new_axe_context(browser, scheme, screen, axe)
    page = context.new_page()  # one page for the whole run: a new tab per page is much slower
    host = urlsplit(base_url).netloc
    failures, requests, errors = [], [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    for path in paths:
        where = path.relative_to(site).as_posix()
        requests.clear()
        errors.clear()
        response = page.goto(page_url(base_url, site, path), wait_until=until)
        assert response and response.ok, f"{where}: {response and response.status}"
        if started:
            start_materials_script(page)
        check_scheme(page, scheme, where)
        failures += axe_violations(page, axe, where, rules)
        if every_check:
            failures += [f"{where}: must be scrolled sideways: {what}" for what in page.evaluate(SIDEWAYS)[:5]]
            switch_scheme(page, OTHER_SCHEME)
            check_scheme(page, OTHER_SCHEME, where)
            failures += axe_violations(page, axe, f"{where} ({OTHER_SCHEME})", COLOUR_RULES)
            # No switch back: the next page loads in the context's own scheme (check_scheme).
        if privacy:
            failures += [f"{where}: request to {url}" for url in requests
                         if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).netloc != host]
            failures += [f"{where}: console: {error}" for error in errors]
    if privacy and context.cookies():
        failures.append(f"the site set a cookie: {context.cookies()}")
    context.close()
    assert paths, "no pages to check"
    assert not failures, f"{len(failures)} problems ({configuration}):\n" + "\n".join(failures)


# Each language's pages in two halves (every other page), so that the two workers share the
# longest tests evenly.
HALVES = 2


@pytest.mark.parametrize("lang, half", [(lang, half) for lang in languages() for half in range(HALVES)])
def test_every_page_on_a_phone_passes_axe_in_both_schemes_and_loads_nothing_from_elsewhere(
        browser, axe, site, base_url, lang, half):
    """Every page of the language (its 404 page too), loaded at 360 px as a reader would, under the
    site's Content-Security-Policy: no axe violation (colours in both schemes), nothing to scroll
    sideways, no request to another host, no console error, no cookie."""
    pages = [p for p in reader_pages(site) if language_of(site, p) == lang]
    assert len(pages) > 30
    check_pages(browser, axe, site, base_url, EVERY_PAGE, pages[half::HALVES], privacy=True, every_check=True)


def test_the_privacy_checks_can_fail(browser, axe, tmp_path):
    """A page that loads a picture from another host, and whose inline script the policy blocks, is caught."""
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="script-src \'self\'">'
        '<title>t</title></head><body data-md-color-scheme="default"><main><h1>t</h1>'
        '<img src="http://127.0.0.2:9/x.png" alt="x"><script>window.blocked = true</script></main></body></html>',
        encoding="utf-8")
    with serve(tmp_path) as url, pytest.raises(AssertionError) as caught:
        check_pages(browser, axe, tmp_path, url, EVERY_PAGE, [tmp_path / "p" / "index.html"], privacy=True,
                    until="networkidle")
    assert "p/index.html: request to http://127.0.0.2:9/x.png" in str(caught.value)
    assert "p/index.html: console: " in str(caught.value) and "Content Security Policy" in str(caught.value)


def test_the_other_scheme_is_shown_without_a_new_visit(browser, axe, site, base_url):
    """The switch the every-page check uses gives the colours a dark-scheme reader gets."""
    context = new_axe_context(browser, "light", PHONE, axe)
    page = context.new_page()
    page.goto(base_url + "qualify/torture-definition/")
    switch_scheme(page, "dark")
    switched = page.evaluate("getComputedStyle(document.body).backgroundColor")
    context.close()
    context = new_axe_context(browser, "dark", PHONE, axe)
    page = context.new_page()
    page.goto(base_url + "qualify/torture-definition/")
    check_scheme(page, "dark", "dark visit")
    loaded = page.evaluate("getComputedStyle(document.body).backgroundColor")
    context.close()
    assert switched == loaded, (switched, loaded)


@pytest.mark.parametrize("configuration", [c for c in CONFIGURATIONS if c != EVERY_PAGE])
def test_sample_pages_pass_every_axe_rule(browser, axe, site, base_url, configuration):
    """Every rule in the other combinations, once Material's script has started (the every-page
    check sees each page as it loads, before the reader's first tap or key press starts it); and,
    waiting until the network is quiet, nothing a page's components request may go to another host."""
    check_pages(browser, axe, site, base_url, configuration, sample_pages(site), privacy=True, until="networkidle",
                started=True)


def test_the_colour_rules_are_axe_rules_that_can_fail(browser, axe):
    """The colour-only run checks something: grey on grey and a link told apart by colour alone are caught."""
    context = new_axe_context(browser, "dark", DESKTOP, axe)
    page = context.new_page()
    page.set_content('<html lang="en"><title>t</title><body style="background:#fff"><main>'
                     '<p style="color:#bbb">Faint words</p><p style="color:#000">Text with a '
                     '<a href="#x" style="color:#333;text-decoration:none">link</a> inside.</p></main></body></html>')
    rules = {line.split(": ")[1].split(" ")[0] for line in axe_violations(page, axe, "sample", COLOUR_RULES)}
    context.close()
    assert rules == set(COLOUR_RULES), rules


def lang_root(lang: str) -> str:
    return "" if lang == languages()[0] else f"{lang}/"


def combinations(configurations=CONFIGURATIONS) -> list[tuple[str, str]]:
    """(configuration, language) for a component that opens or changes on request (menus,
    search, the drawer, the tools): every configuration in the default language, and the
    every-page configuration in every language. How it looks changes with the screen and the
    scheme, what it says with the language; each pair is one run."""
    return [(configuration, lang) for configuration in configurations for lang in languages()
            if lang == languages()[0] or configuration == EVERY_PAGE]


def test_the_combinations_cover_every_configuration_and_every_language():
    pairs = combinations()
    assert {c for c, _ in pairs} == set(CONFIGURATIONS) and {lang for _, lang in pairs} == set(languages())
    assert {lang for c, lang in pairs if c == EVERY_PAGE} == set(languages())


@pytest.mark.parametrize("configuration, lang", combinations())
def test_open_search_and_language_menu_pass_axe(browser, axe, base_url, configuration, lang):
    scheme, screen = CONFIGURATIONS[configuration]
    context = new_axe_context(browser, scheme, screen, axe)
    page = context.new_page()
    failures = []
    page.goto(base_url + lang_root(lang) + "process/appeals/")
    page.locator(".md-header__option .md-select > button").focus()
    page.locator("a.md-select__link").first.wait_for(state="visible")
    page.wait_for_timeout(TRANSITION)
    failures += axe_violations(page, axe, f"{lang}: language menu open")
    page.goto(base_url + lang_root(lang) + "process/appeals/")
    page.keyboard.press("/")
    page.keyboard.type("cat", delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    page.wait_for_timeout(TRANSITION)
    failures += axe_violations(page, axe, f"{lang}: search open with results")
    context.close()
    assert not failures, f"{len(failures)} accessibility violations ({configuration}):\n" + "\n".join(failures)


@pytest.mark.parametrize("configuration, lang", combinations(["light-phone", "dark-phone"]))
def test_open_navigation_drawer_passes_axe_on_a_phone(browser, axe, base_url, configuration, lang):
    scheme, screen = CONFIGURATIONS[configuration]
    context = new_axe_context(browser, scheme, screen, axe)
    page = context.new_page()
    page.goto(base_url + lang_root(lang) + "process/appeals/")
    page.locator("button[data-cat-menu]").click()
    page.wait_for_timeout(TRANSITION)
    failures = axe_violations(page, axe, f"{lang}: navigation drawer open")
    context.close()
    assert not failures, f"{len(failures)} accessibility violations:\n" + "\n".join(failures)


# Keyboard. These run under the site's Content-Security-Policy, as a reader's browser does.

@pytest.fixture(params=["desktop", "phone"])
def keyboard_page(request, browser):
    context = browser.new_context(**(DESKTOP if request.param == "desktop" else PHONE))
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    yield page
    context.close()


def focused(page, selector: str) -> bool:
    return page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector)


def focus_is_inside(page, selector: str) -> bool:
    return page.evaluate("s => !!document.activeElement && !!document.activeElement.closest(s)", selector)


def tab_to(page, selector: str, limit: int = 40) -> None:
    """Press Tab until the focus is on `selector`; fail if it never gets there."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page, selector):
            return
    pytest.fail(f"{limit} presses of Tab never reached {selector}")


def poll(page, expression: str, arg=None, tries: int = 40) -> bool:
    # Polled with evaluate(): wait_for_function() needs eval, which the site's CSP forbids.
    for _ in range(tries):
        if page.evaluate(expression, arg):
            return True
        page.wait_for_timeout(50)
    return False


def on_screen(page, selector: str) -> bool:
    return poll(page, """s => { const e = document.querySelector(s); if (!e) return false;
        const r = e.getBoundingClientRect(), style = getComputedStyle(e);
        return r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth
               && r.bottom <= innerHeight && style.visibility === "visible" && style.opacity === "1"; }""",
                selector)


def test_skip_link_appears_on_tab_and_moves_focus_to_the_content(keyboard_page, base_url):
    page = keyboard_page
    page.goto(base_url + "process/appeals/")
    page.keyboard.press("Tab")
    assert focused(page, "a.md-skip"), "the first Tab does not reach the skip link"
    assert on_screen(page, "a.md-skip"), "the focused skip link is not shown"
    target = page.locator("a.md-skip").get_attribute("href")
    page.keyboard.press("Enter")
    assert urlsplit(page.url).fragment == target.lstrip("#")
    page.keyboard.press("Tab")
    assert focus_is_inside(page, "article.md-content__inner"), "after the skip link, Tab does not go into the content"


def test_search_opens_by_keyboard_and_its_results_can_be_opened(keyboard_page, base_url):
    page = keyboard_page
    page.goto(base_url + "process/appeals/")
    tab_to(page, "input.md-search__input")
    assert poll(page, "() => document.getElementById('__search').checked"), "focusing the search box does not open search"
    assert on_screen(page, "input.md-search__input")
    page.keyboard.type("glossary", delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    page.keyboard.press("ArrowDown")
    assert focus_is_inside(page, ".md-search-result"), "ArrowDown does not move into the results"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/reference/glossary/" in page.url, page.url


def test_search_opens_with_its_shortcut(keyboard_page, base_url):
    page = keyboard_page
    page.goto(base_url + "es/")
    page.keyboard.press("/")  # the first key also loads Material's script, which then answers it
    assert poll(page, "s => document.activeElement && document.activeElement.matches(s)", "input.md-search__input"), \
        "the / key does not put the focus in the search box"
    assert poll(page, "() => document.getElementById('__search').checked"), "the / key does not open search"


def test_language_selector_works_by_keyboard(keyboard_page, base_url):
    page = keyboard_page
    page.goto(base_url + "process/appeals/")
    tab_to(page, ".md-header__option .md-select > button")
    assert on_screen(page, "a.md-select__link[hreflang=es]"), "the focused language button does not show the languages"
    tab_to(page, "a.md-select__link[hreflang=es]", limit=3)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path.endswith("/es/process/appeals/"), page.url
    assert page.locator("html").get_attribute("lang") == "es"


def test_navigation_drawer_opens_and_closes_by_keyboard_on_a_phone(phone_page, base_url):
    page = phone_page
    page.goto(base_url + "process/appeals/")
    button = "button[data-cat-menu]"
    tab_to(page, button)
    assert on_screen(page, button)
    assert page.locator(button).get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert poll(page, "() => document.getElementById('__drawer').checked"), "Enter does not open the drawer"
    assert page.locator(button).get_attribute("aria-expanded") == "true"
    assert focus_is_inside(page, ".md-sidebar--primary"), "the focus does not move into the drawer"
    assert on_screen(page, ".md-sidebar--primary"), "the drawer is not on screen"
    assert poll(page, """() => { const r = document.activeElement.getBoundingClientRect();
        return r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight; }"""), \
        "the focused link is off screen"
    page.keyboard.press("Escape")
    assert poll(page, "() => !document.getElementById('__drawer').checked"), "Escape does not close the drawer"
    assert focused(page, button), "closing the drawer does not bring the focus back to the menu button"


def test_closed_drawer_takes_no_focus_on_a_phone(phone_page, base_url):
    """Tab from the menu button reaches the content without stopping on links hidden off screen."""
    page = phone_page
    page.goto(base_url + "process/appeals/")
    tab_to(page, "button[data-cat-menu]")
    for _ in range(40):
        page.keyboard.press("Tab")
        assert not focus_is_inside(page, ".md-sidebar--primary"), "a link in the closed drawer took the focus"
        if focus_is_inside(page, "article.md-content__inner"):
            return
    pytest.fail("40 presses of Tab never reached the content")
