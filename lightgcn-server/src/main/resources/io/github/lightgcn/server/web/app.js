// The page of the anime recommender: autocomplete from /api/anime, likes folded in by POST /api/recommend, a MAL
// export uploaded as it is, and similar anime by following a #similar=ID link. No build step, nothing fetched
// from anywhere but this service.
"use strict";

const $ = (id) => document.getElementById(id);
const search = $("search"), suggestions = $("suggestions"), chosen = $("chosen"), button = $("recommend");
const results = $("results"), statusLine = $("status"), heading = $("heading"), count = $("count");
const likes = new Map(); // MAL id -> title, in the order picked
let active = -1, searchSeq = 0, timer = 0;

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v; else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

const members = (m) => m < 0 ? "" : m >= 1e6 ? (m / 1e6).toFixed(1) + "M members"
  : m >= 1e3 ? Math.round(m / 1e3) + "k members" : m + " members";
const describe = (a) => [a.type, members(a.members)].filter(Boolean).join(" · ");

async function api(url, options) {
  const response = await fetch(url, options);
  const body = await response.json().catch(() => ({ error: "HTTP " + response.status }));
  if (!response.ok) throw Object.assign(new Error(body.error || "HTTP " + response.status), { body });
  return body;
}

function setStatus(text, isError) {
  statusLine.textContent = text;
  statusLine.classList.toggle("error", !!isError);
}

// --- autocomplete
function closeSuggestions() {
  suggestions.hidden = true;
  suggestions.replaceChildren();
  search.setAttribute("aria-expanded", "false");
  active = -1;
}

function highlight(i) {
  const items = suggestions.querySelectorAll(".suggestion");
  items.forEach((li, j) => li.setAttribute("aria-selected", String(j === i)));
  active = i;
  if (items[i]) items[i].scrollIntoView({ block: "nearest" });
}

async function suggest() {
  const q = search.value.trim();
  const seq = ++searchSeq;
  if (!q) return closeSuggestions();
  try {
    const reply = await api("/api/anime?n=8&q=" + encodeURIComponent(q.slice(0, 200)));
    if (seq !== searchSeq) return; // a newer keystroke won
    suggestions.replaceChildren(...reply.items.map((a) =>
      el("li", { class: "suggestion", role: "option", "data-id": a.id, onmousedown: (e) => { e.preventDefault(); pick(a); } },
        a.title, el("small", {}, [describe(a), a.genres.slice(0, 3).join(", ")].filter(Boolean).join(" — ")))));
    if (!reply.items.length) suggestions.append(el("li", { class: "empty" }, "No anime starts with that."));
    suggestions.hidden = false;
    search.setAttribute("aria-expanded", "true");
    highlight(reply.items.length ? 0 : -1);
    suggestions._items = reply.items;
  } catch (e) {
    setStatus(e.message, true);
  }
}

function pick(a) {
  likes.set(a.id, a.title);
  search.value = "";
  closeSuggestions();
  renderChosen();
  search.focus();
}

function renderChosen() {
  chosen.replaceChildren(...[...likes].map(([id, title]) =>
    el("li", { class: "chip" }, title, el("button", { type: "button", "aria-label": "Remove " + title,
      onclick: () => { likes.delete(id); renderChosen(); } }, "×"))));
  button.disabled = likes.size === 0;
  if (!likes.size) setStatus("Choose at least one anime.");
}

search.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(suggest, 120); });
search.addEventListener("blur", () => setTimeout(closeSuggestions, 100));
search.addEventListener("keydown", (e) => {
  const items = suggestions._items || [];
  if (e.key === "ArrowDown" && items.length) { e.preventDefault(); highlight((active + 1) % items.length); }
  else if (e.key === "ArrowUp" && items.length) { e.preventDefault(); highlight((active - 1 + items.length) % items.length); }
  else if (e.key === "Enter" && active >= 0 && items[active]) { e.preventDefault(); pick(items[active]); }
  else if (e.key === "Escape") closeSuggestions();
});

// --- results
function showResults(title, items, note) {
  heading.textContent = title;
  setStatus(note || (items.length ? "" : "No anime left to recommend."));
  results.replaceChildren(...items.map((a) => el("li", { class: "result" },
    el("span", { class: "title" }, a.title),
    el("span", { class: "score", title: "score" }, a.score.toFixed(3)),
    el("span", { class: "meta" }, describe(a), " · ",
      el("a", { class: "similar", href: "#similar=" + a.id }, "similar anime →")),
    el("ul", { class: "genres" }, ...a.genres.map((g) => el("li", {}, g))))));
}

async function recommend() {
  setStatus("Thinking…");
  try {
    const reply = await api("/api/recommend", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ likes: [...likes.keys()], n: Number(count.value) }) });
    likes.clear();
    for (const a of reply.likes) likes.set(a.id, a.title);
    renderChosen();
    showResults("Because you like " + [...likes.values()].join(", "), reply.items);
    history.replaceState(null, "", "#likes=" + [...likes.keys()].join(",")); // a link to share
  } catch (e) {
    setStatus(e.message, true);
  }
}

async function upload(file) {
  setStatus("Reading " + file.name + "…");
  const gzip = /\.gz$/i.test(file.name);
  try {
    const reply = await api("/api/recommend?n=" + count.value, { method: "POST",
      headers: { "Content-Type": gzip ? "application/gzip" : "application/xml" }, body: file });
    showResults("For the owner of " + file.name, reply.items, reply.list.summary);
  } catch (e) {
    setStatus(e.message, true);
  }
}

async function similar(id) {
  setStatus("Looking…");
  try {
    const reply = await api("/api/similar?n=" + count.value + "&anime=id:" + encodeURIComponent(id));
    showResults("Similar to " + reply.anime.title, reply.items);
  } catch (e) {
    setStatus(e.message, true);
  }
}

function route() {
  const m = /^#similar=(\d+)$/.exec(location.hash), l = /^#likes=(\d+(?:,\d+)*)$/.exec(location.hash);
  if (m) similar(m[1]);
  else if (l && !likes.size) { // a shared link: its likes, then their recommendations
    for (const id of l[1].split(",").slice(0, 50)) likes.set(Number(id), "#" + id);
    recommend();
  }
}

button.addEventListener("click", recommend);
$("mal-file").addEventListener("change", (e) => { if (e.target.files[0]) upload(e.target.files[0]); });
window.addEventListener("hashchange", route);
api("/api/health").then((h) => {
  $("model").textContent = "Model: " + h.model.anime + " anime, " + h.model.users + " users, trained "
    + (h.model.created || "?").slice(0, 10) + " · lightgcn-java " + h.model.library;
}).catch(() => {});
route();
