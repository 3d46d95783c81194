// Loaded only by the page left at a moved page's old address (sitebuild/hosting/redirects.py). A clinic's
// link may end in a #section; the page's meta refresh would drop it, so go on with it kept.
(function () {
  var link = document.getElementById("cat-redirect");
  if (link) location.replace(link.href + location.hash);
})();
