// Shared helpers for the end-to-end specs: a guard that records any request leaving the
// local server, an accessibility scan at WCAG 2.2 AA, and small steps people repeat.
import { test as base, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

/**
 * The test runner's `test`, whose page fails the test on any uncaught error (a Rust panic
 * shows up as one), so no spec can pass while the app has quietly stopped.
 */
export const test = base.extend({
  page: async ({ page }, use) => {
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await use(page);
    expect(errors, "uncaught errors in the page").toEqual([]);
  },
});
export { expect };

/** Records every request that is not to the local test server (or a blob:/data: URL). */
export function guardNetwork(page) {
  const outside = [];
  page.on("request", (req) => {
    const url = new URL(req.url());
    const local = url.hostname === "127.0.0.1" || url.protocol === "blob:" || url.protocol === "data:";
    if (!local) outside.push(req.url());
  });
  return {
    outside,
    assertNone() {
      expect(outside, "requests that left the page").toEqual([]);
    },
  };
}

/** Fails on any WCAG 2.0/2.1/2.2 A or AA violation. */
export async function expectAccessible(page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary, "accessibility violations").toEqual([]);
}

/** Opens the app and waits until it is running. */
export async function openApp(page, hash = "#/") {
  await page.goto("./" + hash);
  await expect(page.locator("#boot")).toHaveCount(0);
}

/** Starts a new review of the given kind from the library and waits for its screen. */
export async function startReview(page, kind = "New case discussion") {
  await openApp(page);
  await page.getByRole("button", { name: kind }).click();
  await expect(page.getByLabel("Review title")).toBeVisible();
  await expect(page.getByText("Saved on this device")).toBeVisible();
}

/** Presses Tab (then Shift+Tab) until `target` has focus: how a keyboard user gets there. */
export async function tabTo(page, target) {
  for (const key of ["Tab", "Shift+Tab"]) {
    for (let i = 0; i < 400; i++) {
      if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
      await page.keyboard.press(key);
    }
  }
  throw new Error(`could not reach ${target} with the keyboard`);
}

/** Every review text stored in the app's IndexedDB, one per line, read from `page` (any
 *  page of the app's origin: the app itself, or a second tab). */
export async function storedReviewTexts(page) {
  const texts = await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("case-review-studio");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("reviews")) return resolve([]);
          const get = db.transaction("reviews").objectStore("reviews").getAll();
          get.onsuccess = () => {
            db.close();
            resolve(get.result);
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
  return texts.join("\n");
}

/** Names this laptop once, as a review team does ("Lead reviewer, laptop 1"). */
export async function nameDevice(page, name) {
  await openApp(page);
  await page.getByLabel("What should changes made on this device be recorded as?").fill(name);
  await page.getByRole("button", { name: "Save device name" }).click();
  await expect(page.getByText(`Changes made here are recorded as “${name}”.`)).toBeVisible();
}

/** Adds a worry with Enter and waits until it is saved. */
export async function addWorry(page, text) {
  await page.getByPlaceholder("Add a worry and press Enter").fill(text);
  await page.getByPlaceholder("Add a worry and press Enter").press("Enter");
  await expect(page.getByText("Saved on this device")).toBeVisible();
}

/** The worries of the open case discussion, in order. */
export async function worries(page) {
  const values = [];
  for (let i = 1; ; i++) {
    const box = page.getByLabel(`Worry ${i}`, { exact: true });
    if ((await box.count()) === 0) return values;
    values.push(await box.inputValue());
  }
}

/**
 * Goes to one part of the open Learning Together review ("Case and people", "Narrative",
 * "Findings"…) from the side menu, as a reviewer does, and waits until it is there.
 */
export async function goToArea(page, name) {
  await page.getByRole("navigation", { name: "Parts of the review" }).getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("navigation", { name: "Parts of the review" }).getByRole("link", { name, exact: true })).toHaveAttribute("aria-current", /page|location/);
}

/**
 * Adds a participant on the "Case and people" part of a Learning Together review: a
 * professional by role and agency (`second`), or a family member by place in the family
 * and pseudonym.
 */
export async function addParticipant(page, { family = false, role, second }) {
  const form = page.locator("form.add-participant");
  await form.getByLabel(family ? "a child or family member" : "a professional").check();
  await form.getByLabel(family ? "Place in the family" : "Role", { exact: true }).fill(role);
  await form.getByLabel(family ? "Pseudonym" : "Agency", { exact: true }).fill(second);
  await form.getByRole("button", { name: "Add participant" }).click();
}
