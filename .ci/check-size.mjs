// The size budget: fails when the release build's WebAssembly, gzip'd at level 9 (as a
// server or the single file would carry it), grows past the ceiling in bench/size-budget.json.
// The ceiling only stops the app growing unnoticed; bench/RESULTS.md has the measured sizes
// and the target the project is working towards.
//
//   node .ci/check-size.mjs [dist]
import { readFile, readdir } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = resolve(ROOT, process.argv[2] || "dist");
const budget = JSON.parse(await readFile(join(ROOT, "bench/size-budget.json"), "utf8"));
const wasm = (await readdir(dist)).filter((f) => f.endsWith(".wasm"));
if (wasm.length !== 1) {
  console.error(`expected one .wasm file in ${dist}, found ${wasm.length}: run \`make dist\` first`);
  process.exit(2);
}
const bytes = await readFile(join(dist, wasm[0]));
const gzip = gzipSync(bytes, { level: 9 }).length;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const line = `wasm ${wasm[0]}: ${kib(bytes.length)} raw, ${kib(gzip)} gzip -9; ceiling ${kib(budget.wasm_gzip_bytes)} gzip (target ${kib(budget.target_gzip_bytes)})`;
if (gzip > budget.wasm_gzip_bytes) {
  console.error(`Size budget exceeded: ${line}`);
  process.exit(1);
}
console.log(`Size budget kept: ${line}`);
