// One article with every numeric claim highlighted, and a table of the claims.
import {
  api, el, setStatus, showError, fmtNumber, fmtInterval, unitLabel, fmtDate,
  VERDICTS, verdictBadge, fmtAsOf, groupHref, codePoints, sliceCodePoints, safeUrl,
} from "./common.js";

const root = document.getElementById("article");
const articleId = root.dataset.articleId;
const status = document.getElementById("status");

// claim_id -> its group {group_id, verdict, quantity}: stored claims carry group_id and verdict;
// the quantity label of each distinct group comes from GET /v1/discrepancies/{id}.
async function groupsByClaim(claims) {
  const ids = [...new Set(claims.map((c) => c.group_id).filter(Boolean))];
  const details = new Map(await Promise.all(ids.map(async (id) => {
    try {
      return [id, await api(`/v1/discrepancies/${encodeURIComponent(id)}`)];
    } catch (e) {
      return [id, null];
    }
  })));
  const map = new Map();
  for (const c of claims) {
    if (!c.group_id) continue;
    const g = details.get(c.group_id);
    map.set(c.claim_id, { group_id: c.group_id, verdict: c.verdict || (g && g.verdict),
      quantity: g ? g.quantity : "another report" });
  }
  return map;
}

// Claims in text order without overlaps (an overlapping later claim is left unmarked in the text).
export function layout(claims) {
  const sorted = [...claims].sort((a, b) => a.start - b.start || b.end - a.end);
  const out = [];
  let end = -1;
  for (const c of sorted) {
    if (c.start >= end && c.end > c.start) {
      out.push(c);
      end = c.end;
    }
  }
  return out;
}

function markClass(group) {
  if (!group) return "single";
  return (VERDICTS[group.verdict] || { cls: "single" }).cls;
}

function tipFor(claim, group, tipId) {
  const rows = [
    ["Value", fmtNumber(claim.value)],
    ["Interval", fmtInterval(claim.low, claim.high, claim.value) + (claim.hedge ? ` (“${claim.hedge}”)` : "")],
    [claim.counted || claim.counted_text ? "Counts" : "Unit", unitLabel(claim) || "—"],
    ["Speaker", claim.speaker ? claim.speaker + (claim.speaker_role ? `, ${claim.speaker_role}` : "") : "the outlet itself"],
    ["As of", fmtAsOf(claim) + (claim.as_of_text ? ` (“${claim.as_of_text}”)` : "")],
  ];
  if (claim.scope) rows.push(["Scope", claim.scope]);
  rows.push(["Compared", group ? `${(VERDICTS[group.verdict] || {}).label || group.verdict}: ${group.quantity}`
    : "not compared with another report yet"]);
  return el("div", { class: "tip", role: "tooltip", id: tipId, hidden: true },
    el("dl", {}, rows.map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])));
}

function place(tip, mark) {
  const r = mark.getBoundingClientRect();
  tip.style.left = `${Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - 330))}px`;
  tip.style.top = `${window.scrollY + r.bottom + 6}px`;
}

function wire(mark, tip, group) {
  const show = () => {
    document.querySelectorAll(".tip:not([hidden])").forEach((t) => { t.hidden = true; });
    tip.hidden = false;
    place(tip, mark);
  };
  const hide = () => { tip.hidden = true; };
  mark.addEventListener("mouseenter", show);
  mark.addEventListener("mouseleave", hide);
  mark.addEventListener("focus", show);
  mark.addEventListener("blur", hide);
  mark.addEventListener("keydown", (e) => {
    if (e.key === "Escape") hide();
    if (e.key === "Enter" && group) window.location.href = groupHref(group.group_id);
  });
}

// The text as paragraphs of text nodes and <mark> elements; offsets count code points.
function renderText(text, claims, groups) {
  const points = codePoints(text);
  const container = document.getElementById("article-text");
  const tips = document.getElementById("tips");
  container.replaceChildren();
  tips.replaceChildren();
  let para = el("p");
  const flush = () => {
    if (para.childNodes.length) container.append(para);
    para = el("p");
  };
  const addText = (s) => {
    const parts = s.split("\n");
    parts.forEach((part, i) => {
      if (i > 0) flush();
      if (part) para.append(document.createTextNode(part));
    });
  };
  let pos = 0;
  layout(claims).forEach((claim, i) => {
    addText(sliceCodePoints(points, pos, claim.start));
    const group = groups.get(claim.claim_id) || null;
    const tipId = `tip-${i}`;
    const cls = markClass(group);
    const mark = el("mark", {
      class: `claim claim--${cls}`, tabindex: "0", "aria-describedby": tipId,
      dataset: { claimId: claim.claim_id, verdict: group ? group.verdict : "none", groupId: group ? group.group_id : "" },
    }, sliceCodePoints(points, claim.start, claim.end));
    para.append(mark);
    const tip = tipFor(claim, group, tipId);
    tips.append(tip);
    wire(mark, tip, group);
    pos = claim.end;
  });
  addText(sliceCodePoints(points, pos, points.length));
  flush();
}

function renderTable(claims, groups) {
  const tbody = document.querySelector("#claims-table tbody");
  tbody.replaceChildren(...[...claims].sort((a, b) => a.start - b.start).map((c) => {
    const group = groups.get(c.claim_id);
    return el("tr", { dataset: { claimId: c.claim_id } },
      el("td", {}, c.text),
      el("td", { class: "num" }, fmtNumber(c.value)),
      el("td", {}, fmtInterval(c.low, c.high, c.value)),
      el("td", {}, unitLabel(c) || "—"),
      el("td", {}, c.speaker || "—"),
      el("td", {}, fmtAsOf(c)),
      el("td", {}, group ? [verdictBadge(group.verdict), " ", el("a", { href: groupHref(group.group_id) }, group.quantity)]
        : "—"));
  }));
}

async function main() {
  try {
    const article = await api(`/v1/articles/${encodeURIComponent(articleId)}`);
    const claims = (article.claims || []).filter((c) => c.current !== false);
    const groups = await groupsByClaim(claims);
    document.title = `${article.title || article.id} · reconcile`;
    document.getElementById("article-title").textContent = article.title || article.id;
    const meta = document.getElementById("article-meta");
    meta.replaceChildren(article.source || "Unknown outlet", " · ", fmtDate(article.published));
    if (article.url && safeUrl(article.url) !== "#") {
      meta.append(" · ", el("a", { href: safeUrl(article.url), rel: "noopener noreferrer" }, "original"));
    }
    renderText(article.text, claims, groups);
    renderTable(claims, groups);
    const nConflict = claims.filter((c) => groups.get(c.claim_id)?.verdict === "conflict").length;
    setStatus(status, `${claims.length} numeric claim${claims.length === 1 ? "" : "s"}; ${nConflict} in a conflict.`, "info");
  } catch (e) {
    showError(status, e.status === 404 ? { status: 404, message: "no article with this id is stored" } : e);
  }
}

main();
