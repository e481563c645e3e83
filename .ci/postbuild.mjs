// Trunk post-build hook: Trunk starts the app with an inline <script type="module">. The
// page's Content-Security-Policy allows scripts only from the app's own files, so this
// step adds the SHA-256 hash of each inline script to the policy: exactly those scripts
// may run, nothing injected later can. Runs with TRUNK_STAGING_DIR set by Trunk.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

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
