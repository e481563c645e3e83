// The first screen and the About page, as someone opening the app for the first time sees
// them: what it is, where to start, who the methods belong to, and that nothing leaves.
import { chromium } from "@playwright/test";
import { test, expect, guardNetwork, expectAccessible, openApp } from "./helpers.js";

test("the first screen says what the app is and offers the ways in", async ({ page }) => {
  const net = guardNetwork(page);
  await openApp(page);
  await expect(page.getByRole("heading", { level: 1, name: "Case Review Studio" })).toBeVisible();
  await expect(page.getByText("to learn, not to blame")).toBeVisible();
  await expect(page.getByRole("button", { name: "New case discussion" })).toBeVisible();
  await expect(page.getByRole("button", { name: "New Learning Together review" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Open a review file" })).toBeVisible();
  await expect(page.getByText("No reviews yet")).toBeVisible();
  await expectAccessible(page);
  net.assertNone();
});

test("the About page credits both methods and reports storage", async ({ page }) => {
  const net = guardNetwork(page);
  await openApp(page);
  await page.getByRole("link", { name: "About" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "About Case Review Studio" })).toBeVisible();
  await expect(page.getByText("Salford Safeguarding Children Partnership")).toBeVisible();
  await expect(page.getByText("Social Care Institute for Excellence (SCIE)")).toBeVisible();
  await expect(page.getByText("IndexedDB")).toBeVisible();
  await expect(page.getByText("Asking the browser…")).toHaveCount(0);
  await expectAccessible(page);
  net.assertNone();
});

test("the whole app is usable from the keyboard, starting with a skip link", async ({ page }) => {
  await openApp(page);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "New case discussion" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Review title")).toBeVisible();
});

test("the page's security policy allows only the app's own files", async ({ page }) => {
  await openApp(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toContain("INLINE_SCRIPT_HASHES");
  expect(csp).not.toMatch(/https?:/);
  expect(csp).not.toContain("unsafe-inline");
  // A request to another host is refused by the policy itself.
  const blocked = await page.evaluate(async () => {
    try {
      await fetch("https://example.org/");
      return false;
    } catch {
      return true;
    }
  });
  expect(blocked).toBe(true);
});

test("a browser that blocks WebAssembly gets a plain explanation, not a blank page", async ({ baseURL }) => {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--js-flags=--jitless"],
  });
  try {
    const page = await browser.newPage();
    await page.goto(baseURL);
    expect(await page.evaluate(() => typeof WebAssembly)).toBe("undefined");
    await expect(page.getByRole("heading", { name: "Case Review Studio cannot start in this browser" })).toBeVisible();
    await expect(page.getByText("Ask your IT team to allow WebAssembly")).toBeVisible();
  } finally {
    await browser.close();
  }
});
