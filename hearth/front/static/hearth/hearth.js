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

  document.querySelectorAll("[data-select-on-focus]").forEach(function (input) {
    input.addEventListener("focus", function () { input.select(); });
  });
})();
