// One discrepancy: verdict and reason, a chart of every side's interval by source and date,
// a table of every side with its provenance, and the ClaimReview draft.
import {
  api, el, setStatus, showError, fmtNumber, fmtInterval, unitLabel, fmtAsOf, verdictBadge,
  articleHref, codePoints, sliceCodePoints, safeUrl, keyedDownload,
} from "./common.js";
import { drawChart, sourceOf } from "./chart.js";

const root = document.getElementById("group");
const groupId = root.dataset.groupId;
const status = document.getElementById("status");
const base = `/v1/discrepancies/${encodeURIComponent(groupId)}`;
keyedDownload(document.getElementById("claimreview-link"), status, `claimreview-${groupId}.json`);
keyedDownload(document.getElementById("sides-csv-link"), status, `discrepancy-${groupId}.csv`);
keyedDownload(document.getElementById("json-link"), status, `discrepancy-${groupId}.json`);

// The sentence with the claim's own figure marked (offsets are code points into the article).
function sentenceWithMark(c) {
  const sentence = codePoints(c.sentence || "");
  const s = c.start - (c.sentence_start || 0);
  const e = c.end - (c.sentence_start || 0);
  if (!sentence.length) return el("span", {}, el("mark", { class: "claim claim--side" }, c.text));
  if (s < 0 || e > sentence.length || sliceCodePoints(sentence, s, e) !== c.text) {
    return el("span", {}, sentence.join(""));
  }
  return el("span", {}, sliceCodePoints(sentence, 0, s),
    el("mark", { class: "claim claim--side" }, sliceCodePoints(sentence, s, e)), sliceCodePoints(sentence, e, sentence.length));
}

function sideRow(c, legend) {
  const { colour, letter } = legend.get(sourceOf(c));
  const swatch = el("span", { class: "swatch", "aria-hidden": "true" }, letter);
  swatch.style.background = colour;
  const outlet = c.url && safeUrl(c.url) !== "#" ? el("a", { href: safeUrl(c.url), rel: "noopener noreferrer" }, sourceOf(c)) : sourceOf(c);
  const dates = [el("span", { class: "as-of" }, `as of ${fmtAsOf(c)}`)];
  if (c.as_of_text) dates.push(el("br"), el("span", { class: "help" }, `(“${c.as_of_text}”)`));
  if (c.published && c.published !== c.as_of) dates.push(el("br"), el("span", { class: "help" }, `published ${c.published}`));
  return el("tr", { dataset: { claimId: c.claim_id } },
    el("td", {}, el("strong", { class: "figure" }, c.text), el("br"),
      el("span", { class: "help" }, `${fmtNumber(c.value)} ${unitLabel(c)}; ${fmtInterval(c.low, c.high, c.value)}`)),
    el("td", { class: "source" }, swatch, " ", outlet),
    el("td", { class: "speaker" }, c.speaker ? [c.speaker, c.speaker_role ? el("span", { class: "help" }, `, ${c.speaker_role}`) : ""] : "the outlet itself"),
    el("td", { class: "dates" }, dates),
    el("td", { class: "sentence" }, sentenceWithMark(c)),
    el("td", {}, el("a", { href: articleHref(c.article_id) }, c.title ? `Read “${c.title}”` : "Read the article")));
}

async function main() {
  try {
    const group = await api(base);
    const unit = group.unit && group.unit !== "count" ? ` (${group.unit})` : "";
    document.title = `${group.quantity} · reconcile`;
    document.getElementById("group-title").textContent = `${group.quantity}${unit}`;
    document.getElementById("verdict").replaceChildren(verdictBadge(group.verdict));
    document.getElementById("reason").textContent = group.reason;
    document.getElementById("summary").textContent = group.summary;
    const crLink = document.getElementById("claimreview-link");
    crLink.href = `${base}/claimreview`;
    crLink.setAttribute("download", `claimreview-${groupId}.json`);
    document.getElementById("json-link").href = base;
    const sidesCsv = document.getElementById("sides-csv-link");
    sidesCsv.href = `${base}?format=csv`;
    sidesCsv.setAttribute("download", `discrepancy-${groupId}.csv`);
    const claims = [...group.claims].sort((a, b) => String(a.as_of || a.published || "").localeCompare(String(b.as_of || b.published || "")) || a.value - b.value);
    const legend = drawChart(document.getElementById("chart"), claims, fmtNumber,
      `${group.quantity}: the figure each source gives, by date`);
    document.querySelector("#sides-table tbody").replaceChildren(...claims.map((c) => sideRow(c, legend)));
    document.getElementById("group-body").hidden = false;
    setStatus(status, `${group.n_claims} claim${group.n_claims === 1 ? "" : "s"} from ${group.n_sources} independent source${group.n_sources === 1 ? "" : "s"}.`, "info");
    document.getElementById("claimreview-preview").addEventListener("toggle", async (e) => {
      const pre = document.getElementById("claimreview-json");
      if (!e.target.open || pre.textContent) return;
      try {
        pre.textContent = JSON.stringify(await api(`${base}/claimreview`), null, 2);
      } catch (err) {
        pre.textContent = `Could not load the draft: ${err.message}`;
      }
    });
  } catch (e) {
    showError(status, e.status === 404 ? { status: 404, message: "no discrepancy with this id" } : e);
  }
}

main();
