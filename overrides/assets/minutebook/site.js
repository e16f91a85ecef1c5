/* Minutebook: the header's menu button, and the header's search box on the search page. */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector(".mb-menu-button");
  var drawer = document.getElementById("mb-drawer");
  if (toggle && button) {
    var sync = function () { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); };
    var setOpen = function (open) {
      if (toggle.checked !== open) toggle.click();  // a click, so the theme hears the change
      sync();
    };
    button.addEventListener("click", function () {
      setOpen(!toggle.checked);
      if (toggle.checked && drawer) {
        var first = drawer.querySelector("a[href]");
        if (first) first.focus();
      }
    });
    toggle.addEventListener("change", sync);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) {
        setOpen(false);
        button.focus();
      }
    });
    sync();
  }
  // On the search page the header's box shows the words the page is showing results for.
  var page = document.querySelector("[data-mb-search]");
  var box = document.getElementById("mb-header-q");
  if (page && box) {
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) box.value = q;
  }
})();
