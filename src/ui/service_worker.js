// The offline copy: a service worker that keeps one complete, checked copy of one build of
// the app in the browser, so the hosted app opens with no network after the first visit.
//
// The build step (.ci/service_worker.mjs) writes this file into dist/ as sw.js, with
// BUILD_VERSION and BUILD_FILES filled in: every file of that build with its SHA-256.
// Rules that keep old and new builds apart:
// - each build has its own cache, filled completely (and every file checked against its
//   hash) before the worker counts as installed, or not at all;
// - the page and its files always come from the cache of the worker in charge, never from
//   the network, so a page never mixes files of two builds;
// - a new build waits until the person chooses to reload (the app asks), or until every tab
//   of the app is closed; only then does it take over and delete older builds' caches.
"use strict";

const VERSION = BUILD_VERSION;
/** @type {{ path: string, sha256: string }[]} paths relative to this file. */
const FILES = BUILD_FILES;
const CACHE_PREFIX = "case-review-studio-";
const CACHE = CACHE_PREFIX + VERSION;
const SCOPE = new URL("./", self.location.href);
const PAGE = new URL("index.html", SCOPE).href;
const OWN = new Set(FILES.map((f) => new URL(f.path, SCOPE).href));

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Fetches one file past every HTTP cache and checks it is exactly this build's copy. */
async function fetchChecked({ path, sha256 }) {
  const url = new URL(path, SCOPE).href;
  const response = await fetch(url, { cache: "no-store", credentials: "same-origin" });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  const body = await response.clone().arrayBuffer();
  const found = hex(await crypto.subtle.digest("SHA-256", body));
  // A different file means the server holds another build (a deploy in progress, or a
  // proxy's old copy): refuse to install rather than keep a mixture.
  if (found !== sha256) throw new Error(`${path}: not the file of build ${VERSION}`);
  return [url, response];
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const fetched = await Promise.all(FILES.map(fetchChecked));
      const cache = await caches.open(CACHE);
      await Promise.all(fetched.map(([url, response]) => cache.put(url, response)));
    })().catch(async (error) => {
      await caches.delete(CACHE);
      throw error;
    }),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
      }
      // On the first visit the open page loaded this same build: look after it at once.
      await self.clients.claim();
    })(),
  );
});

// The app asks for this when the person presses "Reload now".
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  url.hash = "";
  let key = null;
  if (request.mode === "navigate") {
    // Opening the app (the hash part is the screen): always this build's page.
    if (url.search === "" && (url.href === SCOPE.href || url.href === PAGE)) key = PAGE;
  } else if (url.search === "" && OWN.has(url.href)) {
    key = url.href;
  }
  if (key === null) return; // not one of the app's files: the browser handles it as usual
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const cached = await cache.match(key);
      // Missing only if the browser evicted part of the cache: the network is the only source.
      return cached || fetch(request);
    })(),
  );
});
