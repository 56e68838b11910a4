// The "Add articles" page: article forms, file drop, and sending the batch to POST /v1/articles.
import { api, el, setStatus, articleHref, groupHref, verdictBadge } from "./common.js";
import { readFile } from "./articles-input.js";

const FIELDS = ["text", "source", "url", "published", "title"];
const list = document.getElementById("articles");
const template = document.getElementById("article-template");
let serial = 0;

function renumber() {
  list.querySelectorAll(".article-form").forEach((fs, i) => {
    fs.querySelector(".article-n").textContent = String(i + 1);
    fs.querySelector(".remove-article").hidden = list.children.length < 2;
  });
}

// A new article fieldset, filled from `record`; every input gets its own id and label.
function addArticle(record = {}) {
  const fs = template.content.firstElementChild.cloneNode(true);
  const n = ++serial;
  fs.dataset.extraId = record.id || "";
  for (const label of fs.querySelectorAll("label[data-for]")) label.htmlFor = `a${n}-${label.dataset.for}`;
  for (const input of fs.querySelectorAll("[data-name]")) {
    input.id = `a${n}-${input.dataset.name}`;
    input.name = input.id;
    input.value = record[input.dataset.name] || "";
  }
  fs.querySelector(".remove-article").addEventListener("click", () => {
    const next = fs.nextElementSibling || fs.previousElementSibling;
    fs.remove();
    renumber();
    if (next) next.querySelector("textarea").focus();
  });
  list.append(fs);
  renumber();
  return fs;
}

function isBlank(fs) {
  return FIELDS.every((f) => !fs.querySelector(`[data-name="${f}"]`).value.trim());
}

// Read the forms into API article objects; marks empty texts and returns null when one is invalid.
function collect() {
  const articles = [];
  let firstBad = null;
  for (const fs of list.querySelectorAll(".article-form")) {
    if (isBlank(fs) && list.children.length > 1) continue;
    const error = fs.querySelector(".field-error");
    const record = {};
    for (const f of FIELDS) {
      const v = fs.querySelector(`[data-name="${f}"]`).value;
      if (f === "text" ? v.trim() : v.trim()) record[f] = f === "text" ? v : v.trim();
    }
    if (fs.dataset.extraId) record.id = fs.dataset.extraId;
    const textArea = fs.querySelector("textarea");
    if (!record.text) {
      error.textContent = "This article has no text: paste it, or remove this article.";
      error.hidden = false;
      textArea.setAttribute("aria-invalid", "true");
      firstBad = firstBad || textArea;
    } else {
      error.hidden = true;
      textArea.removeAttribute("aria-invalid");
      articles.push(record);
    }
  }
  if (firstBad) {
    firstBad.focus();
    return null;
  }
  return articles;
}

async function onFiles(files) {
  const status = document.getElementById("file-status");
  const problems = [];
  let added = 0;
  for (const file of files) {
    try {
      for (const record of await readFile(file)) {
        const first = list.firstElementChild;
        if (list.children.length === 1 && first && isBlank(first)) first.remove();
        addArticle(record);
        added += 1;
      }
    } catch (e) {
      problems.push(`${file.name}: ${e.message}`);
    }
  }
  const msg = [`Read ${added} article${added === 1 ? "" : "s"} from ${files.length} file${files.length === 1 ? "" : "s"}.`];
  if (problems.length) msg.push(`Could not read ${problems.join("; ")}.`);
  setStatus(status, msg.join(" "), problems.length ? "error" : "ok");
}

function idsOf(response) {
  // POST /v1/articles answers {"articles": [{id, revision, status, n_claims, ...}], "discrepancies": [...]}.
  return response.articles || [];
}

function showResults(response, sentArticles) {
  const body = document.getElementById("results-body");
  body.replaceChildren();
  const stored = idsOf(response);
  // Label each stored id with the title (or outlet) that was sent, in the same order.
  const titles = new Map(stored.map((r, i) => [r.id, sentArticles[i] ? sentArticles[i].title || sentArticles[i].source : null]));
  body.append(el("h3", {}, "Articles"),
    el("ul", { id: "stored-list" }, stored.map((r) => {
      const id = r.id;
      const sent = titles.get(id);
      const label = sent || id;
      const note = { unchanged: " (already stored)", revised: " (a new revision of a stored article)" }[r.status] || "";
      const claims = r.n_claims ?? null;
      return el("li", {}, el("a", { href: articleHref(id) }, label), note,
        claims !== null ? ` — ${claims} numeric claim${claims === 1 ? "" : "s"}` : "");
    })));
  const groups = response.discrepancies || [];
  body.append(el("h3", {}, "Discrepancies these articles create or join"));
  if (!groups.length) body.append(el("p", {}, "None."));
  else body.append(el("ul", { id: "new-discrepancies" }, groups.map((g) =>
    el("li", {}, verdictBadge(g.verdict), " ", el("a", { href: groupHref(g.group_id) }, g.quantity || g.group_id),
      g.summary ? ` — ${g.summary}` : ""))));
  const section = document.getElementById("results");
  section.hidden = false;
  document.getElementById("results-heading").focus();
}

document.getElementById("add-article").addEventListener("click", () => {
  addArticle().querySelector("textarea").focus();
});

document.getElementById("files").addEventListener("change", (e) => onFiles(Array.from(e.target.files)));

const zone = document.getElementById("dropzone");
zone.addEventListener("dragover", (e) => {
  e.preventDefault();
  zone.classList.add("dropzone--over");
});
zone.addEventListener("dragleave", () => zone.classList.remove("dropzone--over"));
zone.addEventListener("drop", (e) => {
  e.preventDefault();
  zone.classList.remove("dropzone--over");
  onFiles(Array.from(e.dataTransfer.files));
});

const keyInput = document.getElementById("api-key");
keyInput.value = sessionStorage.getItem("reconcile-api-key") || "";
keyInput.addEventListener("change", () => sessionStorage.setItem("reconcile-api-key", keyInput.value));

document.getElementById("add-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const status = document.getElementById("send-status");
  const articles = collect();
  if (!articles) {
    setStatus(status, "Some articles have no text; see the marked forms.", "error");
    return;
  }
  const button = document.getElementById("send");
  button.disabled = true;
  setStatus(status, `Sending ${articles.length} article${articles.length === 1 ? "" : "s"}…`);
  const headers = keyInput.value ? { "X-API-Key": keyInput.value } : {};
  try {
    const response = await api("/v1/articles", { method: "POST", body: { articles }, headers });
    setStatus(status, `Stored ${articles.length} article${articles.length === 1 ? "" : "s"}.`, "ok");
    showResults(response, articles);
  } catch (err) {
    const hint = err.status === 401 ? " Enter the API key under “API key”." : "";
    setStatus(status, `Not stored: ${err.message}.${hint}`, "error");
  } finally {
    button.disabled = false;
  }
});

addArticle();
