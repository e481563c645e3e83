// The benchmark's in-page probe, installed before any of the page's own scripts (Playwright
// addInitScript) in both the app and the baseline, so both are measured the same way.
// All times are performance.now() in the page: milliseconds since the navigation started.
// "On screen" means the frame after the change has been painted: a requestAnimationFrame
// callback, then a message posted from it (which runs after that frame is drawn).
(() => {
  if (window.__bench) return;
  const B = (window.__bench = { keys: [], downloads: [], drops: [], lastClick: null, fileChange: null });
  const cfg = window.__benchConfig || {};

  /** Resolves with the time just after the next frame is painted. */
  B.afterPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(performance.now());
        ch.port2.postMessage(null);
      }),
    );

  // Analysis-tree boxes: the nested-list editor's inputs, or the diagram's boxes.
  const TREE_NODES = 'input[aria-label^="Cause "], input[aria-label^="Effect "], [data-node-id]';
  B.treeCount = () => document.querySelectorAll(TREE_NODES).length;

  // What "ready" means for each screen. Presence only: nothing here forces a layout.
  B.conditions = {
    library: (c) => !document.getElementById("boot") && document.querySelectorAll(".review-card").length >= c.n,
    review: (c) =>
      !!document.querySelector("input.title-input") &&
      !!document.getElementById("cd-header") &&
      B.treeCount() >= (c.treeNodes || 0),
    tree: (c) => B.treeCount() >= c.treeNodes,
    notice: (c) => (document.querySelector(".notice-area")?.textContent || "").includes(c.text),
  };

  /** Resolves once the condition holds, with the time it held and the time it was painted. */
  B.when = (name, c = {}) =>
    new Promise((resolve) => {
      const test = B.conditions[name];
      let done = false;
      const check = () => {
        if (done || !test(c)) return;
        done = true;
        mo.disconnect();
        const dom = performance.now();
        B.afterPaint().then((paint) => resolve({ dom, paint }));
      };
      const mo = new MutationObserver(check);
      mo.observe(document, { childList: true, subtree: true, characterData: true, attributes: false });
      check();
    });

  // Started at once for the cold-start figures: the condition named in the config.
  if (cfg.waitFor) B.pending = B.when(cfg.waitFor, cfg);

  // Keystroke → on screen: from the key event's own time stamp (when the browser received
  // the key) to the paint of the frame after it was handled.
  addEventListener(
    "keydown",
    (e) => {
      if (!e.isTrusted || !B.typing) return;
      const t0 = e.timeStamp;
      B.afterPaint().then((t1) => B.keys.push({ key: e.key, t0, t1 }));
    },
    true,
  );

  // The end of the main thread's last long task (50 ms or more), so a figure can start once
  // the page has settled, as a person would look at what they opened before acting.
  B.lastBusy = 0;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.lastBusy = Math.max(B.lastBusy, e.startTime + e.duration);
    }).observe({ type: "longtask", buffered: true });
  } catch {}
  /** Resolves once no long task has run for `ms`. */
  B.quiet = (ms) =>
    new Promise((resolve) => {
      const check = () => (performance.now() - B.lastBusy >= ms ? resolve(performance.now()) : setTimeout(check, 100));
      check();
    });

  // The person's last click, and every download link the page clicks.
  addEventListener(
    "click",
    (e) => {
      if (e.isTrusted) B.lastClick = e.timeStamp;
      const a = e.target instanceof Element ? e.target.closest("a[download]") : null;
      if (a) B.downloads.push({ at: performance.now(), name: a.download });
    },
    true,
  );
  addEventListener("change", (e) => {
    if (e.target && e.target.type === "file") B.fileChange = e.timeStamp;
  }, true);

  // Drop → on screen, for the drag figure.
  B.drops = [];
  addEventListener(
    "pointerup",
    (e) => {
      if (!e.isTrusted) return;
      const t0 = e.timeStamp;
      B.afterPaint().then((t1) => B.drops.push({ t0, t1 }));
    },
    true,
  );

  /** Frame times by requestAnimationFrame while something happens. */
  B.frames = {
    on: false,
    t: [],
    start() {
      this.t = [];
      this.on = true;
      const loop = (ts) => {
        if (!this.on) return;
        this.t.push(ts);
        requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    },
    stop() {
      this.on = false;
      return this.t.slice();
    },
  };
})();
