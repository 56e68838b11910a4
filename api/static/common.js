// Shared helpers for the pages: JSON API calls, safe DOM building, number and claim formatting.
// Every piece of data reaches the page as a text node (el() never sets innerHTML), so article
// text, outlets and speakers are shown, never parsed as HTML.

export class ApiError extends Error {
  constructor(status, body) {
    const err = body && body.error ? body.error : null;
    super(err && err.message ? err.message : `the server answered ${status}`);
    this.status = status;
    this.code = err ? err.code : null;
    this.details = err ? err.details : null;
  }
}

// GET or POST a JSON endpoint; resolves to the parsed body, rejects with ApiError.
export async function api(path, { method = "GET", body, headers = {} } = {}) {
  // A key entered on the "Add articles" page is sent with every call (servers may protect reads too).
  const key = sessionStorage.getItem("reconcile-api-key");
  const init = { method, headers: { Accept: "application/json", ...(key ? { "X-API-Key": key } : {}), ...headers } };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, { error: { message: "the server cannot be reached" } });
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch (e) {
    data = null;
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

// Every item of a paginated list ({items, total, next}), following `next` up to `limit` items.
export async function apiAll(path, params = {}, limit = 1000) {
  const items = [];
  let cursor = null;
  let total = null;
  for (;;) {
    const query = new URLSearchParams(params);
    if (cursor !== null) query.set("cursor", cursor);
    const qs = query.toString();
    const page = await api(qs ? `${path}?${qs}` : path);
    items.push(...(page.items || []));
    total = page.total ?? items.length;
    cursor = page.next ?? null;
    if (cursor === null || items.length >= limit) break;
  }
  return { items: items.slice(0, limit), total };
}

// Build an element: el("a", {href: "/x", class: "y"}, "text", child, ...).  Strings become text nodes.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function setStatus(node, message, kind = "info") {
  node.textContent = message || "";
  node.className = `status status--${kind}`;
  node.hidden = !message;
}

export function showError(node, error) {
  const where = error && error.status ? ` (HTTP ${error.status})` : "";
  const hint = error && error.status === 401 ? " Enter the API key on the “Add articles” page, under “API key”." : "";
  setStatus(node, `Could not load the data${where}: ${error && error.message ? error.message : error}${hint}`, "error");
}

// The file name a download answer asks for (Content-Disposition: attachment; filename="x.csv"), else `fallback`.
function attachmentName(response, fallback) {
  const header = response.headers.get("Content-Disposition") || "";
  const match = /filename="?([^";]+)"?/i.exec(header);
  return match ? match[1] : fallback;
}

// A link to an API download (CSV, ClaimReview JSON-LD).  A plain link cannot send a header, so when an
// API key is stored (servers may protect reads), the click fetches the file with X-API-Key and saves it
// from memory; without a key the browser follows the link as usual.  Errors go to `statusNode`.
export function keyedDownload(link, statusNode, fallbackName) {
  link.addEventListener("click", async (event) => {
    const key = sessionStorage.getItem("reconcile-api-key");
    if (!key) return;
    event.preventDefault();
    let response;
    try {
      response = await fetch(link.href, { headers: { "X-API-Key": key } });
    } catch (e) {
      showError(statusNode, new ApiError(0, { error: { message: "the server cannot be reached" } }));
      return;
    }
    if (!response.ok) {
      let body = null;
      try {
        body = await response.json();
      } catch (e) {
        body = null;
      }
      showError(statusNode, new ApiError(response.status, body));
      return;
    }
    const blobUrl = URL.createObjectURL(await response.blob());
    const save = el("a", { href: blobUrl, download: link.getAttribute("download") || attachmentName(response, fallbackName), hidden: true });
    document.body.append(save);
    save.click();
    save.remove();
    setTimeout(() => URL.revokeObjectURL(blobUrl), 60_000);
  });
}

// 11000 -> "11,000"; 0.25 -> "0.25"; 3800000000 -> "3,800,000,000".
export function fmtNumber(x) {
  if (x === null || x === undefined || Number.isNaN(x)) return "—";
  const abs = Math.abs(x);
  const digits = abs !== 0 && abs < 1 ? 4 : abs < 100 ? 2 : 0;
  return Number(x).toLocaleString("en-US", { maximumFractionDigits: digits });
}

// The interval a wording allows: "[9,000, 11,000]", "(1,500, ∞)", "exactly 1,500".
export function fmtInterval(low, high, value) {
  if (low === null && high === null) return "unbounded";
  if (low !== null && high !== null && low === high) return `exactly ${fmtNumber(low)}`;
  const lo = low === null ? "−∞" : fmtNumber(low);
  const hi = high === null ? "∞" : fmtNumber(high);
  return `${low === null ? "(" : "["}${lo} to ${hi}${high === null ? ")" : "]"}`;
}

export function unitLabel(claim) {
  if (claim.counted_text) return claim.counted_text;
  if (claim.counted) return claim.counted;
  return claim.unit || "";
}

export function fmtDate(value) {
  return value ? String(value) : "—";
}

// Verdict icon and plain-words label: the colour is never the only signal.
export const VERDICTS = {
  conflict: { icon: "⚠", label: "conflict", cls: "conflict" },
  evolving: { icon: "◐", label: "evolving", cls: "differs" },
  scope: { icon: "◐", label: "scope", cls: "differs" },
  consistent: { icon: "✓", label: "consistent", cls: "consistent" },
};

export function verdictBadge(verdict) {
  const v = VERDICTS[verdict] || { icon: "?", label: String(verdict), cls: "single" };
  return el("span", { class: `verdict verdict--${v.cls}` },
    el("span", { class: "verdict-icon", "aria-hidden": "true" }, v.icon), ` ${v.label}`);
}

export function articleHref(articleId) {
  return `/articles/${encodeURIComponent(articleId)}`;
}

export function groupHref(groupId) {
  return `/discrepancies/${encodeURIComponent(groupId)}`;
}

// Code-point aware slicing: the API's offsets count Unicode code points (Python str indices),
// JavaScript strings count UTF-16 units; the two differ after any emoji or other astral character.
export function codePoints(text) {
  return Array.from(text || "");
}

export function sliceCodePoints(points, start, end) {
  return points.slice(start, end).join("");
}

// Only http(s) links: a javascript: URL in an article's url field must never become a live link.
export function safeUrl(url) {
  try {
    const u = new URL(url, window.location.href);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : "#";
  } catch (e) {
    return "#";
  }
}


// The date a claim applies to: "2024-10-21", or "2024-10-14 to 2024-10-20" for a range.
export function fmtAsOf(claim) {
  if (!claim.as_of) return "—";
  return claim.as_of_end && claim.as_of_end !== claim.as_of ? `${claim.as_of} to ${claim.as_of_end}` : String(claim.as_of);
}
