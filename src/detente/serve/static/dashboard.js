// Détente's dashboard: a pair's series and shifts, the events behind them, each article with its
// actors, quotes and triggers highlighted; a network of countries; quotes by speaker.
// Every string from an article reaches the page as text (textContent, never innerHTML), and the
// page's Content-Security-Policy runs no inline script: a title carrying <script> shows as text.
"use strict";

const $ = (id) => document.getElementById(id);

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key === "href") node.setAttribute("href", safeHref(value));
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

// Links are the dashboard's own routes or http(s) pages: never javascript: or data:.
function safeHref(value) {
  const href = String(value);
  return href.startsWith("#") || href.startsWith("/") || /^https?:\/\//i.test(href) ? href : "#";
}

async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

const state = { a: null, b: null, freq: "week", periods: [] };

// --- the pair view --------------------------------------------------------------------------

async function loadPairs() {
  const pairs = (await api("/dyads?limit=50")).items;
  const select = clear($("pair"));
  for (const p of pairs) {
    select.append(el("option", { value: `${p.a},${p.b}`, text: `${p.a}–${p.b} (${p.stories} stories, ${p.events} events)` }));
  }
  if (pairs.length) {
    const wanted = new URLSearchParams(location.hash.slice(1)).get("pair");
    if (wanted && pairs.some((p) => `${p.a},${p.b}` === wanted)) select.value = wanted;
    await showPair();
  }
}

async function showPair() {
  [state.a, state.b] = $("pair").value.split(",");
  state.freq = $("freq").value;
  const base = `/dyads/${state.a}/${state.b}`;
  const [series, shifts] = await Promise.all([
    api(`${base}/series?freq=${state.freq}`),
    api(`${base}/shifts?freq=${state.freq}`),
  ]);
  state.periods = series.periods;
  drawSeries(series.periods, shifts.shifts);
  listShifts(shifts.shifts);
  clear($("events"));
  $("events-title").textContent = "Events";
}

function drawSeries(periods, shifts) {
  const x = periods.map((p) => p.start);
  const traces = [
    { type: "bar", name: "cooperation", x, y: periods.map((p) => p.cooperation), marker: { color: "#4caf50" } },
    { type: "bar", name: "conflict", x, y: periods.map((p) => -p.conflict), marker: { color: "#e53935" } },
    { type: "scatter", mode: "lines+markers", name: "index", x, y: periods.map((p) => p.index), yaxis: "y2", line: { color: "#1f2d3d" } },
    {
      type: "scatter", mode: "markers", name: "shift", x: shifts.map((s) => s.period.start),
      y: shifts.map((s) => s.period.index), yaxis: "y2",
      marker: { size: 16, symbol: "diamond", color: "#ff9800", line: { width: 2, color: "#000" } },
    },
  ];
  const layout = {
    barmode: "relative", margin: { t: 30, r: 60, b: 40, l: 50 }, legend: { orientation: "h" },
    title: { text: `${state.a}–${state.b}, events per ${state.freq} (once per story)`, font: { size: 14 } },
    yaxis: { title: { text: "events" } },
    yaxis2: { title: { text: "index" }, overlaying: "y", side: "right", range: [-1.1, 1.1] },
  };
  const chart = $("series");
  if (!window.Plotly) { chart.textContent = "Plotly did not load."; return; }
  window.Plotly.react(chart, traces, layout, { displaylogo: false, responsive: true });
  chart.removeAllListeners?.("plotly_click");
  chart.on("plotly_click", (data) => {
    const period = data.points[0] && data.points[0].x;
    if (period) showPeriod(String(period).slice(0, 10));
  });
}

function listShifts(shifts) {
  const list = clear($("shifts"));
  if (!shifts.length) list.append(el("li", { class: "muted", text: "No shift in this series." }));
  for (const s of shifts) {
    const up = s.z > 0;
    const label = `${s.period.start}: index ${s.period.index.toFixed(2)} against ${s.baseline.toFixed(2)} (z ${s.z > 0 ? "+" : ""}${s.z.toFixed(1)})`;
    list.append(el("li", {}, el("button", { type: "button", class: `shift${up ? " up" : ""}`, text: label, onclick: () => showPeriod(s.period.start) })));
  }
}

function periodEnd(start) {
  const day = new Date(`${start}T00:00:00Z`);
  if (state.freq === "week") day.setUTCDate(day.getUTCDate() + 6);
  else if (state.freq === "month") { day.setUTCMonth(day.getUTCMonth() + 1); day.setUTCDate(0); }
  return day.toISOString().slice(0, 10);
}

async function showPeriod(start) {
  const end = periodEnd(start);
  const events = (await api(`/events?pair=${state.a},${state.b}&from=${start}&to=${end}&limit=200`)).items;
  $("events-title").textContent = `Events, ${start} to ${end} (${events.length})`;
  const list = clear($("events"));
  for (const e of events) list.append(eventItem(e));
}

function eventItem(e) {
  const who = `${e.source_text || e.source_country || "?"} (${e.source_country || "?"}) → ${e.target_text || e.target_country || "—"} (${e.target_country || "—"})`;
  return el("li", { class: "event" },
    el("span", { class: "meta", text: `${e.date || "undated"} · ${e.plover_type || ""} · CAMEO ${e.cameo} · ${e.modality}${e.claimed_by ? " · claimed" : ""}` }),
    el("span", { class: "sentence" }, ...highlighted(e.sentence || "", e.trigger_start - e.sentence_start, e.trigger_end - e.sentence_start)),
    el("span", { class: "meta", text: `${who} · ${e.outlet || ""} · rule ${e.rule} ` }),
    el("a", { href: `#article/${encodeURIComponent(e.article_id)}/${e.event_no}`, class: "open", text: "open the article" }),
  );
}

function highlighted(sentence, start, end) {
  if (!(start >= 0 && end > start && end <= sentence.length)) return [sentence];
  return [sentence.slice(0, start), el("mark", { class: "trigger", text: sentence.slice(start, end) }), sentence.slice(end)];
}

// --- the article view ---------------------------------------------------------------------------

async function showArticle(id, eventNo) {
  const record = await api(`/articles/${encodeURIComponent(id)}`);
  const article = record.article;
  $("article-title").textContent = article.title || article.id;
  $("article-meta").textContent = [article.outlet, article.published, record.story_id ? `story ${record.story_id}` : ""].filter(Boolean).join(" · ");
  const spans = [];
  for (const actor of record.actors) {
    for (const m of actor.mentions) spans.push({ start: m.start, end: m.end, kind: "actor", title: `${actor.name} (${actor.country || "?"}, ${actor.sector || "?"})` });
  }
  for (const q of record.quotes) spans.push({ start: q.start, end: q.end, kind: "quote", title: `quote of ${q.speaker ? q.speaker.name || "?" : "?"}` });
  const chosen = record.events[eventNo];
  for (const [n, e] of record.events.entries()) {
    if (eventNo === null || n === eventNo) spans.push({ start: e.trigger.start, end: e.trigger.end, kind: "trigger", title: `${e.plover.type} (CAMEO ${e.cameo}) by rule ${e.rule}` });
  }
  const text = clear($("article-text"));
  text.append(...painted(article.text, spans));
  const list = clear($("article-events"));
  for (const e of record.events) {
    list.append(el("li", { text: `${e.source.text} (${e.source.country || "?"}) → ${e.target ? `${e.target.text} (${e.target.country || "?"})` : "—"}: ${e.plover.type}, CAMEO ${e.cameo}, ${e.modality}; rule ${e.rule}` }));
  }
  show("article-view");
  const trigger = text.querySelector(".trigger");
  if (chosen && trigger) trigger.scrollIntoView({ block: "center" });
}

// The text cut where any highlight starts or ends; each piece carries every highlight over it.
function painted(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) if (s.start >= 0 && s.end <= text.length && s.start < s.end) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((x, y) => x - y);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const over = spans.filter((s) => s.start <= from && s.end >= to);
    const words = text.slice(from, to);
    if (!over.length) { pieces.push(words); continue; }
    pieces.push(el("span", { class: [...new Set(over.map((s) => s.kind))].join(" "), title: over.map((s) => s.title).join("; "), text: words }));
  }
  return pieces;
}

// --- the network view -----------------------------------------------------------------------------

async function showNetwork() {
  show("network-view");
  const params = new URLSearchParams();
  if ($("net-from").value) params.set("from", $("net-from").value);
  if ($("net-to").value) params.set("to", $("net-to").value);
  const net = await api(`/network?${params}`);
  const svg = clear($("network"));
  const ns = "http://www.w3.org/2000/svg";
  const at = {};
  net.nodes.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(net.nodes.length, 1);
    at[n.id] = [400 + 240 * Math.cos(angle), 300 + 240 * Math.sin(angle)];
  });
  const most = Math.max(1, ...net.edges.map((e) => e.stories));
  for (const e of net.edges) {
    const line = document.createElementNS(ns, "line");
    const [[x1, y1], [x2, y2]] = [at[e.a], at[e.b]];
    const g = e.goldstein || 0;
    Object.entries({ x1, y1, x2, y2, "stroke-width": 1 + (8 * e.stories) / most, stroke: g >= 0 ? `rgba(46,125,50,${0.3 + Math.min(g, 10) / 14})` : `rgba(198,40,40,${0.3 + Math.min(-g, 10) / 14})` })
      .forEach(([k, v]) => line.setAttribute(k, v));
    const title = document.createElementNS(ns, "title");
    title.textContent = `${e.a}–${e.b}: ${e.stories} stories, ${e.events} events, Goldstein ${g.toFixed(1)}, tone ${e.tone == null ? "?" : e.tone.toFixed(1)}`;
    line.append(title);
    svg.append(line);
  }
  for (const n of net.nodes) {
    const [x, y] = at[n.id];
    const circle = document.createElementNS(ns, "circle");
    Object.entries({ cx: x, cy: y, r: 6 + Math.sqrt(n.stories) * 2, fill: "#1f2d3d" }).forEach(([k, v]) => circle.setAttribute(k, v));
    const label = document.createElementNS(ns, "text");
    Object.entries({ x: x + 10, y: y - 10 }).forEach(([k, v]) => label.setAttribute(k, v));
    label.textContent = `${n.id} (${n.stories})`;
    svg.append(circle, label);
  }
}

// --- quotes by speaker ----------------------------------------------------------------------------

async function showSpeakers() {
  show("speakers-view");
  const speakers = (await api("/speakers?limit=100")).items;
  const list = clear($("speakers"));
  for (const s of speakers) {
    list.append(el("li", {}, el("button", { type: "button", class: "speaker", text: `${s.speaker} (${s.country || "?"}): ${s.quotes}`, onclick: () => showQuotes(s.speaker) })));
  }
}

async function showQuotes(speaker) {
  const quotes = (await api(`/quotes?speaker=${encodeURIComponent(speaker)}&limit=200`)).items;
  $("quotes-title").textContent = `Quotes of ${speaker} (${quotes.length})`;
  const list = clear($("quotes"));
  for (const q of quotes) {
    list.append(el("li", {},
      el("q", { text: q.text }), " ",
      el("span", { class: "muted", text: `${q.kind}, ${q.cue || ""} · ${q.title || ""} · ${q.published || ""} ` }),
      el("a", { href: `#article/${encodeURIComponent(q.article_id)}`, text: "article" })));
  }
}

// --- routes ----------------------------------------------------------------------------------------

function show(view) {
  for (const id of ["pair-view", "article-view", "network-view", "speakers-view"]) $(id).hidden = id !== view;
}

async function route() {
  const hash = location.hash.slice(1);
  try {
    if (hash.startsWith("article/")) {
      const [, id, eventNo] = hash.split("/");
      await showArticle(decodeURIComponent(id), eventNo === undefined ? null : Number(eventNo));
    } else if (hash === "network") {
      await showNetwork();
    } else if (hash === "speakers") {
      await showSpeakers();
    } else {
      show("pair-view");
    }
  } catch (error) {
    console.warn(error);
  }
}

async function start() {
  const health = await api("/health");
  $("snapshot").textContent = `${health.articles} articles · snapshot ${health.snapshot}`;
  $("pair").addEventListener("change", showPair);
  $("freq").addEventListener("change", showPair);
  $("net-go").addEventListener("click", showNetwork);
  window.addEventListener("hashchange", route);
  await loadPairs();
  await route();
  document.body.dataset.ready = "true";
}

window.addEventListener("DOMContentLoaded", () => { start().catch((error) => console.warn(error)); });
