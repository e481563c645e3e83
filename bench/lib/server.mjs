// One local origin for the app and the baseline, so both use the same IndexedDB and the
// same seeding code: the built app at /, the bench folder at /bench/ (the baseline page,
// the record generator, a blank page for seeding) and the app's main stylesheet at
// /bench/app.css (the baseline wears the same CSS, so layout and style work are alike).
// Like tests/e2e/serve.mjs: 127.0.0.1 only, no caching (every load is a first visit).
import { createServer } from "node:http";
import { readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { TYPES, inside, requestPath, sendFile } from "../../tests/e2e/static_files.mjs";

export async function startServer({ dist, bench }) {
  dist = resolve(dist);
  bench = resolve(bench);
  const css = (await readdir(dist)).find((f) => /^main-.*\.css$/.test(f) || f === "main.css");
  const server = createServer(async (req, res) => {
    const path = requestPath(req, res);
    if (path === null) return;
    if (path === "/bench/blank.html") {
      res.writeHead(200, { "Content-Type": TYPES[".html"], "Cache-Control": "no-store" });
      res.end("<!DOCTYPE html><html lang=en><title>blank</title><body></body></html>");
      return;
    }
    let file;
    if (path === "/bench/app.css" && css) file = join(dist, css);
    else if (path.startsWith("/bench/")) file = inside(bench, path.slice("/bench/".length));
    else file = inside(dist, path);
    await sendFile(res, file);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(ok)) };
}
