"""The protection finder (data/finder.yml, macros/finder.py, overrides/assets/javascripts/finder.js).

- The tree: every path ends in a result, and the results follow the guide's rules on every path
  (a particularly serious crime leaves only deferral, the one-year deadline bars asylum only, no
  official involvement rules out CAT, a withholding-only case has no asylum...).
- The checks: a broken tree fails the build naming file, entry and field.
- The built page: every link leads to a page and section that exist; without scripts every
  question and result is reachable by links; with scripts, realistic cases walked in Chromium,
  in both languages, by keyboard, with nothing requested from another host and nothing stored;
  axe-clean in light and dark at 360 px and on a desktop; printable; and from the offline copy.
"""

from __future__ import annotations

import copy as deepcopy_module
from urllib.parse import urlsplit

import pytest

from browser import recording_tab, serve, start_materials_script
from conftest import assert_build_fails
from site_reader import ROOT, built_path, languages, site_prefix, soup
from test_accessibility import CONFIGURATIONS, axe_source, axe_violations, check_scheme, new_axe_context
from test_offline import copy  # noqa: F401  (the unzipped offline copy, a fixture)

from macros import finder as finder_html
from macros.data import load
from macros.finder_checks import tree_problem

# Reads only the built pages (the offline copy through `whole_site`): runs while the PDFs are
# made (tests/conftest.py).
READS_PAGES_ONLY = True

PAGE = "tools/finder.md"
PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="module")
def data():
    return load(ROOT / "data", languages())


def _answer(finder: dict, key: str, number: int) -> dict:
    return next(q for q in finder["questions"] if q["key"] == key)["answers"][number - 1]


def walk_all(data):
    """(the English answers chosen, the result) for every path through the tree."""
    finder = data.finder
    results = {r["key"]: r for r in finder["results"]}
    out = []
    for path in finder_html.paths(finder):
        chosen = [_answer(finder, key, n) for key, n in path]
        result = results[chosen[-1]["next"]]
        out.append(([a["text"]["en"] for a in chosen], result))
    return out


def fits(data, result) -> set[str]:
    reasons = {r["key"]: r for r in data.finder["reasons"]}
    return {reasons[k]["protection"] for k in result.get("fits", [])}


def unlikely(data, result) -> set[str]:
    reasons = {r["key"]: r for r in data.finder["reasons"]}
    return {reasons[k]["protection"] for k in result.get("unlikely", [])}


def chose(answers: list[str], words: str) -> bool:
    return any(words in a for a in answers)


# --- the tree --------------------------------------------------------------------------------

def test_every_path_ends_in_a_result_and_every_result_is_reached(data):
    finder = data.finder
    questions = {q["key"] for q in finder["questions"]}
    results = {r["key"] for r in finder["results"]}
    paths = finder_html.paths(finder)
    assert len(paths) > 50
    reached = set()
    for path in paths:
        assert path[0][0] == finder["start"] and all(key in questions for key, _ in path)
        end = _answer(finder, *path[-1])["next"]
        assert end in results, path
        reached.add(end)
        assert len(path) <= 5, f"{len(path)} questions on one path: {path}"
    assert reached == results


def test_every_question_can_be_answered_not_sure(data):
    for question in data.finder["questions"]:
        unsure = [a for a in question["answers"] if a.get("unsure")]
        assert len(unsure) == 1 and unsure[0]["text"]["en"] == "Not sure", question["key"]
        assert len({a["text"][lang] for a in unsure for lang in a["text"]} - {"Not sure"}) == len(languages()) - 1


def test_a_particularly_serious_crime_leaves_only_cat_deferral(data):
    walked = [(a, r) for a, r in walk_all(data) if chose(a, "5 years or more")]
    assert walked
    for answers, result in walked:
        assert fits(data, result) <= {"cat_deferral"}, answers
        assert {"asylum", "statutory_withholding"} <= unlikely(data, result), answers
        if not chose(answers, "really tried to protect"):
            assert fits(data, result) == {"cat_deferral"} and "cat_withholding" in unlikely(data, result), answers


def test_any_aggravated_felony_bars_asylum(data):
    for answers, result in walk_all(data):
        if chose(answers, "aggravated felony"):
            assert "asylum" not in fits(data, result), answers


def test_a_missed_one_year_deadline_bars_asylum_only(data):
    walked = [(a, r) for a, r in walk_all(data) if chose(a, "More than 1 year ago, and none")]
    assert walked
    for answers, result in walked:
        assert "asylum" in unlikely(data, result) and "asylum-one-year-missed" in result["unlikely"], answers
        assert "statutory_withholding" in fits(data, result), answers
        if not chose(answers, "really tried to protect"):
            assert "cat_withholding" in fits(data, result), answers


def test_cat_needs_an_official_and_no_protected_ground(data):
    for answers, result in walk_all(data):
        if chose(answers, "really tried to protect"):
            assert not fits(data, result) & {"cat", "cat_withholding", "cat_deferral"}, answers
            assert "cat-no-official" in result["unlikely"], answers
        if chose(answers, "No, it is for another reason"):
            assert not fits(data, result) & {"asylum", "statutory_withholding"}, answers
            if not chose(answers, "really tried to protect") and not chose(answers, "5 years or more"):
                assert "cat_withholding" in fits(data, result), answers


def test_a_reinstated_order_leaves_withholding_and_cat_only(data):
    walked = [(a, r) for a, r in walk_all(data) if chose(a, "was reinstated")]
    assert walked
    for answers, result in walked:
        assert "asylum" not in fits(data, result) and "asylum" in unlikely(data, result), answers
        assert not chose(answers, "When did you last arrive"), answers


def test_outside_the_us_leads_to_the_international_routes(data):
    finder = data.finder
    first = next(q for q in finder["questions"] if q["key"] == finder["start"])
    number = next(i for i, a in enumerate(first["answers"], start=1) if "outside" in a["text"]["en"])
    result = next(r for r in finder["results"] if r["key"] == finder_html.follow(finder, [number]))
    assert fits(data, result) == {"international"}
    assert all(p.startswith("international/") for p in result["pages"])


def test_not_sure_everywhere_lists_what_may_fit(data):
    finder = data.finder
    questions = {q["key"]: q for q in finder["questions"]}
    key, answers = finder["start"], []
    while key in questions:
        number = next(i for i, a in enumerate(questions[key]["answers"], start=1) if a.get("unsure"))
        answers.append(number)
        key = questions[key]["answers"][number - 1]["next"]
    assert key == finder_html.follow(finder, answers)
    result = next(r for r in finder["results"] if r["key"] == key)
    assert fits(data, result) == {"asylum", "statutory_withholding", "cat_withholding", "cat_deferral"}


def test_each_result_shows_the_steps_of_the_situations_that_lead_to_it(data):
    steps = finder_html.result_steps(data.finder)
    assert steps["r-outside"] == []
    assert steps["r-wo"] == ["reinstated"]
    assert "reinstated" not in steps["r-all"] and {"court", "detained", "final-order"} <= set(steps["r-all"])
    depth = finder_html.remaining(data.finder)
    assert depth[data.finder["start"]] == 5 and depth["r-all"] == 0


# --- the checks ------------------------------------------------------------------------------

def _broken(data, change) -> tuple:
    finder = deepcopy_module.deepcopy(data.finder)
    change(finder)
    return tree_problem(finder, frozenset(d["key"] for d in data.deadlines), ROOT / "docs" / languages()[0])


def _question(finder, key):
    return next(q for q in finder["questions"] if q["key"] == key)


def test_the_real_tree_has_no_problem(data):
    assert _broken(data, lambda f: None) is None


@pytest.mark.parametrize("change, entry, field, words", [
    (lambda f: _question(f, "q-crime")["answers"][0].update(next="r-nowhere"),
     "q-crime", "answers[1].next", "neither a question nor a result"),
    (lambda f: _question(f, "q-crime")["answers"][0].update(next="q-harm"),
     "q-crime", "answers[1].next", "loop"),
    (lambda f: _question(f, "q-crime")["answers"][-1].pop("unsure"),
     "q-crime", "answers", '"not sure"'),
    (lambda f: f["results"].append({**f["results"][0], "key": "r-lonely"}),
     "r-lonely", "key", "no answer leads to"),
    (lambda f: f["results"][1].update(deadlines=["bia-apeal"]),
     "r-deferral", "deadlines[1]", "unknown deadline"),
    (lambda f: f["results"][1].update(pages=["qualify/criminal-records.md#no-such-section"]),
     "r-deferral", "pages[1]", "no section"),
    (lambda f: f["results"][1].update(fits=["deferal-no-bars"]),
     "r-deferral", "fits[1]", "unknown reason"),
    (lambda f: _question(f, "q-harm")["answers"][0].update(step="court"),
     "q-harm", "answers[1].step", "first question"),
])
def test_a_broken_tree_is_named_by_entry_and_field(data, change, entry, field, words):
    problem = _broken(data, change)
    assert problem is not None and problem[:2] == (entry, field) and words in problem[2], problem


def test_a_broken_tree_stops_the_build_with_its_place(project_copy, tmp_path):
    path = project_copy / "data" / "finder.yml"
    text = path.read_text(encoding="utf-8")
    assert "        next: r-deferral\n" in text
    path.write_text(text.replace("        next: r-deferral\n", "        next: r-deferal\n", 1), encoding="utf-8")
    assert_build_fails(project_copy, tmp_path,
                       "data/finder.yml, entry 'q-crime', field 'answers[1].next': 'r-deferal' is neither")


# --- the built page --------------------------------------------------------------------------

@pytest.mark.parametrize("lang", languages())
def test_every_link_of_the_finder_leads_to_a_page_and_section_that_exist(site, lang, data):
    page = built_path(site, lang, PAGE)
    finder = soup(page).select_one("[data-finder]")
    assert finder is not None, page
    ids = {el["id"] for el in finder.select("[id]")}
    links = finder.select("a[href]")
    inner = [a["href"] for a in links if a["href"].startswith("#")]
    assert inner and all(h[1:] in ids for h in inner)
    pages = [a["href"] for a in links if not a["href"].startswith(("#", "https://"))]
    assert len(pages) > 40
    for href in pages:
        path, _, anchor = href.partition("#")
        target = (page.parent / path / "index.html").resolve()
        assert target.is_file(), f"{href} from {page}"
        if anchor:
            assert soup(target).find(id=anchor) is not None, f"{href}: no #{anchor}"
    law = {a["href"] for a in links if a["href"].startswith("https://")}
    assert law == {data.sources[k]["url"] for r in data.finder["results"] for k in r["sources"]}
    for result in finder.select("[data-result]"):
        assert result.select_one('a[href$="reference/legal-help/"]'), result["id"]


@pytest.mark.parametrize("md_path", ["qualify/cat-asylum-withholding.md", "qualify/withholding-vs-deferral.md"])
@pytest.mark.parametrize("lang", languages())
def test_the_pages_it_summarises_link_to_the_finder(site, lang, md_path):
    page = built_path(site, lang, md_path)
    tip = [a for a in soup(page).select(".admonition.tip a[href]") if a["href"].startswith("../../tools/finder/")]
    assert tip, page


def test_the_script_is_loaded_by_the_finder_page_alone(site):
    for lang in languages():
        tags = soup(built_path(site, lang, PAGE)).select('script[src$="javascripts/finder.js"]')
        assert len(tags) == 1 and (built_path(site, lang, PAGE).parent / tags[0]["src"]).is_file()
    others = [p for p in site.rglob("index.html") if "finder.js" in p.read_text(encoding="utf-8")
              and "tools/finder" not in p.as_posix()]
    assert not others, others


@pytest.fixture(scope="module")
def base_url(site):
    with serve(site, site_prefix()) as url:
        yield url


@pytest.fixture
def tab(browser, base_url):
    """A phone-sized tab that records requests and errors, and checks them at the end."""
    with recording_tab(browser, viewport=PHONE, is_mobile=True, has_touch=True) as page:
        yield page
        host = urlsplit(base_url).netloc
        assert not page.errors, page.errors
        assert not [u for u in page.requests if urlsplit(u).netloc != host and urlsplit(u).scheme != "data"], page.requests


def answer(tab, words: str) -> None:
    """Choose the answer containing `words` in the question on screen, by keyboard."""
    link = tab.locator(".cat-finder__node:not([hidden]) a.cat-finder__answer", has_text=words)
    assert link.count() == 1, f"{link.count()} answers with {words!r}"
    link.focus()
    tab.keyboard.press("Enter")


def shown(tab) -> str:
    ids = tab.evaluate("[...document.querySelectorAll('[data-finder-node]')].filter(n => !n.hidden).map(n => n.id)")
    assert len(ids) == 1, ids
    return ids[0]


def result_lists(tab) -> tuple[str, str]:
    node = tab.locator(".cat-finder__result:not([hidden])")
    lists = node.locator("ul.cat-finder__reasons")
    first = lists.nth(0).inner_text()
    return first, (lists.nth(1).inner_text() if lists.count() > 1 else "")


def walk(tab, base_url, answers: list[str], lang_root: str = "") -> None:
    tab.goto(base_url + lang_root + "tools/finder/")
    for words in answers:
        answer(tab, words)


def test_a_six_year_sentence_leads_to_deferral_not_withholding(tab, base_url):
    walk(tab, base_url, ["case in immigration court", "Police, soldiers", "Yes", "5 years or more"])
    assert shown(tab) == "r-deferral"
    may_fit, not_available = result_lists(tab)
    assert "CAT deferral of removal" in may_fit and "withholding" not in may_fit.lower()
    assert "Statutory withholding" in not_available and "CAT withholding" in not_available
    # The focus is on the result's heading, which the live region announces too.
    focused = tab.evaluate("document.activeElement.id")
    assert focused == "r-deferral-title"
    title = tab.locator("#r-deferral-title").inner_text().removesuffix("¶").strip()  # without its permalink
    assert tab.locator("[data-finder-live]").inner_text() == title
    # The reader's answers are listed above the result; only the court's next steps show.
    assert tab.locator("[data-finder-path] li").count() == 4
    assert "5 years or more" in tab.locator("[data-finder-path]").inner_text()
    steps = tab.locator("#r-deferral [data-step]")
    visible = [steps.nth(i).get_attribute("data-step") for i in range(steps.count()) if steps.nth(i).is_visible()]
    assert visible == ["court"]
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_missed_deadline_still_shows_withholding_and_cat(tab, base_url):
    walk(tab, base_url, ["detained by immigration", "officials helped, knew", "Yes", "No, never", "none of that happened"])
    assert shown(tab) == "r-late"
    may_fit, not_available = result_lists(tab)
    assert "Statutory withholding" in may_fit and "CAT withholding" in may_fit
    assert "Asylum" in not_available and "one-year deadline" in not_available
    node = tab.locator("#r-late")
    assert "Asylum one-year deadline" in node.inner_text()  # the deadline, from data/deadlines.yml


def test_outside_the_us_leads_to_international_routes(tab, base_url):
    walk(tab, base_url, ["outside the United States"])
    assert shown(tab) == "r-outside"
    hrefs = tab.locator("#r-outside a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any("international/un-committee/" in h for h in hrefs)


STORAGE = "JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie])"


def test_not_sure_everywhere_says_get_help_and_lists_what_may_fit(tab, base_url):
    tab.goto(base_url + "tools/finder/")
    start_materials_script(tab)  # which keeps the colour scheme: the finder adds nothing
    stored = tab.evaluate(STORAGE)
    progress = []
    while tab.locator(".cat-finder__node:not([hidden])[data-result]").count() == 0:
        progress.append(tab.locator("[data-finder-progress]").inner_text())
        answer(tab, "Not sure")
    assert progress[0] == "Question 1 of up to 5" and progress[-1].startswith("Question 5")
    result = shown(tab)
    may_fit, _ = result_lists(tab)
    for name in ("Asylum", "Statutory withholding", "CAT withholding", "CAT deferral"):
        assert name in may_fit, (result, may_fit)
    advice = tab.locator(f"#{result} .cat-finder__advice")
    assert "not legal advice" in advice.inner_text()
    assert advice.locator("a").get_attribute("href").endswith("reference/legal-help/")
    assert tab.evaluate(STORAGE) == stored and "Not sure" not in stored


def test_back_and_start_again_by_keyboard(tab, base_url):
    walk(tab, base_url, ["not detained", "Police, soldiers"])
    assert shown(tab) == "q-ground"
    tab.locator("[data-finder-back]").focus()
    tab.keyboard.press("Enter")
    assert shown(tab) == "q-harm" and tab.evaluate("document.activeElement.id") == "q-harm-title"
    assert tab.locator("[data-finder-progress]").inner_text() == "Question 2 of up to 5"
    tab.locator("[data-finder-restart]").focus()
    tab.keyboard.press("Enter")
    assert shown(tab) == "q-where"
    assert not tab.locator("[data-finder-back]").is_visible()


def test_spanish_walk_reaches_a_spanish_result(tab, base_url):
    walk(tab, base_url, ["Reactivaron", "La policía", "Sí", "No, nunca"], "es/")
    assert shown(tab) == "r-wo"
    assert tab.locator("#r-wo-title").inner_text().startswith("Resultado:")
    may_fit, not_available = result_lists(tab)
    assert "Suspensión legal de la expulsión" in may_fit and "Asilo" in not_available


def test_the_printed_result_shows_the_answers_and_the_result_only(tab, base_url):
    walk(tab, base_url, ["case in immigration court", "Police, soldiers", "Yes", "5 years or more"])
    tab.emulate_media(media="print")
    visible = tab.evaluate("""[...document.querySelectorAll('.cat-finder > *, [data-finder-node]')]
        .filter(e => e.getClientRects().length).map(e => e.id || e.className)""")
    assert visible == ["cat-finder__path", "r-deferral"], visible


def test_without_scripts_every_question_and_result_is_reached_by_links(browser, base_url):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    tab = context.new_page()
    tab.goto(base_url + "tools/finder/")
    nodes = tab.locator("[data-finder-node]")
    assert nodes.count() > 30 and all(nodes.nth(i).is_visible() for i in range(nodes.count()))
    assert not tab.locator("[data-finder-bar]").is_visible()
    # The six-year-sentence case, by following the links.
    for question, words in [("q-where", "case in immigration court"), ("q-harm", "Police, soldiers"),
                            ("q-ground", "Yes"), ("q-crime", "5 years or more")]:
        assert tab.evaluate("location.hash") in ("", f"#{question}")
        tab.locator(f"#{question} a.cat-finder__answer", has_text=words).click()
    assert tab.evaluate("location.hash") == "#r-deferral"
    assert tab.locator("#r-deferral").is_visible()
    context.close()


@pytest.mark.parametrize("configuration", CONFIGURATIONS)
def test_the_finder_passes_axe_at_each_step(browser, base_url, configuration):
    scheme, screen = CONFIGURATIONS[configuration]
    axe = axe_source()
    context = new_axe_context(browser, scheme, screen, axe)
    tab = context.new_page()
    failures = []
    for lang_root, answers in [("", ["case in immigration court", "Police, soldiers", "Yes", "5 years or more"]),
                               ("es/", ["Estoy fuera"])]:
        tab.goto(base_url + lang_root + "tools/finder/")
        check_scheme(tab, scheme, lang_root + "finder")
        failures += axe_violations(tab, axe, f"{lang_root}finder, first question")
        for words in answers:
            answer(tab, words)
        failures += axe_violations(tab, axe, f"{lang_root}finder, {shown(tab)}")
        assert tab.evaluate("document.documentElement.scrollWidth") <= screen["viewport"]["width"]
    context.close()
    assert not failures, "\n".join(failures)


def test_the_offline_copy_has_the_finder_and_it_works_from_disk(browser, copy):  # noqa: F811
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    requests, errors = [], []
    tab.on("request", lambda r: requests.append(r.url))
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on("console", lambda m: m.type == "error" and errors.append(m.text))
    for lang_root, answers, expected in [("", ["outside the United States"], "r-outside"),
                                         ("es/", ["corte de inmigración", "La policía", "No, es por otra razón",
                                                  "5 años o más"], "r-deferral")]:
        page = copy / lang_root / "tools" / "finder.html"
        assert page.is_file(), page
        tab.goto(page.as_uri())
        for words in answers:
            answer(tab, words)
        assert shown(tab) == expected
        links = tab.locator(f"#{expected} a[href$='.html']")
        assert links.count() > 1
    assert not errors, errors
    assert all(urlsplit(u).scheme in ("file", "data") for u in requests), requests
    assert any(u.endswith("/assets/javascripts/finder.js") for u in requests)
    context.close()
