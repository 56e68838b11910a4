// A small inline-SVG chart of a discrepancy: one bar per claim spanning its interval, placed by
// date (x) and value (y), one colour and one letter per source, with a legend naming each source.

const NS = "http://www.w3.org/2000/svg";
const PALETTE = ["#1f5fa8", "#b2401f", "#2c7a3a", "#7a3d99", "#9a6a00", "#1f7f86", "#a3275e", "#4f4f4f"];
const W = 640;
const H = 300;
const M = { top: 20, right: 20, bottom: 48, left: 78 };

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

// "Nice" tick values between lo and hi.
export function ticks(lo, hi, count = 5) {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) || 10 * mag;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

function dayNumber(iso) {
  const t = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(t) ? null : t / 86400000;
}

function claimDate(c) {
  return c.as_of || c.published || null;
}

// The day a claim's bar stands on: the middle of its as-of range, or its one date.
function claimDay(c) {
  const start = dayNumber(claimDate(c));
  const end = c.as_of && c.as_of_end ? dayNumber(c.as_of_end) : null;
  return start !== null && end !== null ? (start + end) / 2 : start;
}

export function sourceOf(c) {
  return c.source || "unknown outlet";
}

// Draws into `figure`; returns the source -> {colour, letter} legend used (also by the table).
export function drawChart(figure, claims, fmt, title) {
  const sources = [...new Set(claims.map(sourceOf))];
  const legend = new Map(sources.map((s, i) => [s, { colour: PALETTE[i % PALETTE.length], letter: String.fromCharCode(65 + (i % 26)) }]));
  const values = claims.flatMap((c) => [c.value, c.low, c.high]).filter((v) => v !== null && v !== undefined);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo > 0 && lo < hi * 0.6) lo = 0; // start at zero when the figures are far apart
  if (hi === lo) { hi += Math.abs(hi) * 0.1 || 1; lo -= Math.abs(lo) * 0.1 || 1; }
  const pad = (hi - lo) * 0.08;
  hi += pad;
  if (lo !== 0) lo -= pad;
  const days = claims.map(claimDay);
  const known = days.filter((d) => d !== null);
  const edges = claims.flatMap((c) => [dayNumber(claimDate(c)), c.as_of_end ? dayNumber(c.as_of_end) : null])
    .filter((d) => d !== null);
  let d0 = edges.length ? Math.min(...edges) : 0;
  let d1 = edges.length ? Math.max(...edges) : 0;
  if (d1 - d0 < 2) { d0 -= 1; d1 += 1; }
  const margin = (d1 - d0) * 0.06;
  d0 -= margin;
  d1 += margin;
  const undatedX = W - M.right - 10;
  const plotRight = known.length < claims.length ? W - M.right - 50 : W - M.right;
  const x = (d) => (d === null ? undatedX : M.left + ((d - d0) / (d1 - d0)) * (plotRight - M.left));
  const y = (v) => M.top + (1 - (v - lo) / (hi - lo)) * (H - M.top - M.bottom);

  const titleId = "chart-title";
  const descId = "chart-desc";
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": `${titleId} ${descId}`, class: "chart-svg" });
  root.append(svg("title", { id: titleId }, title));
  root.append(svg("desc", { id: descId }, claims.map((c) =>
    `${sourceOf(c)}: ${c.text} (${c.low === null ? "unbounded" : fmt(c.low)} to ${c.high === null ? "unbounded" : fmt(c.high)}), `
    + `${c.as_of && c.as_of_end ? `${c.as_of} to ${c.as_of_end}` : claimDate(c) || "undated"}`).join("; ")));
  root.append(svg("defs", {}), svg("rect", { x: 0, y: 0, width: W, height: H, class: "chart-bg" }));
  const defs = root.querySelector("defs");
  const arrow = svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 5, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse" });
  arrow.append(svg("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "context-stroke" }));
  defs.append(arrow);

  for (const t of ticks(lo, hi)) {
    root.append(svg("line", { x1: M.left, x2: W - M.right, y1: y(t), y2: y(t), class: "chart-grid" }));
    root.append(svg("text", { x: M.left - 6, y: y(t) + 4, "text-anchor": "end", class: "chart-tick" }, fmt(t)));
  }
  const dateTicks = [...new Set(claims.flatMap((c) => [claimDate(c), c.as_of_end]).filter(Boolean))].sort();
  let lastX = -Infinity;
  for (const d of dateTicks) {
    const tx = x(dayNumber(d));
    if (tx - lastX < 78) continue; // never print two dates on top of each other
    lastX = tx;
    root.append(svg("line", { x1: tx, x2: tx, y1: H - M.bottom, y2: H - M.bottom + 5, class: "chart-axis" }));
    root.append(svg("text", { x: tx, y: H - M.bottom + 18, "text-anchor": "middle", class: "chart-tick" }, d));
  }
  if (known.length < claims.length) {
    root.append(svg("text", { x: undatedX, y: H - M.bottom + 18, "text-anchor": "middle", class: "chart-tick" }, "undated"));
  }
  root.append(svg("line", { x1: M.left, x2: W - M.right, y1: H - M.bottom, y2: H - M.bottom, class: "chart-axis" }));
  root.append(svg("line", { x1: M.left, x2: M.left, y1: M.top, y2: H - M.bottom, class: "chart-axis" }));
  root.append(svg("text", { x: (M.left + W - M.right) / 2, y: H - 8, "text-anchor": "middle", class: "chart-label" }, "date the figure applies to"));

  // Bars that share a date sit side by side.
  const slots = new Map();
  claims.forEach((c, i) => {
    const key = days[i] === null ? "undated" : days[i];
    if (!slots.has(key)) slots.set(key, []);
    slots.get(key).push(i);
  });
  const barW = 14;
  claims.forEach((c, i) => {
    const key = days[i] === null ? "undated" : days[i];
    const slot = slots.get(key);
    const k = slot.indexOf(i);
    const cx = x(days[i]) + (k - (slot.length - 1) / 2) * (barW + 6);
    const { colour, letter } = legend.get(sourceOf(c));
    const top = c.high === null || c.high === undefined ? M.top : y(c.high);
    const bottom = c.low === null || c.low === undefined ? H - M.bottom : y(c.low);
    const g = svg("g", { class: "chart-claim", "data-claim-id": c.claim_id });
    const when = c.as_of && c.as_of_end ? `${c.as_of} to ${c.as_of_end}` : claimDate(c) || "undated";
    g.append(svg("title", {}, `${sourceOf(c)} — ${c.text}${c.speaker ? ` (${c.speaker})` : ""}, ${when}`));
    if (c.as_of && c.as_of_end) { // the dates the figure applies to, as a thin line at its value
      g.append(svg("line", { x1: x(dayNumber(c.as_of)), x2: x(dayNumber(c.as_of_end)), y1: y(c.value), y2: y(c.value),
        stroke: colour, "stroke-width": 1.5, "stroke-dasharray": "4 3", class: "chart-range" }));
    }
    g.append(svg("rect", { x: cx - barW / 2, y: top, width: barW, height: Math.max(3, bottom - top), fill: colour, "fill-opacity": 0.35, stroke: colour, "stroke-width": 1.5, class: "chart-bar" }));
    g.append(svg("line", { x1: cx - barW / 2 - 3, x2: cx + barW / 2 + 3, y1: y(c.value), y2: y(c.value), stroke: colour, "stroke-width": 3 }));
    if (c.high === null || c.high === undefined) g.append(svg("line", { x1: cx, x2: cx, y1: M.top + 14, y2: M.top + 2, stroke: colour, "stroke-width": 2, "marker-end": "url(#arrow)" }));
    if (c.low === null || c.low === undefined) g.append(svg("line", { x1: cx, x2: cx, y1: H - M.bottom - 14, y2: H - M.bottom - 2, stroke: colour, "stroke-width": 2, "marker-end": "url(#arrow)" }));
    g.append(svg("text", { x: cx, y: Math.max(M.top + 10, top - 5), "text-anchor": "middle", class: "chart-letter", fill: colour }, letter));
    root.append(g);
  });
  figure.replaceChildren(root);
  const caption = document.createElement("figcaption");
  const list = document.createElement("ul");
  list.className = "chart-legend";
  for (const [source, { colour, letter }] of legend) {
    const li = document.createElement("li");
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = colour;
    swatch.setAttribute("aria-hidden", "true");
    swatch.textContent = letter;
    li.append(swatch, ` ${source}`);
    list.append(li);
  }
  caption.append(list);
  figure.append(caption);
  return legend;
}
