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
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && toggle.checked) {
      toggle.click();
      button.focus();
    }
  });
})();
