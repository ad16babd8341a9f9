/* Submission wizard: warn before leaving a step whose typed text is not saved.
   Progressive enhancement only: without this script every button still saves the step
   ("Save and come back later" saves, then goes to the submission's page).
   A form marked data-warn-unsaved becomes "changed" on any input; submitting any form on
   the page (saving) clears the warning; following any link or closing the tab while a form
   is changed asks the browser's "Leave site?" question. */
(function () {
  "use strict";

  var forms = document.querySelectorAll("form[data-warn-unsaved]");
  if (!forms.length) {
    return;
  }
  var changed = false;
  var leaving = false;
  Array.prototype.forEach.call(forms, function (form) {
    form.addEventListener("input", function () { changed = true; });
    form.addEventListener("change", function () { changed = true; });
  });
  document.addEventListener("submit", function () { leaving = true; });
  window.addEventListener("beforeunload", function (event) {
    if (changed && !leaving) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
}());
