/* The guide's own page behaviour. A file, not inline scripts, so a reader's browser caches it
   once instead of receiving it again with every page. */

/* The language selector keeps the reader on the same section: the link takes the current
   #anchor along (heading ids are the same in every language). */
document.addEventListener("click", function (e) {
  var a = e.target.closest && e.target.closest("a.md-select__link[hreflang]");
  if (a && location.hash) a.hash = location.hash;
}, true);

/* Material's menu button (narrow screens) is a <label> for a hidden checkbox: a pointer can use
   it, the keyboard cannot reach it. Where scripts run, a real button named like the navigation
   takes its place; it moves the focus to the first link the opened drawer shows (that of the
   current section), and Escape closes the drawer and brings the focus back. Without scripts the
   label still works. */
(function () {
  var toggle = document.getElementById("__drawer");
  var label = document.querySelector('.md-header label[for="__drawer"]');
  var nav = document.querySelector(".md-nav--primary");
  if (!toggle || !label || !nav) return;
  var button = document.createElement("button");
  button.type = "button";
  button.className = label.className;
  button.setAttribute("data-cat-menu", "");
  button.setAttribute("aria-label", nav.getAttribute("aria-label"));
  button.setAttribute("aria-expanded", "false");
  button.innerHTML = label.innerHTML;
  label.hidden = true;
  label.parentNode.insertBefore(button, label);
  button.addEventListener("click", function () {
    toggle.click();
    if (!toggle.checked) return;
    var open = nav.querySelectorAll(".md-nav__item--active.md-nav__item--nested>.md-nav");
    var links = (open[open.length - 1] || nav).querySelectorAll("a[href]");
    for (var i = 0; i < links.length; i++) {
      links[i].focus({ preventScroll: true });
      if (document.activeElement === links[i]) break;
    }
  });
  toggle.addEventListener("change", function () {
    button.setAttribute("aria-expanded", String(toggle.checked));
  });
  /* A link to a place on this page closes the drawer, as Material's script does once it has
     started (it starts on the reader's first tap: sitebuild/page_weight/script_on_demand.py). */
  window.addEventListener("hashchange", function () {
    if (toggle.checked) toggle.click();
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && toggle.checked) {
      toggle.click();
      button.focus();
    }
  });
})();

/* "For advocates" boxes are folded on screen (sitebuild/markup/advocates_boxes.py). A link to a
   place inside one opens it, and every box around it, on load and when the #anchor changes.
   Printing opens them all: print.css shows them open on paper with or without scripts (and
   Material's script opens every box before printing and closes them again after). */
(function () {
  function openTarget() {
    var id = location.hash.slice(1);
    try { id = decodeURIComponent(id); } catch (e) { return; }
    var target = id && document.getElementById(id);
    if (!target) return;
    var opened = false;
    for (var box = target.closest("details"); box; box = box.parentElement && box.parentElement.closest("details")) {
      if (!box.open) {
        box.open = true;
        opened = true;
      }
    }
    if (opened) target.scrollIntoView();
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
})();

/* "Print or save this page" (sitebuild/paper/print_button.py): the browser's own print dialog,
   which can also save a PDF. Without scripts the stylesheet hides it (the page stays "no-js"),
   so that no reader sees a button that does nothing. */
(function () {
  var buttons = document.querySelectorAll("button.cat-print");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].addEventListener("click", function () {
      window.print();
    });
  }
})();
