// Writes the single-file edition of the app: one HTML file holding the JavaScript, the
// WebAssembly (base64, handed to wasm-bindgen's start-up as bytes), the CSS and the icon,
// so it runs when opened from disk (file://), a USB stick or a shared drive, with no server.
//
// It is made from the hosted build in the same folder. Its Content-Security-Policy is as
// strict as the hosted one: its own inline scripts and styles by SHA-256 hash, WebAssembly
// compilation, images only from data: and blob: URLs, and no other source of any kind.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const SINGLE_FILE = "case-review-studio.html";

const hash = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

function fail(message) {
  throw new Error(`single file: ${message}`);
}

/** Replaces exactly one match of `pattern` (a non-global regex) using `make(match)`. */
function replaceOne(html, pattern, what, make) {
  const m = html.match(pattern);
  if (!m) fail(`${what} not found in index.html`);
  return html.slice(0, m.index) + make(m) + html.slice(m.index + m[0].length);
}

/** Text that is safe inside a <script> or <style> element. */
function inlineText(text, element, name) {
  if (new RegExp(`</${element}`, "i").test(text)) fail(`${name} contains </${element}>`);
  // "<!--" inside a script switches the HTML parser into a mode where "<script" nests.
  if (element === "script" && text.includes("<!--")) fail(`${name} contains <!--`);
  return text;
}

/**
 * Writes `dir`/case-review-studio.html from the built `dir`/index.html and its files.
 * Returns its size in bytes and those of its parts.
 */
export function writeSingleFile(dir) {
  const read = (name, encoding = "utf8") => readFileSync(join(dir, name), encoding);
  let html = read("index.html");

  // Trunk's start-up module imports the wasm-bindgen glue and points it at the .wasm file.
  let js = "";
  let wasmBytes = 0;
  html = replaceOne(
    html,
    /<script type="module">\s*import init, \* as bindings from '\.\/([^']+\.js)';\s*const wasm = await init\(\{ module_or_path: '\.\/([^']+\.wasm)' \}\);[\s\S]*?<\/script>/,
    "Trunk's start-up script",
    ([, glueName, wasmName]) => {
      const glue = read(glueName);
      if (/^\s*import\s/m.test(glue)) fail(`${glueName} imports other files; they cannot be inlined`);
      const init = glue.match(/export\s*\{[^}]*\b(\w+) as default\b[^}]*\}/);
      if (!init) fail(`${glueName} has no default export (the wasm-bindgen start-up)`);
      const wasm = readFileSync(join(dir, wasmName));
      wasmBytes = wasm.length;
      js = glue.length;
      const boot = `
// Single-file start-up: the WebAssembly is carried here as base64 and handed over as bytes.
const __crsWasmBase64 = "${wasm.toString("base64")}";
function __crsWasmBytes() {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(__crsWasmBase64);
  const text = atob(__crsWasmBase64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}
const __crsWasm = await ${init[1]}({ module_or_path: __crsWasmBytes() });
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: __crsWasm } }));
`;
      return `<script type="module">${inlineText(glue, "script", glueName)}\n${boot}</script>`;
    },
  );

  // Classic scripts (the start check), stylesheets and the icon, inlined.
  html = html.replace(/<script src="\.\/([^"]+\.js)"[^>]*><\/script>/g, (_, name) =>
    `<script>${inlineText(read(name), "script", name)}</script>`);
  html = html.replace(/<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*>/g, (_, name) =>
    `<style>${inlineText(read(name), "style", name)}</style>`);
  html = html.replace(/<link rel="icon" href="\.\/([^"]+\.svg)"[^>]*>/g, (_, name) =>
    `<link rel="icon" href="data:image/svg+xml;base64,${read(name, null).toString("base64")}">`);
  // Preload hints point at files this edition does not need.
  html = html.replace(/<link rel="(?:module)?preload"[^>]*>/g, "");

  const leftover = html.match(/\b(?:src|href)="(?!data:|#)[^"]*"/);
  if (leftover) fail(`still refers to another file: ${leftover[0]}`);

  // The policy: exactly these inline scripts and styles, nothing from anywhere else.
  const scripts = [...html.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g)].map((m) => hash(m[1]));
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => hash(m[1]));
  const policy = [
    "default-src 'none'",
    `script-src 'wasm-unsafe-eval' ${scripts.join(" ")}`,
    `style-src ${styles.join(" ")}`,
    "img-src data: blob:",
    "font-src 'none'",
    "connect-src 'none'",
    "worker-src 'none'",
    "manifest-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  html = replaceOne(
    html,
    /<meta http-equiv="Content-Security-Policy" content="[^"]*">/,
    "the Content-Security-Policy",
    () => `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
  );
  html = html.replace(
    /<!-- Only the app's own files may load;[\s\S]*?-->/,
    "<!-- The single-file edition: everything the app needs is in this file. Nothing may load\n" +
      "       from anywhere else; only the inline scripts and styles with these hashes may run. -->",
  );

  writeFileSync(join(dir, SINGLE_FILE), html);
  return { bytes: Buffer.byteLength(html), wasmBytes, jsChars: js, scripts: scripts.length, styles: styles.length };
}
