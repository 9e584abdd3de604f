// The pages' views: each <figure class="kg-view"> names a saved query (data-query, with
// data-param-* arguments) or a SPARQL text (data-sparql) and how to show its answer
// (data-view: timeline, graph or map).  Its rows come as SPARQL JSON from /queries/<name> or
// /sparql, become marks (one per row), and clicking a mark leads to the sentence behind it.
// A <div class="kg-answer"> above a result table adds buttons to show the same answer as a
// timeline, map or graph when its columns allow (as the Wikidata Query Service does).
(function () {
  "use strict";
  const C = window.kgCharts;
  const WORLD = "/static/vendor/countries-110m.json";
  const JSON_TYPE = "application/sparql-results+json";

  // --- fetching rows ----------------------------------------------------------------------

  function queryUrl(name, params) {
    const args = new URLSearchParams();
    Object.keys(params).forEach((key) => { if (params[key]) args.set(key, params[key]); });
    args.set("format", "json");
    return "/queries/" + encodeURIComponent(name) + "?" + args.toString();
  }

  function answer(response) {
    if (!response.ok) {
      return response.text().then((text) => { throw new Error(text.trim() || response.statusText); });
    }
    return response.json().then((json) => ({ vars: json.head.vars || [], rows: json.results.bindings }));
  }

  // (format=json in the URL picks the format, so the request equals a <link rel=preload>)
  function runSaved(name, params) {
    return fetch(queryUrl(name, params)).then(answer);
  }

  function runSparql(text) {
    return fetch("/sparql", { method: "POST", headers: { Accept: JSON_TYPE },
      body: new URLSearchParams({ query: text }) }).then(answer);
  }

  function params(element) {
    const out = {};
    Object.keys(element.dataset).forEach((key) => {
      if (key.startsWith("param") && key.length > 5) {
        out[key.charAt(5).toLowerCase() + key.slice(6)] = element.dataset[key];
      }
    });
    return out;
  }

  // A participant given by name ("Russia") is looked up with the entity_by_name query.
  function resolveParticipant(values) {
    const name = values.participant;
    if (!name || name.includes(":")) return Promise.resolve(values);
    return runSaved("entity_by_name", { name: name }).then((found) => {
      if (!found.rows.length) throw new Error("no entity is called '" + name + "'");
      return Object.assign({}, values, { participant: found.rows[0].entity.value });
    });
  }

  // --- rows to marks (one mark per row that has what the view needs) -----------------------

  const text = (cell) => (cell ? cell.value : "");
  const iriColumns = (data) => data.vars.filter((v) => !v.startsWith("_") &&
    data.rows.some((r) => r[v] && r[v].type === "uri"));
  const labelOf = (row, data, column) => text(row[column + "Label"]) || (column === iriColumns(data)[0] &&
    text(row.label)) || C.shortName(text(row[column]));

  function timelineItems(data) {
    const when = data.vars.find((v) => data.rows.some((r) => C.isDate(r[v])));
    if (!when) return null;
    const link = iriColumns(data)[0];
    const name = data.vars.find((v) => data.rows.some((r) => r[v] && r[v].type === "literal" && !r[v].datatype));
    const items = [];
    data.rows.forEach((row) => {
      const own = C.period(text(row[when]), row[when] && row[when].datatype);
      if (!own) return;
      const item = { start: own.start, end: own.end, precision: own.precision, dateText: text(row[when]) };
      const from = row.startDate && C.period(row.startDate.value), to = row.endDate && C.period(row.endDate.value);
      if (from && to && to.end > from.start) {
        Object.assign(item, { start: from.start, end: to.end, precision: "span",
          dateText: row.startDate.value + " – " + row.endDate.value });
      }
      item.label = text(row[name]) || (link ? C.shortName(text(row[link])) : item.dateText);
      item.kind = row.type ? C.shortName(row.type.value) : (row.kind ? text(row.kind) : when);
      item.href = link && row[link] ? C.local(row[link].value) : null;
      items.push(item);
    });
    return items;
  }

  function networkData(data) {
    const ends = iriColumns(data);
    if (ends.length < 2) return null;
    const [a, b] = ends.includes("source") && ends.includes("target") ? ["source", "target"] : ends;
    const nodes = new Map();
    const node = (row, column) => {
      const iri = row[column].value;
      if (!nodes.has(iri)) {
        const label = labelOf(row, data, column);
        nodes.set(iri, { id: iri, label: label, short: label.length > 24 ? label.slice(0, 23) + "…" : label,
          kind: text(row[column + "Kind"]) || column, degree: 0, href: C.local(iri) });
      }
      return nodes.get(iri);
    };
    const links = [];
    data.rows.forEach((row) => {
      if (!row[a] || !row[b] || row[a].type !== "uri" || row[b].type !== "uri") return;
      const s = node(row, a), t = node(row, b);
      const weight = row.articles ? Number(row.articles.value) : 1;
      const relation = text(row.relation) || a + " → " + b;
      s.degree += weight; t.degree += weight;
      links.push({ source: s.id, target: t.id, sourceId: s.id, targetId: t.id, relation: relation, weight: weight,
        from: row.from ? Number(row.from.value) : null, to: row.to ? Number(row.to.value) : null,
        label: s.label + " – " + t.label + ": " + relation + (row.articles ? " (" + weight +
          (weight === 1 ? " article)" : " articles)") : "") });
    });
    return { nodes: Array.from(nodes.values()), links: links };
  }

  function mapPoints(data) {
    const wkt = data.vars.find((v) => data.rows.some((r) => C.isWkt(r[v])));
    if (!wkt) return null;
    const link = iriColumns(data)[0];
    const points = [];
    data.rows.forEach((row) => {
      const at = row[wkt] && C.point(row[wkt].value);
      if (!at) return;
      const iri = link && row[link] ? row[link].value : null;
      points.push({ lon: at[0], lat: at[1], iri: iri, href: iri && C.local(iri),
        label: text(row.label) || (iri ? C.shortName(iri) : row[wkt].value),
        events: row.events ? Number(row.events.value) : 1 });
    });
    return points;
  }

  // --- details lists under a chart ----------------------------------------------------------

  function anchor(row) {
    return C.local(row.document.value) + "#char=" + row.start.value + "," + row.end.value;
  }

  function listSentences(details, heading, rows, group) {
    details.textContent = "";
    const h = document.createElement("h3");
    h.textContent = heading;
    details.appendChild(h);
    if (!rows.length) {
      const p = document.createElement("p");
      p.textContent = "No sentences found.";
      details.appendChild(p);
      return;
    }
    const list = document.createElement("ol");
    list.className = "evidence kg-evidence";
    rows.forEach((row) => {
      const li = document.createElement("li");
      const tag = document.createElement("strong");
      tag.textContent = group(row) + ": ";
      const link = document.createElement("a");
      link.href = anchor(row);
      link.className = "kg-sentence";
      link.textContent = row.sentence.value;
      li.append(tag, link);
      list.appendChild(li);
    });
    details.appendChild(list);
  }

  function edgeEvidence(details, link) {
    details.textContent = "Looking up the sentences …";
    runSaved("relation_evidence", { source: link.sourceId, target: link.targetId })
      .then((found) => {
        const first = found.rows.filter((r) => text(r.relation) === link.relation);
        const rest = found.rows.filter((r) => text(r.relation) !== link.relation);
        listSentences(details, "Evidence: " + link.label, first.concat(rest),
          (r) => text(r.relation) + (r.factLabel ? " (" + r.factLabel.value + ")" : ""));
      })
      .catch((error) => { details.textContent = String(error.message || error); });
  }

  function placeEvents(details, place) {
    details.textContent = "Looking up the events …";
    runSaved("event_places", { place: place.iri })
      .then((found) => listSentences(details, "Events in " + place.label + " (" + found.rows.length +
        (found.rows.length === 1 ? " sentence)" : " sentences)"), found.rows, (r) => text(r.label)))
      .catch((error) => { details.textContent = String(error.message || error); });
  }

  // --- drawing a view -----------------------------------------------------------------------

  function parts(figure) {
    const find = (cls, tag) => figure.querySelector("." + cls) || figure.appendChild(
      Object.assign(document.createElement(tag || "div"), { className: cls }));
    return { chart: find("kg-chart"), hover: find("kg-hover", "p"), details: find("kg-details"),
      status: find("kg-status", "p") };
  }

  function width(element) {
    return Math.max(320, Math.floor((element.clientWidth || 900) - 180));
  }

  // Draw `data` as `kind` into `figure`; returns a promise of the number of marks.
  function draw(figure, kind, data) {
    const p = parts(figure);
    let spec, marks, onClick;
    if (kind === "timeline") {
      const items = timelineItems(data) || [];
      spec = C.timelineSpec(items, width(p.chart));
      marks = items.length;
      onClick = (datum) => { if (datum.href) window.location.assign(datum.href); };
    } else if (kind === "graph") {
      const net = networkData(data) || { nodes: [], links: [] };
      spec = C.networkSpec(net.nodes, net.links, width(p.chart) + 120);
      marks = net.links.length;
      onClick = (datum, mark) => {
        if (mark === "edges") edgeEvidence(p.details, datum);
        else if (mark === "nodes" && datum.href) window.location.assign(datum.href);
      };
    } else if (kind === "map") {
      const points = mapPoints(data) || [];
      spec = C.mapSpec(points, WORLD, width(p.chart) + 120);
      marks = points.length;
      onClick = (datum) => { if (datum.iri) placeEvents(p.details, datum); };
    } else {
      return Promise.reject(new Error("unknown view " + kind));
    }
    figure.dataset.state = "drawing";
    p.chart.textContent = "";
    p.status.textContent = marks ? "" : "Nothing to show: the answer has no rows this view can draw.";
    return C.render(p.chart, spec, {
      click: onClick,
      hover: (datum) => { p.hover.textContent = datum.label || ""; },
    }).then(() => {
      figure.dataset.rows = String(data.rows.length);
      figure.dataset.marks = String(marks);
      figure.dataset.state = "rendered";
      if (window.performance && performance.mark) performance.mark("kg-view-rendered");
      return marks;
    });
  }

  function failed(figure, error) {
    figure.dataset.state = "error";
    parts(figure).status.textContent = "The chart could not be drawn: " + String(error.message || error);
  }

  // --- the network's filters ------------------------------------------------------------------

  function networkFilter(form, data) {
    const checked = (name) => new Set(Array.from(form.querySelectorAll("input[name=" + name + "]:checked"))
      .map((i) => i.value));
    const kinds = checked("kind"), relations = checked("relation");
    const since = parseInt(form.querySelector("input[name=since]").value, 10);
    const until = parseInt(form.querySelector("input[name=until]").value, 10);
    const rows = data.rows.filter((row) => {
      if (!relations.has(text(row.relation))) return false;
      if (!kinds.has(text(row.sourceKind)) || !kinds.has(text(row.targetKind))) return false;
      if (!isNaN(since) || !isNaN(until)) {  // an undated relation has no place in a period
        if (!row.from) return false;
        if (!isNaN(since) && Number(row.to.value) < since) return false;
        if (!isNaN(until) && Number(row.from.value) > until) return false;
      }
      return true;
    });
    return { vars: data.vars, rows: rows };
  }

  // --- wiring --------------------------------------------------------------------------------

  function dataFor(figure) {
    if (figure.dataset.sparql) return runSparql(figure.dataset.sparql);
    if (figure.dataset.source) return fetch(figure.dataset.source).then(answer);
    return resolveParticipant(params(figure)).then((values) => runSaved(figure.dataset.query, values));
  }

  function start(figure) {
    dataFor(figure).then((data) => {
      const form = figure.querySelector("form.kg-filters");
      if (form && figure.dataset.view === "graph") {
        form.addEventListener("change", () => draw(figure, "graph", networkFilter(form, data))
          .catch((e) => failed(figure, e)));
        form.addEventListener("submit", (event) => event.preventDefault());
      }
      return draw(figure, figure.dataset.view, data);
    }).catch((error) => failed(figure, error));
  }

  // Buttons above a result table: Table, Timeline, Map, Graph (those the columns allow).
  function answerViews(box) {
    const table = document.querySelector(box.dataset.table || "#answer .table-wrap");
    const figure = box.querySelector("figure.kg-view");
    dataFor(figure).then((data) => {
      const possible = { table: true, timeline: !!(timelineItems(data) || []).length,
        map: !!(mapPoints(data) || []).length, graph: !!((networkData(data) || { links: [] }).links.length) };
      const bar = box.querySelector(".kg-view-buttons");
      const show = (kind) => {
        bar.querySelectorAll("button").forEach((b) => b.setAttribute("aria-pressed", String(b.value === kind)));
        if (table) table.hidden = kind !== "table";
        figure.hidden = kind === "table";
        figure.dataset.view = kind;
        if (kind !== "table") draw(figure, kind, data).catch((e) => failed(figure, e));
      };
      ["table", "timeline", "map", "graph"].forEach((kind) => {
        const button = document.createElement("button");
        button.type = "button";
        button.value = kind;
        button.textContent = kind.charAt(0).toUpperCase() + kind.slice(1);
        button.disabled = !possible[kind];
        if (!possible[kind]) button.title = "the answer has no " + { timeline: "date column", map:
          "geo:wktLiteral column", graph: "two IRI columns" }[kind];
        button.addEventListener("click", () => show(kind));
        bar.appendChild(button);
      });
      const preferred = box.dataset.default || "table";
      show(possible[preferred] ? preferred : "table");
    }).catch((error) => failed(figure, error));
  }

  function init() {
    document.querySelectorAll(".kg-answer").forEach(answerViews);
    document.querySelectorAll("figure.kg-view").forEach((figure) => {
      if (!figure.closest(".kg-answer")) start(figure);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
