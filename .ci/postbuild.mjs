// Trunk post-build hook, run with TRUNK_STAGING_DIR set by Trunk. In order:
// 1. Trunk starts the app with an inline <script type="module">. The page's
//    Content-Security-Policy allows scripts only from the app's own files, so the SHA-256
//    hash of each inline script goes into the policy: exactly those scripts may run,
//    nothing injected later can.
// 2. The offline copy's service worker, sw.js, listing this build's files and their hashes
//    (.ci/service_worker.mjs).
// 3. The single-file edition, case-review-studio.html (.ci/single_file.mjs).
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeServiceWorker } from "./service_worker.mjs";
import { SINGLE_FILE, writeSingleFile } from "./single_file.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("postbuild: TRUNK_STAGING_DIR is not set (run through trunk)");
  process.exit(1);
}
const file = join(dir, "index.html");
let html = readFileSync(file, "utf8");
const hashes = [];
for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  hashes.push(`'sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}'`);
}
const csp = /(<meta http-equiv="Content-Security-Policy" content="[^"]*)INLINE_SCRIPT_HASHES/;
if (!csp.test(html)) {
  console.error("postbuild: the CSP placeholder INLINE_SCRIPT_HASHES is missing from index.html");
  process.exit(1);
}
html = html.replace(csp, `$1${hashes.join(" ")}`);
writeFileSync(file, html);
console.log(`postbuild: CSP allows ${hashes.length} inline script(s) by hash`);

try {
  const sw = writeServiceWorker(dir);
  console.log(`postbuild: sw.js keeps build ${sw.version} offline (${sw.files.length} files)`);
  const single = writeSingleFile(dir);
  const mb = (n) => (n / 1048576).toFixed(2);
  console.log(
    `postbuild: ${SINGLE_FILE} is ${mb(single.bytes)} MB (WebAssembly ${mb(single.wasmBytes)} MB before base64)`,
  );
} catch (e) {
  console.error(`postbuild: ${e.message}`);
  process.exit(1);
}
