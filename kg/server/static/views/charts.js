// Charts of the pakru-kg pages: a timeline, a relation network and a map of places, drawn
// with Vega (static/vendor/vega.min.js) through its expression interpreter, so they run under
// a Content-Security-Policy without 'unsafe-eval'.  This file only builds Vega specifications
// from plain rows and renders them; static/views/views.js fetches the rows from the saved
// queries and wires the pages.  Everything is exposed as window.kgCharts.
(function () {
  "use strict";
  const vega = window.vega;
  const XSD = "http://www.w3.org/2001/XMLSchema#";
  const WKT = "http://www.opengis.net/ont/geosparql#wktLiteral";
  const DAY = 86400000;
  const KIND_COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b",
    "#e377c2", "#7f7f7f", "#bcbd22", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173",
    "#3182bd", "#e6550d", "#31a354", "#756bb1", "#636363"];

  // --- values ---------------------------------------------------------------------------

  // The time a date literal covers, as [start, end) in ms since 1970 (UTC), and its precision:
  // "2016"^^xsd:gYear covers the whole year, "2015-07"^^xsd:gYearMonth the month, a date the day.
  function period(value, datatype) {
    const text = String(value);
    let m = /^(-?\d{4})$/.exec(text);
    if (m || datatype === XSD + "gYear") {
      const y = parseInt(text, 10);
      return { start: Date.UTC(y, 0, 1), end: Date.UTC(y + 1, 0, 1), precision: "year" };
    }
    m = /^(-?\d{4})-(\d{2})$/.exec(text);
    if (m) {
      const y = parseInt(m[1], 10), mo = parseInt(m[2], 10) - 1;
      return { start: Date.UTC(y, mo, 1), end: Date.UTC(y, mo + 1, 1), precision: "month" };
    }
    m = /^(-?\d{4})-(\d{2})-(\d{2})/.exec(text);
    if (m) {
      const start = Date.UTC(parseInt(m[1], 10), parseInt(m[2], 10) - 1, parseInt(m[3], 10));
      return { start: start, end: start + DAY, precision: "day" };
    }
    return null;
  }

  function isDate(cell) {
    return cell && cell.type === "literal" && /#(date|dateTime|gYear|gYearMonth)$/.test(cell.datatype || "");
  }

  function isWkt(cell) {
    return cell && cell.type === "literal" && cell.datatype === WKT;
  }

  // "POINT(73.0652 33.6938)" -> [73.0652, 33.6938] (longitude, latitude), or null.
  function point(wkt) {
    const m = /^\s*(?:<[^>]*>\s*)?POINT\s*\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)\s*$/i.exec(String(wkt));
    return m ? [parseFloat(m[1]), parseFloat(m[2])] : null;
  }

  // The URL of a graph IRI on this server (as kg.server.markup.local does), else null.
  function local(iri) {
    const spaces = [["https://w3id.org/pakru/id/", "/id/"], ["https://w3id.org/pakru/doc/", "/doc/"]];
    for (const [ns, path] of spaces) {
      if (String(iri).startsWith(ns)) {
        return path + String(iri).slice(ns.length).split("/").map(encodeURIComponent).join("/");
      }
    }
    return /^https?:\/\//.test(String(iri)) ? String(iri) : null;
  }

  function shortName(iri) {
    const text = String(iri);
    return text.slice(Math.max(text.lastIndexOf("#"), text.lastIndexOf("/")) + 1);
  }

  // Lanes so that no two bars of the timeline overlap: each item gets the first free lane.
  function pack(items) {
    const ends = [];
    items.slice().sort((a, b) => a.start - b.start || a.end - b.end).forEach((item) => {
      let lane = ends.findIndex((end) => end <= item.start);
      if (lane < 0) { lane = ends.length; ends.push(0); }
      ends[lane] = item.end;
      item.lane = lane;
    });
    return ends.length;
  }

  // --- specifications -----------------------------------------------------------------------

  // items: {label, kind, start, end, precision, href, dateText}
  function timelineSpec(items, width) {
    const lanes = pack(items);
    const kinds = Array.from(new Set(items.map((d) => d.kind))).sort();
    return {
      $schema: "https://vega.github.io/schema/vega/v6.json",
      width: width, height: Math.max(120, lanes * (lanes < 12 ? 28 : 16)), padding: 5, autosize: "pad",
      data: [{ name: "eventData", values: items }],
      scales: [
        { name: "x", type: "utc", domain: { data: "eventData", fields: ["start", "end"] }, range: "width", nice: true },
        { name: "y", type: "band", domain: { data: "eventData", field: "lane", sort: true }, range: "height",
          paddingInner: 0.2 },
        { name: "colour", type: "ordinal", domain: kinds, range: KIND_COLOURS },
        { name: "opacity", type: "ordinal", domain: ["year", "month", "day", "span"], range: [0.45, 0.7, 1, 1] },
      ],
      axes: [{ orient: "bottom", scale: "x", grid: true, gridOpacity: 0.25, title: "time" }],
      legends: [{ fill: "colour", title: "kind of event", orient: "right" }],
      marks: [{
        type: "rect", name: "events", from: { data: "eventData" },
        encode: {
          enter: {
            x: { scale: "x", field: "start" },
            x2: { signal: "max(scale('x', datum.end), scale('x', datum.start) + 4)" },
            y: { scale: "y", field: "lane" }, height: { scale: "y", band: 1 },
            fill: { scale: "colour", field: "kind" }, fillOpacity: { scale: "opacity", field: "precision" },
            stroke: { scale: "colour", field: "kind" }, strokeWidth: { value: 1 },
            cursor: { value: "pointer" },
            tooltip: { signal: "datum.label + ' (' + datum.dateText + ')'" },
            description: { signal: "datum.label + ' (' + datum.dateText + ')'" },
          },
          hover: { strokeWidth: { value: 3 } },
          update: { strokeWidth: { value: 1 } },
        },
      }],
    };
  }

  // nodes: {id, label, kind, href}; links: {source, target (node ids), relation, weight, href}
  function networkSpec(nodes, links, width) {
    const height = Math.max(360, Math.min(900, 120 + nodes.length * 9));
    const kinds = Array.from(new Set(nodes.map((d) => d.kind))).sort();
    nodes.forEach((d) => { d.cx = width / 2; d.cy = height / 2; });  // where the x and y forces pull
    const relations = Array.from(new Set(links.map((d) => d.relation))).sort();
    return {
      $schema: "https://vega.github.io/schema/vega/v6.json",
      width: width, height: height, padding: 5, autosize: "none",
      data: [
        { name: "nodeData", values: nodes },
        { name: "linkData", values: links },
      ],
      scales: [
        { name: "kind", type: "ordinal", domain: kinds, range: ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd"] },
        { name: "relation", type: "ordinal", domain: relations,
          range: ["#6b7a8f", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"] },
        { name: "width", type: "sqrt", domain: { data: "linkData", field: "weight" }, range: [1.5, 8], zero: false },
        { name: "size", type: "sqrt", domain: { data: "nodeData", field: "degree" }, range: [60, 700], zero: false },
      ],
      legends: [
        { fill: "kind", title: "node", orient: "top-left", symbolType: "circle" },
        { stroke: "relation", title: "relation", orient: "bottom-left", symbolType: "stroke" },
      ],
      marks: [
        {
          type: "path", name: "edges", from: { data: "linkData" }, interactive: true,
          sort: { field: "datum.weight", order: "ascending" },  // the strongest relations on top
          encode: {
            update: {
              stroke: { scale: "relation", field: "relation" }, strokeOpacity: { value: 0.7 },
              strokeWidth: { scale: "width", field: "weight" }, cursor: { value: "pointer" },
              tooltip: { signal: "datum.label" }, description: { signal: "datum.label" },
            },
            hover: { strokeOpacity: { value: 1 } },
          },
          transform: [{ type: "linkpath", require: { signal: "force" }, shape: "line", sourceX: "datum.source.x", sourceY: "datum.source.y",
            targetX: "datum.target.x", targetY: "datum.target.y" }],
        },
        {
          type: "symbol", name: "nodes", from: { data: "nodeData" }, zindex: 1,
          encode: {
            enter: {
              fill: { scale: "kind", field: "kind" }, stroke: { value: "#fff" }, size: { scale: "size", field: "degree" },
              cursor: { value: "pointer" }, tooltip: { signal: "datum.label + ' (' + datum.kind + ')'" },
              description: { signal: "datum.label + ' (' + datum.kind + ')'" },
            },
          },
          transform: [{
            // fewer steps for a large network: it settles sooner than it would be drawn otherwise
            type: "force", iterations: nodes.length > 400 ? 80 : 300, static: true, signal: "force",
            forces: [
              { force: "center", x: width / 2, y: height / 2 },
              { force: "collide", radius: 18 },
              { force: "nbody", strength: -160 },
              { force: "link", links: "linkData", distance: 90, id: "datum.id" },
              { force: "x", x: "datum.cx", strength: 0.05 },
              { force: "y", y: "datum.cy", strength: 0.08 },
            ],
          }],
        },
        {
          type: "text", name: "names", from: { data: "nodes" }, interactive: false, zindex: 2,
          encode: {
            update: {
              x: { field: "x" }, y: { field: "y", offset: -10 }, text: { field: "datum.short" },
              align: { value: "center" }, fontSize: { value: 10 }, fill: { value: "#1b2733" },
            },
          },
        },
      ],
    };
  }

  // points: {label, lon, lat, events, href}
  function mapSpec(points, worldUrl, width) {
    const height = Math.round(width * 0.52);
    return {
      $schema: "https://vega.github.io/schema/vega/v6.json",
      width: width, height: height, padding: 5, autosize: "none",
      projections: [{ name: "projection", type: "naturalEarth1",
        fit: { signal: "data('world')" }, size: { signal: "[width, height]" } }],
      data: [
        { name: "world", url: worldUrl, format: { type: "topojson", feature: "countries" } },
        { name: "placeData", values: points,
          transform: [{ type: "geopoint", projection: "projection", fields: ["lon", "lat"] }] },
      ],
      scales: [{ name: "size", type: "sqrt", domain: [0, { signal: "max(1, extent(pluck(data('placeData'), 'events'))[1])" }],
        range: [30, 900], zero: true }],
      marks: [
        { type: "shape", from: { data: "world" }, interactive: false,
          encode: { update: { fill: { value: "#eef1f4" }, stroke: { value: "#aab4bf" }, strokeWidth: { value: 0.5 } } },
          transform: [{ type: "geoshape", projection: "projection" }] },
        { type: "symbol", name: "places", from: { data: "placeData" },
          encode: {
            enter: {
              x: { field: "x" }, y: { field: "y" }, size: { scale: "size", field: "events" },
              fill: { signal: "datum.events > 0 ? '#c0392b' : '#ffffff'" }, fillOpacity: { value: 0.75 },
              stroke: { signal: "datum.events > 0 ? '#7b241c' : '#6b7a8f'" }, strokeWidth: { value: 1 },
              cursor: { value: "pointer" },
              tooltip: { signal: "datum.label + ': ' + datum.events + (datum.events === 1 ? ' event' : ' events')" },
              description: { signal: "datum.label + ': ' + datum.events + (datum.events === 1 ? ' event' : ' events')" },
            },
            hover: { strokeWidth: { value: 3 } }, update: { strokeWidth: { value: 1 } },
          } },
        { type: "text", from: { data: "placeData" }, interactive: false,
          encode: { enter: { x: { field: "x", offset: 7 }, y: { field: "y", offset: -5 }, text: { field: "label" },
            fontSize: { value: 10 }, fill: { value: "#1b2733" },
            opacity: { signal: "datum.events > 0 ? 1 : 0" } } } },
      ],
    };
  }

  // --- rendering ----------------------------------------------------------------------------

  // Render `spec` into `element` as SVG; `onClick(datum, markName)` and `onHover(datum)` are
  // called for marks.  Resolves to the Vega view.
  function render(element, spec, handlers) {
    const runtime = vega.parse(spec, null, { ast: true });
    const view = new vega.View(runtime, {
      expr: vega.expressionInterpreter, renderer: "svg", container: element, hover: true,
      loader: vega.loader({ mode: "http" }),
    });
    const on = handlers || {};
    view.addEventListener("click", (event, item) => {
      if (item && item.datum && item.mark && item.mark.name && on.click) on.click(item.datum, item.mark.name);
    });
    view.addEventListener("mouseover", (event, item) => {
      if (item && item.datum && item.mark && item.mark.name && on.hover) on.hover(item.datum, item.mark.name);
    });
    return view.runAsync().then(() => view);
  }

  window.kgCharts = {
    period: period, isDate: isDate, isWkt: isWkt, point: point, local: local, shortName: shortName,
    timelineSpec: timelineSpec, networkSpec: networkSpec, mapSpec: mapSpec, render: render,
  };
})();
