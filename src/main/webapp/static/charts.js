// Server details: history charts (Chart.js) from the panel's history API. No inline scripts (CSP).
// A stretch without data is a gap: the line breaks there, and the stretch is shaded, in another colour
// when the panel itself was down. "Live" shows the last hour and adds each new sample as it is stored.
(function () {
  "use strict";

  var root = document.getElementById("history");
  if (!root || !window.Chart) {
    return;
  }
  var T = JSON.parse(root.getAttribute("data-labels"));
  var api = root.getAttribute("data-history");
  var intervalMs = Math.max(5, Number(root.getAttribute("data-interval")) || 10) * 1000;
  var lang = T.lang || document.documentElement.lang || undefined;
  var status = document.getElementById("chart-status");
  var charts = {};
  // period: what is drawn; chosen: the period button pressed last (Live draws 1h, and off goes back).
  var state = { period: root.getAttribute("data-period") || "24h", live: false, timer: null, data: null, request: 0, stepping: false };
  state.chosen = state.period;
  var COLORS = ["#79b8ff", "#56d364", "#e3b341", "#ff7b72", "#d2a8ff", "#ffa657", "#39c5cf", "#f778ba"];
  var TCP = ["established", "listen", "time_wait", "close_wait", "syn_sent", "syn_recv", "fin_wait"];

  // ---------- numbers with units ----------
  function size(v) {
    if (v === null || v === undefined || isNaN(v)) {
      return "—";
    }
    var units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
    var i = 0;
    while (Math.abs(v) >= 1024 && i < units.length - 1) {
      v /= 1024;
      i++;
    }
    return (i === 0 ? v.toFixed(0) : v.toFixed(1)) + " " + units[i];
  }
  var FORMAT = {
    percent: function (v) { return v === null ? "—" : v.toFixed(1) + " %"; },
    bytes: size,
    rate: function (v) { return v === null ? "—" : size(v) + "/s"; },
    count: function (v) { return v === null ? "—" : Math.round(v).toLocaleString(lang); },
    load: function (v) { return v === null ? "—" : v.toFixed(2); }
  };

  // ---------- what each chart shows: [field of a point, label, dashed] ----------
  var SPECS = {
    cpu: { unit: "percent", max: 100, series: [["cpu_usage", T.average], ["max_cpu_usage", T.peak, true]] },
    ram: { unit: "percent", max: 100, series: [["memory_percent", T["ram.used"], false, "memory_used"], ["swap_percent", T.swap, false, "swap_used"]] },
    net: { unit: "rate", max: 1024, series: [["net_rx_bytes_per_sec", T.down], ["net_tx_bytes_per_sec", T.up],
      ["max_net_rx_peak_per_sec", T["down.peak"], true], ["max_net_tx_peak_per_sec", T["up.peak"], true]] },
    load: { unit: "load", max: 1, series: [["load_avg_1", T.load1], ["load_avg_5", T.load5], ["load_avg_15", T.load15], ["max_load_avg_1", T.peak, true]] },
    disk: { unit: "percent", max: 100, series: [["disk_percent", T["disk.used"]]] },
    io: { unit: "rate", max: 1024, series: [["disk_read_bytes_per_sec", T.read], ["disk_write_bytes_per_sec", T.write]] },
    tcp: { unit: "count", max: 10, series: TCP.map(function (s) { return ["tcp_" + s, T[s]]; }) },
    cores: { unit: "percent", max: 100, series: [] }
  };

  // ---------- gaps: shaded stretches, labelled when the panel was down ----------
  var gapPlugin = {
    id: "fpGaps",
    beforeDatasetsDraw: function (chart) {
      var gaps = chart.$fpGaps || [];
      var x = chart.scales.x;
      var area = chart.chartArea;
      var ctx = chart.ctx;
      ctx.save();
      gaps.forEach(function (g) {
        var a = Math.max(x.getPixelForValue(g.from), area.left);
        var b = Math.min(x.getPixelForValue(g.to), area.right);
        if (b - a < 1) {
          return;
        }
        ctx.fillStyle = g.kind === "panel" ? "rgba(227, 179, 65, 0.22)" : "rgba(157, 167, 179, 0.18)";
        ctx.fillRect(a, area.top, b - a, area.bottom - area.top);
        if (b - a > 60) {
          ctx.fillStyle = g.kind === "panel" ? "#e3b341" : "#9da7b3";
          ctx.font = "11px system-ui, sans-serif";
          ctx.fillText(g.kind === "panel" ? T["gap.panel"] : T["gap.node"], a + 4, area.top + 12);
        }
      });
      ctx.restore();
    }
  };

  function tick(value) {
    var span = state.data ? state.data.to - state.data.from : 86400000;
    var opts = span <= 86400000 * 1.01 ? { hour: "2-digit", minute: "2-digit" }
      : span <= 86400000 * 8 ? { weekday: "short", hour: "2-digit" } : { day: "numeric", month: "short" };
    return new Date(value).toLocaleString(lang, opts);
  }

  function chartFor(id) {
    if (charts[id]) {
      return charts[id];
    }
    var spec = SPECS[id];
    var format = FORMAT[spec.unit];
    charts[id] = new window.Chart(document.getElementById("chart-" + id), {
      type: "line",
      data: { datasets: [] },
      plugins: [gapPlugin],
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        spanGaps: false,
        interaction: { mode: "index", intersect: false },
        elements: { point: { radius: 0, hitRadius: 6 }, line: { borderWidth: 1.5, tension: 0 } },
        scales: {
          x: { type: "linear", ticks: { callback: tick, maxTicksLimit: 8, color: "#9da7b3" }, grid: { color: "#30363d" } },
          y: {
            beginAtZero: true,
            suggestedMax: spec.max,
            ticks: { callback: format, color: "#9da7b3", precision: spec.unit === "count" ? 0 : undefined },
            grid: { color: "#30363d" }
          }
        },
        plugins: {
          legend: { labels: { color: "#e6edf3", boxWidth: 12 } },
          tooltip: {
            callbacks: {
              title: function (items) {
                return items.length ? new Date(items[0].parsed.x).toLocaleString(lang) : "";
              },
              label: function (item) {
                var extra = item.raw.b !== undefined && item.raw.b !== null ? " (" + size(item.raw.b) + ")" : "";
                return item.dataset.label + ": " + format(item.parsed.y) + extra;
              }
            }
          }
        }
      }
    });
    return charts[id];
  }

  function dataset(label, index, dashed, points) {
    var color = COLORS[index % COLORS.length];
    return { label: label, data: points, borderColor: color, backgroundColor: color, borderDash: dashed ? [4, 3] : [] };
  }

  // Points of one field, with a null wherever a gap begins so that the line breaks there.
  function series(history, field, bytesField) {
    var out = [];
    var gaps = history.gaps.slice();
    history.points.forEach(function (p) {
      while (gaps.length && gaps[0].from <= p.t) {
        out.push({ x: gaps.shift().from, y: null });
      }
      var v = typeof field === "function" ? field(p.raw) : p.raw[field];
      out.push({ x: p.t, y: v === undefined ? null : v, b: bytesField ? p.raw[bytesField] : undefined });
    });
    gaps.forEach(function (g) {
      out.push({ x: g.from, y: null });
    });
    return out;
  }

  function coreCount(history) {
    var n = 0;
    history.points.forEach(function (p) {
      n = Math.max(n, (p.raw.per_cpu_percent || []).length);
    });
    return n;
  }

  function draw(history) {
    Object.keys(SPECS).forEach(function (id) {
      var chart = chartFor(id);
      var spec = SPECS[id];
      chart.$fpGaps = history.gaps;
      if (id === "cores") {
        var cores = coreCount(history);
        var box = document.getElementById("box-cores");
        box.querySelector(".note").hidden = cores > 0;
        chart.data.datasets = [];
        for (var c = 0; c < cores; c++) {
          chart.data.datasets.push(dataset(T.core + " " + c, c, false, series(history, (function (core) {
            return function (raw) {
              return raw.per_cpu_percent && raw.per_cpu_percent[core] !== undefined ? raw.per_cpu_percent[core] : null;
            };
          })(c))));
        }
      } else {
        chart.data.datasets = spec.series.map(function (s, i) {
          return dataset(s[1], i, s[2], series(history, s[0], s[3]));
        });
      }
      chart.options.scales.x.min = history.from;
      chart.options.scales.x.max = history.to;
      chart.update("none");
    });
  }

  function toHistory(json) {
    return {
      from: Date.parse(json.from_time),
      to: Date.parse(json.to_time),
      points: json.data.map(function (d) { return { t: Date.parse(d.timestamp), raw: d }; }),
      gaps: json.gaps.map(function (g) { return { from: Date.parse(g.from), to: Date.parse(g.to), kind: g.kind }; })
    };
  }

  function say(text) {
    status.textContent = text || "";
  }

  function fetchJson(query) {
    return fetch(api + "?" + query, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) {
        if (!r.ok) {
          throw new Error("HTTP " + r.status);
        }
        return r.json();
      });
  }

  function load(period) {
    var request = ++state.request;
    state.period = period;
    say(T.loading);
    fetchJson("period=" + encodeURIComponent(period)).then(function (json) {
      if (request !== state.request) {
        return;
      }
      state.data = toHistory(json);
      draw(state.data);
      say(state.data.points.length ? (state.live ? T["live.on"] : "") : T.empty);
      root.setAttribute("data-rendered", period);
      window.fpChartsRenderedAt = performance.now();
    }).catch(function (e) {
      if (request === state.request) {
        say(T.failed + " (" + e.message + ")");
      }
    });
  }

  // Live: every poll interval, the samples stored since the last point; older than the hour falls off.
  function liveStep() {
    var h = state.data;
    if (!h) {
      return;
    }
    var last = h.points.length ? h.points[h.points.length - 1].t : h.from;
    var request = state.request;
    if (state.stepping) {
      return; // the previous step's answer is not in yet: it would be asked for again
    }
    state.stepping = true;
    fetchJson("period=1h&from=" + encodeURIComponent(new Date(last + 1000).toISOString())).then(function (json) {
      if (request !== state.request || !state.live) {
        return;
      }
      // The answer covers what came after the last point, with its gaps told apart by the panel.
      var fresh = toHistory(json);
      var now = Date.now();
      h.points = h.points.concat(fresh.points);
      h.gaps = h.gaps.filter(function (g) { return g.from <= last; }).concat(fresh.gaps);
      h.to = now;
      h.from = now - 3600000;
      h.points = h.points.filter(function (p) { return p.t >= h.from; });
      h.gaps = h.gaps.filter(function (g) { return g.to >= h.from; });
      draw(h);
    }).catch(function (e) {
      say(T.failed + " (" + e.message + ")");
    }).then(function () {
      state.stepping = false;
    });
  }

  function press() {
    root.querySelectorAll("[data-period]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(!state.live && b.getAttribute("data-period") === state.chosen));
    });
    root.querySelector("[data-live]").setAttribute("aria-pressed", String(state.live));
  }

  function setLive(on) {
    state.live = on;
    clearInterval(state.timer);
    state.timer = on ? setInterval(liveStep, intervalMs) : null;
  }

  root.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) {
      return;
    }
    if (button.hasAttribute("data-live")) {
      setLive(!state.live);
      load(state.live ? "1h" : state.chosen);
    } else if (button.hasAttribute("data-period")) {
      setLive(false);
      state.chosen = button.getAttribute("data-period");
      load(state.chosen);
      var url = new URL(window.location.href);
      url.searchParams.set("period", state.period);
      window.history.replaceState(null, "", url);
    }
    press();
  });

  press();
  load(state.period);
})();
