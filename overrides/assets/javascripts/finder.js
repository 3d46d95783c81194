/* The protection finder, one question at a time (docs/<language>/tools/finder.md).
   The page (macros/finder.py) is already complete without this script: each question is a
   section whose answers link to the next section. Here the same sections are shown one at a
   time, with progress, a back button and the reader's answers above the result. Nothing is
   sent and nothing is stored: the answers live in this page's memory until it is closed.
   The words come from the page (data-* attributes and the sections' own text). */
(function () {
  var root = document.querySelector("[data-finder]");
  if (!root) return;
  var nodes = {};
  var list = root.querySelectorAll("[data-finder-node]");
  for (var i = 0; i < list.length; i++) nodes[list[i].id] = list[i];
  var start = root.getAttribute("data-start");
  var bar = root.querySelector("[data-finder-bar]");
  var progress = root.querySelector("[data-finder-progress]");
  var back = root.querySelector("[data-finder-back]");
  var restart = root.querySelector("[data-finder-restart]");
  var print = root.querySelector("[data-finder-print]");
  var pathBox = root.querySelector("[data-finder-path]");
  var pathList = pathBox.querySelector("ol");
  var live = root.querySelector("[data-finder-live]");
  var path = []; /* the questions answered: {node, question, answer, step} */
  var current = start;

  function heading(node) {
    return node.querySelector(".cat-finder__title");
  }

  // A title's words without its permalink sign.
  function titleText(node) {
    var title = heading(node).cloneNode(true);
    var link = title.querySelector(".headerlink");
    if (link) link.remove();
    return title.textContent.trim();
  }

  function chosenStep() {
    for (var i = 0; i < path.length; i++) if (path[i].step) return path[i].step;
    return null;
  }

  function show(id, moveFocus) {
    current = id;
    for (var key in nodes) nodes[key].hidden = key !== id;
    var node = nodes[id];
    var isResult = node.hasAttribute("data-result");
    var total = path.length + Number(node.getAttribute("data-remaining"));
    progress.textContent = isResult ? root.getAttribute("data-result-label")
      : root.getAttribute("data-progress").replace("{n}", path.length + 1).replace("{total}", total);
    back.hidden = restart.hidden = path.length === 0;
    print.hidden = !isResult;
    pathList.textContent = "";
    for (var i = 0; i < path.length; i++) {
      var item = document.createElement("li");
      var question = document.createElement("strong");
      question.textContent = path[i].question;
      item.appendChild(question);
      item.appendChild(document.createTextNode(" " + path[i].answer));
      pathList.appendChild(item);
    }
    pathBox.hidden = !isResult || path.length === 0;
    if (isResult) {
      var step = chosenStep();
      var blocks = node.querySelectorAll("[data-step]");
      for (var j = 0; j < blocks.length; j++) blocks[j].hidden = !!step && blocks[j].getAttribute("data-step") !== step;
    }
    live.textContent = isResult ? titleText(node) : "";
    if (moveFocus) heading(node).focus(); /* scrolls the heading into view if it is not */
  }

  function reset() {
    path = [];
    show(start, true);
  }

  root.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest("a");
    if (!link || !root.contains(link)) return;
    if (link.classList.contains("cat-finder__again")) {
      e.preventDefault();
      reset();
      return;
    }
    var target = (link.getAttribute("href") || "").slice(1);
    if (!link.classList.contains("cat-finder__answer") || !nodes[target]) return;
    e.preventDefault();
    path.push({ node: current, question: titleText(nodes[current]),
                answer: link.textContent, step: link.getAttribute("data-step") });
    show(target, true);
  });
  back.addEventListener("click", function () {
    var last = path.pop();
    if (last) show(last.node, true);
  });
  restart.addEventListener("click", reset);
  print.addEventListener("click", function () { window.print(); });

  root.setAttribute("data-finder-js", "");
  bar.hidden = false;
  var asked = decodeURIComponent(location.hash.slice(1));
  show(nodes[asked] ? asked : start, false);
})();
