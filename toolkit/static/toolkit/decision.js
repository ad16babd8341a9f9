/* Editor's decision with one letter (templates/includes/reviews_editor_letter.html).
   Progressive enhancement: without this script the page has two steps ("Continue" shows the
   letter drafted for the decision picked). With it, the letter shows as soon as a decision is
   picked and switches to that decision's draft; a letter the editor has edited is replaced
   only if they say so. `letter_for` names the decision the letter in the box was drafted
   for (the server checks it too). The drafts are a JSON data block (no inline script). */
(function () {
  "use strict";

  var form = document.querySelector("form[data-decision-form]");
  var data = document.getElementById("decision-letters");
  if (!form || !data) {
    return;
  }
  var drafts = JSON.parse(data.textContent);
  var letter = form.querySelector("textarea[name=letter]");
  var letterFor = form.querySelector("[data-letter-for]");
  var step = form.querySelector("[data-letter-step]");
  var status = form.querySelector("[data-letter-status]");
  var next = form.querySelector("[data-continue]");
  if (!letter || !letterFor || !step) {
    return;
  }
  if (next) {
    next.parentNode.removeChild(next);
  }

  function norm(text) {
    return text.replace(/\r\n/g, "\n").split("\n").map(function (line) {
      return line.replace(/\s+$/, "");
    }).join("\n").trim();
  }

  function edited() {
    var was = letterFor.value;
    return Boolean(was) && norm(letter.value) !== norm(drafts[was] || "");
  }

  function show(radio) {
    var name = radio.value;
    var required = step.querySelector("label .required");
    if (required) {
      required.hidden = radio.getAttribute("data-letter-required") === "no";
    }
    step.hidden = false;
    Array.prototype.forEach.call(form.querySelectorAll("[data-decision-only]"), function (el) {
      el.hidden = el.getAttribute("data-decision-only") !== name;
    });
  }

  function pick(radio) {
    var name = radio.value;
    if (name !== letterFor.value) {
      var label = form.querySelector("label[for='" + radio.id + "']").textContent.trim();
      var replace = !edited() || window.confirm(
        "You have edited the letter. Replace it with the draft for “" + label + "”?\n" +
        "Cancel keeps your letter."
      );
      if (replace) {
        letter.value = drafts[name] || "";
      }
      if (status) {
        status.textContent = replace
          ? "The letter is now the draft for " + label + "."
          : "Your letter is kept for " + label + ".";
      }
      letterFor.value = name;
    }
    show(radio);
  }

  form.addEventListener("change", function (event) {
    if (event.target.name === "decision") {
      pick(event.target);
    }
  });
  var checked = form.querySelector("input[name=decision]:checked");
  if (checked) {
    pick(checked);
  }
}());
