// The "Articles" page: every stored article, a page at a time.
import { api, el, setStatus, showError, articleHref, fmtDate } from "./common.js";

const status = document.getElementById("status");
const table = document.getElementById("articles-table");
const more = document.getElementById("more");
let cursor = null;
let shown = 0;

async function load() {
  const query = new URLSearchParams({ limit: "50" });
  if (cursor !== null) query.set("cursor", cursor);
  try {
    const page = await api(`/v1/articles?${query}`);
    const rows = (page.items || []).map((a) => el("tr", {},
      el("td", {}, el("a", { href: articleHref(a.id) }, a.title || a.id)),
      el("td", {}, a.source || "—"),
      el("td", {}, fmtDate(a.published)),
      el("td", { class: "num" }, a.n_claims ?? (Array.isArray(a.claims) ? a.claims.length : "—"))));
    table.tBodies[0].append(...rows);
    shown += rows.length;
    cursor = page.next ?? null;
    more.hidden = cursor === null;
    table.hidden = shown === 0;
    const total = page.total ?? shown;
    setStatus(status, shown ? `${total} article${total === 1 ? "" : "s"} stored.`
      : "No articles stored yet. Add some on the “Add articles” page.", "info");
  } catch (e) {
    showError(status, e);
  }
}

more.addEventListener("click", load);
load();
