/* Live refresh of a parcours map: polls the map's data-poll-url, swaps the drawing and its
   table when the version changes, and announces the new total in the polite live region.
   No framework, no inline script (CSP): loaded only on maps that have data-poll-url. */
(function () {
  "use strict";

  function start(map) {
    var url = map.getAttribute("data-poll-url");
    var seconds = parseInt(map.getAttribute("data-poll-seconds"), 10) || 10;
    var fragment = map.querySelector("[data-map-fragment]");
    var region = map.querySelector("[data-live-region]");
    var timer = null;
    var busy = false;

    function poll() {
      if (busy || document.hidden) {
        return;
      }
      busy = true;
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("HTTP " + response.status);
          }
          return response.json();
        })
        .then(function (data) {
          if (data.version && data.version !== map.getAttribute("data-version")) {
            map.setAttribute("data-version", data.version);
            fragment.innerHTML = data.html;
            if (region) {
              region.textContent = data.summary;
            }
          }
        })
        .catch(function () {
          /* Offline for a moment: the next poll tries again; the "Actualiser" link remains. */
        })
        .then(function () {
          busy = false;
        });
    }

    function schedule() {
      if (timer === null && !document.hidden) {
        timer = window.setInterval(poll, seconds * 1000);
      }
    }

    function pause() {
      if (timer !== null) {
        window.clearInterval(timer);
        timer = null;
      }
    }

    document.addEventListener("visibilitychange", function () {
      if (document.hidden) {
        pause();
      } else {
        poll(); /* back on the tab: catch up at once */
        schedule();
      }
    });
    schedule();
  }

  if (!window.fetch) {
    return;
  }
  var maps = document.querySelectorAll("[data-parcours-map][data-poll-url]");
  for (var i = 0; i < maps.length; i++) {
    start(maps[i]);
  }
})();
