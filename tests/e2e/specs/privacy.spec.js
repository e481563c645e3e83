// Privacy, as a person relies on it: with a passphrase set, nothing readable is left in
// the browser's storage, the app starts locked, a wrong passphrase opens nothing and a
// right one opens everything; the app locks itself when left alone; files can be
// protected with a passphrase; an anonymised copy replaces exactly the names and places
// listed; a review past its delete-by date can be exported and then deleted.
import { readFile } from "node:fs/promises";
import { test, expect, guardNetwork, expectAccessible, openApp, startReview } from "./helpers.js";

const PASSPHRASE = "kettle orbit velvet harbour";

/** Every key and value the app has in IndexedDB and localStorage, as one text. */
async function storedText(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("case-review-studio");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = Array.from(db.objectStoreNames);
          const out = [];
          const tx = db.transaction(names, "readonly");
          for (const name of names) {
            const store = tx.objectStore(name);
            store.getAll().onsuccess = (e) => out.push(...e.target.result.map((v) => JSON.stringify(v)));
            store.getAllKeys().onsuccess = (e) => out.push(...e.target.result.map(String));
          }
          tx.oncomplete = () => {
            db.close();
            for (let i = 0; i < localStorage.length; i++) {
              const key = localStorage.key(i);
              out.push(key, localStorage.getItem(key));
            }
            resolve(out.join("\n"));
          };
        };
      }),
  );
}

async function setPassphrase(page, { idle } = {}) {
  await page.getByRole("link", { name: "Privacy", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Privacy on this device" })).toBeVisible();
  await page.getByLabel("Passphrase for this device").fill(PASSPHRASE);
  await page.getByLabel("Type the passphrase again").fill(PASSPHRASE);
  if (idle) await page.getByLabel("Lock the app after").selectOption(String(idle));
  await page.getByRole("button", { name: "Encrypt reviews on this device" }).click();
  await expect(page.getByText("Encryption is on.", { exact: true })).toBeVisible();
}

async function unlock(page, passphrase = PASSPHRASE) {
  await expect(page.getByRole("heading", { name: "Your reviews are locked" })).toBeVisible();
  await page.getByLabel("Passphrase", { exact: true }).fill(passphrase);
  await page.getByRole("button", { name: "Unlock" }).click();
}

async function writeCaseDiscussion(page) {
  await startReview(page);
  await page.getByLabel("Review title").fill("Jayden Smith rapid review");
  await page.getByLabel("Review title").press("Tab");
  await page.getByLabel("Child's name or pseudonym").fill("Jayden Smith");
  await page
    .getByLabel("About the child and their lived experiences", { exact: true })
    .fill("Jayden's mum says Jayden walks to Brookfield Primary in Salford. JAYDEN likes drawing.");
  await expect(page.getByText("Saved on this device")).toBeVisible();
}

test("with a passphrase set, nothing readable is stored and the app opens only with the passphrase", async ({ page }) => {
  const net = guardNetwork(page);
  await writeCaseDiscussion(page);
  expect(await storedText(page)).toContain("Brookfield Primary");

  await page.getByRole("link", { name: "Privacy", exact: true }).click();
  await expectAccessible(page);
  // Guidance while typing; a weak or mistyped passphrase is refused.
  await page.getByLabel("Passphrase for this device").fill("kettle");
  await expect(page.getByText(/Use at least 12 characters \(6 so far\)/)).toBeVisible();
  await page.getByLabel("Passphrase for this device").fill(PASSPHRASE);
  await expect(page.getByText("Strong: long and hard to guess.")).toBeVisible();
  await page.getByLabel("Type the passphrase again").fill("kettle orbit velvet harbor");
  await page.getByRole("button", { name: "Encrypt reviews on this device" }).click();
  await expect(page.getByText("The two passphrases are not the same.")).toBeVisible();
  await page.getByLabel("Type the passphrase again").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Encrypt reviews on this device" }).click();
  await expect(page.getByText("Encryption is on: the review on this device is now stored encrypted.")).toBeVisible();
  await expectAccessible(page);

  // Nothing of the review is readable in the browser's storage: not the title, the
  // child's name or the notes; the passphrase is not there either.
  const stored = await storedText(page);
  for (const secret of ["Jayden", "Smith", "rapid review", "Brookfield", "Salford", "drawing", PASSPHRASE, "kettle"]) {
    expect(stored, `"${secret}" is readable in storage`).not.toContain(secret);
  }
  expect(stored).toContain("case-review-studio-sealed");

  // A reload starts locked, showing nothing of the review.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Your reviews are locked" })).toBeVisible();
  await expect(page.getByText(/Jayden/)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Your reviews" })).toHaveCount(0);
  await expectAccessible(page);

  await unlock(page, "kettle orbit velvet harbor");
  await expect(page.getByRole("alert")).toContainText("That passphrase is not the one set on this device");
  await expect(page.getByRole("heading", { name: "Your reviews are locked" })).toBeVisible();
  await expect(page.getByLabel("Passphrase", { exact: true })).toBeFocused();

  await unlock(page);
  await expect(page.getByRole("heading", { name: "Privacy on this device" })).toBeVisible();
  await page.getByRole("link", { name: "Reviews", exact: true }).click();
  await page.getByRole("link", { name: "Jayden Smith rapid review" }).click();
  await expect(page.getByLabel("About the child and their lived experiences", { exact: true })).toHaveValue(/Brookfield Primary/);

  // Edits made while unlocked are stored encrypted too.
  await page.getByPlaceholder("Add a worry and press Enter").fill("Jayden was seen with a bruise");
  await page.getByPlaceholder("Add a worry and press Enter").press("Enter");
  await expect(page.getByText("Saved on this device")).toBeVisible();
  expect(await storedText(page)).not.toContain("bruise");
  net.assertNone();
});

test("removing the passphrase needs the passphrase, and stores the reviews readable again", async ({ page }) => {
  await writeCaseDiscussion(page);
  await setPassphrase(page);
  await page.getByRole("button", { name: "Remove encryption…" }).click();
  await page.getByLabel("Current passphrase").fill("not the passphrase at all");
  await page.getByRole("button", { name: "Decrypt reviews and remove the passphrase" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That passphrase is not the one" })).toBeVisible();
  expect(await storedText(page)).not.toContain("Jayden");

  await page.getByLabel("Current passphrase").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Decrypt reviews and remove the passphrase" }).click();
  await expect(page.getByText("Encryption is off: the review on this device is stored as readable text again.")).toBeVisible();
  expect(await storedText(page)).toContain("Jayden Smith rapid review");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Privacy on this device" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Encrypt reviews on this device" })).toBeVisible();
});

test("the app locks after the chosen idle time, and Lock now locks every open tab", async ({ page, context }) => {
  await page.clock.install();
  await openApp(page, "#/");
  await setPassphrase(page, { idle: 5 });
  await page.getByRole("link", { name: "Reviews", exact: true }).click();
  await page.getByRole("button", { name: "New case discussion" }).click();
  await page.getByLabel("Child's name or pseudonym").fill("Child Q");

  // Four minutes idle: still open. Activity restarts the count.
  await page.clock.fastForward("04:00");
  await expect(page.getByLabel("Child's name or pseudonym")).toBeVisible();
  await page.getByLabel("Child's name or pseudonym").press("End");
  await page.clock.fastForward("04:00");
  await expect(page.getByLabel("Child's name or pseudonym")).toBeVisible();
  // Then over five minutes without activity: locked, and the review is gone from the screen.
  await page.clock.fastForward("05:30");
  await expect(page.getByRole("heading", { name: "Your reviews are locked" })).toBeVisible();
  await expect(page.getByText("The app locked after 5 minutes without activity.")).toBeVisible();
  await expect(page.getByLabel("Child's name or pseudonym")).toHaveCount(0);
  await unlock(page);
  // The edit typed before the lock was saved.
  await expect(page.getByLabel("Child's name or pseudonym")).toHaveValue("Child Q");

  // A second tab starts locked; "Lock now" in the first locks it again.
  const second = await context.newPage();
  await openApp(second, "#/");
  await unlock(second);
  await expect(second.getByRole("heading", { name: "Your reviews", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Lock now" }).click();
  await expect(page.getByRole("heading", { name: "Your reviews are locked" })).toBeVisible();
  await expect(page.getByText("You locked the app.")).toBeVisible();
  await expect(second.getByRole("heading", { name: "Your reviews are locked" })).toBeVisible();
  await expect(second.getByRole("heading", { name: "Your reviews", exact: true })).toHaveCount(0);
});

test("a file exported with a passphrase opens only with that passphrase", async ({ page }) => {
  const net = guardNetwork(page);
  await writeCaseDiscussion(page);
  await page.getByRole("button", { name: "Export with passphrase" }).click();
  const dialog = page.getByRole("dialog", { name: "Export with a passphrase" });
  await expectAccessible(page);
  await dialog.getByLabel("Passphrase for this file").fill(PASSPHRASE);
  await dialog.getByLabel("Type the passphrase again").fill(PASSPHRASE);
  const download = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Export protected file" }).click();
  const file = await download;
  const path = await file.path();
  expect(file.suggestedFilename()).toMatch(/^protected-review-\d{4}-\d\d-\d\d\.json$/);
  const text = await readFile(path, "utf8");
  const envelope = JSON.parse(text);
  expect(envelope.format).toBe("case-review-studio-encrypted");
  expect(envelope.version).toBe(1);
  expect(envelope.encryption).toMatchObject({ alg: "AES-GCM", kdf: "PBKDF2-SHA256", iterations: 600000 });
  expect(Buffer.from(envelope.encryption.iv, "base64")).toHaveLength(12);
  expect(Buffer.from(envelope.encryption.salt, "base64")).toHaveLength(16);
  for (const secret of ["Jayden", "Brookfield", "rapid review"]) expect(text).not.toContain(secret);

  // Delete the review, then bring it back from the protected file.
  await page.getByRole("link", { name: "Your reviews" }).click();
  await page.getByRole("group", { name: "Actions for Jayden Smith rapid review" }).getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete review" }).click();
  await expect(page.getByRole("link", { name: "Jayden Smith rapid review" })).toHaveCount(0);

  await page.getByLabel("Review file to open").setInputFiles(path);
  const ask = page.getByRole("dialog", { name: /is protected with a passphrase/ });
  await expect(ask).toBeVisible();
  await expectAccessible(page);
  await ask.getByLabel("Passphrase for this file").fill("kettle orbit velvet");
  await ask.getByRole("button", { name: "Open file" }).click();
  await expect(ask.getByRole("alert")).toContainText("That passphrase does not open this file");
  await ask.getByLabel("Passphrase for this file").fill(PASSPHRASE);
  await ask.getByRole("button", { name: "Open file" }).click();
  await expect(page.getByText("Imported 1 review.")).toBeVisible();
  await page.getByRole("link", { name: "Jayden Smith rapid review" }).click();
  await expect(page.getByLabel("About the child and their lived experiences", { exact: true })).toHaveValue(/Brookfield Primary/);
  net.assertNone();
});

test("an anonymised copy replaces the listed names and places, after showing every change", async ({ page }) => {
  await writeCaseDiscussion(page);
  await page.getByLabel("New attendee's name").fill("Sarah Jones");
  await page.getByLabel("Role", { exact: true }).fill("Health visitor");
  await page.getByRole("button", { name: "Add attendee" }).click();
  await page.getByPlaceholder("Add a worry and press Enter").fill("Sarah saw Jayden’s bruise; his brother Hope was there");
  await page.getByPlaceholder("Add a worry and press Enter").press("Enter");
  await expect(page.getByText("Saved on this device")).toBeVisible();

  await page.getByRole("button", { name: "Anonymised copy" }).click();
  const dialog = page.getByRole("dialog", { name: "Anonymised copy for publication" });
  // Suggested from the names the review records.
  await expect(dialog.getByLabel("Name or place 1")).toHaveValue("Jayden Smith");
  await expect(dialog.getByLabel("Replacement 1")).toHaveValue("Child A");
  await expect(dialog.getByLabel("Name or place 2")).toHaveValue("Jayden");
  await expect(dialog.getByLabel("Name or place 4")).toHaveValue("Sarah Jones");
  await expect(dialog.getByLabel("Replacement 4")).toHaveValue("Health visitor");
  // The list also starts with what the text hints found (names, places); anything else
  // is added by the person: a place, and an everyday-word name, added explicitly.
  const terms = dialog.getByLabel(/^Name or place \d+$/);
  const found = await terms.evaluateAll((els) => els.map((e) => e.value));
  let salford = found.indexOf("Salford") + 1;
  if (!salford) {
    await dialog.getByRole("button", { name: "Add a place" }).click();
    salford = found.length + 1;
    await expect(dialog.getByLabel(`Name or place ${salford}`)).toBeFocused();
    await page.keyboard.type("Salford");
  }
  await expect(dialog.getByLabel(`Replacement ${salford}`)).toHaveValue("[place]");
  await dialog.getByRole("button", { name: "Add a name" }).click();
  const hope = await terms.count();
  await expect(dialog.getByLabel(`Name or place ${hope}`)).toBeFocused();
  await page.keyboard.type("Hope");
  await dialog.getByLabel(`Replacement ${hope}`).fill("Sibling B");

  // Counts and a before/after preview of every changed passage.
  const rowOf = (n) => dialog.getByRole("row").nth(n);
  await expect(rowOf(2)).toContainText("4 places"); // Jayden: twice in the notes, once in capitals, once in the worry
  await expect(rowOf(salford)).toContainText("1 place"); // Salford
  const preview = dialog.getByRole("region", { name: /Preview/ });
  await expect(preview).toContainText("After: Child A's mum says Child A walks to Brookfield Primary in [place].");
  await expect(preview).toContainText("After: Health visitor saw Child A’s bruise; his brother Sibling B was there");
  await expectAccessible(page);

  const download = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Save anonymised file" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^child-a-rapid-review-anonymised-\d{4}-\d\d-\d\d\.json$/);
  const text = await readFile(await file.path(), "utf8");
  for (const secret of ["Jayden", "JAYDEN", "Smith", "Sarah", "Salford", "Hope"]) expect(text).not.toContain(secret);
  const copy = JSON.parse(text).reviews[0];
  expect(copy.title).toBe("Child A rapid review");
  expect(copy.body.case_discussion.header.child_name).toBe("Child A");
  expect(copy.body.case_discussion.header.attendees[0]).toMatchObject({ name: "", role: "Health visitor" });
  expect(copy.body.case_discussion.about_child).toBe("Child A's mum says Child A walks to Brookfield Primary in [place]. Child A likes drawing.");

  // The same copy as a print view; the review itself is unchanged.
  await page.getByRole("button", { name: "Anonymised copy" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Add a place" }).click();
  await page.keyboard.type("Salford");
  await page.getByRole("button", { name: "Open anonymised print view" }).click();
  await expect(page.getByText("Anonymised copy.", { exact: true })).toBeVisible();
  const paper = page.locator(".paper-notes");
  await expect(paper).toContainText("Child A's mum says Child A walks to Brookfield Primary in [place].");
  await expect(paper).not.toContainText("Jayden");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Back to the review" }).click();
  await expect(page.getByLabel("Child's name or pseudonym")).toHaveValue("Jayden Smith");
});

test("a review past its delete-by date is listed and can be exported, then deleted with undo", async ({ page }) => {
  await startReview(page);
  await page.getByLabel("Review title").fill("Review due for deletion");
  await page.getByLabel("Review title").press("Tab");
  await page.getByLabel("Delete by (optional)").fill("2020-01-31");
  await page.getByLabel("Delete by (optional)").press("Tab");
  await expect(page.getByText("Saved on this device")).toBeVisible();
  await page.getByRole("link", { name: "Your reviews" }).click();
  await page.getByRole("button", { name: "New Learning Together review" }).click();
  await page.getByLabel("Review title").fill("Review kept until 2099");
  await page.getByLabel("Review title").press("Tab");
  await page.getByLabel("Delete by (optional)").fill("2099-12-31");
  await page.getByLabel("Delete by (optional)").press("Tab");
  await expect(page.getByText("Saved on this device")).toBeVisible();
  await page.getByRole("link", { name: "Your reviews" }).click();

  const due = page.getByRole("region", { name: "1 review is past its delete-by date" });
  await expect(due).toBeVisible();
  await expect(due).toContainText("Review due for deletion");
  await expect(due).toContainText("Delete by 31 January 2020");
  await expect(due).not.toContainText("Review kept until 2099");
  await expect(page.getByText("Past its delete-by date, 31 January 2020")).toBeVisible();
  await expect(page.getByText("Delete by 31 December 2099")).toBeVisible();
  await expectAccessible(page);

  const download = page.waitForEvent("download");
  await due.getByRole("button", { name: "Export and delete Review due for deletion" }).click();
  const file = await download;
  const exported = JSON.parse(await readFile(await file.path(), "utf8"));
  expect(exported.reviews[0].title).toBe("Review due for deletion");
  expect(exported.reviews[0].delete_by).toBe("2020-01-31");

  const confirm = page.getByRole("dialog", { name: "Delete “Review due for deletion”?" });
  await expect(confirm).toBeVisible();
  await expect(confirm).not.toContainText("not in an exported file");
  await confirm.getByRole("button", { name: "Delete review" }).click();
  await expect(page.getByRole("link", { name: "Review due for deletion" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: /past its delete-by date/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("link", { name: "Review due for deletion" })).toBeVisible();
});

test("on a page where the browser offers no encryption, the app says so and offers none", async ({ page }) => {
  // What a plain-http intranet page looks like to the app: not a secure context, no crypto.subtle.
  await page.addInitScript(() => {
    Object.defineProperty(window, "isSecureContext", { get: () => false });
    Object.defineProperty(Crypto.prototype, "subtle", { get: () => undefined });
  });
  await startReview(page);
  await page.getByRole("button", { name: "Export with passphrase" }).click();
  const dialog = page.getByRole("dialog", { name: "Export with a passphrase" });
  await expect(dialog).toContainText("This browser cannot encrypt on this page");
  await expect(dialog.getByRole("button", { name: "Export protected file" })).toHaveCount(0);
  await dialog.getByRole("button", { name: "Close" }).click();
  await page.getByRole("link", { name: "Privacy", exact: true }).click();
  await expect(page.getByText("Encryption is not available on this page.")).toBeVisible();
  await expect(page.getByText(/This page was opened over plain http/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Encrypt reviews on this device" })).toHaveCount(0);
  await expectAccessible(page);
});
