// A shared folder instead of a server (issue 15): a review linked to its file in a folder
// the review team shares. Each laptop is a browser context of its own. A real file picker
// cannot be driven by a test, so the pickers hand out files from a folder in the browser's
// private file system, and the test plays the organisation's sync service by copying the
// file from one laptop's folder to the other's. Nothing a colleague wrote is ever written
// over: a copy that arrived since this laptop last wrote is brought in (merged) first.
import { test, expect, expectAccessible, openApp, startReview, nameDevice, addWorry, worries } from "./helpers.js";

const FILE = "shared-review.json";

/** Gives a laptop a shared folder the test can reach (window.__pick names the file to choose). */
async function withSharedFolder(context) {
  await context.addInitScript(() => {
    const folder = async () => (await navigator.storage.getDirectory()).getDirectoryHandle("shared", { create: true });
    window.showSaveFilePicker = async (options) => (await folder()).getFileHandle(window.__pick || options.suggestedName, { create: true });
    window.showOpenFilePicker = async () => [await (await folder()).getFileHandle(window.__pick)];
  });
}

/** The text of a file in a laptop's shared folder, or null. */
async function sharedFile(page, name = FILE) {
  return page.evaluate(async (n) => {
    const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle("shared", { create: true });
    try {
      return await (await (await folder.getFileHandle(n)).getFile()).text();
    } catch {
      return null;
    }
  }, name);
}

/** The sync service brings a file into a laptop's shared folder. */
async function syncInto(page, text, name = FILE) {
  await page.evaluate(async ([n, t]) => {
    const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle("shared", { create: true });
    const w = await (await folder.getFileHandle(n, { create: true })).createWritable();
    await w.write(t);
    await w.close();
  }, [name, text]);
}

/** Waits until the laptop's shared file holds `text`. */
async function fileHolds(page, text, name = FILE) {
  await expect.poll(async () => (await sharedFile(page, name)) ?? "", { timeout: 15_000 }).toContain(text);
}

async function linkExisting(page, name = FILE) {
  await page.evaluate((n) => { window.__pick = n; }, name);
  await page.getByRole("button", { name: "Shared folder", exact: true }).click();
  await page.getByRole("button", { name: "Link to a colleague's file…" }).click();
}

test("two laptops share one file: each brings in the other's work, and nothing is written over a colleague's copy", async ({ browser }) => {
  const laptopA = await browser.newContext();
  const laptopB = await browser.newContext();
  await withSharedFolder(laptopA);
  await withSharedFolder(laptopB);
  const a = await laptopA.newPage();
  const b = await laptopB.newPage();
  await nameDevice(a, "Lead reviewer, laptop 1");
  await nameDevice(b, "Reviewer, laptop 2");

  // A starts the review and saves it to the shared folder.
  await startReview(a);
  await a.getByLabel("Review title").fill("Shared review");
  await a.getByLabel("Review title").press("Tab");
  await addWorry(a, "Worry from laptop 1");
  await a.getByRole("button", { name: "Shared folder", exact: true }).click();
  const dialog = a.getByRole("dialog", { name: "Shared folder" });
  await expect(dialog).toContainText("a folder you all share");
  await expectAccessible(a);
  await dialog.getByRole("button", { name: "Save to a shared folder…" }).click();
  await expect(a.getByText(`This review is now linked to “${FILE}”`)).toBeVisible();
  await expect(a.getByRole("status").filter({ hasText: "Shared file up to date" })).toBeVisible();
  const first = JSON.parse(await sharedFile(a));
  expect(first.version).toBe(3);
  expect(JSON.stringify(first.reviews)).toContain("Worry from laptop 1");
  expect(Object.keys(first.histories)).toHaveLength(1);

  // The file reaches B's folder; B opens it from there, which links the review to it.
  await syncInto(b, await sharedFile(a));
  await openApp(b);
  await b.evaluate((n) => { window.__pick = n; }, FILE);
  await b.getByRole("button", { name: "Open from a shared folder…" }).click();
  await expect(b.getByText(`Brought in “${FILE}” and linked the review to it`)).toBeVisible();
  await b.getByRole("link", { name: "Shared review", exact: true }).click();
  await expect(b.getByRole("status").filter({ hasText: "Shared file up to date" })).toBeVisible();

  // Both work; each save is written to that laptop's copy of the file a moment later.
  await addWorry(b, "Worry from laptop 2");
  await fileHolds(b, "Worry from laptop 2");
  await addWorry(a, "Second worry from laptop 1");
  await fileHolds(a, "Second worry from laptop 1");

  // B's copy of the file arrives in A's folder. A's next save does not write over it.
  await syncInto(a, await sharedFile(b));
  await addWorry(a, "Third worry from laptop 1");
  await expect(a.getByRole("status").filter({ hasText: "A colleague's changes are in the shared file" })).toBeVisible({ timeout: 15_000 });
  expect(await sharedFile(a)).toContain("Worry from laptop 2");
  expect(await sharedFile(a)).not.toContain("Third worry from laptop 1");
  await expect(a.getByText("A colleague's changes have arrived in the shared file.")).toBeVisible();
  await a.evaluate(() => window.scrollTo(0, 0));
  await a.screenshot({ path: "screenshots/shared-folder-waiting.png" });

  // A brings them in: both laptops' worries, merged, and the file holds them all.
  await a.getByRole("button", { name: "Bring in the team's changes" }).click();
  const summary = a.getByRole("dialog", { name: "Merged with the copy on this laptop" });
  await expect(summary).toContainText("Shared review");
  await expect(summary).toContainText("keeps everyone's work");
  await expect(summary.getByRole("button", { name: "Undo the whole merge" })).toHaveCount(0);
  await a.screenshot({ path: "screenshots/shared-folder-merged.png" });
  await summary.getByRole("button", { name: "Done" }).click();
  const all = ["Worry from laptop 1", "Worry from laptop 2", "Second worry from laptop 1", "Third worry from laptop 1"];
  await expect.poll(async () => (await worries(a)).sort()).toEqual([...all].sort());
  for (const w of all) expect(await sharedFile(a)).toContain(w);
  await expect(a.getByRole("status").filter({ hasText: "Shared file up to date" })).toBeVisible();

  // The Changes view says who changed what: laptop 2's change added its worry.
  await a.getByRole("button", { name: "Changes", exact: true }).click();
  const changes = a.getByRole("dialog", { name: "Changes to this review" });
  await changes.getByRole("button", { name: /^What changed: .* by Reviewer, laptop 2$/ }).first().click();
  await expect(changes.locator(".change-detail")).toContainText("Added: Worries › “Worry from laptop 2”");
  await a.screenshot({ path: "screenshots/changes-what-changed.png" });
  await expectAccessible(a);
  await changes.getByRole("button", { name: "Close" }).click();

  // The merged file reaches B, who opens the review: it is brought in before the editor opens.
  await syncInto(b, await sharedFile(a));
  await b.reload();
  await b.getByRole("dialog", { name: /Merged with the copy on this laptop|Brought in from the file/ }).getByRole("button", { name: "Done" }).click();
  await expect.poll(async () => (await worries(b)).sort()).toEqual([...all].sort());
  await laptopA.close();
  await laptopB.close();
});

test("a file of another review is refused and nothing is linked; without the browser's file pickers the app says to use files", async ({ browser }) => {
  const laptop = await browser.newContext();
  await withSharedFolder(laptop);
  const page = await laptop.newPage();
  await openApp(page);
  await startReview(page);
  await page.getByLabel("Review title").fill("First review");
  await page.getByLabel("Review title").press("Tab");
  await page.getByRole("button", { name: "Shared folder", exact: true }).click();
  await page.getByRole("button", { name: "Save to a shared folder…" }).click();
  await expect(page.getByText("This review is now linked to “first-review.json”")).toBeVisible();

  await openApp(page);
  await startReview(page);
  await page.getByLabel("Review title").fill("Second review");
  await page.getByLabel("Review title").press("Tab");
  await addWorry(page, "Only in the second review");
  await linkExisting(page, "first-review.json");
  await expect(page.getByText("“first-review.json” holds a different review, not this one.")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Shared file" })).toHaveCount(0);
  expect(await sharedFile(page, "first-review.json")).not.toContain("Only in the second review");
  expect(await worries(page)).toEqual(["Only in the second review"]);
  await laptop.close();

  // A browser (or a policy) without the file pickers.
  const locked = await browser.newContext();
  await locked.addInitScript(() => {
    delete window.showSaveFilePicker;
    delete window.showOpenFilePicker;
    window.showSaveFilePicker = undefined;
    window.showOpenFilePicker = undefined;
  });
  const p = await locked.newPage();
  await openApp(p);
  await expect(p.getByRole("button", { name: "Open from a shared folder…" })).toHaveCount(0);
  await startReview(p);
  await p.getByRole("button", { name: "Shared folder", exact: true }).click();
  const dialog = p.getByRole("dialog", { name: "Shared folder" });
  await expect(dialog.getByRole("note")).toContainText("This browser does not let web pages use a file in a shared folder");
  await expect(dialog.getByRole("button", { name: "Save to a shared folder…" })).toHaveCount(0);
  await locked.close();
});
