// The wall (issue 17): board mode with the moderate case, Child A, as a facilitator uses it
// on a 1920x1080 board and on a 1366x768 laptop. Every point and every tree box is whole,
// at least 20 px (headings 24 px), clear of the capture bar; at 1920 all in view without
// scrolling. Marking by key, the parking area, reload keeping board mode and timers, who
// is missing, the principles, the action log, and the one-page tool sheet.
import { test, expect, expectAccessible, openApp } from "./helpers.js";
import { openChildA, CHILD_A_TITLE } from "./child_a.js";

const SHOTS = "screenshots/wall";

/** Waits until the tree has been measured and fitted (two equal readings in a row). */
async function settled(page) {
  let last = "";
  for (let i = 0; i < 40; i++) {
    const now = await page.evaluate(() =>
      [...document.querySelectorAll(".tree-box, .tree-focal")].map((e) => {
        const r = e.getBoundingClientRect();
        return `${r.x.toFixed(0)},${r.y.toFixed(0)},${r.width.toFixed(0)},${r.height.toFixed(0)}`;
      }).join("|"));
    if (now && now === last) return;
    last = now;
    await page.waitForTimeout(150);
  }
}

/** Every point, heading and tree box on the wall, with what the test needs to know. */
async function measure(page) {
  return page.evaluate(() => {
    const bar = document.querySelector(".capture-bar").getBoundingClientRect();
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const visibleIn = (el) => {
      // The nearest scrolling panel body, if any, clips what is shown.
      const r = el.getBoundingClientRect();
      let clip = { top: 0, bottom: vh, left: 0, right: vw };
      for (let p = el.parentElement; p; p = p.parentElement) {
        const cs = getComputedStyle(p);
        if (/(auto|scroll|hidden)/.test(cs.overflowY + cs.overflowX)) {
          const pr = p.getBoundingClientRect();
          clip = { top: Math.max(clip.top, pr.top), bottom: Math.min(clip.bottom, pr.bottom), left: Math.max(clip.left, pr.left), right: Math.min(clip.right, pr.right) };
        }
      }
      return r.top >= clip.top - 1 && r.bottom <= clip.bottom + 1 && r.left >= clip.left - 1 && r.right <= clip.right + 1;
    };
    const items = [];
    const add = (selector, kind) => {
      for (const el of document.querySelectorAll(selector)) {
        const r = el.getBoundingClientRect();
        if ((r.width === 0 && r.height === 0) || el.closest(".visually-hidden")) continue;
        const cs = getComputedStyle(el);
        // Effective size: the font size times the tree's zoom (a CSS transform).
        const canvas = el.closest(".tree-canvas");
        const scale = canvas ? canvas.getBoundingClientRect().width / canvas.offsetWidth : 1;
        items.push({
          kind,
          text: el.textContent.trim().slice(0, 60),
          px: parseFloat(cs.fontSize) * scale,
          whole: el.scrollHeight <= el.clientHeight + 2 && el.scrollWidth <= el.clientWidth + 2,
          inView: visibleIn(el),
          clearOfBar: r.bottom <= bar.top + 0.5,
          top: r.top, bottom: r.bottom, left: r.left, right: r.right,
        });
      }
    };
    add(".wall-area:not(.hidden) .wall-points li", "point");
    add(".wall-area:not(.hidden) .wall-text", "point");
    add(".wall-area:not(.hidden) .agency-gap p", "point");
    add(".wall-area:not(.hidden) .wall-area-title", "heading");
    add(".wall-area:not(.hidden) .wall-heading", "heading");
    add(".tree-box .box-text", "box");
    add(".tree-focal .box-text", "box");
    const panels = [...document.querySelectorAll(".wall-area:not(.hidden) .wall-area-body")].map((b) => ({
      name: b.parentElement.getAttribute("aria-label"),
      scrolls: b.scrollHeight > b.clientHeight + 1,
      bottom: b.getBoundingClientRect().bottom,
    }));
    return { items, panels, barTop: bar.top, barHeight: bar.height };
  });
}

/** The tree's tools and the selected box's actions as shown: each button's size, and
 *  whether its label spills out of it (wider or taller than the button). */
async function treeButtons(page) {
  return page.locator(".tree-toolbar button, .tree-actions button").evaluateAll((els) =>
    els.filter((b) => b.offsetWidth > 0).map((b) => {
      const r = b.getBoundingClientRect();
      return {
        name: b.textContent.trim(),
        width: r.width, height: r.height,
        spills: b.scrollWidth > b.clientWidth || b.scrollHeight > b.clientHeight,
      };
    }));
}

/** Every tree button is at least 24 px each way, its whole label inside it. */
function expectTidyButtons(buttons) {
  expect(buttons.length, "Undo, Redo and the ten actions").toBeGreaterThanOrEqual(12);
  for (const b of buttons) {
    expect(b.spills, `"${b.name}" label inside its button`).toBe(false);
    expect(Math.min(b.width, b.height), `"${b.name}" target size`).toBeGreaterThanOrEqual(24);
  }
}

async function openWall(page, viewport) {
  await page.setViewportSize(viewport);
  await openApp(page);
  await openChildA(page);
  await page.getByRole("button", { name: "Board mode" }).click();
  await expect(page.getByRole("region", { name: "Analysis tree", exact: true })).toBeVisible();
  await settled(page);
}

test("at 1920x1080 every point and tree box is whole, in view, large and clear of the capture bar", async ({ page }) => {
  await openWall(page, { width: 1920, height: 1080 });
  await page.screenshot({ path: `${SHOTS}/wall-1920.png` });
  const m = await measure(page);
  const boxes = m.items.filter((i) => i.kind === "box");
  expect(boxes.length, "17 boxes and the focal point").toBe(18);
  expect(m.items.filter((i) => i.kind === "point").length).toBeGreaterThanOrEqual(5 + 1 + 1 + 6 + 5 + 3 + 3 + 5);
  for (const i of m.items) {
    const min = i.kind === "heading" ? 24 : 20;
    expect(i.px, `${i.kind} "${i.text}" size`).toBeGreaterThanOrEqual(min - 0.01);
    expect(i.whole, `${i.kind} "${i.text}" is whole`).toBe(true);
    expect(i.inView, `${i.kind} "${i.text}" is in view`).toBe(true);
    expect(i.clearOfBar, `${i.kind} "${i.text}" is clear of the capture bar`).toBe(true);
  }
  for (const p of m.panels) expect(p.scrolls, `${p.name} needs no scrolling`).toBe(false);
  // The missing agency is named on the wall.
  await expect(page.getByRole("note", { name: "Who is missing" })).toContainText("Not represented: Police");
  // The capture bar is one line.
  expect(m.barHeight).toBeLessThan(70);
  // The tree's buttons, for the focal point and for a cause: whole labels, large targets.
  expectTidyButtons(await treeButtons(page));
  await page.getByRole("treeitem", { name: /^Cause: Operation Encompass/ }).click();
  expectTidyButtons(await treeButtons(page));
  await page.getByRole("treeitem", { name: /^Focal point/ }).click();
  await page.screenshot({ path: `${SHOTS}/wall-1920.png` });
  await expectAccessible(page);
});

test("at 1366x768 every point is whole, large and clear of the capture bar, which is one line", async ({ page }) => {
  await openWall(page, { width: 1366, height: 768 });
  await page.screenshot({ path: `${SHOTS}/wall-1366.png` });
  const m = await measure(page);
  for (const i of m.items) {
    const min = i.kind === "heading" ? 24 : 20;
    if (i.kind !== "box") expect(i.px, `${i.kind} "${i.text}" size`).toBeGreaterThanOrEqual(min - 0.01);
    expect(i.whole, `${i.kind} "${i.text}" is whole`).toBe(true);
    // Whatever part of a point is shown is above the capture bar: panels end above it.
    if (i.inView) expect(i.clearOfBar, `${i.kind} "${i.text}" clear of the capture bar`).toBe(true);
  }
  for (const p of m.panels) expect(p.bottom).toBeLessThanOrEqual(m.barTop + 0.5);
  expectTidyButtons(await treeButtons(page));
  const tops = await page.locator(".capture-bar > *:not(.capture-status)").evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
  const kinds = await page.locator(".capture-kind").evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
  expect(new Set([...tops, ...kinds]).size <= 2 && Math.max(...kinds) - Math.min(...kinds) === 0, "capture bar on one line").toBe(true);
  expect(m.barHeight).toBeLessThan(70);
  await page.screenshot({ path: `${SHOTS}/wall-1366.png` });
  // Focus the tree: enlarged, still whole.
  await page.getByRole("button", { name: "Focus Analysis tree" }).click();
  await settled(page);
  await page.screenshot({ path: `${SHOTS}/wall-1366-tree-focused.png` });
  await page.getByRole("button", { name: "Back to all panels Analysis tree" }).click();
  await expectAccessible(page);
});

test("marking causes by key and by tap; the tree never moves when the selection changes", async ({ page }) => {
  await openWall(page, { width: 1920, height: 1080 });
  const focal = page.getByRole("treeitem", { name: /^Focal point/ });
  const viewport = page.locator(".tree-viewport");
  const actions = page.getByRole("group", { name: "Selected box" });
  const before = await focal.boundingBox();
  const [viewBefore, actionsBefore] = [await viewport.boundingBox(), await actions.boundingBox()];
  const cause = page.getByRole("treeitem", { name: /^Cause: Sharing relied on phone calls/ });
  await cause.click();
  // From the focal point to a cause: the actions change in place; the tree stays put.
  await expect(page.getByRole("button", { name: "Add deeper cause", exact: true })).toBeVisible();
  await settled(page);
  expect(await viewport.boundingBox(), "the tree's panel").toEqual(viewBefore);
  expect(await actions.boundingBox(), "the selected box's actions").toEqual(actionsBefore);
  expect(await focal.boundingBox(), "the focal point").toEqual(before);
  expectTidyButtons(await treeButtons(page));
  await page.keyboard.press("h");
  await expect(cause).toHaveClass(/hypothesis/);
  await expect(cause).toContainText("Hypothesis");
  await page.keyboard.press("r");
  await expect(cause).toHaveClass(/agreed/);
  await expect(cause).toContainText("Agreed root cause");
  await page.keyboard.press("r");
  await expect(cause).not.toHaveClass(/agreed/);
  // By tap, from the fixed actions.
  await page.getByRole("button", { name: "Hypothesis" }).click();
  await expect(cause).toHaveClass(/hypothesis/);
  await settled(page);
  const positions = [];
  for (const name of [/^Effect: Each service saw/, /^Focal point/, /^Cause: Mum's own health/]) {
    await page.getByRole("treeitem", { name }).click();
    await settled(page);
    positions.push(await focal.boundingBox());
  }
  for (const p of positions) expect(p).toEqual(positions[0]);
  expect(Math.abs(positions[0].y - before.y)).toBeLessThan(1);
  // Undo and Redo in view.
  for (const name of ["Undo", "Redo"]) await expect(page.getByRole("button", { name, exact: true })).toBeInViewport();
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(cause).not.toHaveClass(/hypothesis/);
});

test("a point parked from the capture bar is placed on the tree later", async ({ page }) => {
  await openWall(page, { width: 1920, height: 1080 });
  await page.keyboard.press("Alt+P");
  await page.keyboard.type("Dad's shifts changed in March");
  await page.keyboard.press("Enter");
  const parking = page.getByRole("region", { name: /Parking area/ });
  await expect(parking).toContainText("Dad's shifts changed in March");
  await settled(page);
  await page.screenshot({ path: `${SHOTS}/wall-1920-parked.png` });
  await page.getByRole("treeitem", { name: /^Cause: Mum's own health/ }).click();
  await page.getByRole("button", { name: /^Place under selected box/ }).click();
  await expect(parking).toHaveCount(0);
  await expect(page.getByRole("treeitem", { name: "Cause: Dad's shifts changed in March" })).toBeVisible();
});

test("reloading keeps board mode and both timers", async ({ page }) => {
  await openWall(page, { width: 1920, height: 1080 });
  await page.getByRole("button", { name: "Start the five-minute guide" }).click();
  await page.getByRole("button", { name: "Start the meeting clock" }).click();
  await page.waitForTimeout(2200);
  await page.reload();
  await expect(page.locator("#boot")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Analysis tree", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Normal view" })).toBeVisible();
  const left = page.getByRole("timer", { name: "Immediate thoughts time left" });
  await expect(left).not.toHaveText("5:00");
  const first = await left.textContent();
  await expect(left).not.toHaveText(first, { timeout: 3000 });
  await expect(page.getByRole("timer", { name: "Meeting time" })).not.toHaveText(/^0:00 of/);
  await expect(page.getByRole("button", { name: "Pause the five-minute guide" })).toBeVisible();
  // Leaving board mode is remembered too.
  await page.getByRole("button", { name: "Normal view" }).click();
  await page.reload();
  await expect(page.getByLabel("Review title")).toHaveValue(CHILD_A_TITLE);
  await expect(page.getByRole("button", { name: "Board mode" })).toBeVisible();
});

test("the principles, values and assumptions are ready to read out", async ({ page }) => {
  await openWall(page, { width: 1920, height: 1080 });
  await page.getByRole("button", { name: "Principles" }).click();
  const p = page.getByRole("region", { name: "Principles, Values and Assumptions" });
  await expect(p).toContainText("Child and family centred: The individual (where able) and their families should be invited to contribute to reviews.");
  await expect(p).toContainText("Professionals generally act from good intentions");
  await expect(p).toContainText("Salford Safeguarding Children Partnership");
  const size = await p.locator("li").first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(size).toBeGreaterThanOrEqual(20);
  await page.screenshot({ path: `${SHOTS}/wall-1920-principles.png` });
  await expectAccessible(page);
  await page.getByRole("button", { name: "Back to the board" }).click();
  await expect(page.getByRole("region", { name: "Analysis tree", exact: true })).toBeVisible();
});

test("who is missing, attendance, and the action log a partnership can track", async ({ page }) => {
  await openWall(page, { width: 1920, height: 1080 });
  await page.getByRole("button", { name: "Normal view" }).click();
  const check = page.getByRole("group", { name: "Who is missing" });
  await expect(check).toContainText("Police: not represented. Named in the facts and the actions.");
  await expect(check).toContainText("via phone/conference call");
  await expect(check).toContainText("‘wear two hats’");
  await expect(page.getByLabel("Attendance of attendee 4")).toHaveValue("by_phone");
  await expect(page.getByLabel("Attendance of attendee 5")).toHaveValue("apologies");
  // Someone from the police joins by phone: no one is missing any more.
  await page.getByLabel("New attendee's name").fill("T.");
  await page.getByLabel("Role", { exact: true }).fill("Detective constable");
  await page.getByLabel("Agency", { exact: true }).fill("Police");
  await page.getByRole("button", { name: "Add attendee" }).click();
  await page.getByLabel("Attendance of attendee 6").selectOption("by_phone");
  await expect(check).toContainText("Every agency named");
  await expect(check).toContainText("Detective constable (by phone)");
  await page.getByRole("button", { name: "Remove attendee 6" }).click();
  await expect(check).toContainText("Police: not represented");

  // Action numbers, lead agency, status; the SMART check is not "done".
  await expect(page.getByRole("group", { name: "Action 3" })).toContainText("Overdue (was due 27 November 2026)");
  await page.getByRole("button", { name: "Mark done action 3" }).click();
  await expect(page.getByRole("group", { name: "Action 3" })).toContainText("Done on");
  await expect(page.getByRole("group", { name: "Action 4" })).toContainText("SMART check: how we will know not written yet");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export action log (CSV)" }).click();
  const csv = (await (await (await download).createReadStream()).toArray()).join("");
  const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
  expect(lines[0]).toBe("No.,Action,Lead agency,Who by,Due date,Status,How we will know it is done,What difference it will make,SMART check (all five parts written?)");
  expect(lines[3]).toMatch(/^3,Share the domestic abuse history with health and school,Police,Police public protection unit,2026-11-27,Done on /);
  expect(lines[4]).toMatch(/^4,.*,Missing: how we will know$/);
  expect(csv).not.toContain("Complete?");

  // The gap is in the printed notes.
  await page.getByRole("link", { name: "Print notes" }).click();
  await expect(page.getByRole("heading", { name: "Agencies not represented" })).toBeVisible();
  await expect(page.getByText("Police: not represented. Named in the facts and the actions.")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/notes-agency-gap.png`, fullPage: false });
});

test("the tool sheet for the moderate case fits one A4 landscape page", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page);
  await openChildA(page);
  await page.getByRole("link", { name: "Print tool sheet" }).click();
  const sheet = page.locator("article.paper-sheet");
  await expect(sheet).toHaveAttribute("data-sheet-font", /\d/);
  const pt = Number(await sheet.getAttribute("data-sheet-font"));
  expect(pt, "type never below the readable minimum").toBeGreaterThanOrEqual(6.5);
  console.log("sheet type size (pt):", pt, "height px:", await sheet.evaluate((e) => e.scrollHeight));
  await sheet.screenshot({ path: `${SHOTS}/tool-sheet.png` });
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
  expect(pages, "pages in the printed tool sheet").toBe(1);
  await page.emulateMedia({ media: "screen" });
});

test("at 1366x768 with larger text (120%) nothing runs past the window: the capture bar takes a second line instead", async ({ page }) => {
  await openWall(page, { width: 1366, height: 768 });
  for (let i = 0; i < 2; i++) await page.getByRole("button", { name: "Larger text" }).click();
  await expect(page.getByText("120%", { exact: true })).toBeVisible();
  await settled(page);
  const width = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: innerWidth }));
  expect(width.page, "the page is no wider than the window").toBeLessThanOrEqual(width.window);
  for (const target of [page.getByRole("timer", { name: "Meeting time" }), page.getByRole("button", { name: "Focus Missing information and what needs to happen" })]) {
    const box = await target.boundingBox();
    expect(box.x + box.width, "in view, not cut at the right edge").toBeLessThanOrEqual(width.window);
  }
  await page.screenshot({ path: `${SHOTS}/wall-1366-text-120.png` });
});
