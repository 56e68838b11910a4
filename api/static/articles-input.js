// Turning dropped files into article records {text, source, url, published, title, id?}.
// Parsing happens in the browser; HTML goes through DOMParser, which never runs scripts.

const HEADER_KEYS = {
  title: "title", source: "source", outlet: "source", url: "url", date: "published",
  published: "published", author: "author", id: "id",
};
const HEADER_LINE = /^([A-Za-z]+)[ \t]*:[ \t]*(.*?)[ \t]*$/;

// A .txt article: optional "Key: value" header lines, a blank line, then the text
// (the same rule as reconcile.ingest.parse_txt).
export function parseTxt(raw) {
  const text = raw.replace(/^\uFEFF/, "");
  const lines = text.split("\n");
  const fields = {};
  let headerEnd = -1;
  for (let i = 0; i < Math.min(lines.length, 20); i++) {
    const line = lines[i].replace(/\r$/, "");
    if (line.trim() === "") {
      headerEnd = Object.keys(fields).length ? i : -1;
      break;
    }
    const m = HEADER_LINE.exec(line);
    if (!m || !(m[1].toLowerCase() in HEADER_KEYS)) break;
    fields[HEADER_KEYS[m[1].toLowerCase()]] = m[2];
  }
  if (headerEnd < 0) return { text };
  return { ...fields, published: isoDate(fields.published), text: lines.slice(headerEnd + 1).join("\n") };
}

export function isoDate(value) {
  if (!value) return "";
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(String(value).trim());
  return m ? m[1] : "";
}

// One JSON object -> record; accepts text or body, published or date, source or outlet.
export function fromRecord(obj) {
  if (!obj || typeof obj !== "object" || Array.isArray(obj)) throw new Error("a JSON article must be an object");
  const text = obj.text ?? obj.body;
  if (typeof text !== "string" || !text.trim()) throw new Error("the JSON article has no 'text' (or 'body') string");
  const str = (v) => (v === null || v === undefined ? "" : String(v));
  return {
    id: str(obj.id), text, title: str(obj.title), source: str(obj.source ?? obj.outlet),
    url: str(obj.url), published: isoDate(obj.published ?? obj.date), author: str(obj.author),
  };
}

export function parseJson(raw) {
  const data = JSON.parse(raw.replace(/^\uFEFF/, ""));
  if (Array.isArray(data)) return data.map(fromRecord);
  if (data && Array.isArray(data.articles)) return data.articles.map(fromRecord);
  return [fromRecord(data)];
}

export function parseJsonl(raw) {
  const out = [];
  raw.replace(/^\uFEFF/, "").split("\n").forEach((line, n) => {
    if (!line.trim()) return;
    try {
      out.push(fromRecord(JSON.parse(line)));
    } catch (e) {
      throw new Error(`line ${n + 1}: ${e.message}`);
    }
  });
  return out;
}

const BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td";

// An HTML page -> its title, outlet, URL, date and the text of its main content, paragraph by paragraph.
export function parseHtml(raw) {
  const doc = new DOMParser().parseFromString(raw, "text/html");
  doc.querySelectorAll("script, style, noscript, template, iframe, nav, header, footer, aside, form").forEach((n) => n.remove());
  const meta = (sel) => {
    const node = doc.querySelector(sel);
    return node ? (node.getAttribute("content") || "").trim() : "";
  };
  const root = doc.querySelector("article") || doc.querySelector("main") || doc.body;
  let paragraphs = root ? Array.from(root.querySelectorAll(BLOCKS))
    .filter((n) => !n.querySelector(BLOCKS))
    .map((n) => n.textContent.replace(/\s+/g, " ").trim())
    .filter(Boolean) : [];
  if (!paragraphs.length && root) paragraphs = [root.textContent.replace(/\s+/g, " ").trim()];
  const title = meta('meta[property="og:title"]') || (doc.querySelector("title")?.textContent || "").trim()
    || (doc.querySelector("h1")?.textContent || "").trim();
  const canonical = doc.querySelector('link[rel="canonical"]');
  return {
    text: paragraphs.join("\n"),
    title,
    source: meta('meta[property="og:site_name"]') || meta('meta[name="publisher"]'),
    url: meta('meta[property="og:url"]') || (canonical ? canonical.getAttribute("href") || "" : ""),
    published: isoDate(meta('meta[property="article:published_time"]') || meta('meta[name="date"]')
      || doc.querySelector("time[datetime]")?.getAttribute("datetime")),
  };
}

// One File -> a list of records; throws an Error with a plain reason when it cannot be read.
export async function readFile(file) {
  const name = file.name.toLowerCase();
  const raw = await file.text();
  if (raw.slice(0, 8192).includes("\u0000")) throw new Error("binary file (contains NUL bytes)");
  let records;
  if (name.endsWith(".jsonl")) records = parseJsonl(raw);
  else if (name.endsWith(".json")) records = parseJson(raw);
  else if (name.endsWith(".html") || name.endsWith(".htm")) records = [parseHtml(raw)];
  else if (name.endsWith(".txt") || name.endsWith(".text")) records = [parseTxt(raw)];
  else throw new Error("not a .txt, .html, .json or .jsonl file");
  records = records.filter((r) => r.text && r.text.trim());
  if (!records.length) throw new Error("no article text in it");
  return records;
}
