// Case Review Studio benchmark: what people feel, measured in headless Chromium against a
// hand-written vanilla-JS baseline doing the same work (bench/baseline/), normally and with
// the CPU slowed 4x, several runs each. Writes bench/results.json and bench/RESULTS.md.
// Reports numbers only: nothing here passes or fails on timing.
//
//   node bench/run.mjs [--dist dist] [--runs 5] [--throttled-runs 3] [--out bench]
//                      [--only size,cold,repeat,review,typing,tree,export,import,history] [--no-profile]
//                      [--label "what the build was made from"]
//   node bench/run.mjs --report-only [--out bench]   (rewrite RESULTS.md from results.json)
//
// Playwright comes from tests/e2e/node_modules; the browser is Debian's /usr/bin/chromium
// (never downloaded).
import { createRequire } from "node:module";
import { readFile, readdir, stat, writeFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { execFileSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import os from "node:os";

import { startServer } from "./lib/server.mjs";
import { dataset, reviewFile, storedRecord } from "./lib/records.mjs";
import { layout } from "./lib/tree-layout.mjs";

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, "..");
const require = createRequire(join(ROOT, "tests/e2e/package.json"));
const { chromium } = require("@playwright/test");
const PLAYWRIGHT_VERSION = require("@playwright/test/package.json").version;

// ---- Options -------------------------------------------------------------------------

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const DIST = resolve(ROOT, opt("dist", "dist"));
const RUNS = Number(opt("runs", 5));
const THROTTLED_RUNS = Number(opt("throttled-runs", Math.min(RUNS, 3)));
const OUT = resolve(ROOT, opt("out", "bench"));
const ONLY = new Set(opt("only", "size,cold,repeat,review,typing,tree,export,import,history").split(","));
const PROFILE = !args.includes("--no-profile");
// Where to keep each profile's raw .cpuprofile and its 40 hottest functions (for a build that
// keeps function names: `--dist` of a names-kept build); off by default.
const PROFILE_OUT = opt("profile-out", null);
// What the build in --dist was made from; by default the working tree's git state.
const LABEL = opt("label", null);
const RUN_TIMEOUT_MS = 120_000;

const MODES = [
  { name: "normal", rate: 1, runs: RUNS },
  { name: "4x CPU", rate: 4, runs: THROTTLED_RUNS },
];
const SIDES = ["app", "baseline"];
const LAUNCH = {
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
};
const CONTEXT = {
  viewport: { width: 1366, height: 768 },
  locale: "en-GB",
  timezoneId: "Europe/London",
  acceptDownloads: true,
};
const TYPING_GAP_MS = 100; // a fast typist: ten keys a second
const TYPED = (label, mode, run) => ` t${label[0]}${mode.rate}x${run % 10}qzwv`; // 10 keys, unique to the run
const TREE_NODES = 500;
// The drag: a cause with 50 boxes under it (counting itself) carried up across the focal
// point onto an effect box (depth 1 or 2). Which pair is chosen on each board as it is drawn:
// the two nearest each other on screen, so that both are in view together whatever the
// board's layout (the app sizes its boxes to their words; the baseline uses
// bench/lib/tree-layout.mjs). The work is the same on both: 50 boxes moved.
const TREE = dataset("tree")[0].body.case_discussion.tree;
const DRAG_SOURCES = (() => {
  const size = (n) => 1 + n.children.reduce((k, c) => k + size(c), 0);
  return TREE.causes.filter((n) => size(n) === 50).map((n) => n.id);
})();
const DROP_TARGETS = (() => {
  const out = [];
  const walk = (nodes, depth) => {
    for (const n of nodes) {
      if (depth <= 2) out.push(n.id);
      walk(n.children, depth + 1);
    }
  };
  walk(TREE.effects, 1);
  return out;
})();
// Kept for the results' description: what each board chose, by side.
const DRAG_CHOSEN = {};

const started = Date.now();
const log = (...a) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s]`, ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---- Statistics ----------------------------------------------------------------------

function quantile(values, q) {
  const v = [...values].sort((a, b) => a - b);
  if (!v.length) return null;
  const pos = (v.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return v[lo] + (v[hi] - v[lo]) * (pos - lo);
}
function summary(values) {
  const v = values.filter((x) => typeof x === "number" && Number.isFinite(x));
  if (!v.length) return null;
  return { median: quantile(v, 0.5), min: Math.min(...v), max: Math.max(...v), runs: v.length, values: v.map((x) => Math.round(x * 10) / 10) };
}

// ---- Browser sessions ----------------------------------------------------------------

let browser;
let server;
const pageErrors = [];

const target = (side) => (side === "app" ? "/" : "/bench/baseline/index.html");

async function metrics(cdp) {
  const { metrics } = await cdp.send("Performance.getMetrics");
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}
function metricDelta(a, b) {
  const d = (k) => Math.round(((b[k] ?? 0) - (a[k] ?? 0)) * 10000) / 10; // seconds → ms
  return { script: d("ScriptDuration"), layout: d("LayoutDuration"), style: d("RecalcStyleDuration"), task: d("TaskDuration") };
}

/** One fresh browser context (empty storage, cold caches) for one run of one side. */
async function session(side, mode, config, fn) {
  const ctx = await browser.newContext(CONTEXT);
  await ctx.addInitScript({ content: `window.__benchConfig = ${JSON.stringify(config)};` });
  await ctx.addInitScript({ path: join(BENCH, "lib/probe.js") });
  const page = await ctx.newPage();
  page.on("pageerror", (e) => pageErrors.push(`${side}: ${e.message}`));
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Performance.enable");
  const url = (hash) => `${server.origin}${target(side)}${hash}`;
  const throttle = () => cdp.send("Emulation.setCPUThrottlingRate", { rate: mode.rate });
  let timer;
  try {
    return await Promise.race([
      fn({ ctx, page, cdp, url, throttle }),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("run timed out")), RUN_TIMEOUT_MS))),
    ]);
  } finally {
    clearTimeout(timer);
    await ctx.close().catch(() => {});
  }
}

/** Fills this origin's IndexedDB from a blank page, with the same code for both sides. */
async function seed(page, name) {
  await page.goto(`${server.origin}/bench/blank.html`);
  return page.evaluate(async (name) => (await import("/bench/lib/records.mjs")).seed(name), name);
}

/** Polls the stored review from the page until `test` holds; resolves with the time. */
function pollStored(page, id, test, every = 5, limit = 60_000) {
  return page.evaluate(
    async ({ id, test, every, limit }) => {
      const check = new Function("text", `return (${test})(text);`);
      const db = await new Promise((ok, no) => {
        const r = indexedDB.open("case-review-studio");
        r.onsuccess = () => ok(r.result);
        r.onerror = () => no(r.error);
      });
      const deadline = performance.now() + limit;
      try {
        while (performance.now() < deadline) {
          const text = await new Promise((ok, no) => {
            const r = db.transaction("reviews").objectStore("reviews").get(id);
            r.onsuccess = () => ok(r.result);
            r.onerror = () => no(r.error);
          });
          if (text && check(text)) return performance.now();
          await new Promise((r) => setTimeout(r, every));
        }
        return null;
      } finally {
        db.close();
      }
    },
    { id, test: test.toString(), every, limit },
  );
}

const domSize = (page) => page.evaluate(() => document.getElementsByTagName("*").length);

// ---- Scenarios -----------------------------------------------------------------------
// Each returns { figureId: value-in-ms, ... } plus details; a missing figure is null.

/** Cold start with n stored reviews; with n = 1, then typing in that (small) review. */
async function coldLibrary(side, mode, n, run) {
  return session(side, mode, { waitFor: "library", n }, async ({ page, cdp, url, throttle }) => {
    const ids = await seed(page, `library-${n}`);
    await throttle();
    const m0 = await metrics(cdp);
    await page.goto(url("#/"), { waitUntil: "commit" });
    const t = await page.evaluate(() => window.__bench.pending);
    const m1 = await metrics(cdp);
    const out = { [`cold-${n}`]: t.paint, metrics: { [`cold-${n}`]: metricDelta(m0, m1) }, dom: { [`cold-${n}`]: await domSize(page) } };
    if (n === 1 && ONLY.has("typing")) {
      await page.evaluate((id) => (location.hash = `#/review/${id}`), ids[0]);
      await page.evaluate(() => window.__bench.when("review", { treeNodes: 1 }));
      Object.assign(out, await typing(page, cdp, ids[0], "small", mode, run));
    }
    return out;
  });
}

/**
 * A returning reviewer: the same context visits the library a second time. The app then
 * starts from its offline copy (the service worker's checked cache, and the browser's
 * compiled code); the baseline has no offline copy, and the server never lets the browser
 * cache files, so it loads as on a first visit.
 */
async function repeatVisit(side, mode) {
  return session(side, mode, { waitFor: "library", n: 1 }, async ({ page, url, throttle }) => {
    await seed(page, "library-1");
    await page.goto(url("#/"), { waitUntil: "commit" });
    await page.evaluate(() => window.__bench.pending);
    const offline = side !== "app" ? false : await page.evaluate(async () => {
      if (!navigator.serviceWorker) return false;
      const ready = navigator.serviceWorker.ready.then(() => true);
      return Promise.race([ready, new Promise((r) => setTimeout(() => r(false), 20_000))]);
    });
    if (side === "app" && !offline) throw new Error("the app's offline copy was not installed");
    await sleep(300);
    await throttle();
    await page.goto(url("#/"), { waitUntil: "commit" });
    const t = await page.evaluate(() => window.__bench.pending);
    return { "repeat-1": t.paint };
  });
}

/** Keystroke → on screen for each key, and pause → durable in IndexedDB. */
async function typing(page, cdp, id, label, mode, run) {
  const area = page.getByLabel("About the child and their lived experiences", { exact: true });
  await area.click();
  await page.keyboard.press("Control+End");
  await sleep(400); // anything the click started (focus, a save) settles first
  await page.evaluate(() => {
    window.__bench.keys = [];
    window.__bench.typing = true;
    // When each edit reaches the app's journal (its synchronous recovery copy): from then on
    // a reload, a crash or the browser closing cannot lose it. The baseline has no journal.
    window.__bench.journal = [];
    if (!window.__bench.journalWrapped) {
      window.__bench.journalWrapped = true;
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        const t0 = performance.now();
        const r = setItem.call(this, k, v);
        if (String(k).startsWith("case-review-studio/journal/")) window.__bench.journal.push({ t0, t1: performance.now() });
        return r;
      };
    }
  });
  const text = TYPED(label, mode, run);
  const m0 = await metrics(cdp);
  for (let i = 0; i < text.length; i++) {
    await page.keyboard.type(text[i]);
    if (i < text.length - 1) await sleep(TYPING_GAP_MS);
  }
  const durableAt = await pollStored(page, id, new Function("text", `return text.includes(${JSON.stringify(text)});`));
  await page.waitForFunction((n) => window.__bench.keys.length >= n, text.length, { timeout: 60_000 });
  const m1 = await metrics(cdp);
  const keys = await page.evaluate(() => window.__bench.keys);
  keys.sort((a, b) => a.t0 - b.t0);
  const latencies = keys.map((k) => k.t1 - k.t0);
  const last = keys[keys.length - 1];
  // For each key, the first journal write after it began: keystroke → durable (journal).
  const writes = (await page.evaluate(() => window.__bench.journal)).sort((a, b) => a.t1 - b.t1);
  const toJournal = keys.map((k) => writes.find((w) => w.t1 >= k.t0)).map((w, i) => (w ? w.t1 - keys[i].t0 : null)).filter((x) => x !== null);
  return {
    [`journal-${label}`]: toJournal.length ? quantile(toJournal, 0.5) : null,
    [`journal-${label}-p95`]: toJournal.length ? quantile(toJournal, 0.95) : null,
    [`journal-write-${label}`]: writes.length ? quantile(writes.map((w) => w.t1 - w.t0), 0.5) : null,
    [`key-${label}`]: quantile(latencies, 0.5),
    [`key-${label}-p95`]: quantile(latencies, 0.95),
    [`durable-${label}`]: durableAt === null ? null : durableAt - last.t0,
    keys: { [label]: latencies.map((x) => Math.round(x * 10) / 10) },
    metrics: { [`key-${label}`]: metricDelta(m0, m1) },
  };
}

/** Cold open of the large review (all sections, 500-box tree), then typing in it. */
async function largeReview(side, mode, run) {
  return session(side, mode, { waitFor: "review", treeNodes: TREE_NODES }, async ({ page, cdp, url, throttle }) => {
    const [id] = await seed(page, "large");
    await throttle();
    const m0 = await metrics(cdp);
    await page.goto(url(`#/review/${id}`), { waitUntil: "commit" });
    const t = await page.evaluate(() => window.__bench.pending);
    const m1 = await metrics(cdp);
    const out = { "open-large": t.paint, metrics: { "open-large": metricDelta(m0, m1) }, dom: { "open-large": await domSize(page) } };
    if (ONLY.has("typing")) {
      const typed = await typing(page, cdp, id, "large", mode, run);
      Object.assign(out, typed, { metrics: { ...out.metrics, ...typed.metrics } });
    }
    return out;
  });
}

/**
 * The merge engine's budgets in the browser (app only: the baseline keeps no history). The
 * large review is brought in from a file twice over, in fresh contexts: once saved a
 * single time, once with 2,002 saved changes (bench/fixtures, written by
 * `cargo test --release --test merge_budgets -- --ignored`). For each: navigation → the
 * review interactive, then, a second later (a person looks before typing; the app reads the
 * history meanwhile), six keystrokes, each waited on until saved, timed by the app's own
 * "case-review-studio: save" measure (history change, sealing, database write).
 */
async function histories(side, mode) {
  if (side !== "app") return {};
  const out = {};
  for (const changes of ["1", "2000"]) {
    const file = join(BENCH, "fixtures", `history-${changes}.json`);
    const id = JSON.parse(await readFile(file, "utf8")).reviews[0].id;
    const r = await session(side, mode, { waitFor: "review", treeNodes: TREE_NODES }, async ({ page, url, throttle }) => {
      await page.goto(url("#/"));
      await page.getByLabel("Review file to open").setInputFiles(file);
      await page.getByText("Imported 1 review.").waitFor({ timeout: 60_000 });
      await throttle();
      await page.goto(url(`#/review/${id}`), { waitUntil: "commit" });
      const t = await page.evaluate(() => window.__bench.pending);
      // A person looks at what they opened before typing; the app reads the history then.
      await sleep(1000);
      const area = page.getByLabel("About the child and their lived experiences", { exact: true });
      await area.click();
      await page.keyboard.press("Control+End");
      const saves = () => page.evaluate(() => performance.getEntriesByName("case-review-studio: save").map((e) => e.duration));
      for (let i = 0; i < 6; i++) {
        const n = (await saves()).length;
        await page.keyboard.type(i === 0 ? " " : "x");
        await page.waitForFunction((n) => performance.getEntriesByName("case-review-studio: save").length > n, n, { timeout: 60_000 });
      }
      const all = await saves();
      return { [`open-history-${changes}`]: t.paint, [`save-first-${changes}`]: all[0], [`save-after-${changes}`]: quantile(all.slice(1), 0.5) };
    });
    Object.assign(out, r);
  }
  return out;
}

/** In-app navigation from the library to a review holding a 500-box tree; then the drag. */
async function tree(side, mode) {
  return session(side, mode, { waitFor: "library", n: 1 }, async ({ page, cdp, url, throttle }) => {
    const [id] = await seed(page, "tree");
    await throttle();
    await page.goto(url("#/"), { waitUntil: "commit" });
    await page.evaluate(() => window.__bench.pending);
    await sleep(300);
    const m0 = await metrics(cdp);
    const t = await page.evaluate(async (id) => {
      const done = window.__bench.when("tree", { treeNodes: 500 });
      const t0 = performance.now();
      location.hash = `#/review/${id}`;
      const r = await done;
      return { t0, ...r };
    }, id);
    const m1 = await metrics(cdp);
    const out = { "tree-render": t.paint - t.t0, metrics: { "tree-render": metricDelta(m0, m1) }, dom: { "tree-render": await domSize(page) } };
    const dragged = await drag(side, page, cdp, id);
    return { ...out, ...dragged, metrics: { ...out.metrics, ...dragged.metrics } };
  });
}

/**
 * Drags the 50-box subtree (DRAG_NODE and everything under it) across the focal point onto
 * the effect box nearest above it, with the mouse, one move a frame; frame times by
 * requestAnimationFrame from press to the frame after the drop.
 */
async function drag(side, page, cdp, id) {
  const none = (why) => ({ "drag-p50": null, "drag-p95": null, "drag-drop": null, dragNote: why });
  // The pair nearest each other on this board.
  const pair = await page.evaluate(
    ({ sources, targets }) => {
      const centre = (id) => {
        const el = document.querySelector(`[data-node-id="${id}"]`);
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      };
      let best = null;
      for (const s of sources) {
        const a = centre(s);
        if (!a) continue;
        for (const t of targets) {
          const b = centre(t);
          if (!b) continue;
          const d = Math.hypot(a.x - b.x, a.y - b.y);
          if (!best || d < best.d) best = { d, src: s, dst: t };
        }
      }
      return best;
    },
    { sources: DRAG_SOURCES, targets: DROP_TARGETS },
  );
  if (!pair) return none("no drag-and-drop tree board on the page");
  const DRAG_NODE = pair.src;
  const DROP_NODE = pair.dst;
  DRAG_CHOSEN[side] = { node: DRAG_NODE, onto: DROP_NODE };
  // Both boxes on screen: the board's viewport near the top of the window, scrolled so the
  // pair sits in its middle.
  const place = () => page.evaluate(
    ({ src, dst }) => {
      const a = document.querySelector(`[data-node-id="${src}"]`);
      const b = document.querySelector(`[data-node-id="${dst}"]`);
      const vp = a.closest(".tree-viewport");
      if (vp) {
        vp.scrollIntoView({ block: "start" });
        window.scrollBy(0, -40);
        const [ar, br, vr] = [a, b, vp].map((e) => e.getBoundingClientRect());
        vp.scrollLeft += (ar.left + ar.right + br.left + br.right) / 4 - (vr.left + vr.width / 2);
        vp.scrollTop += (ar.top + ar.bottom + br.top + br.bottom) / 4 - (vr.top + vr.height / 2);
      } else {
        b.scrollIntoView({ block: "start" });
        window.scrollBy(0, -80);
      }
      const centre = (e) => {
        const r = e.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      };
      const from = centre(a);
      const to = centre(b);
      const on = (e, p) => e.contains(document.elementFromPoint(p.x, p.y));
      return { from, to, visible: on(a, from) && on(b, to) };
    },
    { src: DRAG_NODE, dst: DROP_NODE },
  );
  let pts = await place();
  // A board too large for the window at actual size is zoomed out (the app's own "Zoom out",
  // as a facilitator would) until both boxes are in view; the work is the same 50 boxes.
  const zoomOut = page.getByRole("button", { name: "Zoom out", exact: true });
  for (let i = 0; !pts.visible && i < 6 && (await zoomOut.count()) > 0; i++) {
    await zoomOut.first().click();
    await sleep(150);
    pts = await place();
  }
  if (!pts.visible) return none("the two boxes are not on screen together");
  const { from, to } = pts;
  await sleep(200);
  const m0 = await metrics(cdp);
  await page.evaluate(() => {
    window.__bench.drops = [];
    window.__bench.frames.start();
  });
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const steps = 30;
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps);
    await sleep(16);
  }
  await page.mouse.up();
  await page.waitForFunction(() => window.__bench.drops.length > 0, null, { timeout: 60_000 });
  await page.evaluate(() => window.__bench.afterPaint());
  const frames = await page.evaluate(() => window.__bench.frames.stop());
  const m1 = await metrics(cdp);
  const drop = await page.evaluate(() => window.__bench.drops[0]);
  const gaps = frames.slice(1).map((t, i) => t - frames[i]);
  // The move counts only once it is saved: the stored tree has the subtree under the target.
  const moved = await pollStored(
    page,
    id,
    new Function(
      "text",
      `const find = (ns, id) => { for (const n of ns) { if (n.id === id) return n; const f = find(n.children, id); if (f) return f; } return null; };
       const t = JSON.parse(text).reviews[0].body.case_discussion.tree;
       const target = find(t.effects, ${DROP_NODE}) || find(t.causes, ${DROP_NODE});
       return !!target && !!find(target.children, ${DRAG_NODE});`,
    ),
    25,
    15_000,
  );
  if (moved === null) return { ...none("the drop did not move the subtree"), metrics: { drag: metricDelta(m0, m1) } };
  return {
    "drag-p50": quantile(gaps, 0.5),
    "drag-p95": quantile(gaps, 0.95),
    "drag-drop": drop.t1 - drop.t0,
    dragNote: null,
    metrics: { drag: metricDelta(m0, m1) },
  };
}

/** Export a 10 MB review from its page: click → the download handed to the browser. */
async function exportTen(side, mode) {
  return session(side, mode, { waitFor: "review", treeNodes: TREE_NODES }, async ({ page, cdp, url, throttle }) => {
    const [id] = await seed(page, "ten-mb");
    // Opening a 10 MB review is measured at full speed only (it is setup here, and slow).
    await page.goto(url(`#/review/${id}`), { waitUntil: "commit" });
    const opened = await page.evaluate(() => window.__bench.pending);
    // A person looks at what they opened before exporting it: the page first settles (the
    // app reads the review's history in the background after opening it).
    await page.evaluate(() => window.__bench.quiet(1000));
    const button = page.getByRole("button", { name: "Export file", exact: true });
    await button.scrollIntoViewIfNeeded();
    await throttle();
    const m0 = await metrics(cdp);
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), button.click()]);
    await page.waitForFunction(() => window.__bench.downloads.length > 0, null, { timeout: 60_000 });
    const t = await page.evaluate(() => ({ click: window.__bench.lastClick, at: window.__bench.downloads[0].at }));
    const m1 = await metrics(cdp);
    const path = await download.path();
    const bytes = path ? (await stat(path)).size : null;
    await download.delete().catch(() => {});
    return { "open-ten": mode.rate === 1 ? opened.paint : undefined, export: t.at - t.click, exportBytes: bytes, metrics: { export: metricDelta(m0, m1) } };
  });
}

/** Import a 10 MB review file from the library: file chosen → "Imported 1 review." shown. */
async function importTen(side, mode, file /* a path */) {
  return session(side, mode, {}, async ({ page, cdp, url, throttle }) => {
    await page.goto(`${server.origin}/bench/blank.html`);
    await throttle();
    await page.goto(url("#/"));
    await page.getByText("No reviews yet").waitFor({ timeout: 60_000 });
    await page.evaluate(() => {
      window.__imported = window.__bench.when("notice", { text: "Imported 1 review." });
    });
    const m0 = await metrics(cdp);
    await page.locator('input[aria-label="Review file to open"]').setInputFiles(file);
    const t = await page.evaluate(async () => ({ ...(await window.__imported), start: window.__bench.fileChange }));
    const m1 = await metrics(cdp);
    await page.locator(".review-card").first().waitFor({ timeout: 60_000 });
    return { import: t.paint - t.start, metrics: { import: metricDelta(m0, m1) } };
  });
}

// ---- Shipped size --------------------------------------------------------------------

async function sizes() {
  const gz = (buf) => gzipSync(buf, { level: 9 }).length;
  const group = async (dir, files) => {
    let raw = 0;
    let gzip = 0;
    for (const f of files) {
      const buf = await readFile(join(dir, f));
      raw += buf.length;
      gzip += gz(buf);
    }
    return { raw, gzip, files };
  };
  const dist = (await readdir(DIST)).filter((f) => !f.startsWith("."));
  const by = (re) => dist.filter((f) => re.test(f));
  const app = {
    wasm: await group(DIST, by(/\.wasm$/)),
    js: await group(DIST, by(/\.m?js$/)),
    css: await group(DIST, by(/\.css$/)),
    html: await group(DIST, by(/^index\.html$/)),
  };
  app.total = { raw: Object.values(app).reduce((n, g) => n + g.raw, 0), gzip: Object.values(app).reduce((n, g) => n + g.gzip, 0) };
  const single = join(DIST, "case-review-studio.html");
  app.singleFile = existsSync(single) ? await group(DIST, ["case-review-studio.html"]) : null;
  const bl = join(BENCH, "baseline");
  const baseline = {
    wasm: { raw: 0, gzip: 0, files: [] },
    js: { ...(await group(bl, ["baseline.js"])), files: ["baseline/baseline.js", "lib/records.mjs", "lib/tree-layout.mjs"] },
    css: { ...app.css, note: "the app's own stylesheet" },
    html: await group(bl, ["index.html"]),
  };
  const rec = await group(join(BENCH, "lib"), ["records.mjs", "tree-layout.mjs"]);
  baseline.js.raw += rec.raw;
  baseline.js.gzip += rec.gzip;
  baseline.total = { raw: ["wasm", "js", "css", "html"].reduce((n, k) => n + baseline[k].raw, 0), gzip: ["wasm", "js", "css", "html"].reduce((n, k) => n + baseline[k].gzip, 0) };
  return { app, baseline };
}

// ---- Profiles (where does the app's time go?) ------------------------------------------

/**
 * Where the app's time went in one CPU profile (CDP sampling profiler): the app's wasm,
 * its JS glue (wasm-bindgen), the browser's native code (DOM, style, layout, IndexedDB),
 * garbage collection.
 */
function summariseProfile(p, keep = 8) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const dt = new Map();
  p.samples.forEach((id, i) => dt.set(id, (dt.get(id) || 0) + (p.timeDeltas[i] || 0) / 1000));
  const cats = { wasm: 0, "js glue": 0, "browser (native)": 0, gc: 0, other: 0 };
  const fns = new Map();
  for (const [id, ms] of dt) {
    const n = byId.get(id);
    const cf = n.callFrame;
    const name = cf.functionName || "(anonymous)";
    let cat;
    if (name === "(idle)" || name === "(program)" || name === "(root)") cat = null;
    else if (name === "(garbage collector)") cat = "gc";
    else if (/\.wasm/.test(cf.url) || /^\$?wasm-function/.test(name) || /^\$/.test(name)) cat = "wasm";
    else if (/case-review-studio[^/]*\.js/.test(cf.url)) cat = "js glue";
    else if (!cf.url) cat = "browser (native)";
    else cat = "other";
    if (!cat) continue;
    cats[cat] += ms;
    const key = `${name} [${cat}]`;
    fns.set(key, (fns.get(key) || 0) + ms);
  }
  const busy = Object.values(cats).reduce((a, b) => a + b, 0);
  return {
    busyMs: Math.round(busy),
    categories: Object.fromEntries(Object.entries(cats).map(([k, v]) => [k, Math.round(v)])),
    top: [...fns].sort((a, b) => b[1] - a[1]).slice(0, keep).map(([k, v]) => ({ fn: k, ms: Math.round(v) })),
  };
}

async function profiles(tenMb) {
  const out = [];
  const normal = MODES[0];
  const within = (side, config, body) =>
    session(side, normal, config, async (s) => {
      let stopFn;
      const r = await body(s, async () => {
        await s.cdp.send("Profiler.enable");
        await s.cdp.send("Profiler.setSamplingInterval", { interval: 250 });
        await s.cdp.send("Profiler.start");
        stopFn = async () => (await s.cdp.send("Profiler.stop")).profile;
      }, () => stopFn());
      return r;
    });
  const run = async (name, config, body) => {
    try {
      const p = await within("app", config, body);
      out.push({ name, ...summariseProfile(p) });
      if (PROFILE_OUT) {
        await mkdir(PROFILE_OUT, { recursive: true });
        const slug = name.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "").toLowerCase();
        await writeFile(join(PROFILE_OUT, `${slug}.cpuprofile`), JSON.stringify(p));
        await writeFile(join(PROFILE_OUT, `${slug}.top.txt`), summariseProfile(p, 40).top.map((t) => `${t.ms}\t${t.fn}`).join("\n") + "\n");
      }
    } catch (e) {
      out.push({ name, error: String(e.message || e) });
    }
  };
  if (ONLY.has("cold"))
    await run("cold start, 1,000 reviews", { waitFor: "library", n: 1000 }, async ({ page, url }, start, stop) => {
      await seed(page, "library-1000");
      await start();
      await page.goto(url("#/"), { waitUntil: "commit" });
      await page.evaluate(() => window.__bench.pending);
      return stop();
    });
  if (ONLY.has("review"))
    await run("open the large review", { waitFor: "review", treeNodes: TREE_NODES }, async ({ page, url }, start, stop) => {
      const [id] = await seed(page, "large");
      await start();
      await page.goto(url(`#/review/${id}`), { waitUntil: "commit" });
      await page.evaluate(() => window.__bench.pending);
      return stop();
    });
  if (ONLY.has("typing"))
    await run("typing in the large review (9 keys)", { waitFor: "review", treeNodes: TREE_NODES }, async ({ page, url }, start, stop) => {
      const [id] = await seed(page, "large");
      await page.goto(url(`#/review/${id}`), { waitUntil: "commit" });
      await page.evaluate(() => window.__bench.pending);
      const area = page.getByLabel("About the child and their lived experiences", { exact: true });
      await area.click();
      await sleep(500);
      await start();
      for (const ch of " profiled") {
        await page.keyboard.type(ch);
        await sleep(TYPING_GAP_MS);
      }
      return stop();
    });
  if (ONLY.has("tree"))
    await run("tree: library → 500-box board, then the drag", { waitFor: "library", n: 1 }, async ({ page, cdp, url }, start, stop) => {
      const [id] = await seed(page, "tree");
      await page.goto(url("#/"), { waitUntil: "commit" });
      await page.evaluate(() => window.__bench.pending);
      await start();
      await page.evaluate(async (id) => {
        const done = window.__bench.when("tree", { treeNodes: 500 });
        location.hash = `#/review/${id}`;
        await done;
      }, id);
      await drag("app", page, cdp, id);
      return stop();
    });
  if (ONLY.has("export"))
    await run("export the 10 MB review", { waitFor: "review", treeNodes: TREE_NODES }, async ({ page, url }, start, stop) => {
      const [id] = await seed(page, "ten-mb");
      await page.goto(url(`#/review/${id}`), { waitUntil: "commit" });
      await page.evaluate(() => window.__bench.pending);
      await page.evaluate(() => window.__bench.quiet(1000));
      const button = page.getByRole("button", { name: "Export file", exact: true });
      await button.scrollIntoViewIfNeeded();
      await start();
      await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), button.click()]);
      return stop();
    });
  if (ONLY.has("import"))
    await run("import the 10 MB file", {}, async ({ page, url }, start, stop) => {
      await page.goto(url("#/"));
      await page.getByText("No reviews yet").waitFor();
      await page.evaluate(() => {
        window.__imported = window.__bench.when("notice", { text: "Imported 1 review." });
      });
      await start();
      await page.locator('input[aria-label="Review file to open"]').setInputFiles(tenMb);
      await page.evaluate(() => window.__imported);
      return stop();
    });
  return out;
}

// ---- Report --------------------------------------------------------------------------

const FIGURES = [
  { id: "cold-1", group: "2. Cold start", label: "Navigation → library interactive, 1 stored review" },
  { id: "cold-100", group: "2. Cold start", label: "Navigation → library interactive, 100 stored reviews" },
  { id: "cold-1000", group: "2. Cold start", label: "Navigation → library interactive, 1,000 stored reviews" },
  { id: "repeat-1", group: "2. Cold start", label: "Repeat visit → library interactive, 1 stored review (the app from its offline copy; the baseline has none)" },
  { id: "open-large", group: "3. Large review", label: "Navigation → large review interactive (all sections, 500-box tree)" },
  { id: "key-small", group: "4. Typing", label: "Keystroke → on screen, small review (median key)" },
  { id: "key-small-p95", group: "4. Typing", label: "Keystroke → on screen, small review (95th percentile key)" },
  { id: "journal-small", group: "4. Typing", label: "Keystroke → in the journal (safe from reload and crash), small review (median key; app only)" },
  { id: "journal-small-p95", group: "4. Typing", label: "Keystroke → in the journal, small review (95th percentile key; app only)" },
  { id: "journal-write-small", group: "4. Typing", label: "Journal write itself (localStorage.setItem), small review (median; app only)" },
  { id: "durable-small", group: "4. Typing", label: "Last keystroke → durable in IndexedDB, small review (includes the 400 ms autosave pause)" },
  { id: "key-large", group: "4. Typing", label: "Keystroke → on screen, large review (median key)" },
  { id: "key-large-p95", group: "4. Typing", label: "Keystroke → on screen, large review (95th percentile key)" },
  { id: "journal-large", group: "4. Typing", label: "Keystroke → in the journal (safe from reload and crash), large review (median key; app only)" },
  { id: "journal-large-p95", group: "4. Typing", label: "Keystroke → in the journal, large review (95th percentile key; app only)" },
  { id: "journal-write-large", group: "4. Typing", label: "Journal write itself (localStorage.setItem), large review (median; app only)" },
  { id: "durable-large", group: "4. Typing", label: "Last keystroke → durable in IndexedDB, large review (includes the 400 ms autosave pause)" },
  { id: "tree-render", group: "5. Tree", label: "Library → review with a 500-box tree, all boxes on screen (in-app navigation)" },
  { id: "drag-p50", group: "5. Tree", label: "Drag a 50-box subtree across the tree: frame time, median" },
  { id: "drag-p95", group: "5. Tree", label: "Drag a 50-box subtree across the tree: frame time, 95th percentile" },
  { id: "drag-drop", group: "5. Tree", label: "Drag a 50-box subtree: drop → on screen" },
  { id: "export", group: "6. Files", label: "Export a 10 MB review, once the page has settled: click → download handed to the browser" },
  { id: "import", group: "6. Files", label: "Import a 10 MB review file: file chosen → “Imported 1 review.” on screen" },
  { id: "open-ten", group: "6. Files", label: "Navigation → the 10 MB review interactive (setup of the export figure; normal CPU only)" },
  { id: "open-history-1", group: "7. Merge engine", label: "Navigation → the large review interactive, saved once (app only)" },
  { id: "open-history-2000", group: "7. Merge engine", label: "Navigation → the large review interactive, with 2,002 saved changes (app only; budget 1.3× the line above)" },
  { id: "save-first-1", group: "7. Merge engine", label: "First save, typing 1 s after opening the large review saved once (app only)" },
  { id: "save-first-2000", group: "7. Merge engine", label: "First save, typing 1 s after opening the large review with 2,002 changes (app only)" },
  { id: "save-after-1", group: "7. Merge engine", label: "A save of the large review (500-box tree), after the first (median of 5; app only; budget 30 ms)" },
  { id: "save-after-2000", group: "7. Merge engine", label: "A save of the large review with 2,002 changes, after the first (median of 5; app only)" },
];

const fmtMs = (x) => (x === null || x === undefined ? "–" : x >= 100 ? `${Math.round(x)}` : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const fmtSpread = (s) => (s ? `${fmtMs(s.median)} (${fmtMs(s.min)}–${fmtMs(s.max)})` : "–");
const fmtBytes = (n) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} B`);
const ratio = (a, b) => (a && b && b.median > 0 && a.median !== null ? a.median / b.median : null);
const fmtRatio = (r) => (r === null ? "–" : `${r >= 10 ? r.toFixed(0) : r.toFixed(1)}×`);

function markdown(res, keptNotes) {
  const m = res.machine;
  const L = [];
  L.push("# Benchmark results", "");
  L.push(`Generated by \`node bench/run.mjs\` (which \`make bench\` runs) on ${res.date}. See [README.md](README.md) for the method.`, "");
  L.push("| | |", "|---|---|");
  L.push(`| Machine | ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM |`);
  L.push(`| System | ${m.os} (kernel ${m.kernel}) |`);
  L.push(`| Browser | ${m.browser} headless (${LAUNCH.executablePath}), Playwright ${m.playwright}, Node ${m.node} |`);
  L.push(`| App build | \`${res.app.dist}\`: ${res.app.files.join(", ")} (${res.app.git}) |`);
  const c = res.config;
  L.push(`| Data | libraries of 1, 100 and 1,000 small reviews; a large review (every section filled, a 500-box tree; ${fmtBytes(c.largeReviewBytes)} stored); a ${(c.tenMbBytes / 1e6).toFixed(1)} MB (${c.tenMbBytes.toLocaleString("en-GB")} bytes) review file (the large review with long texts); typing: ${c.typingKeys} keys ${c.typingGapMs} ms apart; drag: ${c.drag.from}, onto ${c.drag.onto}${Object.keys(DRAG_CHOSEN).length ? ` (${Object.entries(DRAG_CHOSEN).map(([k, v]) => `${k}: box ${v.node} onto box ${v.onto}`).join("; ")})` : ""} |`);
  L.push(`| Runs | ${c.runs} normal, ${c.throttledRuns} with 4x CPU (the 10 MB export: at most 3); each run in a fresh browser context; app and baseline alternate |`);
  L.push(`| CPU throttling check | a fixed JS loop took ${fmtMs(res.calibration.normal)} ms normally and ${fmtMs(res.calibration.throttled)} ms with \`Emulation.setCPUThrottlingRate\` 4 (×${(res.calibration.throttled / res.calibration.normal).toFixed(1)}) |`);
  L.push(`| Load average (1, 5, 15 min) | ${m.loadBefore.join(", ")} before; ${m.loadAfter.join(", ")} after${Math.max(m.loadBefore[0], m.loadAfter[0]) > 1.2 ? " — **other work was running on this 2-core machine: expect noisier numbers**" : ""} |`);
  L.push(`| Wall time | ${(res.wallSeconds / 60).toFixed(1)} minutes |`, "");
  L.push("Times are in milliseconds: **median (min–max)** over the runs. Ratio = app median / baseline median (1.0× = as fast as hand-written vanilla JS; higher is slower). Numbers only: nothing here passes or fails.", "");

  if (res.sizes) {
  L.push("## 1. Shipped size", "");
  L.push("| File | App raw | App gzip -9 | Baseline raw | Baseline gzip -9 | Ratio (gzip) |", "|---|---:|---:|---:|---:|---:|");
  const s = res.sizes;
  for (const k of ["wasm", "js", "css", "html", "total"]) {
    const a = s.app[k];
    const b = s.baseline[k];
    L.push(`| ${k}${k === "css" ? " (baseline uses the app's CSS)" : ""} | ${fmtBytes(a.raw)} | ${fmtBytes(a.gzip)} | ${b.raw ? fmtBytes(b.raw) : "none"} | ${b.gzip ? fmtBytes(b.gzip) : "none"} | ${b.gzip ? fmtRatio(a.gzip / b.gzip) : "–"} |`);
  }
  L.push(`| single-file build (\`dist/case-review-studio.html\`) | ${s.app.singleFile ? fmtBytes(s.app.singleFile.raw) : "not built yet"} | ${s.app.singleFile ? fmtBytes(s.app.singleFile.gzip) : "not built yet"} | – | – | – |`, "");
  }

  L.push("## 2–6. What people feel", "");
  for (const mode of MODES) {
    L.push(`### CPU: ${mode.name}${mode.rate > 1 ? " (an old council laptop)" : ""}`, "");
    L.push("| Figure | App ms | Baseline ms | Ratio |", "|---|---:|---:|---:|");
    let group = null;
    for (const f of FIGURES) {
      const r = res.figures[mode.name]?.[f.id];
      if (!r) continue;
      if (f.group !== group) {
        group = f.group;
        L.push(`| **${group}** | | | |`);
      }
      const note = r.note ? ` — ${r.note}` : "";
      const appCell = r.app ? fmtSpread(r.app) : `not measurable yet${note}`;
      L.push(`| ${f.label} | ${appCell} | ${fmtSpread(r.baseline)} | ${fmtRatio(ratio(r.app, r.baseline))} |`);
    }
    L.push("");
  }

  L.push("### Same work? DOM elements on the measured screen (app / baseline, normal CPU)", "");
  L.push("| Screen | App | Baseline |", "|---|---:|---:|");
  for (const [k, v] of Object.entries(res.domSizes)) L.push(`| ${k} | ${v.app ?? "–"} | ${v.baseline ?? "–"} |`);
  L.push("");

  L.push("### Where the time goes (Chromium Performance metrics, normal CPU, medians)", "");
  L.push("Main-thread time during each figure: script (JS and wasm), style recalculation, layout. From `Performance.getMetrics` before and after.", "");
  L.push("| Figure | App script / style / layout | Baseline script / style / layout |", "|---|---:|---:|");
  for (const [k, v] of Object.entries(res.breakdown)) {
    const c = (x) => (x ? `${fmtMs(x.script)} / ${fmtMs(x.style)} / ${fmtMs(x.layout)}` : "–");
    L.push(`| ${k} | ${c(v.app)} | ${c(v.baseline)} |`);
  }
  L.push("");
  if (res.profiles?.length) {
    L.push("### App CPU profiles (one extra run each, normal CPU, sampling profiler)", "");
    L.push("Self time by kind: the app's wasm, its wasm-bindgen JS glue, the browser's own native code (DOM, IndexedDB, parsing), garbage collection. The release wasm carries no function names (wasm-function[N]); the notes below name the hot ones from a build that keeps them.", "");
    L.push("| Figure | Busy ms | wasm | JS glue | browser (native) | GC | Top functions (self ms) |", "|---|---:|---:|---:|---:|---:|---|");
    for (const p of res.profiles) {
      if (p.error) {
        L.push(`| ${p.name} | – | – | – | – | – | ${p.error} |`);
        continue;
      }
      const c = p.categories;
      L.push(`| ${p.name} | ${p.busyMs} | ${c.wasm} | ${c["js glue"]} | ${c["browser (native)"]} | ${c.gc} | ${p.top.slice(0, 5).map((t) => `${t.fn.replace(/\|/g, "/")} ${t.ms}`).join("; ")} |`);
    }
    L.push("");
  }
  if (res.pageErrors.length) {
    L.push("### Errors seen in the pages", "", ...res.pageErrors.slice(0, 20).map((e) => `- ${e}`), "");
  }
  if (res.runErrors.length) {
    L.push("### Runs that failed", "", ...res.runErrors.slice(0, 20).map((e) => `- ${e}`), "");
  }
  L.push("## Notes", "");
  L.push("<!-- notes:start (hand-written; `make bench` keeps this block when it rewrites the file) -->");
  L.push(keptNotes.trim() || "_No notes yet._");
  L.push("<!-- notes:end -->", "");
  return L.join("\n");
}

// ---- Main ----------------------------------------------------------------------------

async function machine() {
  let osName = `${os.type()} ${os.release()}`;
  try {
    const rel = await readFile("/etc/os-release", "utf8");
    osName = rel.match(/^PRETTY_NAME="?([^"\n]*)"?/m)?.[1] ?? osName;
  } catch {}
  return {
    cpu: os.cpus()[0]?.model?.trim() ?? "unknown CPU",
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
    os: osName,
    kernel: os.release(),
    node: process.version,
    playwright: PLAYWRIGHT_VERSION,
    browser: `Chromium ${browser.version()}`,
    loadBefore: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

function gitState() {
  try {
    const head = execFileSync("git", ["-C", ROOT, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["-C", ROOT, "--no-optional-locks", "status", "--porcelain", "--", "src", "style", "index.html", "Cargo.toml"], { encoding: "utf8" }).trim();
    return `git ${head}${dirty ? " + uncommitted changes in src/style" : ""}`;
  } catch {
    return "unknown";
  }
}

async function calibrate(rate) {
  const ctx = await browser.newContext(CONTEXT);
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await page.goto(`${server.origin}/bench/blank.html`);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  // Navigate as the runs do, to check the throttling survives it.
  await page.goto(`${server.origin}/#/`);
  const times = [];
  for (let i = 0; i < 3; i++)
    times.push(
      await page.evaluate(() => {
        const t = performance.now();
        let x = 0;
        for (let i = 0; i < 5e6; i++) x = (x + i * 7) % 1000003;
        return performance.now() - t + (x < 0 ? 1 : 0);
      }),
    );
  await ctx.close();
  return quantile(times, 0.5);
}

/** Rewrites RESULTS.md from results.json (e.g. after editing the notes), without measuring. */
async function reportOnly() {
  const res = JSON.parse(await readFile(join(OUT, "results.json"), "utf8"));
  const mdPath = join(OUT, "RESULTS.md");
  await writeFile(mdPath, markdown(res, await keptNotes(mdPath)));
  console.log(`rewrote ${mdPath} from results.json`);
}

async function keptNotes(mdPath) {
  try {
    const old = await readFile(mdPath, "utf8");
    const kept = old.match(/<!-- notes:start[^>]*-->\n([\s\S]*?)<!-- notes:end -->/)?.[1] ?? "";
    return kept.trim() === "_No notes yet._" ? "" : kept;
  } catch {
    return "";
  }
}

async function main() {
  if (!existsSync(join(DIST, "index.html"))) throw new Error(`no build in ${DIST}: run \`make dist\` first`);
  // RESULTS.md must say exactly which commit it measured: never write it from a dirty tree.
  if (OUT === BENCH && gitState().includes("uncommitted")) {
    throw new Error("the working tree has uncommitted changes in src/, style/, index.html or Cargo.toml: commit first, so bench/RESULTS.md can name the commit it measured (or pass --out elsewhere)");
  }
  await mkdir(OUT, { recursive: true });
  server = await startServer({ dist: DIST, bench: BENCH });
  browser = await chromium.launch(LAUNCH);
  log(`Chromium ${browser.version()}, app from ${DIST}, ${RUNS}/${THROTTLED_RUNS} runs, serving ${server.origin}`);

  // The 10 MB file, on disk so the browser reads it itself when it is chosen.
  const tenMbText = Buffer.from(reviewFile(dataset("ten-mb"), "2026-03-02T10:00:00Z"));
  const tenMb = join(await mkdtemp(join(os.tmpdir(), "crs-bench-")), "ten-mb-review.json");
  await writeFile(tenMb, tenMbText);
  const res = {
    date: new Date().toISOString(),
    machine: await machine(),
    app: { dist: DIST.replace(ROOT + "/", ""), files: (await readdir(DIST)).filter((f) => !f.startsWith(".")).sort(), git: LABEL ?? gitState() },
    config: {
      runs: RUNS,
      throttledRuns: THROTTLED_RUNS,
      typingGapMs: TYPING_GAP_MS,
      typingKeys: TYPED("small", MODES[0], 1).length,
      treeNodes: TREE_NODES,
      largeReviewBytes: Buffer.byteLength(storedRecord(dataset("large")[0]).reviewText),
      tenMbBytes: tenMbText.length,
      drag: { from: "a 50-box cause, chosen on each board", onto: "the nearest effect box of depth 1 or 2" },
      only: [...ONLY],
    },
    sizes: ONLY.has("size") ? await sizes() : null,
    calibration: { normal: await calibrate(1), throttled: await calibrate(4) },
    raw: {},
    figures: {},
    domSizes: {},
    breakdown: {},
    profiles: [],
    pageErrors,
    runErrors: [],
  };
  log(`calibration: ${res.calibration.normal.toFixed(0)} ms normal, ${res.calibration.throttled.toFixed(0)} ms at 4x`);

  const scenarios = [];
  if (ONLY.has("cold") || ONLY.has("typing"))
    for (const n of ONLY.has("cold") ? [1, 100, 1000] : [1]) scenarios.push({ name: `cold start, ${n} reviews`, fn: (side, mode, run) => coldLibrary(side, mode, n, run) });
  if (ONLY.has("repeat")) scenarios.push({ name: "repeat visit", fn: (side, mode) => repeatVisit(side, mode) });
  if (ONLY.has("review") || ONLY.has("typing")) scenarios.push({ name: "large review", fn: (side, mode, run) => largeReview(side, mode, run) });
  if (ONLY.has("tree")) scenarios.push({ name: "tree", fn: (side, mode) => tree(side, mode) });
  // The export needs a 10 MB review on screen first (seconds of setup): fewer runs.
  if (ONLY.has("export")) scenarios.push({ name: "export 10 MB", maxRuns: 3, fn: (side, mode) => exportTen(side, mode) });
  if (ONLY.has("import")) scenarios.push({ name: "import 10 MB", fn: (side, mode) => importTen(side, mode, tenMb) });
  if (ONLY.has("history")) scenarios.push({ name: "history", fn: (side, mode) => histories(side, mode) });

  // One untimed round first: the first contexts of a fresh browser pay start-up costs
  // (network service, disk cache, code caches of the browser itself) that are not the app's.
  for (const side of SIDES) await coldLibrary(side, MODES[0], 100, 0).catch(() => {});
  log("warm-up done");

  for (const mode of MODES) {
    const raw = (res.raw[mode.name] = { app: [], baseline: [] });
    for (const sc of scenarios) {
      for (let run = 1; run <= Math.min(mode.runs, sc.maxRuns ?? Infinity); run++) {
        for (const side of SIDES) {
          const t0 = Date.now();
          try {
            const r = await sc.fn(side, mode, run);
            raw[side].push({ scenario: sc.name, run, ...r });
          } catch (e) {
            res.runErrors.push(`${mode.name} / ${sc.name} / run ${run} / ${side}: ${String(e.message || e).split("\n")[0]}`);
          }
          log(`${mode.name.padEnd(6)} ${sc.name.padEnd(24)} run ${run} ${side.padEnd(8)} ${((Date.now() - t0) / 1000).toFixed(1)}s`);
        }
      }
    }
    // Summaries for this mode.
    const figs = (res.figures[mode.name] = {});
    for (const f of FIGURES) {
      const values = (side) => raw[side].map((r) => r[f.id]).filter((v) => v !== undefined);
      const a = values("app");
      const b = values("baseline");
      if (!a.length && !b.length) continue;
      const notes = raw.app.map((r) => (f.id.startsWith("drag") ? r.dragNote : null)).filter(Boolean);
      figs[f.id] = { app: summary(a), baseline: summary(b), ratio: null, note: notes[0] ?? null };
      figs[f.id].ratio = ratio(figs[f.id].app, figs[f.id].baseline);
    }
    if (mode.rate === 1) {
      for (const side of SIDES)
        for (const r of raw[side]) {
          for (const [k, v] of Object.entries(r.dom ?? {})) (res.domSizes[k] ??= {})[side] = v;
        }
      const keys = new Set(raw.app.concat(raw.baseline).flatMap((r) => Object.keys(r.metrics ?? {})));
      for (const k of keys) {
        const med = (side) => {
          const ms = raw[side].map((r) => r.metrics?.[k]).filter(Boolean);
          if (!ms.length) return null;
          return Object.fromEntries(["script", "style", "layout", "task"].map((x) => [x, quantile(ms.map((m) => m[x]), 0.5)]));
        };
        res.breakdown[k] = { app: med("app"), baseline: med("baseline") };
      }
    }
  }

  if (PROFILE) {
    log("profiling the app (one run per figure)");
    res.profiles = await profiles(tenMb);
  }

  await browser.close();
  await server.close();
  await rm(dirname(tenMb), { recursive: true, force: true });
  res.wallSeconds = (Date.now() - started) / 1000;
  res.machine.loadAfter = os.loadavg().map((x) => Math.round(x * 100) / 100);

  const mdPath = join(OUT, "RESULTS.md");
  const kept = await keptNotes(mdPath);
  await writeFile(join(OUT, "results.json"), JSON.stringify(res, null, 2) + "\n");
  await writeFile(mdPath, markdown(res, kept));
  log(`wrote ${join(OUT, "RESULTS.md")} and results.json in ${(res.wallSeconds / 60).toFixed(1)} minutes`);
}

(args.includes("--report-only") ? reportOnly() : main()).catch(async (e) => {
  console.error(e);
  await browser?.close().catch(() => {});
  await server?.close().catch(() => {});
  process.exit(1);
});
