// The benchmark's baseline: the same screens as the app, written by hand in plain
// JavaScript with no framework, to show what the browser itself costs. It reads and writes
// the same IndexedDB records, parses and writes the same review files and builds the same
// DOM (the same elements and classes, styled by the app's own stylesheet), so the ratio
// app/baseline measures what the app adds on top of the platform. It does the least that
// does the job: no validation beyond JSON.parse and a shape check, no reactivity.
import { openDatabase, storedRecord, reviewFile, REVIEWS, LIBRARY } from "/bench/lib/records.mjs";
import { layout, connectorPath, FOCAL_W, FOCAL_H } from "/bench/lib/tree-layout.mjs";

const AUTOSAVE_DELAY_MS = 400; // the app's autosave pause (src/ui/autosave.rs)
const dbPromise = openDatabase();

// ---- DOM helper ----------------------------------------------------------------------

function h(tag, props, ...kids) {
  const el = document.createElement(tag);
  if (props) {
    for (const k in props) {
      const v = props[k];
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") el.className = v;
      else if (k === "value") el.value = v;
      else if (k === "checked") el.checked = v;
      else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? "" : v);
    }
  }
  for (const kid of kids) {
    if (kid === null || kid === undefined || kid === false) continue;
    if (Array.isArray(kid)) kid.forEach((k) => k && el.append(k));
    else el.append(kid);
  }
  return el;
}
const hidden = (text) => h("span", { class: "visually-hidden" }, text);

function formatLocal(iso) {
  const d = new Date(iso);
  const m = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][d.getMonth()];
  const two = (n) => String(n).padStart(2, "0");
  return `${d.getDate()} ${m} ${d.getFullYear()}, ${two(d.getHours())}:${two(d.getMinutes())}`;
}

// ---- IndexedDB -------------------------------------------------------------------------

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function listEntries() {
  const db = await dbPromise;
  const texts = await request(db.transaction(LIBRARY).objectStore(LIBRARY).getAll());
  const out = [];
  for (const t of texts) {
    try {
      out.push(JSON.parse(t));
    } catch {}
  }
  return out;
}

async function loadReview(id) {
  const db = await dbPromise;
  const tx = db.transaction([REVIEWS, LIBRARY]);
  const [text, entry] = await Promise.all([
    request(tx.objectStore(REVIEWS).get(id)),
    request(tx.objectStore(LIBRARY).get(id)),
  ]);
  if (text == null || entry == null) return null;
  const file = JSON.parse(text);
  return { review: file.reviews[0], revision: JSON.parse(entry).revision };
}

/** Conflict-checked save in one transaction, as the app does. Resolves with the revision. */
async function save(review, baseRevision) {
  const db = await dbPromise;
  return new Promise((resolve, reject) => {
    const tx = db.transaction([REVIEWS, LIBRARY], "readwrite");
    const library = tx.objectStore(LIBRARY);
    let revision;
    library.get(review.id).onsuccess = (e) => {
      const stored = e.target.result ? JSON.parse(e.target.result).revision : 0;
      if (baseRevision !== null && stored !== baseRevision) {
        tx.abort();
        return;
      }
      revision = stored + 1;
      const rec = storedRecord(review, revision);
      tx.objectStore(REVIEWS).put(rec.reviewText, review.id);
      library.put(rec.entryText, review.id);
    };
    tx.oncomplete = () => resolve(revision);
    tx.onabort = () => reject(tx.error || new Error("conflict"));
  });
}

// ---- Frame and notices -------------------------------------------------------------------

let main;
let noticeArea;
function frame() {
  document.getElementById("boot")?.remove();
  document.body.append(
    h("a", { class: "skip-link", href: "#main" }, "Skip to main content"),
    h(
      "header",
      { class: "app-header" },
      h("a", { class: "brand", href: "#/" }, h("span", { class: "brand-mark", "aria-hidden": "true" }), "Case Review Studio"),
      h("nav", { "aria-label": "Main" }, h("ul", null, h("li", null, h("a", { href: "#/" }, "Reviews")), h("li", null, h("a", { href: "#/about" }, "About")))),
    ),
    (main = h("main", { id: "main", tabindex: "-1" })),
    (noticeArea = h("div", { class: "notice-area", role: "status", "aria-live": "polite" })),
  );
}
function notice(text) {
  noticeArea.replaceChildren(
    h("div", { class: "notice" }, h("p", null, text), h("button", { class: "button-quiet", "aria-label": "Dismiss message", onclick: () => noticeArea.replaceChildren() }, "×")),
  );
}

function download(name, text) {
  const blob = new Blob([text], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function fileName(title, when) {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "review";
  return `${slug}-${when.slice(0, 10)}.json`;
}

// ---- Library -------------------------------------------------------------------------

async function importFile(file) {
  const text = await file.text();
  let doc;
  try {
    doc = JSON.parse(text);
  } catch {
    notice(`“${file.name}” was not imported. It is not a review file.`);
    return;
  }
  if (doc.format !== "case-review-studio" || !Array.isArray(doc.reviews) || doc.reviews.length === 0) {
    notice(`“${file.name}” was not imported. It is not a review file.`);
    return;
  }
  for (const review of doc.reviews) await save(review, 0);
  notice(doc.reviews.length === 1 ? "Imported 1 review." : `Imported ${doc.reviews.length} reviews.`);
  await showLibrary();
}

async function showLibrary() {
  const entries = await listEntries();
  entries.sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0));
  const unexported = entries.filter((e) => !e.last_exported || e.updated > e.last_exported).length;
  const input = h("input", {
    type: "file",
    accept: ".json,application/json",
    multiple: true,
    hidden: true,
    "aria-label": "Review file to open",
    onchange: (e) => {
      for (const f of e.target.files) importFile(f);
      e.target.value = "";
    },
  });
  const cards = entries.map((s) => {
    const kind = s.kind === "case_discussion" ? "Case discussion" : "Learning Together review";
    const exported = s.last_exported;
    const state = !exported
      ? h("span", { class: "warn-text" }, "Never exported")
      : s.updated > exported
        ? h("span", { class: "warn-text" }, "Changed since export on ", formatLocal(exported))
        : h("span", null, "Exported ", formatLocal(exported));
    return h(
      "li",
      { class: "review-card" },
      h(
        "div",
        { class: "review-card-main" },
        h("a", { class: "review-title", href: `#/review/${s.id}` }, s.title),
        h("p", { class: "review-meta" }, h("span", { class: "kind-tag" }, kind), h("span", null, "Last changed ", formatLocal(s.updated)), state),
      ),
      h(
        "div",
        { class: "review-card-actions", role: "group", "aria-label": `Actions for ${s.title}` },
        h("button", { class: "button-quiet" }, "Rename"),
        h("button", { class: "button-quiet" }, "Duplicate"),
        h("button", { class: "button-quiet" }, "Export"),
        h("button", { class: "button-quiet danger" }, "Delete"),
      ),
    );
  });
  const page = h(
    "div",
    { class: "page" },
    h(
      "section",
      { class: "hero", "aria-labelledby": "app-title" },
      h("h1", { id: "app-title" }, "Case Review Studio"),
      h("p", { class: "lede" }, "Run and write up child-safeguarding case reviews together: to learn, not to blame. Everything you write stays in this browser unless you export it."),
      h(
        "div",
        { class: "hero-actions" },
        h("button", { class: "button-primary" }, "New case discussion"),
        h("button", { class: "button-primary" }, "New Learning Together review"),
        h("button", { class: "button-secondary", onclick: () => input.click() }, "Open a review file"),
        input,
      ),
      h("p", { class: "hint" }, "You can also drop a review file anywhere on this page."),
    ),
    unexported > 0 &&
      h(
        "div",
        { class: "callout" },
        h("p", null, `${unexported === 1 ? "1 review has" : `${unexported} reviews have`} changes that are not in an exported file yet.`, " Some council laptops clear browser data when they close: an exported file is your safe copy."),
        h("button", { class: "button-secondary" }, "Export all reviews"),
      ),
    h(
      "section",
      { "aria-labelledby": "reviews-heading", class: "library" },
      h(
        "div",
        { class: "library-head" },
        h("h2", { id: "reviews-heading" }, "Your reviews"),
        h(
          "div",
          { class: "filters" },
          h("label", null, h("span", null, "Search reviews"), h("input", { type: "search" })),
          h("label", null, h("span", null, "Show"), h("select", null, h("option", { value: "all" }, "All reviews"), h("option", { value: "cd" }, "Case discussions"), h("option", { value: "lt" }, "Learning Together reviews"))),
        ),
      ),
      entries.length === 0
        ? h("p", { class: "empty" }, "No reviews yet. Start a case discussion or a Learning Together review, or open a review file.")
        : h("ul", { class: "review-list" }, cards),
    ),
  );
  main.replaceChildren(page);
}

// ---- Review --------------------------------------------------------------------------

const PROMPTS = [
  "Gather agency summary information and circulate it to attendees before the discussion.",
  "Those attending should take responsibility for having read the papers beforehand.",
  "Keep a focus on the lived experiences of the child: what is, or was, it like for them?",
  "What else do we need to know? Who else do we need to involve?",
];
const SECTIONS = [
  "1. The facts",
  "2. About the child and their lived experiences",
  "3. Immediate thoughts",
  "4. The analysis tree",
  "5. What are we worried about?",
  "6. What worked well?",
  "7. Missing information",
  "8. What needs to happen? (SMART)",
];
let nextUid = 0;
const uid = (p) => `${p}-${++nextUid}`;

function card(n, extraClass, ...kids) {
  const headingId = uid("heading");
  return h(
    "section",
    { class: `section-card${extraClass ? " " + extraClass : ""}`, id: `section-${n}`, "aria-labelledby": headingId },
    h(
      "div",
      { class: "section-card-head" },
      h("h2", { id: headingId }, SECTIONS[n - 1]),
      h("details", { class: "prompts" }, h("summary", null, "Facilitator prompts"), h("p", { class: "prompts-captures" }, PROMPTS[0]), h("ul", null, PROMPTS.map((p) => h("li", null, p)))),
    ),
    ...kids,
  );
}

/** The open review's editor state: the review, its revision, and the pending save. */
const open = { review: null, revision: 0, timer: null, inFlight: false, dirty: false, indicator: null };

function changed() {
  open.dirty = true;
  open.indicator.className = "save-indicator saving";
  open.indicator.textContent = "Saving…";
  clearTimeout(open.timer);
  open.timer = setTimeout(flush, AUTOSAVE_DELAY_MS);
}

async function flush() {
  clearTimeout(open.timer);
  if (open.inFlight || !open.dirty) return;
  open.inFlight = true;
  open.dirty = false;
  open.review.updated = new Date().toISOString();
  open.revision = await save(open.review, open.revision);
  open.inFlight = false;
  if (open.dirty) flush();
  else {
    open.indicator.className = "save-indicator saved";
    open.indicator.textContent = "Saved on this device";
  }
}

/** A text input or textarea bound to obj[key]. */
function bound(tag, obj, key, attrs = {}) {
  return h(tag, {
    ...attrs,
    value: obj[key] ?? "",
    oninput: (e) => {
      obj[key] = e.target.value;
      changed();
    },
  });
}

function field(label, control) {
  const id = uid("field");
  control.id = id;
  return h("div", { class: "field" }, h("label", { for: id }, label), control);
}

function removeButton(what) {
  return h("button", { class: "button-quiet" }, "Remove", hidden(` ${what}`));
}

function addRow(label, button) {
  const id = uid("add");
  return h("div", { class: "add-row" }, h("label", { class: "visually-hidden", for: id }, label), h("input", { id, type: "text", placeholder: `${label} and press Enter` }), h("button", { class: "button-secondary" }, button));
}

// The analysis tree: the board (boxes placed by the app's own layout arithmetic, SVG
// connectors, pointer dragging), as the app's diagram view draws it.
const SVG = "http://www.w3.org/2000/svg";

/** Every box: its node, side, index in its row and the row's length. */
function treeInfo(tree) {
  const info = new Map();
  const walk = (nodes, side, row) =>
    nodes.forEach((node, index) => {
      info.set(node.id, { node, side, index, setsize: nodes.length, row });
      walk(node.children, side, node.children);
    });
  walk(tree.effects, "effects", tree.effects);
  walk(tree.causes, "causes", tree.causes);
  return info;
}

const inSubtree = (node, id) => node.id === id || node.children.some((c) => inSubtree(c, id));

function boxClass(b, i, board) {
  let c = `tree-box ${b.side === "effects" ? "effect" : "cause"}`;
  if (b.side === "causes" && i.node.status === "hypothesis") c += " hypothesis";
  if (b.side === "causes" && i.node.status === "agreed_root_cause") c += " agreed";
  if (board.selected === b.id) c += " selected";
  return c;
}

function statusWord(b, i) {
  if (b.side !== "causes") return "";
  return i.node.status === "hypothesis" ? "Hypothesis" : i.node.status === "agreed_root_cause" ? "Agreed root cause" : "";
}

function treeBox(b, i, board) {
  const word = statusWord(b, i);
  const el = h(
    "div",
    {
      id: `tree-node-${b.id}`,
      class: boxClass(b, i, board),
      "data-node-id": b.id,
      role: "treeitem",
      "aria-level": b.depth + 1,
      "aria-posinset": i.index + 1,
      "aria-setsize": i.setsize,
      "aria-expanded": i.node.children.length ? "true" : null,
      "aria-selected": "false",
      tabindex: "-1",
      style: `left: ${b.x}px; top: ${b.y}px; width: 210px; height: 92px;`,
    },
    hidden(`${b.side === "effects" ? "Effect" : "Cause"}: `),
    h("span", { class: "box-text" }, i.node.text.trim() ? i.node.text : "(empty)"),
    word && h("span", { class: "box-status" }, word),
  );
  return el;
}

function connectors(l) {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("class", "tree-lines");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  svg.setAttribute("width", l.width);
  svg.setAttribute("height", l.height);
  for (const b of l.boxes) {
    const p = document.createElementNS(SVG, "path");
    p.setAttribute("d", connectorPath(l, b));
    svg.append(p);
  }
  return svg;
}

function actionsPanel(board) {
  const id = board.selected;
  if (id === null) {
    return [h("span", { class: "selected-label" }, "Focal point"), h("button", { class: "button-secondary" }, "Edit focal point"), h("button", { class: "button-secondary" }, "Add effect"), h("button", { class: "button-secondary" }, "Add cause")];
  }
  const i = board.info.get(id);
  const effect = i.side === "effects";
  return [
    h("span", { class: "selected-label" }, `${effect ? "Effect" : "Cause"} “${i.node.text.slice(0, 60)}”`),
    h("button", { class: "button-secondary" }, "Edit text"),
    h("button", { class: "button-secondary" }, effect ? "Add further effect" : "Add deeper cause"),
    h("button", { class: "button-secondary" }, effect ? "Add effect beside" : "Add cause beside"),
    h("button", { class: "button-secondary" }, "Move"),
    h("button", { class: "button-secondary" }, "Move earlier"),
    h("button", { class: "button-secondary" }, "Move later"),
    !effect && h("button", { class: "button-secondary", "aria-pressed": String(i.node.status === "hypothesis") }, "Hypothesis"),
    !effect && h("button", { class: "button-secondary", "aria-pressed": String(i.node.status === "agreed_root_cause") }, "Agreed root cause"),
    h("button", { class: "button-secondary danger" }, "Delete box"),
  ];
}

function treeSection(cd) {
  const tree = cd.tree;
  const board = { tree, selected: null, layout: layout(tree), info: treeInfo(tree), boxes: new Map() };
  const l = board.layout;
  const focal = h(
    "div",
    { id: "tree-focal", class: "tree-focal ", "data-focal": "true", role: "treeitem", "aria-level": "1", "aria-expanded": "true", "aria-selected": "true", tabindex: "0", style: `left: ${l.focalX}px; top: ${l.focalY}px; width: ${FOCAL_W}px; height: ${FOCAL_H}px;` },
    hidden("Focal point: "),
    h("span", { class: "box-text" }, tree.focal_point.trim() ? tree.focal_point : "Focal point (tap, then Edit)"),
  );
  const items = h("div", { role: "tree", "aria-label": "Analysis tree", "aria-describedby": "tree-keys", class: "tree-items" }, focal);
  for (const b of l.boxes) {
    const el = treeBox(b, board.info.get(b.id), board);
    board.boxes.set(b.id, el);
    items.append(el);
  }
  let lines = connectors(l);
  const canvas = h("div", { class: "tree-canvas", style: `width: ${l.width}px; height: ${l.height}px; transform: scale(1);` }, lines, items);
  const stage = h("div", { class: "tree-stage", style: `width: ${l.width}px; height: ${l.height}px;` }, canvas);
  // Zoom as the app's board does it: the canvas scaled, the stage sized to the scaled board.
  let zoom = 1;
  const zoomLevel = h("span", { class: "zoom-level", "aria-live": "polite" }, "100%");
  const sizeStage = () => {
    stage.style.width = `${board.layout.width * zoom}px`;
    stage.style.height = `${board.layout.height * zoom}px`;
    canvas.style.transform = `scale(${zoom})`;
  };
  const setZoom = (z) => {
    zoom = Math.min(2.5, Math.max(0.2, z));
    zoomLevel.textContent = `${Math.round(zoom * 100)}%`;
    sizeStage();
  };
  const actions = h("div", { class: "tree-actions", role: "group", "aria-label": "Selected box" }, actionsPanel(board));
  const announce = h("div", { class: "visually-hidden", "aria-live": "assertive", role: "status" });
  const editor = h(
    "div",
    { class: "tree-editor" },
    h(
      "div",
      { class: "tree-toolbar", role: "toolbar", "aria-label": "Tree tools" },
      h("button", { class: "button-secondary", disabled: true, "aria-keyshortcuts": "Control+Z" }, "Undo"),
      h("button", { class: "button-secondary", disabled: true, "aria-keyshortcuts": "Control+Shift+Z" }, "Redo"),
      h("span", { class: "toolbar-gap" }),
      h("button", { class: "button-secondary", onclick: () => setZoom(zoom / 1.25) }, "Zoom out"),
      zoomLevel,
      h("button", { class: "button-secondary", onclick: () => setZoom(zoom * 1.25) }, "Zoom in"),
      h("button", { class: "button-secondary" }, "Fit to screen"),
      h("button", { class: "button-secondary" }, "Actual size"),
      h("span", { class: "toolbar-gap" }),
      h("button", { class: "button-quiet" }, "Save as SVG"),
      h("button", { class: "button-quiet" }, "Save as PNG"),
    ),
    actions,
    h("p", { id: "tree-keys", class: "hint tree-keys" }, "Keys: arrows move between boxes · Enter edits · A adds a box beyond · S adds one beside · E adds an effect from the focal point · Space picks a box up to move it (arrows, then Enter; Escape puts it back) · Delete removes · Ctrl+Z undoes."),
    h("div", { class: "tree-viewport" }, stage),
    announce,
  );

  /** After a change to the tree: places, classes and connectors brought up to date. */
  const refresh = () => {
    const nl = layout(tree);
    board.layout = nl;
    board.info = treeInfo(tree);
    let prev = focal;
    for (const b of nl.boxes) {
      const el = board.boxes.get(b.id);
      const i = board.info.get(b.id);
      // Boxes stay in tree order in the DOM (it is the reading order of the treeitems).
      if (prev.nextElementSibling !== el) prev.after(el);
      prev = el;
      el.style.left = `${b.x}px`;
      el.style.top = `${b.y}px`;
      el.className = boxClass(b, i, board);
      el.setAttribute("aria-level", b.depth + 1);
      el.setAttribute("aria-posinset", i.index + 1);
      el.setAttribute("aria-setsize", i.setsize);
      if (i.node.children.length) el.setAttribute("aria-expanded", "true");
      else el.removeAttribute("aria-expanded");
      el.setAttribute("aria-selected", String(board.selected === b.id));
      el.tabIndex = board.selected === b.id ? 0 : -1;
      el.firstChild.textContent = `${b.side === "effects" ? "Effect" : "Cause"}: `;
      const word = statusWord(b, i);
      const status = el.querySelector(".box-status");
      if (word && !status) el.append(h("span", { class: "box-status" }, word));
      else if (!word && status) status.remove();
    }
    focal.style.top = `${nl.focalY}px`;
    focal.style.left = `${nl.focalX}px`;
    focal.setAttribute("aria-selected", String(board.selected === null));
    canvas.style.width = `${nl.width}px`;
    canvas.style.height = `${nl.height}px`;
    sizeStage();
    const fresh = connectors(nl);
    lines.replaceWith(fresh);
    lines = fresh;
    actions.replaceChildren(...actionsPanel(board).filter(Boolean));
  };

  // Pointer dragging, as the app's board does it.
  let press = null;
  let ghost = null;
  let over = null; // { el, cls }
  const hitTest = (x, y, dragged) => {
    const el = document.elementFromPoint(x, y);
    if (!el) return null;
    const nodeEl = el.closest("[data-node-id]");
    if (nodeEl) {
      const id = Number(nodeEl.getAttribute("data-node-id"));
      if (id === dragged) return null;
      const rect = nodeEl.getBoundingClientRect();
      const rel = (x - rect.left) / Math.max(rect.width, 1);
      return { kind: rel < 0.25 ? "before" : rel > 0.75 ? "after" : "under", id, el: nodeEl };
    }
    const f = el.closest("[data-focal]");
    if (f) {
      const rect = f.getBoundingClientRect();
      return { kind: "focal", side: y < rect.top + rect.height / 2 ? "effects" : "causes", el: f };
    }
    return null;
  };
  const allowed = (node, target) => target.kind === "focal" || !inSubtree(board.info.get(node).node, target.id);
  const mark = (target, valid) => {
    const cls = !target ? null : target.kind === "focal" ? `drop-${target.side}` : valid ? `drop-${target.kind}` : "drop-invalid";
    if (over && (!target || over.el !== target.el || over.cls !== cls)) over.el.classList.remove(over.cls);
    if (target) target.el.classList.add(cls);
    over = target ? { el: target.el, cls } : null;
  };
  items.addEventListener("pointerdown", (e) => {
    const el = e.target.closest("[data-node-id]");
    if (!el || e.button !== 0 || e.target.closest("button, textarea, select")) return;
    press = { id: Number(el.getAttribute("data-node-id")), el, pointer: e.pointerId, x: e.clientX, y: e.clientY, dragging: false };
    el.setPointerCapture(e.pointerId);
  });
  items.addEventListener("pointermove", (e) => {
    if (!press || press.pointer !== e.pointerId) return;
    if (!press.dragging && Math.hypot(e.clientX - press.x, e.clientY - press.y) < 8) return;
    if (!press.dragging) {
      press.dragging = true;
      press.el.classList.add("dragging");
      announce.textContent = `Dragging “${board.info.get(press.id).node.text.slice(0, 60)}”.`;
      ghost = h("div", { class: "drag-ghost", "aria-hidden": "true" }, board.info.get(press.id).node.text);
      editor.append(ghost);
    }
    e.preventDefault();
    const target = hitTest(e.clientX, e.clientY, press.id);
    const valid = !!target && allowed(press.id, target);
    ghost.classList.toggle("invalid", !valid);
    ghost.style.transform = `translate(${e.clientX + 12}px, ${e.clientY + 12}px)`;
    mark(target, valid);
    press.target = target;
    press.valid = valid;
  });
  const finish = (e, cancelled) => {
    if (!press || press.pointer !== e.pointerId) return;
    const p = press;
    press = null;
    ghost?.remove();
    ghost = null;
    p.el.classList.remove("dragging");
    mark(null, false);
    if (cancelled || !p.dragging) return;
    if (!p.target) {
      announce.textContent = "Dropped outside the tree; nothing was changed.";
      return;
    }
    if (!p.valid) {
      announce.textContent = "A box cannot go under itself or under a box that grows from it. Nothing was changed.";
      return;
    }
    // The model: lift the box out of its row, put it where it was dropped.
    const from = board.info.get(p.id);
    const node = from.row.splice(from.index, 1)[0];
    const t = p.target;
    if (t.kind === "under") board.info.get(t.id).node.children.push(node);
    else if (t.kind === "focal") tree[t.side].push(node);
    else {
      const at = board.info.get(t.id);
      let index = at.index + (t.kind === "after" ? 1 : 0);
      if (at.row === from.row && from.index < index) index -= 1;
      at.row.splice(index, 0, node);
    }
    board.selected = p.id;
    focal.tabIndex = -1;
    refresh();
    announce.textContent = "Moved.";
    changed();
  };
  items.addEventListener("pointerup", (e) => finish(e, false));
  items.addEventListener("pointercancel", (e) => finish(e, true));

  return card(
    4,
    "tree-section",
    h("div", { class: "view-switch", role: "group", "aria-label": "Show the tree as" }, h("button", { class: "button-secondary", "aria-pressed": "true" }, "Diagram"), h("button", { class: "button-secondary", "aria-pressed": "false" }, "List")),
    editor,
  );
}

function headerSection(cd) {
  const hd = cd.header;
  const rows = hd.attendees.map((a, i) =>
    h(
      "tr",
      null,
      h("td", null, bound("input", a, "name", { type: "text", "aria-label": `Name of attendee ${i + 1}` })),
      h("td", null, bound("input", a, "role", { type: "text", "aria-label": `Role of attendee ${i + 1}` })),
      h("td", null, bound("input", a, "agency", { type: "text", "aria-label": `Agency of attendee ${i + 1}` })),
      h("td", null, bound("input", a, "second_hat", { type: "text", "aria-label": `Agency attendee ${i + 1} also speaks for` })),
      h("td", null, removeButton(`attendee ${i + 1}`)),
    ),
  );
  const agencies = [...new Set(hd.attendees.flatMap((a) => [a.agency, a.second_hat && `Speaking for ${a.second_hat}`]).filter(Boolean))];
  return h(
    "section",
    { class: "section-card", id: "cd-header", "aria-labelledby": "cd-header-title" },
    h("div", { class: "section-card-head" }, h("h2", { id: "cd-header-title" }, "Case Discussion Notes"), h("details", { class: "prompts" }, h("summary", null, "Assurance questions"), h("ul", null, PROMPTS.map((p) => h("li", null, p))))),
    h(
      "div",
      { class: "field-grid" },
      field("Child's name or pseudonym", bound("input", hd, "child_name", { type: "text" })),
      field("Date of referral", bound("input", hd, "date_of_referral", { type: "date" })),
      field("Date of case discussion", bound("input", hd, "date_of_discussion", { type: "date" })),
      field("Facilitator", bound("input", hd, "facilitator", { type: "text" })),
    ),
    field("Focal question for this discussion", bound("input", hd, "focal_question", { type: "text" })),
    h("h3", null, "Attendees"),
    rows.length
      ? h(
          "table",
          { class: "attendee-table" },
          h("caption", { class: "visually-hidden" }, "Attendees, their roles and agencies"),
          h("thead", null, h("tr", null, ["Name", "Role", "Agency", "Also speaking for (two hats)"].map((t) => h("th", { scope: "col" }, t)), h("th", { scope: "col" }, hidden("Actions")))),
          h("tbody", null, rows),
        )
      : h("p", { class: "muted" }, "No attendees recorded yet."),
    h("form", { class: "add-row" }, field("New attendee's name", h("input", { type: "text" })), field("Role", h("input", { type: "text" })), field("Agency", h("input", { type: "text" })), h("button", { type: "submit", class: "button-secondary" }, "Add attendee")),
    h("div", { class: "agency-check" }, h("h3", null, "Are key people from the right agencies present?"), h("p", null, "Agencies represented: ", h("strong", null, agencies.join(", ")), "."), h("p", { class: "muted" }, "Think about who is missing.")),
  );
}

function textList(items, noun) {
  const cap = noun[0].toUpperCase() + noun.slice(1);
  return [
    h("ol", { class: "text-list" }, items.map((x, i) => h("li", null, bound("textarea", x, "text", { rows: 2, "aria-label": `${cap} ${i + 1}` }), removeButton(`${noun} ${i + 1}`)))),
    addRow(`New ${noun}`, `Add ${noun}`),
  ];
}

function actionCard(a, n) {
  const id = `action-${a.id}`;
  const days = uid("days");
  return h(
    "li",
    { class: "action-card" },
    h(
      "fieldset",
      null,
      h("legend", null, `Action ${n}`),
      h("div", { class: "field" }, h("label", { for: `${id}-what` }, "What is the action?"), bound("textarea", a, "action", { id: `${id}-what`, rows: 2 })),
      h(
        "div",
        { class: "field-grid" },
        h("div", { class: "field" }, h("label", { for: `${id}-who` }, "Who by (role or agency)"), bound("input", a, "who_by", { id: `${id}-who`, type: "text" })),
        h("div", { class: "field" }, h("span", { id: `${id}-when` }, "When (due date)"), bound("input", a, "due", { type: "date", "aria-label": `When is action ${n} due?` })),
      ),
      h("div", { class: "working-days" }, h("label", { for: days }, "Or set the due date in working days from the discussion"), h("input", { id: days, class: "days-input", type: "number", min: 0, max: 400, inputmode: "numeric" }), h("button", { class: "button-secondary", type: "button" }, "Set due date", hidden(` for action ${n}`)), h("p", { class: "hint", role: "status", "aria-live": "polite" })),
      h("div", { class: "field" }, h("label", { for: `${id}-how` }, "How will we know it is done?"), bound("input", a, "how_we_will_know", { id: `${id}-how`, type: "text" })),
      h("div", { class: "field" }, h("label", { for: `${id}-difference` }, "What difference will it make for the child?"), bound("input", a, "difference_for_child", { id: `${id}-difference`, type: "text" })),
      h("button", { class: "button-quiet danger" }, `Remove action ${n}`),
    ),
  );
}

function caseDiscussion(cd) {
  const aboutId = uid("area");
  const agreeId = uid("area");
  const dissentId = uid("area");
  return [
    h(
      "div",
      { class: "cd-layout" },
      h("nav", { class: "section-nav", "aria-label": "Sections of the discussion" }, h("ol", null, h("li", null, h("a", { href: "#cd-header" }, "Notes heading")), SECTIONS.map((s, i) => h("li", null, h("a", { href: `#section-${i + 1}` }, s))))),
      h(
        "div",
        { class: "cd-sections" },
        headerSection(cd),
        card(
          1,
          "",
          h("ul", { class: "item-rows" }, cd.facts.map((f, i) => h("li", { class: "item-row" }, bound("input", f, "text", { class: "grow", type: "text", "aria-label": `Document ${i + 1}` }), bound("input", f, "source", { type: "text", "aria-label": `Source of document ${i + 1}`, placeholder: "Source or agency" }), removeButton(`document ${i + 1}`)))),
          h("form", { class: "add-row" }, field("Document available (e.g. referral form, chronology)", h("input", { type: "text" })), field("Source or agency", h("input", { type: "text" })), h("button", { type: "submit", class: "button-secondary" }, "Add document")),
        ),
        card(2, "", h("div", { class: "field" }, h("label", { for: aboutId, class: "visually-hidden" }, "About the child and their lived experiences"), bound("textarea", cd, "about_child", { id: aboutId, rows: 6 }))),
        card(
          3,
          "",
          h(
            "ul",
            { class: "item-rows" },
            cd.immediate_thoughts.map((t, i) => {
              const group = uid("mark");
              const mark = (v) => () => {
                t.marked_as = v;
                changed();
              };
              return h(
                "li",
                { class: "item-row" },
                bound("input", t, "text", { class: "grow", type: "text", "aria-label": `Thought ${i + 1}` }),
                h("fieldset", { class: "mark-choice" }, h("legend", { class: "visually-hidden" }, `Is thought ${i + 1} a fact or a feeling?`), h("label", null, h("input", { type: "radio", name: group, checked: t.marked_as === "fact", onchange: mark("fact") }), "Fact"), h("label", null, h("input", { type: "radio", name: group, checked: t.marked_as === "feeling", onchange: mark("feeling") }), "Feeling")),
                removeButton(`thought ${i + 1}`),
              );
            }),
          ),
          addRow("New immediate thought", "Add as fact"),
        ),
        treeSection(cd),
        card(5, "", ...textList(cd.worries, "worry")),
        card(6, "", ...textList(cd.strengths, "thing that worked well")),
        card(
          7,
          "",
          h("p", { class: "prompt" }, "What else do we need to know? Who else do we need to involve?"),
          h("h3", null, "What we don't know and need to find out"),
          h("ul", { class: "item-rows" }, cd.information_gaps.map((g, i) => h("li", { class: "item-row" }, bound("input", g, "what", { class: "grow", type: "text", "aria-label": `Missing information ${i + 1}` }), bound("input", g, "who", { type: "text", "aria-label": `Who will find out missing information ${i + 1}`, placeholder: "Who will find out" }), bound("input", g, "by_when", { type: "date", "aria-label": `By when for missing information ${i + 1}` }), removeButton(`missing information ${i + 1}`)))),
          h("form", { class: "add-row" }, field("Something we need to find out", h("input", { type: "text" })), h("button", { type: "submit", class: "button-secondary" }, "Add missing information")),
          h("h3", null, "Who else do we need to involve?"),
          h("ul", { class: "item-rows" }, cd.people_to_involve.map((p, i) => h("li", { class: "item-row" }, bound("input", p, "who", { class: "grow", type: "text", "aria-label": `Person to involve ${i + 1}` }), bound("input", p, "why", { class: "grow", type: "text", "aria-label": `Why involve person ${i + 1}`, placeholder: "Why" }), removeButton(`person to involve ${i + 1}`)))),
          h("form", { class: "add-row" }, field("Someone else to involve (role or agency)", h("input", { type: "text" })), h("button", { type: "submit", class: "button-secondary" }, "Add person to involve")),
        ),
        card(
          8,
          "",
          h("ol", { class: "action-list" }, cd.actions.map((a, i) => actionCard(a, i + 1))),
          h("div", { class: "add-row" }, h("button", { class: "button-secondary" }, "Add action"), h("button", { class: "button-quiet" }, "Export action log (CSV)")),
          h("h3", null, "Outcome"),
          h("div", { class: "field" }, h("label", { for: agreeId }, "Is the room happy with the outcome? Record the agreement reached"), bound("textarea", cd.outcome, "agreement", { id: agreeId, rows: 6 })),
          h("div", { class: "field" }, h("label", { for: dissentId }, "Different views, noted sensitively"), bound("textarea", cd.outcome, "dissent", { id: dissentId, rows: 6 })),
        ),
      ),
    ),
    h(
      "section",
      { class: "capture-bar", "aria-label": "Quick capture" },
      h("label", { class: "capture-label", for: "capture-input" }, "Capture"),
      h("input", { id: "capture-input", type: "text", autocomplete: "off", placeholder: "Type what was said, then Enter to add to worries" }),
      h("div", { class: "capture-kinds", role: "group", "aria-label": "Add to" }, ["Worry", "Worked well", "Missing information", "Who else to involve"].map((k, i) => h("button", { class: "capture-kind", type: "button", "aria-pressed": String(i === 0) }, k, h("kbd", { "aria-hidden": "true" }, "Alt+" + "WGMI"[i])))),
      h("p", { class: "capture-status", role: "status", "aria-live": "polite" }),
    ),
  ];
}

async function showReview(id) {
  main.replaceChildren(h("div", { class: "page" }, h("p", { class: "muted" }, "Opening the review…")));
  const loaded = await loadReview(id);
  if (!loaded) {
    main.replaceChildren(h("div", { class: "page narrow" }, h("h1", null, "This review is not in this browser")));
    return;
  }
  const review = loaded.review;
  Object.assign(open, { review, revision: loaded.revision, timer: null, inFlight: false, dirty: false });
  open.indicator = h("p", { class: "save-indicator saved", role: "status", "aria-live": "polite" }, "Saved on this device");
  const cd = review.body.case_discussion;
  const exportFile = () => {
    const when = new Date().toISOString();
    review.last_exported = when;
    changed();
    const name = fileName(review.title, when);
    download(name, reviewFile([review], when));
    notice(`Exported to “${name}”. Keep it somewhere safe: it holds the case notes.`);
  };
  const page = h(
    "div",
    { class: "page review-page" },
    h(
      "div",
      { class: "review-toolbar" },
      h("nav", { "aria-label": "Breadcrumb", class: "breadcrumb" }, h("a", { href: "#/" }, "Your reviews"), h("span", { "aria-hidden": "true" }, " › "), h("span", null, cd ? "Case discussion" : "Learning Together review")),
      open.indicator,
      cd && h("a", { class: "button button-quiet", href: `#/review/${id}/print/notes` }, "Print notes"),
      cd && h("a", { class: "button button-quiet", href: `#/review/${id}/print/sheet` }, "Print tool sheet"),
      h("button", { class: "button-secondary", onclick: exportFile }, "Export file"),
    ),
    h("div", { class: "review-title-row" }, h("label", { class: "field title-field" }, h("span", null, "Review title"), bound("input", review, "title", { type: "text", class: "title-input" }))),
    cd ? caseDiscussion(cd) : h("p", null, review.body.learning_together?.scope ?? ""),
  );
  main.replaceChildren(page);
}

// ---- Routing -------------------------------------------------------------------------

function route() {
  if (open.review) flush();
  const m = location.hash.match(/^#\/review\/([0-9a-f-]{36})/);
  if (m) showReview(m[1]);
  else showLibrary();
}

addEventListener("hashchange", route);
addEventListener("pagehide", () => open.review && flush());
frame();
route();
