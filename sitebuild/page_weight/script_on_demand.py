"""Material's script loads when the reader first does something it serves, not with every page.

Material's bundle is 36 KB compressed, more than the text of any page of the guide: on a first
visit it was most of what a reader on a metered phone paid for, and on every page view a cheap
phone ran 117 KB of script before the page settled. What a reader who only reads needs works
without it: the text, links, the menu (the guide's own button), the language menu, folded notes,
the print button, the tools. What needs it: search, tooltips, the back-to-top button (shown when
the reader scrolls up), keyboard shortcuts, the table of contents following the page on a wide
screen.

So the pages no longer carry Material's `<script src=...bundle...>`; the early script
(early_script.py) loads the same file, once, on the first

- tap or click that is not on a link (links lead to another page, which decides for itself),
  or any movement of a mouse (hover shows tooltips; a computer, not a metered phone);
- key press;
- scroll back up (when Material's back-to-top button would appear).

Until then the early script does for the colour scheme what Material's would (shows the page in
the scheme the reader chose, or else their system's, with the button to the other; applies and
saves a change where Material reads it when it starts); a press of Material's search keys (/, s, f) is held back and given to Material once
it has started, and so are the cursor Material puts in the search box when it opens and the
scroll up that shows the back-to-top button, so that each still does what the reader asked. Material starts on the document's DOMContentLoaded event,
which has passed by then: one edit to the bundle makes it start at once when the document is
already loaded. If an upgrade of Material changes that code, the build fails here.
"""

from __future__ import annotations

import os
import re

from mkdocs.exceptions import PluginError

from ..passes import BuildPass
from ..rewrite import rewrite_files
from .early_script import SCRIPTS
_BUNDLE_TAG = re.compile(r'<script src="[^"]*assets/javascripts/(bundle\.[0-9a-f]+\.min\.js)"></script>\n?')

# Material: `h(document,"DOMContentLoaded",{once:!0}).subscribe(()=>e.next(document))`.
_ON_DOCUMENT_READY = re.compile(
    r'(\w+)\(document,"DOMContentLoaded",\{once:!0\}\)\.subscribe\(\(\)=>(\w+)\.next\(document\)\)')
_STARTED = "catGuideStarted"

# `BUNDLE` becomes the bundle's file name; the early script is in the same folder.
LOADER = """(function () {
  // state: 0 not loaded, 1 loading, 2 started. held: what to hand to Material once it has started.
  var src = new URL("BUNDLE", document.currentScript.src).href, state = 0, held = [];
  // Until Material's script has started, the colour scheme works as with Material's: the page
  // takes the scheme the reader chose, or else the one of their system (this script runs right
  // after the buttons, before the text is shown), shows the button to the other one, and a
  // reader's change is applied and saved where Material reads it when it starts.
  var inputs = [].slice.call(document.querySelectorAll('input[name="__palette"]')), saved = __md_get("__palette");
  function choose(index, save) {
    var color = {};
    ["media", "scheme", "primary", "accent"].forEach(function (key) {
      color[key] = inputs[index].getAttribute("data-md-color-" + key);
      document.body.setAttribute("data-md-color-" + key, color[key]);
    });
    inputs.forEach(function (input, i) {
      var label = input.nextElementSibling;
      if (label && label.tagName === "LABEL") label.hidden = i !== index;
    });
    if (save) __md_set("__palette", { index: index, color: color });
  }
  var index = saved && typeof saved.index === "number" ? saved.index : inputs.findIndex(function (input) {
    return matchMedia(input.getAttribute("data-md-color-media")).matches;
  });
  if (inputs.length) choose(Math.max(0, Math.min(index, inputs.length - 1)), false);
  inputs.forEach(function (input, i) {
    input.addEventListener("change", function (e) {
      if (e.isTrusted && state !== 2) choose(i, true);  // Material's own changes are not the reader's
    });
  });
  function load() {
    if (state) return;
    state = 1;
    var script = document.createElement("script");
    script.src = src;
    script.onload = function () {
      state = 2;
      document.documentElement.setAttribute("data-cat-scripts", "started");
      held.splice(0).forEach(function (again) { again(); });
    };
    script.onerror = function () {  // a dropped connection: the reader's next action tries again
      script.remove();
      state = 0;
    };
    document.head.appendChild(script);
  }
  function hold(again) {
    if (state === 2) return false;
    held.push(again);
    load();
    return true;
  }
  document.addEventListener("pointerdown", function (e) {
    if (e.pointerType === "mouse" || !(e.target.closest && e.target.closest("a[href]"))) load();
  }, true);
  document.addEventListener("pointermove", function (e) {
    if (e.pointerType === "mouse") load();
  }, true);
  document.addEventListener("click", function (e) {
    if (!e.target.closest || state === 2) return;
    // The search box opens without Material's script; Material then puts the cursor in it.
    if (e.target.closest('label[for="__search"]')) hold(function () {
      var box = document.querySelector("input.md-search__input");
      if (box && document.getElementById("__search").checked) box.focus();
    });
  }, true);
  document.addEventListener("keydown", function (e) {
    var key = e.key, field = e.target.closest && e.target.closest("input, select, textarea, [contenteditable]");
    if ((key === "/" || key === "s" || key === "f") && !field && !e.ctrlKey && !e.metaKey && !e.altKey
        && hold(function () { window.dispatchEvent(new KeyboardEvent("keydown", { key: key })); })) {
      e.preventDefault();
    }
    load();
  }, true);
  // Material shows its back-to-top button when the page moves up: once it has started, one
  // pixel more up shows the button the reader's scroll asked for.
  var furthest = window.scrollY, up = false;
  window.addEventListener("scroll", function () {
    if (window.scrollY >= furthest) furthest = window.scrollY;
    else if (!up && state !== 2) up = hold(function () { window.scrollBy(0, -1); });
  }, { passive: true });
})();"""


def starts_when_loaded(bundle: str) -> str:
    """Material's bundle, starting at once when the document has already loaded."""
    if _STARTED in bundle:
        return bundle
    if len(_ON_DOCUMENT_READY.findall(bundle)) != 1:
        raise PluginError("sitebuild/page_weight/script_on_demand.py: Material's start-up code (its "
                          "DOMContentLoaded listener) was not found; check the pattern against the new version of Material")
    return _ON_DOCUMENT_READY.sub(
        lambda m: f'document.readyState==="loading"/*{_STARTED}*/?{m.group(0)}:{m.group(2)}.next(document)',
        bundle)


def loader(bundle_name: str) -> str:
    lines = (line.strip() for line in LOADER.replace("BUNDLE", bundle_name).splitlines())
    return "\n".join(line for line in lines if not line.startswith("//"))


def load_on_demand(p: BuildPass) -> str:
    """Take Material's script tag out of every page of the pass; the script that loads it instead
    (for early_script.py to carry)."""
    names: set[str] = set()

    def change(html: str) -> str:
        def drop(match: re.Match) -> str:
            names.add(match.group(1))
            return ""
        return _BUNDLE_TAG.sub(drop, html)

    # Other languages' folders hold their own pages: their passes rewrite them.
    skip = p.build.languages[1:] if p.default else ()
    rewrite_files(p.site_dir, "*.html", change, skip=skip)
    if len(names) != 1:
        raise PluginError(f"sitebuild/page_weight/script_on_demand.py: expected every page to load one Material "
                          f"bundle, found {sorted(names) or 'none'}; Material's templates have changed")
    name = names.pop()
    rewrite_files(os.path.join(p.site_dir, *SCRIPTS.split("/")), name, starts_when_loaded)
    return loader(name)
