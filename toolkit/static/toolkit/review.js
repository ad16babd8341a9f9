/* Review rubric: autosave and a copy on this device. Progressive enhancement only:
   without this script the form still works ("Save draft" and "Submit review" post it).

   - A few seconds after a change, the form is posted to /reviews/<uuid>/autosave/ and the
     status line (a polite live region) says "Saved at 14:32", or why it was not saved.
   - Every change is also kept in localStorage (but never the confidential comments to the
     editor, which stay on the server only), so nothing typed is lost if the connection
     drops; on the next visit a copy newer than the server draft is put back, with a notice.
     A successful save that includes every change drops the copy.
   - Each save sends the draft version the page shows (the hidden "version"); the server
     refuses one based on an older version (another tab saved since: 409 "stale_draft").
     Then autosave stops for good on this page, the text stays as typed, and the status says
     what happened: "Save draft" replaces the saved draft with this text, a reload shows it.
   - Signed out: the server keeps the posted rubric until the reviewer signs in again.
   No key handling of its own: the rubric is native radios and text boxes. After a refused
   POST the page starts at the error summary (it has autofocus). */
(function () {
  "use strict";

  var done = document.querySelector("[data-review-closed]");
  var form = document.querySelector("form.rubric-form[data-autosave-url]");
  if (!window.localStorage) {
    return;
  }
  var PREFIX = "toolkit.review.";
  var PRIVATE = { confidential_comments: true }; // never written to this device
  if (done) {
    try {
      window.localStorage.removeItem(PREFIX + done.getAttribute("data-review-closed"));
    } catch (e) { /* storage may be unavailable */ }
  }
  if (!form || !window.fetch || !window.FormData || !window.URLSearchParams) {
    return;
  }

  var DELAY = 3000;
  var RETRY = 15000;
  var url = form.getAttribute("data-autosave-url");
  var key = PREFIX + form.getAttribute("data-assignment");
  var serverSavedAt = Date.parse(form.getAttribute("data-server-saved-at")) || 0;
  var restoredByServer = form.hasAttribute("data-restored");
  var version = form.querySelector('input[name="version"]');
  var status = document.getElementById("autosave-status");
  var timer = null;
  var inFlight = false;
  var submitting = false;
  var stale = false; // another tab saved since this page loaded: never autosave over it
  var waitingSubmitter = null; // a submit held back until the save in flight has answered
  var changes = 0; // edits since the page loaded
  var savedChanges = 0; // edits included in the last successful save

  function each(callback) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name && el.name !== "csrfmiddlewaretoken" && !el.disabled) {
        callback(el);
      }
    });
  }

  function isText(el) {
    return el.tagName === "TEXTAREA" || el.type === "text";
  }

  function values() {
    var data = {};
    each(function (el) {
      if (PRIVATE[el.name]) {
        return;
      }
      if (el.type === "radio") {
        if (el.checked) {
          data[el.name] = el.value;
        }
      } else if (isText(el)) {
        data[el.name] = el.value;
      }
    });
    return data;
  }

  function apply(data) {
    each(function (el) {
      if (PRIVATE[el.name]) {
        return;
      }
      if (el.type === "radio") {
        el.checked = data[el.name] === el.value;
      } else if (isText(el)) {
        el.value = data[el.name] || "";
      }
    });
  }

  function same(a, b) {
    var names = Object.keys(a).concat(Object.keys(b));
    return names.every(function (name) {
      return (a[name] || "") === (b[name] || "");
    });
  }

  function readCopy() {
    var copy = null;
    try {
      copy = JSON.parse(window.localStorage.getItem(key) || "null");
    } catch (e) {
      return null;
    }
    if (copy && copy.values) {
      var hadPrivate = false;
      Object.keys(PRIVATE).forEach(function (name) {
        if (name in copy.values) {
          delete copy.values[name]; // left by an earlier version of this script
          hadPrivate = true;
        }
      });
      if (hadPrivate) {
        try {
          window.localStorage.setItem(key, JSON.stringify(copy));
        } catch (e) { /* nothing to do */ }
      }
    }
    return copy;
  }

  function writeCopy() {
    try {
      window.localStorage.setItem(key, JSON.stringify({ savedAt: Date.now(), values: values() }));
    } catch (e) { /* full or private: the server draft still works */ }
  }

  function dropCopy() {
    try {
      window.localStorage.removeItem(key);
    } catch (e) { /* nothing to do */ }
  }

  function say(text) {
    if (status && status.textContent !== text) {
      status.textContent = text;
    }
  }

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function clock(ms) {
    var d = new Date(ms);
    return pad(d.getHours()) + ":" + pad(d.getMinutes());
  }

  function labelFor(name) {
    var el = document.getElementById("id_" + name) || document.getElementById("id_" + name + "_0");
    if (!el) {
      return "";
    }
    if (el.type === "radio") {
      var group = el.closest("fieldset");
      var legend = group && group.querySelector("legend");
      return legend ? legend.textContent.trim() : "";
    }
    var label = form.querySelector('label[for="' + el.id + '"]');
    return label ? label.textContent.trim() : "";
  }

  function describe(errors) {
    return Object.keys(errors || {}).map(function (name) {
      var label = labelFor(name);
      return (label ? label + ": " : "") + errors[name].join(" ");
    }).join(" ");
  }

  function schedule(delay) {
    if (!timer && !submitting && !stale) {
      timer = window.setTimeout(save, delay || DELAY);
    }
  }

  function staleNotice(body) {
    return "Not saved: this review was changed in another tab or window at " +
      body.saved_at + ". Your text is kept on this page and is no longer saved " +
      "automatically: press \u201cSave draft\u201d to replace the saved draft with it, " +
      "or reload the page to see the saved draft.";
  }

  function answered() {
    inFlight = false;
    var submitter = waitingSubmitter;
    waitingSubmitter = null;
    if (submitter && !stale) { // after a stale answer the reviewer decides, having read it
      submitAgain(submitter);
    }
  }

  function submitAgain(submitter) {
    if (form.requestSubmit) {
      form.requestSubmit(submitter);
    } else {
      submitter.click();
    }
  }

  function save() {
    timer = null;
    if (submitting || stale || savedChanges === changes) {
      return;
    }
    if (inFlight) {
      schedule();
      return;
    }
    var upTo = changes;
    var retry = false;
    inFlight = true;
    window.fetch(url, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      credentials: "same-origin",
      headers: { Accept: "application/json" }
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      if (response.redirected || type.indexOf("application/json") === -1) {
        // Sent to the sign-in page, or a stale security token: the session is over.
        throw { expired: true };
      }
      return response.json().then(function (body) {
        return { code: response.status, body: body };
      });
    }).then(function (result) {
      if (result.code === 200) {
        savedChanges = upTo;
        if (version) {
          version.value = result.body.version;
        }
        if (savedChanges === changes) {
          dropCopy();
        }
        say("Saved at " + result.body.saved_at);
      } else if (result.code === 409 && result.body.code === "stale_draft") {
        stale = true;
        if (version) {
          version.value = result.body.version; // so that "Save draft" replaces it, knowingly
        }
        say(staleNotice(result.body));
      } else if (result.code === 400) {
        say("Not saved: " + describe(result.body.errors));
      } else {
        say("Not saved: " + (result.body.detail || "please reload the page."));
      }
    }).catch(function (problem) {
      if (problem && problem.expired) {
        say("Not saved: you are signed out. Your answers are kept for you: sign in " +
            "again, then come back to this page to find them in the form.");
      } else {
        retry = true;
        say("Not saved: no connection. Your answers are kept on this device (the " +
            "confidential comments on this page only); saving again shortly.");
      }
    }).then(function () {
      answered();
      if (retry) {
        schedule(RETRY);
      }
    });
  }

  function changed() {
    changes += 1;
    writeCopy();
    schedule();
  }

  function restoreNotice(savedAt, serverValues) {
    var notice = document.createElement("div");
    notice.className = "restore-notice";
    notice.setAttribute("role", "status");
    var text = document.createElement("p");
    text.textContent = "Restored the answers you typed on this device at " + clock(savedAt) +
      " that had not reached the server. They will now be saved as your draft.";
    var undo = document.createElement("button");
    undo.type = "button";
    undo.className = "button button--secondary button--small";
    undo.textContent = "Discard them and show the saved draft";
    undo.addEventListener("click", function () {
      apply(serverValues);
      changed();
      notice.parentNode.removeChild(notice);
      say("Showing the draft saved on the server.");
    });
    notice.appendChild(text);
    notice.appendChild(undo);
    form.parentNode.insertBefore(notice, form);
  }

  var copy = restoredByServer ? null : readCopy(); // the server's kept rubric is newer
  if (copy && copy.values) {
    var current = values();
    if (same(copy.values, current)) {
      dropCopy();
    } else if (copy.savedAt > serverSavedAt) {
      apply(copy.values);
      restoreNotice(copy.savedAt, current);
      changes += 1;
      schedule();
    } else {
      dropCopy(); // older than the server draft: the server's copy wins
    }
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function (event) {
    if (inFlight) {
      // Post with the version that save is about to return, not the one it replaces.
      event.preventDefault();
      waitingSubmitter = event.submitter || form.querySelector('button[type="submit"]');
      return;
    }
    submitting = true; // the page's own POST saves now; keep the local copy until it loads
    if (timer) {
      window.clearTimeout(timer);
      timer = null;
    }
    writeCopy();
  });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      submitting = false; // back from the cache after a submit: autosave again
    }
  });
})();
