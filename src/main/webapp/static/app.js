// Fleet Panel page helpers. No inline scripts: the Content-Security-Policy allows only files from the panel.
(function () {
  "use strict";

  // Every htmx request carries the session's CSRF token from the page's meta tag.
  document.addEventListener("htmx:configRequest", function (event) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta) {
      event.detail.headers["X-CSRF-Token"] = meta.content;
    }
  });

  // Times are sent as UTC (ISO-8601); show them in the browser's time zone.
  function localize(root) {
    root.querySelectorAll("time[datetime]").forEach(function (el) {
      var date = new Date(el.getAttribute("datetime"));
      if (!isNaN(date)) {
        el.textContent = date.toLocaleString(document.documentElement.lang || undefined);
        el.title = el.getAttribute("datetime");
      }
    });
  }

  // <input data-filter-rows="selector">: hides the rows whose text does not contain what is typed.
  document.addEventListener("input", function (event) {
    var selector = event.target.getAttribute && event.target.getAttribute("data-filter-rows");
    if (!selector) {
      return;
    }
    var wanted = event.target.value.trim().toLowerCase();
    document.querySelectorAll(selector).forEach(function (row) {
      row.hidden = wanted !== "" && row.textContent.toLowerCase().indexOf(wanted) < 0;
    });
  });

  document.addEventListener("DOMContentLoaded", function () {
    localize(document);
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    localize(event.detail.elt.parentNode || document);
  });
  // Out-of-band swaps (the Servers page's status cells) settle without that event on their parent.
  document.addEventListener("htmx:oobAfterSwap", function (event) {
    localize(event.detail.target.parentNode || document);
  });
})();
