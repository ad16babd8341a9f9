/* Swagger UI (templates/api/docs.html): fix, as it renders, what it leaves inaccessible.
   - a parameter's select or text box has no label: name it after the parameter;
   - an example that scrolls cannot be reached with the keyboard: make it a focusable region. */
(function () {
  "use strict";

  var root = document.getElementById("swagger-ui");
  if (!root || !window.MutationObserver) {
    return;
  }

  function label(row) {
    var where = row.getAttribute("data-param-in");
    return row.getAttribute("data-param-name") + (where ? " (" + where + ")" : "");
  }

  function fix() {
    Array.prototype.forEach.call(
      root.querySelectorAll("tr[data-param-name] :is(input, select, textarea):not([aria-label])"),
      function (control) {
        control.setAttribute("aria-label", label(control.closest("tr[data-param-name]")));
      }
    );
    Array.prototype.forEach.call(root.querySelectorAll("pre.microlight:not([tabindex])"), function (pre) {
      pre.setAttribute("tabindex", "0");
      pre.setAttribute("role", "region");
      pre.setAttribute("aria-label", "Example");
    });
  }

  new MutationObserver(fix).observe(root, { childList: true, subtree: true });
  fix();
})();
