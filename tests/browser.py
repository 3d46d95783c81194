"""Serve the built site on localhost and drive it in Debian's Chromium (never a downloaded browser)."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
# Without the last flags Chromium keeps trying to reach Google's hosts.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


# Everything on a page that scrolls sideways, or sticks out of the screen (and so makes it
# scroll, or is cut off where an ancestor hides the overflow). Hidden elements do not count.
SIDEWAYS = """() => {
  const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
      + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
  const found = [];
  const root = document.scrollingElement;
  if (root.scrollWidth > root.clientWidth) found.push(`the page is ${root.scrollWidth} px wide`);
  for (const e of document.querySelectorAll('body *')) {
    const s = getComputedStyle(e);
    if ((s.overflowX === 'auto' || s.overflowX === 'scroll') && e.clientWidth > 0 && s.visibility === 'visible'
        && e.scrollWidth > e.clientWidth + 1) found.push(`${name(e)} scrolls (${e.scrollWidth} px in ${e.clientWidth})`);
  }
  for (const e of document.querySelectorAll('article *')) {
    const r = e.getBoundingClientRect();
    if (r.width > 0 && r.right > innerWidth + 1) found.push(`${name(e)} reaches ${Math.round(r.right)} px`);
  }
  return found;
}"""



class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return ""  # outside the site: 404
        return super().translate_path("/" + path[len(self.prefix):])


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A tab closed or a page left while a file was still being sent: browsers do that all
        # the time, and the traceback printed in the middle of the test report says nothing.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextmanager
def serve(site: Path, prefix: str = "/"):
    """A static server for `site` at `prefix` on a free localhost port; yields the site's URL.

    Pages link to each other relatively, so any prefix works for them; the 404 pages link by
    absolute paths, so they need the prefix of the published site (the path of `site_url`)."""
    handler = functools.partial(type("Handler", (_QuietHandler,), {"prefix": prefix}), directory=str(site))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def start_materials_script(page) -> None:
    """Do what a reader's first key press does: Material's script loads and starts
    (sitebuild/page_weight/script_on_demand.py); wait until it has."""
    page.keyboard.press("Shift")
    page.wait_for_selector("html[data-cat-scripts=started]", state="attached")


def search(page, query) -> list[str]:
    """Type `query` in the search box as a reader would; the hrefs of the results. In a tab that
    has searched before, the old words are deleted first, as a reader searching again would."""
    box = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__item a")
    box.click()
    if box.input_value():
        box.press("Control+a")
        box.press("Backspace")
        results.first.wait_for(state="detached", timeout=15000)  # the old results are gone
    box.press_sequentially(query, delay=20)  # Material reacts to key events, not to fill()
    results.first.wait_for(timeout=15000)
    # Material redraws the results as the worker answers each key: read them, in one go, once they
    # stop changing (reading them one by one could meet a link that was just redrawn).
    read = "els => els.map(a => a.getAttribute('href'))"
    hrefs, previous = page.eval_on_selector_all(".md-search-result__item a", read), None
    for _ in range(40):
        if hrefs == previous:
            break
        page.wait_for_timeout(150)
        hrefs, previous = page.eval_on_selector_all(".md-search-result__item a", read), hrefs
    return hrefs


@contextmanager
def recording_tab(browser, **context_options):
    """A tab in a fresh context that records every request (tab.requests) and every error
    (tab.errors), so a test can check that nothing went to another host and nothing failed."""
    context = browser.new_context(**context_options)
    tab = context.new_page()
    tab.requests, tab.errors = [], []
    tab.on("request", lambda r: tab.requests.append(r.url))
    tab.on("console", lambda m: m.type == "error" and tab.errors.append(m.text))
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    try:
        yield tab
    finally:
        context.close()
