// The analysis tree board, as facilitators build it live: by mouse drag, by touch drag, by
// "Move" then tap (no dragging), and by keyboard only; with undo, a refused move into a
// box's own branch, exports, and a reload that brings back exactly the same tree.
import { readFile } from "node:fs/promises";
import { test, expect, expectAccessible, startReview, addWorry, worries } from "./helpers.js";

const item = (page, name) => page.getByRole("treeitem", { name, exact: true });

async function levels(page) {
  return page.getByRole("treeitem").evaluateAll((els) =>
    els.map((e) => `${e.getAttribute("aria-level")}:${e.textContent.trim()}`).sort(),
  );
}

/** Adds three causes A, B, C on the focal point using the buttons. */
async function threeCauses(page) {
  for (const name of ["A", "B", "C"]) {
    await item(page, "Focal point: Focal point (tap, then Edit)").click();
    await page.getByRole("button", { name: "Add cause", exact: true }).click();
    await page.keyboard.type(name);
    await page.keyboard.press("Enter");
    await expect(item(page, `Cause: ${name}`)).toBeVisible();
  }
}

async function centre(locator) {
  const b = await locator.boundingBox();
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

async function mouseDrag(page, from, to) {
  await page.locator(".tree-viewport").scrollIntoViewIfNeeded();
  const a = await centre(from);
  const b = await centre(to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(a.x + 3, a.y + 3);
  await page.mouse.move(b.x, b.y, { steps: 12 });
  await page.mouse.up();
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
});

test("build a three-level tree by mouse drag, and it comes back after a reload", async ({ page }) => {
  await startReview(page);
  await threeCauses(page);
  await mouseDrag(page, item(page, "Cause: C"), item(page, "Cause: B"));
  await expect(item(page, "Cause: C")).toHaveAttribute("aria-level", "3");
  await mouseDrag(page, item(page, "Cause: B"), item(page, "Cause: A"));
  await expect(item(page, "Cause: B")).toHaveAttribute("aria-level", "3");
  await expect(item(page, "Cause: C")).toHaveAttribute("aria-level", "4");
  // A box can never go into its own branch.
  await mouseDrag(page, item(page, "Cause: A"), item(page, "Cause: C"));
  await expect(page.getByText("A box cannot go under itself")).toBeAttached();
  await expect(item(page, "Cause: A")).toHaveAttribute("aria-level", "2");
  // A tap is still a tap: it selects.
  await item(page, "Cause: B").click();
  await expect(item(page, "Cause: B")).toHaveAttribute("aria-selected", "true");
  const before = await levels(page);
  await expect(page.getByText("Saved on this device")).toBeVisible();
  await page.reload();
  await expect(item(page, "Cause: C")).toBeVisible();
  expect(await levels(page)).toEqual(before);
  await expectAccessible(page);
});

test.describe("on a touch screen", () => {
  test.use({ hasTouch: true });
  test("build a three-level tree by touch drag", async ({ page }) => {
    await startReview(page);
    await threeCauses(page);
    const cdp = await page.context().newCDPSession(page);
    const touchDrag = async (from, to) => {
      await page.locator(".tree-viewport").scrollIntoViewIfNeeded();
      const a = await centre(from);
      const b = await centre(to);
      await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: a.x, y: a.y }] });
      for (let i = 1; i <= 12; i++) {
        const x = a.x + ((b.x - a.x) * i) / 12;
        const y = a.y + ((b.y - a.y) * i) / 12;
        await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y }] });
      }
      await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    };
    await touchDrag(item(page, "Cause: C"), item(page, "Cause: B"));
    await expect(item(page, "Cause: C")).toHaveAttribute("aria-level", "3");
    await touchDrag(item(page, "Cause: B"), item(page, "Cause: A"));
    await expect(item(page, "Cause: C")).toHaveAttribute("aria-level", "4");
    // Dragged across the focal point, a cause becomes an effect.
    await touchDrag(item(page, "Cause: A"), page.locator("[data-focal]").first());
    await expect(page.getByRole("treeitem", { name: /^(Cause|Effect): A$/ })).toBeVisible();
  });
});

test("build a three-level tree with Move then tap, without dragging", async ({ page }) => {
  await startReview(page);
  await threeCauses(page);
  await item(page, "Cause: C").click();
  await page.getByRole("button", { name: "Move", exact: true }).click();
  await item(page, "Cause: B").click();
  await expect(item(page, "Cause: C")).toHaveAttribute("aria-level", "3");
  await item(page, "Cause: B").click();
  await page.getByRole("button", { name: "Move", exact: true }).click();
  await item(page, "Cause: A").click();
  await expect(item(page, "Cause: C")).toHaveAttribute("aria-level", "4");
  // Move a cause to the effects side by tapping the top half of the focal point.
  await item(page, "Cause: A").click();
  await page.getByRole("button", { name: "Move", exact: true }).click();
  const focal = await page.locator("[data-focal]").boundingBox();
  await page.mouse.click(focal.x + focal.width / 2, focal.y + 10);
  await expect(item(page, "Effect: A")).toBeVisible();
  await expect(item(page, "Effect: C")).toHaveAttribute("aria-level", "4");
  // Undo and redo.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(item(page, "Cause: A")).toBeVisible();
  await page.getByRole("button", { name: "Redo" }).click();
  await expect(item(page, "Effect: A")).toBeVisible();
});

test("build a three-level tree by keyboard only, with every step announced", async ({ page }) => {
  await startReview(page);
  // Reach the board with Tab, as a keyboard user does.
  const focal = page.locator("#tree-focal");
  for (let i = 0; i < 200 && !(await focal.evaluate((e) => e === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(focal).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.type("Nobody noticed I was missing my check-ups");
  await page.keyboard.press("Enter");
  for (const name of ["A", "B", "C"]) {
    await page.keyboard.press("Home");
    await page.keyboard.press("a");
    await page.keyboard.type(name);
    await page.keyboard.press("Enter");
  }
  await expect(item(page, "Cause: C")).toBeFocused();
  // Pick C up, move it under B (away from the focal point), drop.
  await page.keyboard.press("Space");
  await expect(page.getByRole("status").filter({ hasText: "Picked up Cause “C”" })).toBeAttached();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("status").filter({ hasText: "Now a cause at level 2, under “B”" })).toBeAttached();
  await page.keyboard.press("Enter");
  await expect(item(page, "Cause: C")).toHaveAttribute("aria-level", "3");
  // Now B (with C) under A.
  await page.keyboard.press("ArrowUp");
  await expect(item(page, "Cause: B")).toBeFocused();
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(item(page, "Cause: C")).toHaveAttribute("aria-level", "4");
  // Escape puts a picked-up box back.
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Escape");
  await expect(item(page, "Cause: B")).toHaveAttribute("aria-level", "3");
  // Ctrl+Z undoes the last move.
  await page.keyboard.press("Control+z");
  await expect(item(page, "Cause: B")).toHaveAttribute("aria-level", "2");
  await page.keyboard.press("Control+Shift+z");
  await expect(item(page, "Cause: B")).toHaveAttribute("aria-level", "3");
  // Delete, then undo.
  await page.keyboard.press("Delete");
  await expect(item(page, "Cause: B")).toHaveCount(0);
  await page.keyboard.press("Control+z");
  await expect(item(page, "Cause: C")).toHaveAttribute("aria-level", "4");
  const before = await levels(page);
  await expect(page.getByText("Saved on this device")).toBeVisible();
  await page.reload();
  await expect(item(page, "Cause: C")).toBeVisible();
  expect(await levels(page)).toEqual(before);
});

test("a 40-box tree fits the board and exports as SVG and PNG", async ({ page }) => {
  test.setTimeout(240_000);
  await startReview(page);
  // Build the tree through the list view's keyboard-free path: the model is the same.
  const effects = ["Health needs not met", "Missed school days", "Mum's anxiety grows", "Services lose contact"];
  const causes = ["Letters to an old address", "No shared record of the move", "GP list closed", "Mum's mental health", "Isolation after the move"];
  await page.getByRole("button", { name: "List", exact: true }).click();
  await page.getByLabel("Focal point: the presenting issue").fill("Nobody noticed I was missing my check-ups");
  for (const e of effects) {
    await page.getByPlaceholder("Add an effect and press Enter").fill(e);
    await page.getByPlaceholder("Add an effect and press Enter").press("Enter");
  }
  for (const c of causes) {
    await page.getByPlaceholder("Add a cause and press Enter").fill(c);
    await page.getByPlaceholder("Add a cause and press Enter").press("Enter");
  }
  for (let i = 1; i <= causes.length; i++) {
    for (let j = 1; j <= 4; j++) {
      await page.getByRole("button", { name: `Add deeper cause under Cause ${i}`, exact: true }).click();
      await page.getByLabel(`Cause ${i}.${j}`, { exact: true }).fill(`Reason ${i}.${j} the room suggested`);
    }
  }
  for (let i = 1; i <= 3; i++) {
    await page.getByRole("button", { name: `Add further effect under Effect ${i}`, exact: true }).click();
    await page.getByLabel(`Effect ${i}.1`, { exact: true }).fill(`Longer-term effect ${i}`);
  }
  await page.getByRole("button", { name: "Diagram", exact: true }).click();
  await expect(page.getByRole("treeitem")).toHaveCount(1 + effects.length + causes.length + causes.length * 4 + 3);
  await page.getByRole("button", { name: "Fit to screen" }).click();
  await page.locator("#section-4").scrollIntoViewIfNeeded();
  await page.locator(".tree-viewport").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "screenshots/tree-40-board.png" });

  let download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Save as SVG" }).click();
  const svg = await readFile(await (await download).path(), "utf8");
  expect(svg).toContain("<svg");
  expect(svg).toContain("Letters to an old address");
  download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Save as PNG" }).click();
  const png = await readFile(await (await download).path());
  expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  await expectAccessible(page);
});

test("one undo for the whole discussion: a worry removed by mistake comes back, typing is one step, the tree's Undo takes back the last change wherever it was", async ({ page }) => {
  await startReview(page);
  await addWorry(page, "Nobody saw her on her own");
  await addWorry(page, "The school was not asked");
  await page.getByRole("button", { name: "Remove worry 1" }).click();
  await expect.poll(() => worries(page)).toEqual(["The school was not asked"]);
  // Ctrl+Z straight away, focus no longer in a box: the worry comes back where it was.
  await page.keyboard.press("Control+z");
  await expect(page.locator(".notice-area")).toContainText("Undone: a change to what we are worried about.");
  await expect.poll(() => worries(page)).toEqual(["Nobody saw her on her own", "The school was not asked"]);
  await page.keyboard.press("Control+Shift+z");
  await expect(page.locator(".notice-area")).toContainText("Redone: a change to what we are worried about.");
  await expect.poll(() => worries(page)).toEqual(["The school was not asked"]);

  // A sentence typed in one go is one step; the tree board's Undo button takes it back too.
  const about = page.getByLabel("About the child and their lived experiences", { exact: true });
  await about.click();
  await page.keyboard.type("Amira is four and loves the park.", { delay: 20 });
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Undone (about the child)." })).toBeAttached();
  await expect(about).toHaveValue("");
  // Then the worry, one step further back; and the undone state is what is saved.
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect.poll(() => worries(page)).toEqual(["Nobody saw her on her own", "The school was not asked"]);
  await page.reload();
  await expect.poll(() => worries(page)).toEqual(["Nobody saw her on her own", "The school was not asked"]);
  await expect(page.getByLabel("About the child and their lived experiences", { exact: true })).toHaveValue("");
});
