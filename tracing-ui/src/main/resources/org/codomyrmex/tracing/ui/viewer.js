// The trace viewer: a list of recent traces and a waterfall per trace. Everything the server sends
// is data: it is put on the page with textContent and attributes, never parsed as HTML.
"use strict";

const BASE = document.body.dataset.base;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function append(parent, ...children) {
  children.forEach((child) => child && parent.appendChild(child));
  return parent;
}

function formatDuration(ms) {
  if (ms === null || ms === undefined) return "–";
  if (ms < 1) return ms.toFixed(2) + " ms";
  if (ms < 1000) return (ms < 100 ? ms.toFixed(1) : ms.toFixed(0)) + " ms";
  return (ms / 1000).toFixed(ms < 10000 ? 2 : 1) + " s";
}

function formatClock(epochSeconds) {
  const date = new Date(epochSeconds * 1000);
  const pad = (n, w) => String(n).padStart(w || 2, "0");
  return pad(date.getHours()) + ":" + pad(date.getMinutes()) + ":" + pad(date.getSeconds()) +
    "." + pad(date.getMilliseconds(), 3);
}

function formatDay(epochSeconds) {
  return new Date(epochSeconds * 1000).toLocaleDateString();
}

async function getJson(path) {
  const response = await fetch(BASE + path, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(response.status + " " + response.statusText);
  return response.json();
}

function show(...nodes) {
  const main = document.getElementById("main");
  main.replaceChildren(...nodes);
}

function showError(error) {
  show(el("p", "empty error-text", "Could not load: " + error.message));
}

// ---- the list ----

async function showList() {
  document.title = "Traces · codomyrmex tracing";
  const data = await getJson("api/traces");
  const traces = data.traces;
  document.getElementById("hint").textContent =
    traces.length + (traces.length === 1 ? " trace" : " traces") + " kept in memory, newest first";
  if (traces.length === 0) {
    show(el("p", "empty", "No traces yet. Send a request to the application, then refresh."));
    return;
  }
  const longest = Math.max(...traces.map((t) => t.duration_ms), 0.001);
  const table = el("table", "traces");
  const head = append(el("tr"),
    el("th", "col-start", "Start"), el("th", "col-name", "Root span"),
    el("th", "col-service", "Service"), el("th", "col-duration num", "Duration"),
    el("th", "col-spans num", "Spans"), el("th", "col-errors num", "Errors"));
  append(table, append(el("thead"), head));
  const body = el("tbody");
  traces.forEach((trace) => body.appendChild(traceRow(trace, longest)));
  append(table, body);
  show(table);
}

function traceRow(trace, longest) {
  const row = el("tr", trace.error_count > 0 ? "trace has-error" : "trace");
  const link = el("a", "trace-link", trace.root_name || "(root not received)");
  link.href = BASE + "trace/" + trace.trace_id;
  const start = el("td", "col-start mono", formatClock(trace.start_time));
  start.title = formatDay(trace.start_time);
  const duration = el("td", "col-duration num");
  const bar = el("span", "mini-bar");
  bar.style.width = Math.max(2, (trace.duration_ms / longest) * 100) + "%";
  append(duration, append(el("span", "mini-track"), bar), el("span", "mono", formatDuration(trace.duration_ms)));
  const errors = el("td", "col-errors num");
  if (trace.error_count > 0) errors.appendChild(el("span", "badge error", trace.error_count));
  else errors.appendChild(el("span", "muted", "0"));
  append(row, start, append(el("td", "col-name"), link), el("td", "col-service", trace.service),
    duration, el("td", "col-spans num mono", trace.span_count), errors);
  row.addEventListener("click", (event) => {
    if (event.target !== link) window.location.href = link.href;
  });
  return row;
}

// ---- the waterfall ----

function spanTree(spans) {
  const ids = new Set(spans.map((s) => s.span_id));
  const children = new Map();
  const roots = [];
  spans.forEach((span) => {
    if (span.parent_span_id && ids.has(span.parent_span_id)) {
      if (!children.has(span.parent_span_id)) children.set(span.parent_span_id, []);
      children.get(span.parent_span_id).push(span);
    } else {
      roots.push(span);
    }
  });
  const ordered = [];
  const byStart = (a, b) => a.start_time - b.start_time;
  const visit = (span, depth) => {
    const kids = (children.get(span.span_id) || []).sort(byStart);
    ordered.push({ span, depth, childCount: kids.length });
    kids.forEach((kid) => visit(kid, depth + 1));
  };
  roots.sort(byStart).forEach((root) => visit(root, 0));
  return ordered;
}

async function showTrace(traceId) {
  let trace;
  try {
    trace = await getJson("api/traces/" + traceId);
  } catch (error) {
    show(backLink(), el("p", "empty", "This trace is not kept (any more): " + traceId));
    return;
  }
  document.title = (trace.root_name || traceId) + " · codomyrmex tracing";
  document.getElementById("hint").textContent = "";
  const start = Math.min(...trace.spans.map((s) => s.start_time));
  const total = Math.max(trace.duration_ms, 0.001);
  show(backLink(), traceHeader(trace), waterfall(trace, start, total));
}

function backLink() {
  const link = el("a", "back", "← All traces");
  link.href = BASE;
  return link;
}

function traceHeader(trace) {
  const header = el("section", "trace-header");
  const title = el("h1", trace.error_count > 0 ? "has-error" : "", trace.root_name || "(root not received)");
  const facts = el("dl", "facts");
  const fact = (name, value, className) =>
    append(facts, el("dt", "", name), el("dd", className || "", value));
  fact("Service", trace.service);
  fact("Started", formatDay(trace.start_time) + " " + formatClock(trace.start_time), "mono");
  fact("Duration", formatDuration(trace.duration_ms), "mono");
  fact("Spans", trace.span_count + (trace.dropped_spans ? " (+" + trace.dropped_spans + " not kept)" : ""), "mono");
  fact("Errors", trace.error_count, trace.error_count > 0 ? "mono error-text" : "mono");
  fact("Trace id", trace.trace_id, "mono");
  return append(header, title, facts);
}

function axis(total) {
  const ticks = el("div", "axis");
  for (let i = 0; i <= 4; i++) {
    const tick = el("span", "tick", formatDuration((total * i) / 4));
    tick.style.left = i * 25 + "%";
    if (i === 4) tick.classList.add("last");
    ticks.appendChild(tick);
  }
  return ticks;
}

function waterfall(trace, start, total) {
  const box = el("section", "waterfall");
  const head = append(el("div", "wf-row wf-head"),
    el("div", "wf-name", "Span"), el("div", "wf-duration num", "Duration"),
    append(el("div", "wf-timeline"), axis(total)));
  box.appendChild(head);
  spanTree(trace.spans).forEach((entry) => box.appendChild(spanRow(entry, start, total)));
  const legend = el("p", "legend");
  ["server", "client", "internal", "producer", "consumer"].forEach((kind) =>
    append(legend, el("span", "kind kind-" + kind, kind)));
  append(legend, el("span", "legend-error", "error"), el("span", "muted", "Click a span for its attributes, events and exceptions."));
  box.appendChild(legend);
  return box;
}

function spanRow(entry, start, total) {
  const span = entry.span;
  const error = span.status === "error";
  const wrapper = el("div", "wf-span" + (error ? " has-error" : ""));
  const row = el("div", "wf-row");
  row.tabIndex = 0;
  const name = el("div", "wf-name");
  name.style.paddingLeft = 8 + entry.depth * 18 + "px";
  append(name,
    el("span", "caret", entry.childCount > 0 ? "▾" : "·"),
    el("span", "kind kind-" + span.kind, span.kind),
    el("span", "span-name", span.name));
  name.title = span.name;
  const offset = ((span.start_time - start) * 1000);
  const timeline = el("div", "wf-timeline");
  const bar = el("div", "bar kind-" + span.kind + (error ? " error" : ""));
  const left = Math.min(100, (offset / total) * 100);
  bar.style.left = left + "%";
  bar.style.width = Math.max(0.4, Math.min(100 - left, ((span.duration_ms || 0) / total) * 100)) + "%";
  bar.title = span.name + " · starts at +" + formatDuration(offset) + " · " + formatDuration(span.duration_ms);
  timeline.appendChild(bar);
  append(row, name, el("div", "wf-duration num mono", formatDuration(span.duration_ms)), timeline);
  const details = spanDetails(span, offset);
  details.hidden = true;
  const toggle = () => {
    details.hidden = !details.hidden;
    wrapper.classList.toggle("open", !details.hidden);
  };
  row.addEventListener("click", toggle);
  row.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      toggle();
    }
  });
  return append(wrapper, row, details);
}

function spanDetails(span, offset) {
  const details = el("div", "details");
  const facts = el("dl", "facts");
  const fact = (name, value, className) =>
    append(facts, el("dt", "", name), el("dd", className || "mono", value));
  fact("Status", span.status + (span.status_message ? ": " + span.status_message : ""),
    span.status === "error" ? "mono error-text" : "mono");
  fact("Kind", span.kind);
  fact("Starts at", "+" + formatDuration(offset));
  fact("Duration", formatDuration(span.duration_ms));
  fact("Span id", span.span_id);
  fact("Parent id", span.parent_span_id || "none (root)");
  details.appendChild(facts);
  details.appendChild(attributeTable("Attributes", span.attributes));
  const events = span.events || [];
  if (events.length > 0) {
    details.appendChild(el("h3", "", "Events"));
    events.forEach((event) => details.appendChild(eventBlock(event, span.start_time)));
  }
  return details;
}

function attributeTable(title, attributes) {
  const box = el("div", "attributes");
  const keys = Object.keys(attributes || {});
  box.appendChild(el("h3", "", title));
  if (keys.length === 0) {
    box.appendChild(el("p", "muted", "none"));
    return box;
  }
  const table = el("table", "kv");
  keys.forEach((key) => {
    const value = attributes[key];
    const text = typeof value === "string" ? value : JSON.stringify(value);
    append(table, append(el("tr"), el("th", "mono", key), el("td", "mono", text)));
  });
  box.appendChild(table);
  return box;
}

function eventBlock(event, spanStart) {
  const attributes = Object.assign({}, event.attributes || {});
  const exception = event.name === "exception";
  const block = el("div", exception ? "event exception" : "event");
  const at = "+" + formatDuration((event.timestamp - spanStart) * 1000);
  append(block, append(el("div", "event-title"), el("span", "mono muted", at), el("strong", "", event.name)));
  if (exception) {
    const stack = attributes["exception.stacktrace"];
    append(block, el("div", "exception-line mono",
      (attributes["exception.type"] || "") + ": " + (attributes["exception.message"] || "")));
    delete attributes["exception.stacktrace"];
    delete attributes["exception.type"];
    delete attributes["exception.message"];
    if (stack) append(block, el("pre", "stack", stack));
  }
  if (Object.keys(attributes).length > 0) block.appendChild(attributeTable("Event attributes", attributes));
  return block;
}

// ---- routing ----

function route() {
  const path = window.location.pathname;
  const prefix = BASE + "trace/";
  const task = path.startsWith(prefix) ? showTrace(path.substring(prefix.length)) : showList();
  task.catch(showError);
}

document.getElementById("refresh").addEventListener("click", route);
route();
