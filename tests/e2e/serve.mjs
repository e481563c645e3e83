// A small static file server for the built app (dist/), used by `make serve` and by the
// end-to-end tests: 127.0.0.1 only, files under the given folder only (static_files.mjs).
import { createServer } from "node:http";
import { resolve } from "node:path";
import { inside, requestPath, sendFile } from "./static_files.mjs";

const root = resolve(process.argv[2] || "dist");
const port = Number(process.argv[3] || 8080);

createServer(async (req, res) => {
  const path = requestPath(req, res);
  if (path !== null) await sendFile(res, inside(root, path));
}).listen(port, "127.0.0.1", () => {
  console.log(`Serving ${root} at http://127.0.0.1:${port}`);
});
