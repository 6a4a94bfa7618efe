/* kg HTML view: draws the JSON in #kg-data with vis-network.
 * Every string in the data comes from news articles and is untrusted: it reaches the
 * page only through textContent, DOM properties or the vis canvas, never as markup. */
(function () {
  "use strict";
  window.kgStartAt = performance.now();
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var byId = new Map();
  data.nodes.forEach(function (n) { byId.set(n.id, n); });
  var styles = new Map();
  data.classes.forEach(function (c) { styles.set(c.name, c); });
  var large = data.layout === "precomputed";
  var hidden = new Set();      // classes unticked in the legend
  var filter = { domain: "", doc: "", statuses: null, from: 0, to: 0 };  // the other filters
  var visible = new Set(data.nodes.map(function (n) { return n.id; }));
  var months = monthRange(data.filters && data.filters.months);
  var LABEL_INSIDE = { ellipse: 28, box: 28 };  // shapes that hold their label: max chars

  function short(text, max) {
    return text.length > max ? text.slice(0, max - 1) + "\u2026" : text;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  // month number (year * 12 + month - 1) of "YYYY-MM" and the span a node's date covers
  function monthIndex(text) {
    var m = /^(\d{4})-(\d{2})/.exec(text);
    return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : null;
  }
  function monthRange(pair) {
    if (!pair || pair.length !== 2) return null;
    var lo = monthIndex(pair[0]), hi = monthIndex(pair[1]);
    return lo === null || hi === null ? null : { lo: lo, hi: hi };
  }
  function monthName(i) {
    var m = i % 12 + 1;
    return Math.floor(i / 12) + "-" + (m < 10 ? "0" : "") + m;
  }
  function dateSpan(date) {
    if (!date) return null;
    var i = monthIndex(date);
    if (i !== null) return [i, i];
    var y = /^(\d{4})$/.exec(date);
    return y ? [Number(y[1]) * 12, Number(y[1]) * 12 + 11] : null;
  }
  data.nodes.forEach(function (n) { n.span = dateSpan(n.date); });

  function passes(n) {
    if (hidden.has(n.type)) return false;
    if (filter.statuses && n.status && !filter.statuses.has(n.status)) return false;
    if (filter.domain) {
      if (n.type === "TechnologyDomain" && n.id !== filter.domain) return false;
      if ((n.type === "Agreement" || n.type === "ExportControl") &&
          (!n.domains || n.domains.indexOf(filter.domain) < 0)) return false;
    }
    if (filter.doc && (!n.documents || n.documents.indexOf(filter.doc) < 0)) return false;
    if (months && n.span && (filter.from > months.lo || filter.to < months.hi)) {
      var lo = Math.min(filter.from, filter.to), hi = Math.max(filter.from, filter.to);
      if (n.span[1] < lo || n.span[0] > hi) return false;
    }
    return true;
  }

  function visNode(n) {
    var c = styles.get(n.type);
    var inside = LABEL_INSIDE[c.shape];
    var size = n.members !== undefined ? Math.min(10 + 2 * Math.sqrt(n.members), 60)
      : Math.min(12 + 3 * Math.sqrt(n.degree), 36) + (n.type === "Country" ? 4 : 0);
    var v = {
      id: n.id, kgType: n.type, shape: c.shape, size: size,
      label: short(n.label, inside || 40),
      color: { background: c.color, border: "#3b3b3b",
               highlight: { background: c.color, border: "#111" },
               hover: { background: c.color, border: "#111" } },
      borderWidth: 1, borderWidthSelected: 3,
      font: inside ? { size: 12, color: "#1f2328" } : { size: 13, color: "#1f2328", strokeWidth: 3, strokeColor: "#ffffff" }
    };
    if (inside) v.margin = 6;
    if (n.status === "Planned") { v.shapeProperties = { borderDashes: [4, 3] }; v.borderWidth = 2; }
    if (n.status === "Cancelled") v.opacity = 0.4;
    if (large) { v.x = n.x; v.y = n.y; }
    return v;
  }
  function visEdge(e) {
    var v = {
      id: e.id, from: e.from, to: e.to,
      // large graphs: edge labels only in the tooltip and panel (10k labels slow the first draw)
      label: large ? undefined : e.label || (e.weight !== undefined ? String(e.weight) : undefined),
      width: e.width || (e.evidence ? 1.6 : 1)
    };
    if (e.curve) v.smooth = { enabled: true, type: "curvedCW", roundness: e.curve };
    return v;
  }

  window.kgDataAt = performance.now();
  var nodes = new vis.DataSet(data.nodes.map(visNode));
  var edges = new vis.DataSet(data.edges.map(visEdge));
  function shown(id) { return visible.has(id); }
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return visible.has(n.id); } });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return shown(e.from) && shown(e.to); } });

  var options = {
    autoResize: true,
    nodes: { shadow: false },
    edges: {
      // large graphs: no arrowheads (drawing 10k of them is most of a redraw); the
      // tooltip and the panel still say which way an edge points
      arrows: { to: { enabled: data.directed && !large, scaleFactor: 0.5 } },
      color: { color: "#8c959f", highlight: "#1f2328", hover: "#57606a" },
      font: { size: 10, color: "#57606a", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
      smooth: large ? false : { enabled: true, type: "continuous", roundness: 0.3 },
      selectionWidth: 1.5
    },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: large, hideEdgesOnZoom: large,
                   multiselect: false, navigationButtons: false },
    layout: { randomSeed: 7, improvedLayout: !large && data.nodes.length <= 150 },
    physics: large ? { enabled: false } : {
      enabled: true, solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -60, centralGravity: 0.01, springLength: 110, springConstant: 0.06, avoidOverlap: 0.4 },
      stabilization: { enabled: true, iterations: 400, updateInterval: 50, fit: true }
    }
  };
  var container = document.getElementById("kg-canvas");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);
  var loading = document.getElementById("kg-loading");

  network.once("afterDrawing", function () { window.kgFirstDrawAt = performance.now(); });
  // nodes without a link (drawn with --all-entities) go in rows beneath the drawing, so
  // none sits on top of an edge it has nothing to do with
  function shelveUnconnected() {
    var lone = data.nodes.filter(function (n) { return !n.degree; });
    if (!lone.length || lone.length === data.nodes.length) return;
    var pos = network.getPositions();
    var minX = Infinity, maxX = -Infinity, maxY = -Infinity;
    data.nodes.forEach(function (n) {
      var p = pos[n.id];
      if (!n.degree || !p) return;
      minX = Math.min(minX, p.x); maxX = Math.max(maxX, p.x); maxY = Math.max(maxY, p.y);
    });
    if (!isFinite(maxY)) return;
    var step = 90, perRow = Math.max(1, Math.floor((maxX - minX) / step) + 1);
    lone.forEach(function (n, i) {
      network.moveNode(n.id, minX + (i % perRow) * step, maxY + 2 * step + Math.floor(i / perRow) * step);
    });
  }
  window.kgShelveUnconnected = shelveUnconnected;

  function ready() {
    if (window.kgReady) return;
    window.kgReadyAt = performance.now();
    network.setOptions({ physics: { enabled: false } });
    shelveUnconnected();
    network.fit({ animation: false });
    loading.hidden = true;
    window.kgReady = true;
  }
  if (large || data.nodes.length === 0) {
    ready();
  } else {
    network.once("stabilizationIterationsDone", ready);
    network.once("stabilized", ready);
    setTimeout(ready, 8000);  // never leave the graph moving, whatever happens
  }
  if (data.nodes.length === 0) document.getElementById("kg-empty").hidden = false;

  // ---- counts, class filter and the other filters -------------------------------
  var counts = document.getElementById("kg-counts");
  var noMatch = document.getElementById("kg-nomatch");
  if (data.aggregated) document.body.classList.add("kg-aggregated");
  function updateCounts() {
    var total = counts.getAttribute("data-total");
    counts.textContent = visible.size === data.nodes.length ? total
      : total + " (showing " + nodeView.length + " nodes, " + edgeView.length + " edges)";
    // a filter combination that hides everything says so instead of leaving a blank canvas
    noMatch.hidden = !(data.nodes.length > 0 && visible.size === 0);
  }
  function applyFilters() {
    // remember where the drawn nodes are, so they come back there (storePositions()
    // would fail here: it also looks up the nodes the filter has already removed)
    var pos = network.getPositions();
    nodes.update(Object.keys(pos).map(function (id) { return { id: id, x: pos[id].x, y: pos[id].y }; }));
    visible = new Set();
    data.nodes.forEach(function (n) { if (passes(n)) visible.add(n.id); });
    nodeView.refresh();
    edgeView.refresh();
    updateCounts();
  }
  function setClassVisible(name, show) {
    if (show === !hidden.has(name)) return;
    if (show) hidden.delete(name); else hidden.add(name);
    var box = document.querySelector('#kg-legend input[data-class="' + CSS.escape(name) + '"]');
    if (box) box.checked = show;
    applyFilters();
  }
  document.querySelectorAll("#kg-legend input[data-class]").forEach(function (box) {
    box.addEventListener("change", function () { setClassVisible(box.getAttribute("data-class"), box.checked); });
  });

  var choices = data.filters || { domains: [], statuses: [], documents: [], months: [] };
  var domainSelect = document.getElementById("kg-domain");
  var docSelect = document.getElementById("kg-doc");
  var statusBox = document.getElementById("kg-statuses");
  var dateFrom = document.getElementById("kg-date-from");
  var dateTo = document.getElementById("kg-date-to");
  var dateLabel = document.getElementById("kg-date-label");
  function option(select, value, text) {
    var o = document.createElement("option");
    o.value = value;
    o.textContent = text;
    select.appendChild(o);
  }
  function offer(section, yes) {
    document.getElementById(section).hidden = !yes;
    if (yes) document.getElementById("kg-filters").hidden = false;
  }
  choices.domains.forEach(function (d) { option(domainSelect, d.id, d.label); });
  offer("kg-filter-domain", choices.domains.length > 0);
  choices.documents.forEach(function (d) { option(docSelect, d.id, d.title ? d.id + " \u2014 " + short(d.title, 60) : d.id); });
  offer("kg-filter-doc", choices.documents.length > 0);
  choices.statuses.forEach(function (name) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox"; box.checked = true; box.setAttribute("data-status", name);
    box.addEventListener("change", readStatuses);
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + name));
    statusBox.appendChild(label);
  });
  offer("kg-filter-status", choices.statuses.length > 0);
  if (months) {
    [dateFrom, dateTo].forEach(function (input) {
      input.min = String(months.lo); input.max = String(months.hi);
      input.addEventListener("input", readDates);
    });
    offer("kg-filter-date", true);
  }
  function readStatuses() {
    var on = new Set();
    statusBox.querySelectorAll("input[data-status]").forEach(function (b) { if (b.checked) on.add(b.getAttribute("data-status")); });
    filter.statuses = on.size === choices.statuses.length ? null : on;
    applyFilters();
  }
  function showDates() {
    dateLabel.textContent = monthName(Math.min(filter.from, filter.to)) + " \u2013 " + monthName(Math.max(filter.from, filter.to));
  }
  function readDates() {
    filter.from = Number(dateFrom.value);
    filter.to = Number(dateTo.value);
    showDates();
    applyFilters();
  }
  function resetFilters() {
    hidden.clear();
    document.querySelectorAll("#kg-legend input[data-class]").forEach(function (b) { b.checked = true; });
    statusBox.querySelectorAll("input[data-status]").forEach(function (b) { b.checked = true; });
    domainSelect.value = ""; docSelect.value = "";
    filter = { domain: "", doc: "", statuses: null, from: months ? months.lo : 0, to: months ? months.hi : 0 };
    if (months) { dateFrom.value = String(months.lo); dateTo.value = String(months.hi); showDates(); }
    applyFilters();
  }
  if (months) {
    filter.from = months.lo; filter.to = months.hi;
    dateFrom.value = String(months.lo); dateTo.value = String(months.hi);
    showDates();
  }
  domainSelect.addEventListener("change", function () { filter.domain = domainSelect.value; applyFilters(); });
  docSelect.addEventListener("change", function () { filter.doc = docSelect.value; applyFilters(); });
  document.getElementById("kg-reset").addEventListener("click", resetFilters);
  document.getElementById("kg-nomatch-reset").addEventListener("click", resetFilters);

  // ---- details panel -----------------------------------------------------------
  var details = document.getElementById("kg-details");
  function badge(type) {
    var b = el("span", "badge", type);
    var c = styles.get(type);
    b.style.background = c ? c.color : "#ddd";
    return b;
  }
  function props(pairs) {
    var dl = el("dl", "props");
    pairs.forEach(function (p) {
      if (p[1] === undefined || p[1] === null || p[1] === "") return;
      dl.appendChild(el("dt", null, p[0]));
      dl.appendChild(el("dd", null, p[1]));
    });
    return dl;
  }
  function showNode(id) {
    var n = byId.get(id);
    if (!n) return;
    details.replaceChildren(el("h3", null, n.label), badge(n.type),
      props([["IRI", n.iri], ["Date", n.date], ["Status", n.status], ["Links", n.degree], ["Members", n.members],
             ["Sources", n.sources], ["Documents", n.documents ? n.documents.join(", ") : ""]]));
  }
  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }
  function showEdge(id) {
    var e = data.edges[Number(id.slice(1))];
    if (!e) return;
    var a = byId.get(e.from), b = byId.get(e.to);
    var parts = [el("h3", null, e.label || "(no label)"),
      props([["From", a ? a.label : e.from], ["To", b ? b.label : e.to], ["Weight", e.weight],
             ["Sources", e.sources]])];
    var ev = e.evidence || [];
    parts.push(el("h2", null, ev.length ? "Evidence (" + ev.length + ")" : "No supporting sentences"));
    ev.forEach(function (item) {
      var box = el("div", "evidence");
      if (item.sentence) box.appendChild(el("blockquote", null, "\u201c" + item.sentence + "\u201d"));
      var meta = [item.title || item.doc, item.published,
                  item.confidence !== undefined ? "confidence " + item.confidence : ""]
        .filter(function (x) { return x; }).join(" \u00b7 ");
      var line = el("div", "meta", meta);
      var href = safeUrl(item.url);
      if (href) {
        var link = el("a", null, "source");
        link.href = href; link.target = "_blank"; link.rel = "noopener noreferrer";
        line.appendChild(document.createTextNode(meta ? " \u00b7 " : ""));
        line.appendChild(link);
      }
      box.appendChild(line);
      parts.push(box);
    });
    details.replaceChildren.apply(details, parts);
  }
  var hint = details.firstElementChild.cloneNode(true);
  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
    else details.replaceChildren(hint.cloneNode(true));
  });

  // ---- hover tooltip (own element: vis would render string titles as HTML) --------
  var tip = document.getElementById("kg-tip");
  function showTip(params, first, second) {
    tip.replaceChildren(el("div", null, first), el("div", "t", second));
    tip.hidden = false;
    var x = params.pointer.DOM.x + 14, y = params.pointer.DOM.y + 14;
    var box = container.getBoundingClientRect();
    tip.style.left = Math.min(x, box.width - tip.offsetWidth - 4) + "px";
    tip.style.top = Math.min(y, box.height - tip.offsetHeight - 4) + "px";
  }
  function hideTip() { tip.hidden = true; }
  network.on("hoverNode", function (p) {
    var n = byId.get(p.node);
    if (n) showTip(p, n.label, n.type + (n.date ? " \u00b7 " + n.date : ""));
  });
  network.on("hoverEdge", function (p) {
    var e = data.edges[Number(String(p.edge).slice(1))];
    if (!e) return;
    var a = byId.get(e.from), b = byId.get(e.to);
    var count = (e.evidence || []).length;
    var from = e.sources ? " from " + e.sources + " source" + (e.sources > 1 ? "s" : "") : "";
    showTip(p, (a ? a.label : e.from) + " \u2014 " + (e.label || "") + " \u2192 " + (b ? b.label : e.to),
            count ? count + " supporting sentence" + (count > 1 ? "s" : "") + from + " (click)" : "no evidence attached");
  });
  ["blurNode", "blurEdge", "dragStart", "zoom"].forEach(function (ev) { network.on(ev, hideTip); });

  // ---- search --------------------------------------------------------------------
  var list = document.getElementById("kg-labels");
  var seen = new Set();
  data.nodes.forEach(function (n) {
    if (seen.has(n.label)) return;
    seen.add(n.label);
    var option = document.createElement("option");
    option.value = n.label;
    list.appendChild(option);
  });
  function find(query) {
    var q = query.trim().toLowerCase();
    if (!q) return null;
    var tests = [function (l) { return l === q; }, function (l) { return l.startsWith(q); },
                 function (l) { return l.indexOf(q) >= 0; }];
    for (var i = 0; i < tests.length; i++) {
      var hit = data.nodes.find(function (n) { return tests[i](n.label.toLowerCase()); });
      if (hit) return hit;
    }
    return null;
  }
  var status = document.getElementById("kg-search-status");
  function search(query) {
    var n = find(query);
    if (!n) {
      status.textContent = query.trim() ? "no match" : "";
      return null;
    }
    status.textContent = "";
    setClassVisible(n.type, true);
    if (!visible.has(n.id)) resetFilters();  // other filters hide it: show everything again
    network.selectNodes([n.id]);
    network.focus(n.id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 400 } });
    showNode(n.id);
    return n.id;
  }
  var input = document.getElementById("kg-search");
  document.getElementById("kg-search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    search(input.value);
  });
  input.addEventListener("change", function () { if (find(input.value)) search(input.value); });

  window.kgNetwork = network;
  window.kg = { network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView,
                setClassVisible: setClassVisible, search: search, applyFilters: applyFilters,
                resetFilters: resetFilters };
})();
