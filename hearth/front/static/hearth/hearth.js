// Hearth's small layer of progressive enhancement. Every page works without it.
(function () {
  "use strict";
  var exit = document.getElementById("quick-exit");
  var lastEscape = 0;

  function leave(event) {
    if (event) { event.preventDefault(); }
    // Replace this history entry so "back" does not return here; the exit
    // endpoint ends the session and clears site data, then goes elsewhere.
    window.location.replace(exit.getAttribute("href"));
  }

  if (exit) {
    exit.addEventListener("click", leave);
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      var now = Date.now();
      if (now - lastEscape < 800) { leave(event); }
      lastEscape = now;
    });
  }

  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var source = document.querySelector(button.getAttribute("data-copy"));
    if (!source || !navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.value).then(function () {
        button.textContent = "Copied";
      });
    });
  });

  // The coach's "use this wording": swap the draft for the suggestion, then let
  // the coach read the new words. Feedback arrives later (htmx), so listen on
  // the document and reveal the buttons as they appear.
  function revealCoachButtons(root) {
    root.querySelectorAll("[data-coach-use]").forEach(function (b) { b.hidden = false; });
  }
  revealCoachButtons(document);
  document.body.addEventListener("htmx:afterSwap", function (event) { revealCoachButtons(event.target); });
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-coach-use]") : null;
    if (!button) { return; }
    var field = document.querySelector(button.getAttribute("data-coach-use"));
    if (!field) { return; }
    field.value = button.getAttribute("data-coach-text");
    field.focus();
    field.dispatchEvent(new Event("input", { bubbles: true }));
  });

  document.querySelectorAll("[data-select-on-focus]").forEach(function (input) {
    input.addEventListener("focus", function () { input.select(); });
  });
})();
