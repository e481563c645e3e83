// Board mode, as a facilitator uses it on the meeting-room wall: five panels in view,
// calm timers, capture while people talk, the facilitator panel, wrap-up; run once with
// touch only and once with the keyboard only; the normal view shows the same data.
import { test, expect, expectAccessible, startReview, tabTo } from "./helpers.js";

test.describe("on a touch board", () => {
  test.use({ hasTouch: true, viewport: { width: 1920, height: 1080 } });

  test("a short discussion with touch input only", async ({ page }) => {
    await startReview(page);
    await page.getByLabel("Review title").fill("Board discussion");
    await page.getByRole("button", { name: "Board mode" }).tap();
    for (const name of ["Facts and the child", "Immediate thoughts", "Analysis tree", "Worries and what worked well", "Missing information and what needs to happen"]) {
      await expect(page.getByRole("region", { name , exact: true })).toBeVisible();
    }
    // Timers.
    await page.getByRole("button", { name: "Start the five-minute guide" }).tap();
    await expect(page.getByRole("timer", { name: "Immediate thoughts time left" })).not.toHaveText("5:00", { timeout: 3000 });
    await page.getByRole("button", { name: "Pause the five-minute guide" }).tap();
    // Immediate thoughts: the wall shows them; enlarging the area edits them.
    await page.getByRole("button", { name: "Focus Immediate thoughts" }).tap();
    await page.getByPlaceholder("Add a thought, then mark it as fact or feeling").tap();
    await page.keyboard.type("Three appointments were missed");
    await page.getByRole("button", { name: "Add as fact" }).tap();
    await page.getByRole("button", { name: "Back to all panels Immediate thoughts" }).tap();
    await expect(page.getByRole("region", { name: "Immediate thoughts", exact: true })).toContainText("Fact Three appointments were missed");
    // Capture while people talk.
    await page.getByLabel("Capture", { exact: true }).tap();
    await page.keyboard.type("Nobody asked J what was happening");
    await page.getByRole("button", { name: /^Worry/ }).tap();
    await expect(page.getByRole("region", { name: "Worries and what worked well" })).toContainText("Nobody asked J what was happening");
    // The tree, by tap.
    await page.getByRole("treeitem", { name: /^Focal point/ }).tap();
    await page.getByRole("button", { name: "Add cause", exact: true }).tap();
    await page.keyboard.type("Letters to an old address");
    await page.getByRole("treeitem", { name: /^Focal point/ }).tap();
    await expect(page.getByRole("treeitem", { name: "Cause: Letters to an old address" })).toBeVisible();
    // Wrap-up and an action, in the enlarged area.
    await page.getByRole("button", { name: "Focus Missing information and what needs to happen" }).tap();
    await page.getByLabel("The room's agreement on the outcome").tap();
    await page.keyboard.type("Agreed, with one different view noted.");
    await page.getByRole("button", { name: "Add action" }).tap();
    await page.keyboard.type("Share the chronology with the school");
    await page.getByRole("button", { name: "Back to all panels Missing information and what needs to happen" }).tap();
    await expect(page.getByRole("region", { name: "Missing information and what needs to happen" })).toContainText("1. Share the chronology with the school");
    // Focus one panel, then return.
    await page.getByRole("button", { name: "Focus Analysis tree" }).tap();
    await expect(page.getByRole("region", { name: "Immediate thoughts" , exact: true })).toBeHidden();
    await page.getByRole("button", { name: "Back to all panels Analysis tree" }).tap();
    await expect(page.getByRole("region", { name: "Immediate thoughts" , exact: true })).toBeVisible();
    await expect(page.getByText("Saved on this device")).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: "screenshots/board-1920.png" });

    // The normal view shows the same data.
    await page.getByRole("button", { name: "Normal view" }).tap();
    await expect(page.getByLabel("Thought 1", { exact: true })).toHaveValue("Three appointments were missed");
    await expect(page.getByLabel("Worry 1", { exact: true })).toHaveValue("Nobody asked J what was happening");
    await expect(page.getByLabel("What is the action?")).toHaveValue("Share the chronology with the school");
    await expect(page.getByLabel("Is the room happy with the outcome? Record the agreement reached")).toHaveValue("Agreed, with one different view noted.");
  });
});

test("a short discussion in board mode with the keyboard only", async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await startReview(page);
  await tabTo(page, page.getByRole("button", { name: "Board mode" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "Analysis tree" , exact: true })).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "Start the five-minute guide" }));
  await page.keyboard.press("Enter");
  // Alt+W from anywhere: type what was said, Enter.
  await page.keyboard.press("Alt+W");
  await page.keyboard.type("School not told about the move");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Alt+G");
  await page.keyboard.type("Health visitor kept trying");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Alt+M");
  await page.keyboard.type("GP records");
  await page.keyboard.press("Enter");
  const worries = page.getByRole("region", { name: "Worries and what worked well" });
  await expect(worries).toContainText("School not told about the move");
  await expect(worries).toContainText("Health visitor kept trying");
  await page.keyboard.press("Alt+A");
  await page.keyboard.type("Ask the GP for records");
  await page.keyboard.press("Enter");
  const next = page.getByRole("region", { name: "Missing information and what needs to happen" });
  await expect(next).toContainText("GP records");
  await expect(next).toContainText("1. Ask the GP for records");
  // Text size and contrast.
  await tabTo(page, page.getByRole("button", { name: "Larger text" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("110%")).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "High contrast" }));
  await page.keyboard.press("Enter");
  await expect(page.locator("html.theme-contrast")).toHaveCount(1);
  await expectAccessible(page);
  await page.screenshot({ path: "screenshots/board-1920-contrast.png" });
  await page.keyboard.press("Enter");
  // The facilitator panel is shown when wanted and hidden again for the shared screen.
  await expect(page.getByRole("complementary", { name: "Facilitator panel" })).toBeHidden();
  await tabTo(page, page.getByRole("button", { name: "Facilitator panel" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("complementary", { name: "Facilitator panel" })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("complementary", { name: "Facilitator panel" })).toBeHidden();
  await tabTo(page, page.getByRole("button", { name: "Normal view" }));
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Worry 1", { exact: true })).toHaveValue("School not told about the move");
  await expect(page.locator("html.board-mode")).toHaveCount(0);
});

for (const [label, viewport] of [["3840", { width: 3840, height: 2160 }], ["1366", { width: 1366, height: 768 }]]) {
  test(`board mode at ${label} wide`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await startReview(page);
    await page.getByLabel("Review title").fill("Child J rapid review");
    await page.getByRole("button", { name: "Board mode" }).click();
    if (label === "3840") {
      for (let i = 0; i < 6; i++) await page.getByRole("button", { name: "Larger text" }).click();
    } else {
      await page.getByRole("button", { name: "Focus Facts and the child" }).click();
      await expect(page.getByRole("button", { name: "Back to all panels Facts and the child" })).toBeVisible();
      await page.getByRole("button", { name: "Back to all panels Facts and the child" }).click();
    }
    await page.getByLabel("Capture", { exact: true }).fill("Missed health appointments");
    await page.keyboard.press("Enter");
    await expect(page.getByText("Saved on this device")).toBeVisible();
    await page.screenshot({ path: `screenshots/board-${label}.png` });
    await expectAccessible(page);
  });
}
