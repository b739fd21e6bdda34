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


  // ---------- Dashboard ----------
  // Cards are dragged by their handle (SortableJS) within and between folders while the saved order is shown;
  // the new order of the folder a card lands in is posted, then the poller refreshes at once.
  function initSortable(root) {
    if (!window.Sortable) {
      return;
    }
    var boxes = root.matches && root.matches(".dash-cards[data-sortable]") ? [root] : [];
    root.querySelectorAll(".dash-cards[data-sortable]").forEach(function (box) {
      boxes.push(box);
    });
    boxes.forEach(function (box) {
      if (box.sortable) {
        return;
      }
      box.sortable = window.Sortable.create(box, {
        group: "dashboard",
        handle: ".drag",
        draggable: ".server-card",
        // No animation: it leaves inline transform/transition styles on the cards, and the next drag
        // clones a card with them, which the Content-Security-Policy (no inline style) refuses.
        animation: 0,
        onStart: function () {
          document.body.classList.add("dragging");
        },
        onEnd: function (event) {
          document.body.classList.remove("dragging");
          if (event.from === event.to && event.oldIndex === event.newIndex) {
            return;
          }
          var ids = Array.prototype.map.call(event.to.querySelectorAll(":scope > .server-card"), function (card) {
            return card.getAttribute("data-id");
          });
          htmx.ajax("POST", "dashboard/order", {
            source: event.to,
            target: event.to,
            swap: "none",
            values: { folder_id: event.to.getAttribute("data-folder"), ids: ids.join(",") }
          }).finally(function () {
            htmx.trigger(document.body, "fp-refresh");
          });
        }
      });
    });
  }

  // The poller's answer says each folder's order (key:id,id;key:id): cards are moved, never re-rendered.
  function applyOrder(poll) {
    var spec = poll.getAttribute("data-order");
    if (!spec) {
      return;
    }
    spec.split(";").forEach(function (part) {
      var colon = part.indexOf(":");
      var box = document.querySelector('.dash-cards[data-folder="' + part.slice(0, colon) + '"]');
      var wanted = part.slice(colon + 1) ? part.slice(colon + 1).split(",") : [];
      if (!box) {
        return;
      }
      var current = Array.prototype.map.call(box.querySelectorAll(":scope > .server-card"), function (card) {
        return card.getAttribute("data-id");
      });
      if (current.join(",") === wanted.join(",")) {
        return;
      }
      wanted.forEach(function (id) {
        var card = document.getElementById("card-" + id);
        if (card) {
          box.appendChild(card);
        }
      });
    });
  }

  // No refresh while a card is being dragged: it would swap the card out from under the pointer. One that
  // was on its way when the drag began is dropped; the poller keeps its token, so the next refresh brings
  // everything since.
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (event.detail.elt.id === "dash-poll" && document.body.classList.contains("dragging")) {
      event.preventDefault();
    }
  });
  document.addEventListener("htmx:beforeSwap", function (event) {
    var source = (event.detail.requestConfig && event.detail.requestConfig.elt) || event.detail.elt;
    if (source && source.id === "dash-poll" && document.body.classList.contains("dragging")) {
      event.detail.shouldSwap = false;
    }
  });

  // A request no page swaps in (body too large, server error, no answer) is said in one banner, until the
  // next request that works.
  function requestError(key) {
    var box = document.getElementById("request-error");
    if (box) {
      box.textContent = box.getAttribute("data-" + key);
      box.hidden = false;
    }
  }
  document.addEventListener("htmx:responseError", function (event) {
    requestError(event.detail.xhr && event.detail.xhr.status === 413 ? "too-large" : "failed");
  });
  document.addEventListener("htmx:sendError", function () {
    requestError("offline");
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var box = document.getElementById("request-error");
    if (box && event.detail.successful) {
      box.hidden = true;
    }
  });

  document.addEventListener("htmx:load", function (event) {
    var elt = event.detail.elt;
    if (elt.id === "dash-poll") {
      applyOrder(elt);
    }
    if (elt.querySelectorAll) {
      initSortable(elt);
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    localize(document);
    initSortable(document.body);
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    localize(event.detail.elt.parentNode || document);
  });
  // Out-of-band swaps (the Servers page's status cells) settle without that event on their parent.
  document.addEventListener("htmx:oobAfterSwap", function (event) {
    localize(event.detail.target.parentNode || document);
  });
})();
