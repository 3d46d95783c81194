"""Material's script loads when the reader first needs it (sitebuild/page_weight/script_on_demand.py).

A reader who opens a page and reads it, scrolling down, downloads and runs none of Material's
36 KB; the first tap that is not on a link, key press, mouse movement or scroll back up loads it
once, and whatever the reader asked for (the colour scheme, search by key, the cursor in the
search box, the back-to-top button) still happens, on the first try.
"""

from __future__ import annotations

import pytest

from browser import recording_tab, serve
from site_reader import site_prefix
from sitebuild.page_weight import script_on_demand

pytestmark = pytest.mark.browser
READS_PAGES_ONLY = True  # the tests start while the PDFs are made (tests/conftest.py)

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PAGE = "qualify/cat-asylum-withholding/"
STARTED = "html[data-cat-scripts=started]"


@pytest.fixture(scope="module")
def base_url(site):
    with serve(site, site_prefix()) as url:
        yield url


def bundle_requests(tab) -> list[str]:
    return [url for url in tab.requests if "/assets/javascripts/bundle." in url]


def started(tab) -> bool:
    return tab.locator(STARTED).count() == 1


def test_the_bundle_starts_when_loaded_after_the_page_and_the_build_fails_if_materials_code_changed():
    material = 'function an(){let e=new It(1);return h(document,"DOMContentLoaded",{once:!0}).subscribe(()=>e.next(document)),e}'
    patched = script_on_demand.starts_when_loaded(material)
    assert patched.count('document.readyState==="loading"') == 1 and patched.endswith(":e.next(document),e}")
    assert script_on_demand.starts_when_loaded(patched) == patched  # a second pass changes nothing
    with pytest.raises(Exception, match="DOMContentLoaded listener"):
        script_on_demand.starts_when_loaded(material.replace("{once:!0}", "{once:true}"))
    assert 'new URL("bundle.1a2b.min.js", document.currentScript.src)' in script_on_demand.loader("bundle.1a2b.min.js")


def test_reading_and_scrolling_down_loads_nothing_of_materials(browser, base_url):
    with recording_tab(browser, **PHONE) as tab:
        tab.goto(base_url + PAGE, wait_until="networkidle")
        tab.evaluate("document.addEventListener('click', e => e.preventDefault())")  # stay on the page
        tab.locator("article a[href]").first.tap()  # a link leads elsewhere: the next page decides
        tab.mouse.wheel(0, 1500)
        tab.wait_for_timeout(300)
        assert bundle_requests(tab) == [] and not started(tab), bundle_requests(tab)
        assert tab.locator("[data-cat-menu]").is_visible(), "the guide's own menu button is missing"
        assert not tab.errors, tab.errors
        point = tab.evaluate("""() => {  // a point of the text in view that is not a link
            for (const p of document.querySelectorAll('article p')) {
                const r = p.getBoundingClientRect(), x = r.left + 2, y = r.top + r.height / 2;
                if (r.top > 80 && r.bottom < innerHeight && !document.elementFromPoint(x, y).closest('a')) return [x, y];
            }
        }""")
        tab.touchscreen.tap(*point)  # a tap on the text, where the page is
        tab.wait_for_selector(STARTED, state="attached")
        tab.touchscreen.tap(*point)
        assert len(bundle_requests(tab)) == 1 and not tab.errors, (bundle_requests(tab), tab.errors)


def test_the_colour_button_works_at_once_even_if_materials_script_never_arrives(browser, base_url):
    with recording_tab(browser, color_scheme="light", **PHONE) as tab:
        tab.route("**/assets/javascripts/bundle.*.js", lambda route: route.abort())
        tab.goto(base_url + PAGE)
        body = tab.locator("body")
        assert tab.locator('label[for="__palette_1"]').is_visible(), "the button to the dark scheme is hidden"
        tab.locator('label[for="__palette_1"]').tap()
        assert body.get_attribute("data-md-color-scheme") == "slate"
        assert tab.locator('label[for="__palette_0"]').is_visible() and not tab.locator('label[for="__palette_1"]').is_visible()
        tab.goto(base_url + "evidence/")  # the choice is kept where Material keeps it
        assert body.get_attribute("data-md-color-scheme") == "slate"
        assert tab.locator('label[for="__palette_0"]').is_visible()
        assert not started(tab)


def test_a_dark_system_gets_the_dark_scheme_without_materials_script(browser, base_url):
    with recording_tab(browser, color_scheme="dark", **PHONE) as tab:
        tab.route("**/assets/javascripts/bundle.*.js", lambda route: route.abort())
        tab.goto(base_url + PAGE)
        assert tab.locator("body").get_attribute("data-md-color-scheme") == "slate"
        assert tab.locator('label[for="__palette_0"]').is_visible(), "the button to the light scheme is hidden"
        assert tab.evaluate("localStorage.length") == 0, "nothing is saved until the reader chooses"


def test_material_takes_over_the_colour_scheme_the_reader_chose(browser, base_url):
    with recording_tab(browser, color_scheme="light", **PHONE) as tab:
        tab.goto(base_url + PAGE)
        body = tab.locator("body")
        tab.locator('label[for="__palette_1"]').tap()  # the tap also loads Material's script
        assert body.get_attribute("data-md-color-scheme") == "slate"
        tab.wait_for_selector(STARTED, state="attached")
        assert body.get_attribute("data-md-color-scheme") == "slate", "Material started in the other scheme"
        tab.locator('label[for="__palette_0"]').tap()  # now Material's own button
        tab.wait_for_timeout(100)
        assert body.get_attribute("data-md-color-scheme") == "default" and not tab.errors, tab.errors


# How search is opened before Material's script has started: (screen, page, what the reader does).
OPENINGS = {
    "the first / key": (DESKTOP, "", lambda tab: tab.keyboard.press("/")),
    "a tap on the search button": (PHONE, PAGE, lambda tab: tab.locator('label[for="__search"]').first.tap()),
}


@pytest.mark.parametrize("opening", OPENINGS)
def test_search_opens_with_the_cursor_in_the_box_and_answers(browser, base_url, opening):
    screen, path, open_search = OPENINGS[opening]
    with recording_tab(browser, **screen) as tab:
        tab.goto(base_url + path, wait_until="networkidle")
        assert bundle_requests(tab) == []
        open_search(tab)
        tab.wait_for_selector("input.md-search__input:focus")
        tab.keyboard.type("detained", delay=20)
        tab.locator(".md-search-result__item a").first.wait_for()
        assert not tab.errors, tab.errors


def test_a_mouse_or_a_scroll_back_up_starts_it(browser, base_url):
    with recording_tab(browser, **DESKTOP) as tab:
        tab.goto(base_url + PAGE, wait_until="networkidle")
        tab.mouse.move(300, 300)  # hovering shows Material's tooltips
        tab.wait_for_selector(STARTED, state="attached")
    with recording_tab(browser, **PHONE) as tab:
        tab.goto(base_url + "reference/glossary/", wait_until="networkidle")
        tab.mouse.wheel(0, 3000)
        tab.wait_for_timeout(300)
        assert not started(tab)
        tab.mouse.wheel(0, -300)  # once: Material's back-to-top button shows for this scroll
        tab.wait_for_selector(".md-top:not([hidden])")
        assert started(tab) and not tab.errors, tab.errors


def test_a_failed_download_is_tried_again_on_the_next_action(browser, base_url):
    with recording_tab(browser, **PHONE) as tab:
        failed = []

        def first_fails(route):
            if failed:
                route.continue_()
            else:
                failed.append(route.request.url)
                route.abort()  # a dropped connection

        tab.route("**/assets/javascripts/bundle.*.js", first_fails)
        tab.goto(base_url + PAGE)
        tab.keyboard.press("Shift")
        tab.wait_for_timeout(300)
        assert failed and not started(tab)
        tab.keyboard.press("Shift")
        tab.wait_for_selector(STARTED, state="attached")


def test_a_link_to_a_place_on_the_page_closes_the_drawer_without_materials_script(browser, base_url):
    with recording_tab(browser, **PHONE) as tab:
        tab.route("**/assets/javascripts/bundle.*.js", lambda route: route.abort())
        tab.goto(base_url + PAGE)
        button = tab.locator("button[data-cat-menu]")
        button.tap()
        assert button.get_attribute("aria-expanded") == "true"
        section = tab.locator('.md-nav--primary a.md-nav__link[href^="#"]').first
        section.tap()
        tab.wait_for_timeout(100)
        assert tab.url.endswith(section.get_attribute("href"))
        assert not tab.evaluate("document.getElementById('__drawer').checked"), "the drawer stays open"
        assert button.get_attribute("aria-expanded") == "false" and not started(tab)
