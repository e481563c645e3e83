// Working without a network, as people on locked-down laptops and in meeting rooms do:
// the hosted app opens and keeps working offline after the first visit; a newer build is
// offered politely and never mixed with the one on screen; and the single-file edition
// runs from disk (file://) with no server at all.
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { writeServiceWorker } from "../../../.ci/service_worker.mjs";
import { inside, requestPath, sendFile } from "../static_files.mjs";
import { test, expect, expectAccessible, guardNetwork, openApp } from "./helpers.js";

const DIST = fileURLToPath(new URL("../../../dist/", import.meta.url));
const SINGLE_FILE = join(DIST, "case-review-studio.html");
const UPDATE_NOTE = "A new version of Case Review Studio is ready";

/** Waits until the service worker looks after the page (its files now come from the copy). */
async function offlineCopyInCharge(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null);
}

/** Starts a case discussion from the library and writes in it. */
async function writeReview(page, title, child) {
  await page.getByRole("button", { name: "New case discussion" }).click();
  await page.getByLabel("Review title").fill(title);
  await page.getByLabel("Review title").press("Tab");
  await page.getByLabel("Child's name or pseudonym").fill(child);
  await page.getByPlaceholder("Add a worry and press Enter").fill("Nobody asked the child");
  await page.getByPlaceholder("Add a worry and press Enter").press("Enter");
  await expect(page.getByText("Saved on this device")).toBeVisible();
}

async function expectReview(page, title, child) {
  await expect(page.getByLabel("Review title")).toHaveValue(title);
  await expect(page.getByLabel("Child's name or pseudonym")).toHaveValue(child);
  await expect(page.getByLabel("Worry 1", { exact: true })).toHaveValue("Nobody asked the child");
}

test("after the first visit, the hosted app and its reviews work with no network", async ({ page, context }) => {
  const net = guardNetwork(page);
  await openApp(page);
  await offlineCopyInCharge(page);

  await context.setOffline(true);
  // The network really is gone: a file the app never kept cannot be fetched.
  expect(await page.evaluate(() => fetch(`./not-kept-${Date.now()}.txt`).then(() => "fetched", () => "failed"))).toBe("failed");
  await page.reload();
  await expect(page.locator("#boot")).toHaveCount(0);
  await writeReview(page, "Written offline", "Child O");
  await page.reload();
  await expectReview(page, "Written offline", "Child O");
  await page.getByLabel("Child's name or pseudonym").fill("Child O, edited offline");
  await expect(page.getByText("Saved on this device")).toBeVisible();

  // A fresh start of the page, still offline: the app, the library and the review.
  await page.goto("about:blank");
  await page.goto("./#/");
  await expect(page.getByRole("link", { name: "Written offline" })).toBeVisible();
  await page.getByRole("link", { name: "Written offline" }).click();
  await expect(page.getByLabel("Child's name or pseudonym")).toHaveValue("Child O, edited offline");
  await page.getByRole("link", { name: "About", exact: true }).click();
  await expect(page.getByText("Yes: this browser keeps a copy of the app")).toBeVisible();
  await context.setOffline(false);
  net.assertNone();
});

/** Serves a folder on 127.0.0.1 (a port of its own), as the hosting server would. */
async function serve(root) {
  const server = createServer(async (req, res) => {
    const path = requestPath(req, res);
    if (path !== null) await sendFile(res, inside(root, path));
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((done) => server.close(done)) };
}

/** Turns the copy in `dir` into a "newer build": another page, and its own sw.js. */
function deployNewBuild(dir, name) {
  const page = join(dir, "index.html");
  writeFileSync(page, readFileSync(page, "utf8").replace("<head>", `<head>\n  <meta name="build" content="${name}">`));
  return writeServiceWorker(dir).version;
}

/** The build the page on screen came from (null for the original one, or mid-reload). */
const buildOnScreen = (page) =>
  page.evaluate(() => document.querySelector('meta[name="build"]')?.content ?? null).catch(() => null);
const copiesKept = (page) => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith("case-review-studio-")));

test("a newer build is offered politely, and old and new files are never mixed", async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), "crs-deploy-"));
  cpSync(DIST, dir, { recursive: true });
  const server = await serve(dir);
  try {
    await page.goto(server.url);
    await offlineCopyInCharge(page);
    await writeReview(page, "Open during the update", "Child U");
    const first = await copiesKept(page);
    expect(first).toHaveLength(1);

    // A newer build goes onto the server while the review is open. Coming back to the tab,
    // the app looks for it and says it is ready, without interrupting.
    const newer = deployNewBuild(dir, "newer");
    await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
    const note = page.getByRole("status").filter({ hasText: UPDATE_NOTE });
    await expect(note).toBeVisible({ timeout: 15_000 });
    await expect(note).toContainText("reload when convenient");
    await expectAccessible(page);
    await page.screenshot({ path: "screenshots/update-ready.png" });

    // An ordinary reload still shows the build the page started with, whole.
    await page.reload();
    await expectReview(page, "Open during the update", "Child U");
    expect(await buildOnScreen(page)).toBeNull();
    await expect(note).toBeVisible();
    // "Later" puts the note away for now.
    await note.getByRole("button", { name: "Later" }).click();
    await expect(page.getByText(UPDATE_NOTE)).toHaveCount(0);

    // Choosing to reload: the newer build, complete, and only its copy is kept.
    await page.reload();
    await page.getByRole("button", { name: "Reload now" }).click();
    await expect.poll(() => buildOnScreen(page), { timeout: 15_000 }).toBe("newer");
    await expectReview(page, "Open during the update", "Child U");
    await expect(page.getByText(UPDATE_NOTE)).toHaveCount(0);
    expect(await copiesKept(page)).toEqual([`case-review-studio-${newer}`]);

    // A half-finished deploy (a file that is not the one sw.js lists) is never installed:
    // the build on screen stays in charge and nothing is offered.
    deployNewBuild(dir, "half-deployed");
    const css = stylesheetIn(dir);
    writeFileSync(join(dir, css), readFileSync(join(dir, css), "utf8") + "\n/* changed after sw.js */\n");
    const outcome = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration.update();
      const worker = registration.installing;
      if (!worker) return registration.waiting ? "installed" : "no new worker";
      const settled = () => worker.state === "redundant" || worker.state === "installed";
      if (!settled()) await new Promise((done) => worker.addEventListener("statechange", () => settled() && done()));
      return worker.state === "redundant" ? "refused" : "installed";
    });
    expect(outcome).toBe("refused");
    await expect(page.getByText(UPDATE_NOTE)).toHaveCount(0);
    expect(await copiesKept(page)).toEqual([`case-review-studio-${newer}`]);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The name of the main stylesheet of the build in `dir`. */
function stylesheetIn(dir) {
  const sw = readFileSync(join(dir, "sw.js"), "utf8");
  return sw.match(/"path": "(main-[^"]+\.css)"/)[1];
}

test("the single file runs from disk: create, edit, reload, export", async ({ page }) => {
  const size = statSync(SINGLE_FILE).size;
  // The wasm (with the merge engine) as base64, the JavaScript, CSS and icon.
  expect(size).toBeLessThan(8 * 1024 * 1024);
  const url = pathToFileURL(SINGLE_FILE).href;
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));

  await page.goto(url);
  await expect(page.locator("#boot")).toHaveCount(0);
  await expect(page.getByText("You opened Case Review Studio from a file on this computer.")).toBeVisible();
  await expect(page.getByText("an exported file is the safe copy")).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "screenshots/single-file-library.png" });

  await writeReview(page, "Written from a file", "Child F");
  expect(page.url()).toMatch(/^file:.*case-review-studio\.html#\/review\/[0-9a-f-]+$/);
  await page.reload();
  await expectReview(page, "Written from a file", "Child F");
  await page.getByLabel("Child's name or pseudonym").fill("Child F, edited");
  await expect(page.getByText("Saved on this device")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Child's name or pseudonym")).toHaveValue("Child F, edited");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export file" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^written-from-a-file-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(await readFile(await file.path(), "utf8"));
  expect(exported.reviews[0].body.case_discussion.header.child_name).toBe("Child F, edited");

  await page.getByRole("link", { name: "About", exact: true }).click();
  await expect(page.getByText("Yes: this is the single-file edition")).toBeVisible();
  await expect(page.getByText("Browsers keep the reviews of every page opened from a file in one shared place")).toBeVisible();

  // Nothing but the file itself (and the export's own blob) was ever requested.
  expect(requests.filter((r) => !r.startsWith(url) && !r.startsWith("blob:") && !r.startsWith("data:"))).toEqual([]);
});

test("the single file's security policy is as strict as the hosted one", async ({ page }) => {
  await page.goto(pathToFileURL(SINGLE_FILE).href);
  await expect(page.locator("#boot")).toHaveCount(0);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("connect-src 'none'");
  expect(csp).toMatch(/script-src 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+;/);
  expect(csp).toMatch(/style-src( 'sha256-[A-Za-z0-9+/=]+')+;/);
  expect(csp).not.toMatch(/https?:|'self'|unsafe-inline|unsafe-eval'(?<!wasm-unsafe-eval')/);
  // Nothing outside may be reached, not even a file next to it.
  const outcomes = await page.evaluate(async () => {
    const tryFetch = (u) => fetch(u).then(() => "fetched", () => "refused");
    return [await tryFetch("https://example.org/"), await tryFetch("./index.html")];
  });
  expect(outcomes).toEqual(["refused", "refused"]);
  // An injected inline script does not run.
  const ran = await page.evaluate(() => {
    window.__injected = false;
    const s = document.createElement("script");
    s.textContent = "window.__injected = true";
    document.body.append(s);
    return window.__injected;
  });
  expect(ran).toBe(false);
});
