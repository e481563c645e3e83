// Screenshots of each screen at laptop (1366x768) and board (1920x1080) sizes, and the
// print rendering, written to tests/e2e/screenshots/ for people to look at. They assert
// only that the screens render; looking at them is the point.
import { test, expect, openApp, startReview } from "./helpers.js";

const sizes = [
  ["laptop", { width: 1366, height: 768 }],
  ["board", { width: 1920, height: 1080 }],
];

for (const [label, viewport] of sizes) {
  test(`screens at ${label} size`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openApp(page);
    await page.screenshot({ path: `screenshots/${label}-first-screen.png` });

    await startReview(page);
    await page.getByLabel("Review title").fill("Child J rapid review");
    await page.getByLabel("Child's name or pseudonym").fill("Child J");
    await page.getByLabel("About the child and their lived experiences", { exact: true }).fill("J is 7 and lives with his mum and baby sister. He loves football and drawing.");
    for (const w of ["Missed health appointments", "School not told about the house move"]) {
      await page.getByPlaceholder("Add a worry and press Enter").fill(w);
      await page.getByPlaceholder("Add a worry and press Enter").press("Enter");
    }
    await page.getByPlaceholder("Add a thing that worked well and press Enter").fill("Health visitor saw the baby every week");
    await page.getByPlaceholder("Add a thing that worked well and press Enter").press("Enter");
    await expect(page.getByText("Saved on this device")).toBeVisible();
    await page.screenshot({ path: `screenshots/${label}-review.png`, fullPage: true });

    await page.getByRole("link", { name: "Your reviews" }).click();
    await expect(page.getByRole("link", { name: "Child J rapid review" })).toBeVisible();
    await page.screenshot({ path: `screenshots/${label}-library.png` });
    await page.getByRole("link", { name: "About" }).click();
    await page.screenshot({ path: `screenshots/${label}-about.png`, fullPage: true });
  });
}

test("print rendering of a review", async ({ page }) => {
  await startReview(page);
  await page.getByLabel("Review title").fill("Printed review");
  await page.getByLabel("About the child and their lived experiences", { exact: true }).fill("Text for print.");
  await expect(page.getByText("Saved on this device")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: "screenshots/print-review.png", fullPage: true });
  await page.pdf({ path: "screenshots/print-review.pdf", format: "A4" });
});
