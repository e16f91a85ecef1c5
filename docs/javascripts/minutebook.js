// Minutebook: small progressive enhancements; every page works without them.
(function () {
  function enhance() {
    // Wide tables scroll sideways on a phone: let keyboard users scroll them too (WCAG 2.1.1).
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.hasAttribute("tabindex")) return;
      var caption = wrap.querySelector("caption");
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "group");
      wrap.setAttribute("aria-label", caption ? caption.textContent.trim() + " (table)" : "Table");
    });
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(enhance);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
