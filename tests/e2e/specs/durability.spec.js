// Nothing a person types is ever lost, whatever the browser does: reloads at any moment
// after the last key, the whole browser closed right after Enter, the renderer crashed
// mid-typing, with and without a passphrase; "Saved on this device" only when another tab
// can read the text back; and the browser's storage failing (database refused at start,
// deleted while a review is open) is said plainly and loses nothing.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { test, expect, openApp, startReview, storedReviewTexts } from "./helpers.js";

const PASSPHRASE = "kettle orbit velvet harbour";
const ABOUT = "About the child and their lived experiences";
const SENTENCE = "Mia told her teacher she hides under the stairs when it is loud."; // 63 characters

async function setPassphrase(page) {
  await page.getByRole("link", { name: "Privacy", exact: true }).click();
  await page.getByLabel("Passphrase for this device").fill(PASSPHRASE);
  await page.getByLabel("Type the passphrase again").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Encrypt reviews on this device" }).click();
  await expect(page.getByText("Encryption is on.", { exact: true })).toBeVisible();
}

async function unlockIfAsked(page, withPassphrase) {
  if (!withPassphrase) return;
  await expect(page.getByRole("heading", { name: "Your reviews are locked" })).toBeVisible();
  await page.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
  await page.getByRole("button", { name: "Unlock" }).click();
}

/** A new case discussion, opened; returns its address. */
async function newReview(page, withPassphrase) {
  await openApp(page);
  if (withPassphrase) await setPassphrase(page);
  await startReview(page);
  return page.url();
}

/** The stored review texts, read by another page of the same browser (as a second tab would). */
async function storedReviews(context) {
  const other = await context.newPage();
  await other.goto("./static-probe-that-does-not-exist").catch(() => {});
  const texts = await storedReviewTexts(other);
  await other.close();
  return texts;
}

for (const withPassphrase of [false, true]) {
  const label = withPassphrase ? "with a passphrase" : "without a passphrase";

  test(`reloading 0 to 400 ms after the last key loses nothing (${label})`, async ({ page }) => {
    test.setTimeout(120_000);
    const address = await newReview(page, withPassphrase);
    let expected = "";
    for (const wait of [0, 50, 100, 200, 400]) {
      const about = page.getByLabel(ABOUT, { exact: true });
      await about.click();
      await page.keyboard.press("End");
      const words = `${expected ? " " : ""}Reload after ${wait} ms.`;
      await page.keyboard.type(words, { delay: 40 });
      expected += words;
      if (wait) await page.waitForTimeout(wait);
      await page.reload();
      await unlockIfAsked(page, withPassphrase);
      if (page.url() !== address) await page.goto(address);
      await expect(page.getByLabel(ABOUT, { exact: true })).toHaveValue(expected, { timeout: 10_000 });
      // Straight after the last key, the edits came from the journal, and the person is told.
      if (wait === 0) await expect(page.getByText(/Recovered your last edits to “Untitled case discussion”/)).toBeVisible();
    }
  });

  test(`crashing the renderer mid-typing loses no character (${label})`, async ({ baseURL }) => {
    await withProfile(baseURL, async (launch) => {
      let browser = await launch();
      let page = browser.pages()[0] ?? (await browser.newPage());
      const address = await newReview(page, withPassphrase);
      // The session is opened first, so the crash follows the last key at once.
      const cdp = await browser.newCDPSession(page);
      await page.getByLabel(ABOUT, { exact: true }).click();
      // Most of the sentence reaches the database; the last words are typed in under the
      // longest time autosave lets an edit wait (1.5 s), so the crash comes while only the
      // journal holds them (on a busy machine a longer burst can be saved whole just before).
      const cut = SENTENCE.length - 14;
      await page.keyboard.type(SENTENCE.slice(0, cut), { delay: 60 });
      await expect(page.getByText("Saved on this device")).toBeVisible();
      await page.keyboard.type(SENTENCE.slice(cut), { delay: 60 });
      // The renderer dies at once; the command itself never answers.
      const crashed = page.waitForEvent("crash");
      cdp.send("Page.crash").catch(() => {});
      await crashed;
      await browser.close().catch(() => {});

      browser = await launch();
      page = browser.pages()[0] ?? (await browser.newPage());
      await page.goto(address);
      await unlockIfAsked(page, withPassphrase);
      await expect(page.getByLabel(ABOUT, { exact: true })).toHaveValue(SENTENCE, { timeout: 10_000 });
      await expect(page.getByText(/Recovered your last edits to/)).toBeVisible();
      await browser.close();
    });
  });
}

/** Runs `fn` with a launcher of Chromium on one profile folder, as a person's own browser. */
async function withProfile(baseURL, fn) {
  const dir = await mkdtemp(path.join(tmpdir(), "crs-profile-"));
  const launch = () =>
    chromium.launchPersistentContext(dir, {
      executablePath: "/usr/bin/chromium",
      baseURL,
      viewport: { width: 1366, height: 768 },
      locale: "en-GB",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    });
  try {
    await fn(launch);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test("closing the whole browser right after Enter keeps the worry and the half-typed capture", async ({ baseURL }) => {
  await withProfile(baseURL, async (launch) => {
    let browser = await launch();
    let page = browser.pages()[0] ?? (await browser.newPage());
    await startReview(page);
    const address = page.url();
    await page.getByLabel("New worry").click();
    await page.keyboard.type("No one has seen the baby since March", { delay: 30 });
    await page.keyboard.press("Enter");
    await page.getByLabel("Capture", { exact: true }).click();
    await page.keyboard.type("Dad works nights", { delay: 30 });
    await browser.close();

    browser = await launch();
    page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(address);
    await expect(page.getByLabel("Worry 1")).toHaveValue("No one has seen the baby since March");
    await expect(page.getByLabel("Capture", { exact: true })).toHaveValue("Dad works nights");
    await browser.close();
  });
});

test("the title is kept as it is typed, and 'Saved' means another tab can read it", async ({ page, context }) => {
  await newReview(page, false);
  const title = page.getByLabel("Review title");
  await title.click();
  await title.press("Control+a");
  await page.keyboard.type("Child M, learning review", { delay: 40 });
  const indicator = page.locator(".save-indicator");
  // From the first key until the database holds the text, it never says "Saved".
  await expect(indicator).toHaveText("Saving…");
  await expect(indicator).toHaveText("Saved on this device");
  expect(await storedReviews(context)).toContain("Child M, learning review");
  // Still in the field: the title survives a reload.
  await page.reload();
  await expect(page.getByLabel("Review title")).toHaveValue("Child M, learning review");
  // Every time it says saved during a long burst of typing, the stored copy has the words.
  const about = page.getByLabel(ABOUT, { exact: true });
  await about.click();
  let typed = "";
  for (const word of ["Mia", "is", "seven", "and", "loves", "drawing", "horses", "with", "her", "nan."]) {
    await page.keyboard.type(word + " ", { delay: 120 });
    typed += word + " ";
  }
  await expect(indicator).toHaveText("Saved on this device");
  expect(await storedReviews(context)).toContain(typed.trim());
});

test("a half-typed capture-bar entry survives a reload", async ({ page }) => {
  await newReview(page, false);
  const capture = page.getByLabel("Capture", { exact: true });
  await capture.click();
  await page.keyboard.type("School nurse raised", { delay: 30 });
  await page.reload();
  await expect(capture).toHaveValue("School nurse raised");
  await capture.press("End");
  await page.keyboard.type(" head lice again");
  await page.keyboard.press("Enter");
  await expect(capture).toHaveValue("");
  await expect(page.getByLabel("Worry 1")).toHaveValue("School nurse raised head lice again");
});

// Fault injection: `indexedDB.open` throws while the flag is set (as some locked-down
// browsers do), and works again once it is cleared.
const REFUSE_DATABASE = () => {
  if (localStorage.getItem("test:refuse-indexeddb") === "1") {
    IDBFactory.prototype.open = function () {
      throw new DOMException("The user denied permission to access the database.", "UnknownError");
    };
  }
};

test("the database refused at start-up is said plainly, and work written meanwhile comes back", async ({ page }) => {
  await page.addInitScript(REFUSE_DATABASE);
  await startReview(page);
  await page.getByLabel("Review title").fill("Saved in the database");
  await expect(page.getByText("Saved on this device")).toBeVisible();

  await page.evaluate(() => localStorage.setItem("test:refuse-indexeddb", "1"));
  await openApp(page, "#/");
  await page.reload();
  await expect(page.getByRole("heading", { name: "This browser's database is not available just now" })).toBeVisible();
  await expect(page.getByText("Reviews saved here earlier are in the database")).toBeVisible();
  await page.getByRole("button", { name: "New case discussion" }).click();
  await page.getByLabel("Review title").fill("Written while the database was refused");
  await expect(page.getByText("Saved on this device")).toBeVisible();

  await page.evaluate(() => localStorage.removeItem("test:refuse-indexeddb"));
  await page.goto("./#/");
  await page.reload();
  await expect(page.getByText(/1 review written while the browser's database was unavailable is back in the database/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Written while the database was refused" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Saved in the database" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "This browser's database is not available just now" })).toHaveCount(0);
});

test("on a device with a passphrase, a refused database keeps the app locked and says why", async ({ page }) => {
  await page.addInitScript(REFUSE_DATABASE);
  await newReview(page, true);
  await page.getByLabel("Review title").fill("Encrypted review");
  await expect(page.getByText("Saved on this device")).toBeVisible();
  await page.evaluate(() => localStorage.setItem("test:refuse-indexeddb", "1"));
  await page.reload();
  await expect(page.getByRole("heading", { name: "The app stays locked: the browser's database will not open" })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("stays locked rather than store anything unencrypted");
  await expect(page.getByText("Reviews on this device are not encrypted")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "New case discussion" })).toHaveCount(0);
  // Nothing was written outside the database.
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("case-review-studio/review/")));
  expect(keys).toEqual([]);

  await page.evaluate(() => localStorage.removeItem("test:refuse-indexeddb"));
  await page.reload();
  await unlockIfAsked(page, true);
  await expect(page.getByLabel("Review title")).toHaveValue("Encrypted review");
});

test("the database deleted by another page while a review is open: said at once, and the review comes back", async ({ page, context }) => {
  const address = await newReview(page, false);
  await page.getByLabel(ABOUT, { exact: true }).fill("Seen by the GP on 3 March.");
  await expect(page.getByText("Saved on this device")).toBeVisible();

  const other = await context.newPage();
  await other.goto("./static-probe-that-does-not-exist").catch(() => {});
  await other.evaluate(
    () =>
      new Promise((resolve) => {
        const del = indexedDB.deleteDatabase("case-review-studio");
        del.onsuccess = del.onerror = del.onblocked = () => resolve();
      }),
  );
  await other.close();
  await expect(page.locator(".save-indicator")).toHaveText("Not saved");
  await expect(page.getByRole("alert").filter({ hasText: "closed or deleted this browser's database" })).toBeVisible();
  await page.getByLabel(ABOUT, { exact: true }).press("End");
  await page.keyboard.type(" Then by the health visitor.", { delay: 20 });

  await page.reload();
  if (page.url() !== address) await page.goto(address);
  await expect(page.getByLabel(ABOUT, { exact: true })).toHaveValue("Seen by the GP on 3 March. Then by the health visitor.");
  await expect(page.getByText(/Recovered your last edits to/)).toBeVisible();
});
