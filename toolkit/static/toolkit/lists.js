/* "Save to a list" (catalog results and resource pages): progressive enhancement only.
   Without this script the form posts and the page comes back with a message. With it, the
   form is posted by fetch (Accept: application/json), the page stays where it is, and the
   form's status line (a polite live region) says what happened: "Saved to “Week 3”." or
   why not. A list created on the way is added to every list menu on the page and chosen. */
(function () {
  "use strict";

  if (!window.fetch || !window.FormData) {
    return;
  }

  function addList(list, form) {
    var selects = document.querySelectorAll("select[data-save-lists]");
    Array.prototype.forEach.call(selects, function (select) {
      var known = Array.prototype.some.call(select.options, function (option) {
        return option.value === list.uuid;
      });
      if (!known) {
        var option = document.createElement("option");
        option.value = list.uuid;
        option.textContent = list.name;
        select.insertBefore(option, select.options[select.options.length - 1]);
      }
    });
    var own = form.querySelector("select[data-save-lists]");
    if (own) {
      own.value = list.uuid;
    }
    var name = form.querySelector("input[name=new_name]");
    if (name) {
      name.value = "";
    }
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-save-form]")) {
      return;
    }
    event.preventDefault();
    var status = form.querySelector("[data-save-status]");
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    status.textContent = "Saving…";
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin"
    })
      .then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (type.indexOf("application/json") !== 0) {
          return null; // signed out meanwhile (a sign-in page): post the form the plain way
        }
        return response.json().then(function (data) {
          return { ok: response.ok, data: data };
        });
      })
      .then(function (result) {
        if (result === null) {
          form.submit();
          return;
        }
        status.textContent = result.data.detail || (result.ok ? "Saved." : "Not saved.");
        if (result.ok && result.data.list) {
          addList(result.data.list, form);
        }
      })
      .catch(function () {
        status.textContent = "Not saved: the connection failed. Please try again.";
      })
      .then(function () {
        button.disabled = false;
      });
  });
})();
