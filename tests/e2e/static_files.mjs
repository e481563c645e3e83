// Serving the built app's files: the same rules for `make serve`, the end-to-end tests and
// the benchmark. Only files under a given folder, the right type for .wasm, no caching (a
// rebuild is always what you see; every benchmark load is a first visit).
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

export const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".webmanifest": "application/manifest+json",
};

/** The decoded path of a request, or null (after answering 400) when it cannot be read. */
export function requestPath(req, res) {
  try {
    return decodeURIComponent(new URL(req.url, "http://localhost").pathname);
  } catch {
    res.writeHead(400).end("Bad request");
    return null;
  }
}

/** The file for `path` under `root`, or null when the path would leave it. */
export function inside(root, path) {
  const file = normalize(join(root, path));
  return file === root || file.startsWith(root + sep) ? file : null;
}

/** Sends `file` (a folder sends its index.html); 403 for null, 404 when missing. */
export async function sendFile(res, file) {
  if (!file) {
    res.writeHead(403).end("Forbidden");
    return;
  }
  try {
    if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, "index.html");
    const body = await readFile(file);
    res.writeHead(200, {
      "Content-Type": TYPES[extname(file)] || "application/octet-stream",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    });
    res.end(body);
  } catch {
    res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
  }
}
