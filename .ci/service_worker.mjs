// Writes the offline copy's service worker (sw.js) into a built app folder: the worker's
// code (src/ui/service_worker.js) with this build's exact file list, each file's SHA-256,
// and a build version derived from them. Used by the post-build hook, and by the offline
// end-to-end test to make a "newer build" from a copy of dist/.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const SERVICE_WORKER = "sw.js";
/** Built files that are not part of the hosted app's offline copy. */
const NOT_PRECACHED = new Set([SERVICE_WORKER, "case-review-studio.html"]);
const TEMPLATE = new URL("../src/ui/service_worker.js", import.meta.url);

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

/** Every file of the hosted app in `dir` (top level only: Trunk writes no folders here). */
export function appFiles(dir) {
  return readdirSync(dir)
    .filter((name) => !NOT_PRECACHED.has(name) && statSync(join(dir, name)).isFile())
    .sort()
    .map((path) => ({ path, sha256: sha256(readFileSync(join(dir, path))) }));
}

/** Writes `dir`/sw.js for the files now in `dir`; returns the build version and file list. */
export function writeServiceWorker(dir) {
  const files = appFiles(dir);
  if (!files.some((f) => f.path === "index.html")) {
    throw new Error(`service worker: no index.html in ${dir}`);
  }
  const version = sha256(files.map((f) => `${f.path} ${f.sha256}\n`).join("")).slice(0, 16);
  const template = readFileSync(TEMPLATE, "utf8");
  if (!template.includes("= BUILD_VERSION;") || !template.includes("= BUILD_FILES;")) {
    throw new Error("service worker: the placeholders are missing from src/ui/service_worker.js");
  }
  const code = template
    .replace("= BUILD_VERSION;", `= ${JSON.stringify(version)};`)
    .replace("= BUILD_FILES;", `= ${JSON.stringify(files, null, 2)};`);
  writeFileSync(join(dir, SERVICE_WORKER), code);
  return { version, files };
}
