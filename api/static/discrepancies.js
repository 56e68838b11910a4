// The discrepancies list: filters in the URL (so a filtered view can be bookmarked), sorted as chosen.
import { apiAll, el, setStatus, showError, fmtNumber, verdictBadge, groupHref, keyedDownload } from "./common.js";

// Page query parameter -> API query parameter.
const API_PARAMS = { verdict: "verdict", q: "q", min_spread: "min_spread" };
const SORTS = {
  severity: (a, b) => b.severity - a.severity,
  "severity-asc": (a, b) => a.severity - b.severity,
  spread: (a, b) => (b.spread ?? 0) - (a.spread ?? 0),
  sources: (a, b) => b.n_sources - a.n_sources || b.severity - a.severity,
};

const form = document.getElementById("filters");
const status = document.getElementById("status");
const table = document.getElementById("groups-table");
const here = new URLSearchParams(window.location.search);
keyedDownload(document.getElementById("csv-link"), status, "discrepancies.csv");

function apiQuery() {
  const query = new URLSearchParams();
  for (const [page, apiName] of Object.entries(API_PARAMS)) {
    const v = (here.get(page) || "").trim();
    if (v) query.set(apiName, v);
  }
  return query;
}

function figures(g) {
  if (g.min === null || g.min === undefined) return "—";
  const unit = g.unit && !["count", "ordinal"].includes(g.unit) ? ` ${g.unit}` : "";
  return g.min === g.max ? `${fmtNumber(g.min)}${unit}` : `${fmtNumber(g.min)} to ${fmtNumber(g.max)}${unit}`;
}

async function main() {
  for (const name of ["verdict", "q", "min_spread", "sort"]) {
    const v = here.get(name);
    if (v !== null && form.elements[name]) form.elements[name].value = v;
  }
  const query = apiQuery();
  const csv = new URLSearchParams(query);
  csv.set("format", "csv");
  document.getElementById("csv-link").href = `/v1/discrepancies?${csv}`;
  try {
    const params = Object.fromEntries(query);
    params.limit = "200";
    const { items, total } = await apiAll("/v1/discrepancies", params, 2000);
    const sort = SORTS[here.get("sort")] || SORTS.severity;
    items.sort(sort);
    table.tBodies[0].replaceChildren(...items.map((g) => el("tr", { dataset: { groupId: g.group_id, verdict: g.verdict } },
      el("th", { scope: "row" }, el("a", { href: groupHref(g.group_id) }, g.quantity)),
      el("td", {}, verdictBadge(g.verdict)),
      el("td", {}, figures(g)),
      el("td", { class: "num" }, g.spread === null || g.spread === undefined ? "—" : `×${fmtNumber(g.spread)}`),
      el("td", { class: "num" }, g.n_sources),
      el("td", { class: "num" }, fmtNumber(g.severity)),
      el("td", {}, g.summary))));
    table.hidden = items.length === 0;
    const filtered = query.toString() ? " matching the filters" : "";
    const capped = total > items.length ? ` (showing the first ${items.length})` : "";
    setStatus(status, items.length ? `${total} discrepanc${total === 1 ? "y" : "ies"}${filtered}${capped}.`
      : `No discrepancies${filtered}.`, "info");
  } catch (e) {
    showError(status, e);
  }
}

main();
