// The print views of a case discussion, as a facilitator uses them after the meeting: the
// Case Discussion Notes (A4 portrait, the tool's headings, marked as a draft for factual
// correction) and the one-page tool sheet (A4 landscape, every section side by side).
// Each view is printed to a PDF in tests/e2e/screenshots/ for people to look at; the
// tests check the PDFs exist and have the right page shape.
import { readFile, stat } from "node:fs/promises";
import { test, expect, guardNetwork, expectAccessible, openApp, startReview } from "./helpers.js";

const FIXTURE = new URL("../../fixtures/format-v2.json", import.meta.url);
const FIXTURE_CASE_DISCUSSION = "3b0f6f2a-8c1d-4e57-9a4b-2d7c5e1f0a93";
const FIXTURE_LEARNING_TOGETHER = "c7e2a914-5b3f-4d08-8f6a-91d0b4e7c215";
const DRAFT_MARK = /DRAFT FOR CORRECTION OF FACTUAL ERRORS — printed \d{1,2} [A-Z][a-z]+ \d{4}/;

const NOTES_HEADINGS = [
  "1. Facts: Documentation available for case discussion",
  "2. About the child",
  "3. Immediate Thoughts",
  "4. Analysis Tree",
  "5. What are we worried about?",
  "6. What worked well?",
  "7. Missing information?",
  "8. What needs to happen?",
];
const SHEET_HEADINGS = [
  "1. Gather Facts",
  "2. About the Child",
  "3. Immediate thoughts",
  "4. Analysis Tree",
  "5. What are we worried about?",
  "6. What worked well?",
  "7. Missing Information",
  "8. What needs to happen? (SMART)",
];

/** Width and height, in points, of every page of a PDF (read from its MediaBoxes). */
function pageSizes(pdf) {
  const text = pdf.toString("latin1");
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s*\]/g)];
  return boxes.map(([, x1, y1, x2, y2]) => ({ width: x2 - x1, height: y2 - y1 }));
}

/** Prints the page as the browser would, to `path`, and returns the page sizes. */
async function printToPdf(page, path) {
  await page.emulateMedia({ media: "print" });
  await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: "screen" });
  expect((await stat(path)).size).toBeGreaterThan(0);
  const sizes = pageSizes(await readFile(path));
  expect(sizes.length).toBeGreaterThan(0);
  return sizes;
}

/** A4 in points, either way round. */
function expectA4(sizes, orientation) {
  for (const { width, height } of sizes) {
    const [long, short] = orientation === "landscape" ? [width, height] : [height, width];
    expect(long).toBeGreaterThan(short);
    expect(Math.round(long)).toBeGreaterThanOrEqual(840);
    expect(Math.round(long)).toBeLessThanOrEqual(843);
    expect(Math.round(short)).toBeGreaterThanOrEqual(594);
    expect(Math.round(short)).toBeLessThanOrEqual(596);
  }
}

/** Imports reviews into the library as a person would, from a file. */
async function importReviews(page, file) {
  await openApp(page);
  await page.getByLabel("Review file to open").setInputFiles({
    name: "reviews.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(page.getByText(/^Imported \d+ reviews?\./)).toBeVisible();
}

async function fixture() {
  return JSON.parse(await readFile(FIXTURE, "utf8"));
}

test("a discussion typed in the room prints as draft notes and a landscape tool sheet", async ({ page }) => {
  const net = guardNetwork(page);
  await startReview(page);
  await page.getByLabel("Review title").fill("Child M case discussion");
  await page.getByLabel("Review title").press("Tab");
  await page.getByLabel("Child's name or pseudonym").fill("Child M");
  await page.getByLabel("Date of referral").fill("2026-02-20");
  await page.getByLabel("Date of case discussion").fill("2026-03-09");
  await page.getByLabel("Facilitator").fill("Independent chair, Safeguarding Partnership");
  for (const worry of ["M has missed three weeks of school", "Nobody has seen the baby since January"]) {
    await page.getByPlaceholder("Add a worry and press Enter").fill(worry);
    await page.getByPlaceholder("Add a worry and press Enter").press("Enter");
  }
  await expect(page.getByText("Saved on this device")).toBeVisible();
  const id = page.url().match(/#\/review\/([0-9a-f-]+)/)[1];

  // The notes: the tool's headings in order, the draft marking, empty sections kept.
  await page.goto(`./#/review/${id}/print/notes`);
  await expect(page.getByRole("heading", { level: 1, name: "Case Discussion Notes" })).toBeVisible();
  await expect(page.getByText(DRAFT_MARK)).toBeVisible();
  const headings = await page.getByRole("heading", { level: 2 }).allTextContents();
  expect(headings.filter((h) => /^\d\./.test(h))).toEqual(NOTES_HEADINGS);
  await expect(page.getByRole("row", { name: /Child Name/ })).toContainText("Child M");
  await expect(page.getByRole("row", { name: /Date of Case Discussion/ })).toContainText("9 March 2026");
  await expect(page.getByRole("row", { name: /Facilitator/ })).toContainText("Independent chair");
  const worries = page.getByRole("region", { name: "5. What are we worried about?" });
  await expect(worries.getByRole("listitem")).toHaveText(["M has missed three weeks of school", "Nobody has seen the baby since January"]);
  await expect(page.getByRole("region", { name: "6. What worked well?" })).toContainText("None recorded");
  await expect(page.getByRole("region", { name: "8. What needs to happen?" })).toContainText("None recorded");
  // Ten working days after Monday 9 March 2026.
  await expect(page.getByText("Single-agency action plans are due by 23 March 2026")).toBeVisible();
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the review" })).toHaveAttribute("href", `#/review/${id}`);
  await expectAccessible(page);

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.locator(".app-header")).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  expectA4(await printToPdf(page, "screenshots/notes.pdf"), "portrait");

  // The tool sheet: every section side by side, "what else" across the foot, landscape.
  await page.getByRole("link", { name: "One-page tool sheet (landscape)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Case Discussion Tool" })).toBeVisible();
  await expect(page.getByText(DRAFT_MARK)).toBeVisible();
  const boxes = await page.getByRole("heading", { level: 2 }).allTextContents();
  expect(boxes.filter((h) => /^\d\./.test(h))).toEqual(SHEET_HEADINGS);
  await expect(page.getByRole("heading", { name: /What else do we need to know\? Who else do we need to involve\?/i })).toBeVisible();
  await expect(page.getByRole("region", { name: "5. What are we worried about?" })).toContainText("M has missed three weeks of school");
  await expectAccessible(page);
  const sheet = await printToPdf(page, "screenshots/tool-sheet.pdf");
  expectA4(sheet, "landscape");
  expect(sheet).toHaveLength(1);

  await page.getByRole("link", { name: "Case Discussion Notes (portrait)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Case Discussion Notes" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the review" }).click();
  await expect(page.getByLabel("Review title")).toHaveValue("Child M case discussion");
  net.assertNone();
});

test("a full discussion prints every part: attendees, tree, gaps, SMART table and what is missing", async ({ page }) => {
  const file = await fixture();
  const cd = file.reviews[0].body.case_discussion;
  cd.actions.push({
    id: 30, action: "Share the nursery's March concerns with the social worker",
    who_by: "", due: null, how_we_will_know: "", difference_for_child: "",
  });
  await importReviews(page, file);
  await page.goto(`./#/review/${FIXTURE_CASE_DISCUSSION}/print/notes`);
  await expect(page.getByRole("heading", { level: 1, name: "Case Discussion Notes" })).toBeVisible();

  const attendees = page.getByRole("region", { name: "Attendees" });
  await expect(attendees.getByRole("columnheader")).toHaveText(["Name", "Role", "Agency", "Wearing two hats for", "Attendance"]);
  await expect(attendees.getByRole("row", { name: /Health visitor/ })).toContainText("Speaking for the GP practice");
  await expect(page.getByRole("region", { name: /^1\. Facts/ })).toContainText("Health chronology, January to August — source: Community health");
  const thoughts = page.getByRole("region", { name: "3. Immediate Thoughts" });
  await expect(thoughts.getByRole("listitem")).toHaveText([
    "Fact: Two hearing appointments were missed in spring",
    "Feeling: It feels as if nobody held the whole picture",
    "Not marked: Housing were not at the table",
  ]);
  const tree = page.getByRole("region", { name: "4. Analysis Tree" });
  await expect(tree.getByRole("heading", { level: 3 })).toHaveText(["Effects:", "Focal point:", "Root causes:"]);
  await expect(tree).toContainText("J's hearing problem went unchecked for six months");
  // Causes drilled down three levels stay nested.
  await expect(tree.getByRole("list").getByRole("list").getByRole("list")).toContainText("No shared record of family moves");

  const missing = page.getByRole("region", { name: "7. Missing information?" });
  await expect(missing.getByRole("row", { name: /Housing history/ })).toContainText("Not recorded");
  await expect(missing).toContainText("Housing officer — Knows the dates and reasons for each move");

  const actions = page.getByRole("region", { name: "8. What needs to happen?" });
  await expect(actions.getByRole("columnheader")).toHaveText([
    "No.", "Action", "Lead agency", "Who By and When", "How will we know it is done", "What difference will it make?",
  ]);
  await expect(actions.getByRole("row", { name: /Re-book J's hearing test/ })).toContainText("Health visitor, by 29 September 2025");
  await expect(actions.getByRole("row", { name: /March concerns/ })).toContainText(
    "SMART check, not written yet: who by, due date, how we will know, difference for the child",
  );
  await expect(actions).toContainText("Nursery felt their concerns in March should have prompted a referral then.");
  await expect(page.getByText("Single-agency action plans are due by 29 September 2025")).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "screenshots/print-notes-screen.png", fullPage: true });
  expectA4(await printToPdf(page, "screenshots/notes-full.pdf"), "portrait");

  // The action log a partnership can track: numbered, lead agency, status, the SMART
  // check named as such; landscape.
  await page.getByRole("link", { name: "Action log (landscape)" }).click();
  const log = page.getByRole("article", { name: "Action log" });
  await expect(log.getByRole("columnheader")).toHaveText([
    "No.", "Action", "Lead agency", "Who by", "Due date", "Status", "How we will know it is done", "What difference it will make", "SMART check (all five parts written?)",
  ]);
  await expect(log.getByRole("row", { name: /Re-book J's hearing test/ }).getByRole("cell").first()).toHaveText("1");
  await expect(log.getByRole("row", { name: /March concerns/ })).toContainText(/Missing: who by, due date/);
  await expectAccessible(page);
  await page.screenshot({ path: "screenshots/print-action-log-screen.png", fullPage: true });
  expectA4(await printToPdf(page, "screenshots/action-log.pdf"), "landscape");

  await page.getByRole("link", { name: "One-page tool sheet (landscape)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Case Discussion Tool" })).toBeVisible();
  await expect(page.getByRole("region", { name: "8. What needs to happen? (SMART)" })).toContainText("Not written yet: who by");
  await expect(page.getByRole("region", { name: /What else do we need to know/ })).toContainText("Housing officer");
  await expectAccessible(page);
  await page.screenshot({ path: "screenshots/print-sheet-screen.png", fullPage: true });
  const sheet = await printToPdf(page, "screenshots/tool-sheet-full.pdf");
  expectA4(sheet, "landscape");
  expect(sheet).toHaveLength(1);
});

test("a long discussion carries on to a second landscape page", async ({ page }) => {
  const file = await fixture();
  const cd = file.reviews[0].body.case_discussion;
  for (let i = 0; i < 45; i++) {
    cd.worries.push({ id: 100 + i, text: `Worry ${i + 1}: the family moved again and no agency knew for several weeks` });
  }
  await importReviews(page, file);
  await page.goto(`./#/review/${FIXTURE_CASE_DISCUSSION}/print/sheet`);
  await expect(page.getByRole("region", { name: "5. What are we worried about?" })).toContainText("Worry 45:");
  const sheet = await printToPdf(page, "screenshots/tool-sheet-long.pdf");
  expect(sheet.length).toBeGreaterThan(1);
  expectA4(sheet, "landscape");
});

test("a Learning Together review opened at a case discussion print address shows its own report", async ({ page }) => {
  await importReviews(page, await fixture());
  await page.goto(`./#/review/${FIXTURE_LEARNING_TOGETHER}/print/notes`);
  await expect(page.getByRole("heading", { level: 1, name: "Learning Together review report" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the review" }).click();
  await expect(page.getByLabel("Review title")).toHaveValue("Family K systems review");
});
