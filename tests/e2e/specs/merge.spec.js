// A review team on several laptops, no server: each laptop (a browser context of its own)
// works on its copy and they swap files. Bringing in a file never replaces anything: an
// older file changes nothing, a file with new work is merged, places changed on both
// laptops are offered with both versions, and the whole merge can be undone.
import { readFile } from "node:fs/promises";
import { test, expect, expectAccessible, openApp, startReview, nameDevice, addWorry, worries } from "./helpers.js";

async function exportReview(page) {
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export file" }).click();
  const file = await download;
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), "utf8") };
}

async function bringIn(page, file) {
  await openApp(page);
  await page.getByLabel("Review file to open").setInputFiles({
    name: file.name, mimeType: "application/json", buffer: Buffer.from(file.text),
  });
}

async function openReview(page, title) {
  await openApp(page);
  await page.getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByLabel("Review title")).toHaveValue(title);
}

test("two laptops: the story ends with one review holding everyone's work, and an older file changes nothing", async ({ browser }) => {
  const laptopA = await browser.newContext();
  const laptopB = await browser.newContext();
  const a = await laptopA.newPage();
  const b = await laptopB.newPage();
  await nameDevice(a, "Lead reviewer, laptop 1");
  await nameDevice(b, "Reviewer, laptop 2");

  // A starts the review and sends it to B.
  await startReview(a);
  await a.getByLabel("Review title").fill("Team review");
  await a.getByLabel("Review title").press("Tab");
  await a.getByLabel("Child's name or pseudonym").fill("Child J");
  await a.getByLabel("About the child and their lived experiences", { exact: true }).fill("J is 7. J loves football.");
  await addWorry(a, "Missed health appointments");
  const first = await exportReview(a);
  expect(JSON.parse(first.text).version).toBe(3);
  expect(Object.keys(JSON.parse(first.text).histories)).toHaveLength(1);

  await bringIn(b, first);
  await expect(b.getByText("Imported 1 review.")).toBeVisible();

  // Both work on their own copy.
  await openReview(b, "Team review");
  await addWorry(b, "Worry written on laptop 2");
  await b.getByLabel("Child's name or pseudonym").fill("Child J (laptop 2)");
  await b.getByLabel("About the child and their lived experiences", { exact: true }).fill("J is 7. J loves football and drawing.");
  await expect(b.getByText("Saved on this device")).toBeVisible();
  const fromB = await exportReview(b);

  await openReview(a, "Team review");
  await addWorry(a, "Worry written on laptop 1");
  await a.getByLabel("Child's name or pseudonym").fill("Child J (laptop 1)");
  await a.getByLabel("About the child and their lived experiences", { exact: true }).fill("J is seven. J loves football.");
  await expect(a.getByText("Saved on this device")).toBeVisible();

  // A brings in B's file: merged, with the child's name changed on both laptops.
  await bringIn(a, fromB);
  const summary = a.getByRole("dialog", { name: "Merged with the copy on this laptop" });
  await expect(summary.getByRole("heading", { name: "Changed on both laptops, please check" })).toBeVisible();
  await expect(summary.getByText("Header › Child name")).toBeVisible();
  // Which version the merge keeps for now depends on the laptops' random ids; both are shown.
  await expect(summary.getByText("Child J (laptop 2)").first()).toBeVisible();
  await expect(summary.getByText("Child J (laptop 1)").first()).toBeVisible();
  await expect(summary.getByRole("heading", { name: "Added" })).toBeVisible();
  await expect(summary.getByText("“Worry written on laptop 2”")).toBeVisible();
  await expectAccessible(a);
  await a.setViewportSize({ width: 1366, height: 768 });
  await a.screenshot({ path: "screenshots/merge-summary.png" });
  await summary.getByRole("button", { name: "Keep this laptop's version of Header › Child name" }).click();
  await expect(summary.getByText("Kept this laptop's version.")).toBeVisible();
  await summary.getByRole("button", { name: "Done" }).click();

  // One entry, everyone's work in it.
  await expect(a.getByRole("link", { name: "Team review", exact: true })).toHaveCount(1);
  await openReview(a, "Team review");
  expect((await worries(a)).sort()).toEqual(["Missed health appointments", "Worry written on laptop 1", "Worry written on laptop 2"]);
  await expect(a.getByLabel("Child's name or pseudonym")).toHaveValue("Child J (laptop 1)");
  // Edits to different parts of one answer both survive.
  await expect(a.getByLabel("About the child and their lived experiences", { exact: true })).toHaveValue("J is seven. J loves football and drawing.");

  // Who changed what.
  await a.getByRole("button", { name: "Changes" }).click();
  const changes = a.getByRole("dialog", { name: "Changes to this review" });
  await expect(changes.getByText("Reviewer, laptop 2").first()).toBeVisible();
  await expect(changes.getByText("Lead reviewer, laptop 1").first()).toBeVisible();
  await changes.getByRole("button", { name: "Show who added and last changed each item" }).click();
  await expect(changes.getByText(/“Worry written on laptop 2”: added by Reviewer, laptop 2/)).toBeVisible();
  await expectAccessible(a);
  await a.screenshot({ path: "screenshots/merge-changes.png" });
  await changes.getByRole("button", { name: "Close" }).click();

  // The first, older file again: nothing changes.
  const before = await exportReview(a);
  await bringIn(a, first);
  await expect(a.getByText("has nothing you don't already have. Nothing was changed.")).toBeVisible();
  await bringIn(a, fromB);
  await expect(a.getByText("has nothing you don't already have. Nothing was changed.")).toBeVisible();
  await openReview(a, "Team review");
  const after = await exportReview(a);
  const strip = (t) => JSON.parse(t).reviews.map(({ last_exported, updated, ...r }) => r);
  expect(strip(after.text)).toEqual(strip(before.text));

  // B brings in A's merged file: only additions; both laptops now hold the same review.
  await bringIn(b, after);
  await expect(b.getByRole("dialog", { name: "Brought in from the file" })).toBeVisible();
  await b.getByRole("button", { name: "Done" }).click();
  await openReview(b, "Team review");
  expect(await worries(b)).toEqual(await worries(a));
  await expect(b.getByLabel("Child's name or pseudonym")).toHaveValue("Child J (laptop 1)");
  await laptopA.close();
  await laptopB.close();
});

test("three laptops: files swapped in any order converge, and a merge can be undone as a whole", async ({ browser }) => {
  const contexts = await Promise.all([0, 1, 2].map(() => browser.newContext()));
  const [a, b, c] = await Promise.all(contexts.map((ctx) => ctx.newPage()));
  await nameDevice(a, "Lead reviewer, laptop 1");
  await nameDevice(b, "Reviewer, laptop 2");
  await nameDevice(c, "Reviewer, laptop 3");
  await startReview(a);
  await a.getByLabel("Review title").fill("Three laptops");
  await a.getByLabel("Review title").press("Tab");
  await addWorry(a, "First worry");
  const start = await exportReview(a);
  for (const [page, n] of [[b, 2], [c, 3]]) {
    await bringIn(page, start);
    await expect(page.getByText("Imported 1 review.")).toBeVisible();
    await openReview(page, "Three laptops");
    await addWorry(page, `Worry from laptop ${n}`);
  }
  await openReview(a, "Three laptops");
  await addWorry(a, "Worry from laptop 1");
  const fromB = await exportReview(b);
  const fromC = await exportReview(c);

  // A takes C's file, undoes it, takes it again.
  await bringIn(a, fromC);
  let summary = a.getByRole("dialog", { name: "Merged with the copy on this laptop" });
  await summary.getByRole("button", { name: "Undo the whole merge" }).click();
  await expect(a.getByText("The merge was undone")).toBeVisible();
  await summary.getByRole("button", { name: "Done" }).click();
  await openReview(a, "Three laptops");
  expect(await worries(a)).toEqual(["First worry", "Worry from laptop 1"]);
  await bringIn(a, fromC);
  await a.getByRole("dialog", { name: "Merged with the copy on this laptop" }).getByRole("button", { name: "Done" }).click();
  await bringIn(a, fromB);
  await a.getByRole("dialog", { name: "Merged with the copy on this laptop" }).getByRole("button", { name: "Done" }).click();

  // B takes C's file then A's; C takes A's.
  await bringIn(b, fromC);
  await b.getByRole("button", { name: "Done" }).click();
  await openReview(a, "Three laptops");
  const fromA = await exportReview(a);
  await bringIn(b, fromA);
  await b.getByRole("dialog", { name: "Brought in from the file" }).getByRole("button", { name: "Done" }).click();
  await bringIn(c, fromA);
  await c.getByRole("button", { name: "Done" }).click();

  const all = [];
  for (const page of [a, b, c]) {
    await openReview(page, "Three laptops");
    all.push((await worries(page)).slice().sort());
  }
  expect(all[0]).toEqual(["First worry", "Worry from laptop 1", "Worry from laptop 2", "Worry from laptop 3"]);
  expect(all[1]).toEqual(all[0]);
  expect(all[2]).toEqual(all[0]);
  for (const ctx of contexts) await ctx.close();
});
