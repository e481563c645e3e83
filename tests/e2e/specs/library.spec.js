// The library and storage, as a person relies on them: what they write is still there
// after a reload, a second tab never silently overwrites newer work, files go out and
// come back identical, bad files are refused clearly, and a deletion can be undone.
import { readFile } from "node:fs/promises";
import { test, expect, guardNetwork, expectAccessible, openApp, startReview, storedReviewTexts } from "./helpers.js";

async function fillCaseDiscussion(page, title) {
  await page.getByLabel("Review title").fill(title);
  await page.getByLabel("Review title").press("Tab");
  await page.getByLabel("Child's name or pseudonym").fill("Child J");
  await page.getByLabel("About the child and their lived experiences", { exact: true }).fill("J is 7, loves football. Siân's school notes say he is often tired.");
  await page.getByPlaceholder("Add a worry and press Enter").fill("Missed health appointments <script>alert(1)</script>");
  await page.getByPlaceholder("Add a worry and press Enter").press("Enter");
  await expect(page.getByText("Saved on this device")).toBeVisible();
}

async function exportReview(page) {
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export file" }).click();
  const file = await download;
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), "utf8") };
}

test("a new review, edited, is still there after a reload", async ({ page }) => {
  const net = guardNetwork(page);
  await startReview(page);
  await fillCaseDiscussion(page, "Child J rapid review");
  await page.reload();
  await expect(page.getByLabel("Review title")).toHaveValue("Child J rapid review");
  await expect(page.getByLabel("Child's name or pseudonym")).toHaveValue("Child J");
  await expect(page.getByLabel("Worry 1")).toHaveValue("Missed health appointments <script>alert(1)</script>");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Your reviews" }).click();
  await expect(page.getByRole("link", { name: "Child J rapid review" })).toBeVisible();
  await expect(page.getByText("Never exported")).toBeVisible();
  await expectAccessible(page);
  net.assertNone();
});

test("edits are saved when the tab is hidden straight after typing", async ({ page }) => {
  await startReview(page);
  await page.getByLabel("Child's name or pseudonym").fill("Child K");
  // Close at once: the pagehide flush must have written the edit.
  await page.evaluate(() => window.dispatchEvent(new Event("pagehide")));
  await page.waitForTimeout(100);
  await page.reload();
  await expect(page.getByLabel("Child's name or pseudonym")).toHaveValue("Child K");
});

test("search and filter the library; rename and duplicate a review", async ({ page }) => {
  await startReview(page);
  await page.getByLabel("Review title").fill("Alpha discussion");
  await page.getByLabel("Review title").press("Tab");
  await expect(page.getByText("Saved on this device")).toBeVisible();
  await page.getByRole("link", { name: "Your reviews" }).click();
  await page.getByRole("button", { name: "New Learning Together review" }).click();
  await page.getByLabel("Review title").fill("Beta systems review");
  await page.getByLabel("Review title").press("Tab");
  await expect(page.getByText("Saved on this device")).toBeVisible();
  await page.getByRole("link", { name: "Your reviews" }).click();

  await page.getByLabel("Search reviews").fill("beta");
  await expect(page.getByRole("link", { name: "Beta systems review" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Alpha discussion" })).toHaveCount(0);
  await page.getByLabel("Search reviews").fill("");
  await page.getByLabel("Show").selectOption("cd");
  await expect(page.getByRole("link", { name: "Alpha discussion" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Beta systems review" })).toHaveCount(0);
  await page.getByLabel("Show").selectOption("all");

  const alpha = page.getByRole("group", { name: "Actions for Alpha discussion" });
  await alpha.getByRole("button", { name: "Rename" }).click();
  const dialog = page.getByRole("dialog", { name: "Rename review" });
  await dialog.getByLabel("Title").fill("Alpha discussion (March)");
  await dialog.getByRole("button", { name: "Save title" }).click();
  await expect(page.getByRole("link", { name: "Alpha discussion (March)" })).toBeVisible();

  await page.getByRole("group", { name: "Actions for Alpha discussion (March)" }).getByRole("button", { name: "Duplicate" }).click();
  await expect(page.getByRole("link", { name: "Copy of Alpha discussion (March)" })).toBeVisible();
});

test("delete asks first, and Undo restores the review exactly", async ({ page }) => {
  await startReview(page);
  await fillCaseDiscussion(page, "To be deleted");
  const before = await exportReview(page);
  await page.getByRole("link", { name: "Your reviews" }).click();

  await page.getByRole("group", { name: "Actions for To be deleted" }).getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete “To be deleted”?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("link", { name: "To be deleted" })).toBeVisible();

  await page.getByRole("group", { name: "Actions for To be deleted" }).getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete review" }).click();
  await expect(page.getByText("Deleted “To be deleted”.")).toBeVisible();
  await expect(page.getByRole("link", { name: "To be deleted" })).toHaveCount(0);

  await page.getByRole("button", { name: "Undo" }).click();
  await page.getByRole("link", { name: "To be deleted" }).click();
  await expect(page.getByLabel("About the child and their lived experiences", { exact: true })).toHaveValue(/loves football/);
  const after = await exportReview(page);
  const strip = (t) => JSON.parse(t).reviews.map(({ last_exported, ...r }) => r);
  expect(strip(after.text)).toEqual(strip(before.text));
});

test("export, then import into an empty browser: the review is identical", async ({ page, browser }) => {
  await startReview(page);
  await fillCaseDiscussion(page, "Travelling review");
  const exported = await exportReview(page);
  expect(exported.name).toMatch(/^travelling-review-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(exported.text);
  expect(file.format).toBe("case-review-studio");

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const net = guardNetwork(other);
  await openApp(other);
  await other.getByLabel("Review file to open").setInputFiles({
    name: exported.name, mimeType: "application/json", buffer: Buffer.from(exported.text),
  });
  await expect(other.getByText("Imported 1 review.")).toBeVisible();
  await other.getByRole("link", { name: "Travelling review" }).click();
  await expect(other.getByLabel("Child's name or pseudonym")).toHaveValue("Child J");
  const again = await exportReview(other);
  // Each laptop hands out item ids from its own block (`next_id`), so items added on two
  // laptops never share an id; everything else is identical.
  const reviews = (t) => JSON.parse(t).reviews.map(({ last_exported, body, ...r }) => {
    const { next_id, ...content } = body.case_discussion;
    return { ...r, content };
  });
  expect(reviews(again.text)).toEqual(reviews(exported.text));
  net.assertNone();
  await fresh.close();
});

test("importing a review that is already here never replaces it: an older file changes nothing", async ({ page }) => {
  await startReview(page);
  await fillCaseDiscussion(page, "Same review");
  const exported = await exportReview(page);
  await page.getByLabel("Child's name or pseudonym").fill("Changed after export");
  await expect(page.getByText("Saved on this device")).toBeVisible();
  await page.getByRole("link", { name: "Your reviews" }).click();

  const input = page.getByLabel("Review file to open");
  await input.setInputFiles({ name: "same.json", mimeType: "application/json", buffer: Buffer.from(exported.text) });
  await expect(page.getByText("“same.json” has nothing you don't already have. Nothing was changed.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Replace" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Same review", exact: true })).toHaveCount(1);
  await page.getByRole("link", { name: "Same review", exact: true }).click();
  await expect(page.getByLabel("Child's name or pseudonym")).toHaveValue("Changed after export");
});

test("a file dropped on the library is imported", async ({ page }) => {
  await startReview(page);
  await fillCaseDiscussion(page, "Dropped review");
  const exported = await exportReview(page);
  await page.getByRole("link", { name: "Your reviews" }).click();
  await page.getByRole("group", { name: "Actions for Dropped review" }).getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete review" }).click();
  await expect(page.getByRole("link", { name: "Dropped review" })).toHaveCount(0);

  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "dropped.json", { type: "application/json" }));
    return dt;
  }, exported.text);
  await page.dispatchEvent("main", "dragover", { dataTransfer });
  await page.dispatchEvent("main", "drop", { dataTransfer });
  await expect(page.getByRole("link", { name: "Dropped review" })).toBeVisible();
});

test("bad files get a clear message and change nothing", async ({ page }) => {
  await startReview(page);
  await fillCaseDiscussion(page, "Keep me");
  await page.getByRole("link", { name: "Your reviews" }).click();
  const input = page.getByLabel("Review file to open");
  const cases = [
    ["notes.txt", "These are not JSON notes", /not imported/],
    ["other.json", JSON.stringify({ format: "another-app", version: 1 }), /not imported/],
    ["future.json", JSON.stringify({ format: "case-review-studio", version: 99, reviews: [] }), /newer version/],
    ["deep.json", "[".repeat(100000), /not imported/],
    ["empty.json", "", /not imported/],
  ];
  for (const [name, text, message] of cases) {
    await input.setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
    const alert = page.locator(".notice-error");
    await expect(alert).toContainText(name);
    await expect(alert).toContainText(message);
    await page.getByRole("button", { name: "Dismiss message" }).click();
  }
  await expect(page.getByRole("listitem").filter({ hasText: "Keep me" })).toHaveCount(1);
  await expect(page.locator(".review-card")).toHaveCount(1);
});

test("two tabs on one review: the stale tab is told and nothing is lost", async ({ context }) => {
  const first = await context.newPage();
  await startReview(first);
  await first.getByLabel("Review title").fill("Shared review");
  await first.getByLabel("Review title").press("Tab");
  await expect(first.getByText("Saved on this device")).toBeVisible();
  const url = first.url();

  const second = await context.newPage();
  await second.goto(url);
  await expect(second.getByLabel("Review title")).toHaveValue("Shared review");

  await first.getByLabel("Child's name or pseudonym").fill("Written in the first tab");
  await expect(first.getByText("Saved on this device")).toBeVisible();

  // The second tab still shows the older copy; its edit must not overwrite the first's.
  await expect(second.getByRole("alert")).toContainText("changed in another tab or window");
  await second.getByLabel("About the child and their lived experiences", { exact: true }).fill("Written in the second tab");
  await expect(second.getByText("Not saved: newer copy in another tab")).toBeVisible();

  await second.getByRole("button", { name: "Save my edits as a copy" }).click();
  await expect(second.getByLabel("Review title")).toHaveValue("Shared review (my edits)");
  await expect(second.getByLabel("About the child and their lived experiences", { exact: true })).toHaveValue("Written in the second tab");

  await first.reload();
  await expect(first.getByLabel("Child's name or pseudonym")).toHaveValue("Written in the first tab");
  await expect(first.getByLabel("About the child and their lived experiences", { exact: true })).toHaveValue("");
});

test("when the browser runs out of space: a clear message, the last copy intact, export offered", async ({ page }) => {
  await startReview(page);
  await page.getByLabel("Child's name or pseudonym").fill("Saved before the disk filled");
  await expect(page.getByText("Saved on this device")).toBeVisible();
  const url = page.url();

  // The browser refuses every write from now on, as it does when its storage is full.
  await page.evaluate(() => {
    window.__realPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await page.getByLabel("About the child and their lived experiences", { exact: true }).fill("Typed while the disk was full");

  const alert = page.getByRole("alert").filter({ hasText: "Your latest edits are not saved" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("run out of space");
  await expect(page.getByText("Not saved", { exact: true })).toBeVisible();
  const download = page.waitForEvent("download");
  await alert.getByRole("button", { name: "Export to a file now" }).click();
  const file = JSON.parse(await readFile(await (await download).path(), "utf8"));
  expect(file.reviews[0].body.case_discussion.about_child).toBe("Typed while the disk was full");

  // Space again: "Try saving again" succeeds (after the export's own save attempt failed too).
  await expect(page.getByText("Not saved", { exact: true })).toBeVisible();
  await page.evaluate(() => { IDBObjectStore.prototype.put = window.__realPut; });
  await alert.getByRole("button", { name: "Try saving again" }).click();
  await expect(page.getByText("Saved on this device")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("About the child and their lived experiences", { exact: true })).toHaveValue("Typed while the disk was full");
});

test("a failed save leaves the last good copy intact", async ({ page }) => {
  await startReview(page);
  await page.getByLabel("Child's name or pseudonym").fill("Last good copy");
  await expect(page.getByText("Saved on this device")).toBeVisible();
  const url = page.url();
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await page.getByLabel("Child's name or pseudonym").fill("Never stored");
  await expect(page.getByText("Not saved", { exact: true })).toBeVisible();
  // The database still holds the last good copy, whole.
  const stored = await storedReviewTexts(page);
  expect(stored).toContain("Last good copy");
  expect(stored).not.toContain("Never stored");
  // And what was typed is not lost: the tab's journal brings it back when the review reopens.
  await page.goto("about:blank");
  await page.goto(url);
  await expect(page.getByLabel("Child's name or pseudonym")).toHaveValue("Never stored");
  await expect(page.getByText(/Recovered your last edits to/)).toBeVisible();
});
