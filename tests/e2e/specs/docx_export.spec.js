// Word documents, as a facilitator and a reviewer export them: the Case Discussion Notes
// and the action log from a case discussion, the report from a Learning Together review.
// Each download is saved, LibreOffice (headless) converts it to PDF, which must have pages;
// the pages are also drawn as PNGs in tests/e2e/screenshots/docx/ for people to look at.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { test, expect, guardNetwork, expectAccessible, openApp } from "./helpers.js";

const FIXTURE = new URL("../../fixtures/format-v2.json", import.meta.url);
const FIXTURE_CASE_DISCUSSION = "3b0f6f2a-8c1d-4e57-9a4b-2d7c5e1f0a93";
const LEARNING_TOGETHER = "5d1c8e0b-7a42-4f3e-9b6d-0c2a4e8f1b37";
const OUT = resolve("screenshots/docx");
const NON_ASCII = "Siân, Zoë, Łukasz, Ольга";

/** LibreOffice keeps its settings in a profile; each run gets a fresh one of its own. */
let profile;
test.beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), "docx-e2e-lo-"));
});
test.afterAll(() => {
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** A Learning Together review with something in every part of the report. */
function learningTogether() {
  const when = (date, period = "") => ({ date, period });
  return {
    id: LEARNING_TOGETHER,
    title: `Family K systems review – ${NON_ASCII}`,
    created: "2026-01-05T09:00:00Z",
    updated: "2026-02-10T16:00:00Z",
    body: {
      learning_together: {
        family_pseudonym: "Family K",
        scope: "How agencies worked together to support Family K from the birth of the youngest child to the child protection conference.",
        review_team: [{ id: 1, role: "Lead reviewer (independent)" }, { id: 2, role: "Designated nurse" }],
        participants: [
          { id: 3, role: "Social worker", agency: "Children’s services", is_family_member: false, pseudonym: "" },
          { id: 4, role: "Midwife", agency: "Maternity services", is_family_member: false, pseudonym: "" },
          { id: 5, role: "Mother", agency: "", is_family_member: true, pseudonym: "Kerry" },
        ],
        narrative_events: [
          {
            id: 6, date_or_period: when("2025-04-02"), what_happened: "Birth of the youngest child",
            views: [{ agency: "Health", view: "A routine discharge home" }, { agency: "Children’s services", view: "Not known to us yet" },
              { agency: "#family", view: "We were sent home and nobody came" }],
          },
          { id: 7, date_or_period: when(null, "Summer 2025"), what_happened: "The family moved twice", views: [] },
        ],
        episodes: [{
          id: 8, episode: "Strategy discussion after the bruising", date_or_period: when("2025-06-12"),
          roles_involved: ["Social worker", "Paediatrician"], what_happened: "A single-agency enquiry was agreed.",
          appraisal: "mixed", why_it_made_sense: "The explanation given fitted the injury, and the family were engaging.",
          factors: [9, 13], source_conversations: [],
        }],
        factors: [
          { id: 9, category: "inter_agency", level: "inter_agency", text: "No shared record between health and school", episodes: [8] },
          { id: 10, category: "family", level: "frontline", text: "Mother’s fear of losing the children", episodes: [] },
          // The same factor again from a second conversation, as raw notes: a preparation's
          // mark, a ".;" join and a repeated sentence.
          { id: 13, category: "inter_agency", level: "inter_agency", episodes: [8],
            text: "From the practitioner’s preparation:\nno shared record between health and school.;\nNo shared record between health and school." },
        ],
        findings: [{
          id: 11, statement: "Referrals are closed without feedback to the referrer",
          pattern_types: ["multi_agency_assessment_and_longer_term_work", "human_tool_operation"],
          how_it_showed_in_this_case: "School were not told the outcome of their referral.",
          evidence_it_is_wider: "An audit of 40 referrals found the same.",
          why_it_matters: `Referrers stop referring. ${NON_ASCII}`,
          issues_for_the_board: ["How will the board know that referrers hear the outcome?"],
        }],
        recommendations: [{ id: 12, text: "Agree a feedback standard across agencies", finding: 11 }],
        // The stages are the team's internal record: never in the published report.
        stages: { preparation: "done", data_collection: "in_progress" },
        stage_targets: { data_collection: "2026-03-01" },
        summary: "Why the review was held, and its main findings in brief.",
        methodology: "This review used Learning Together. The review team held one-to-one conversations in person.",
        case_summary: "Family K moved twice in a year; the youngest child was born in April 2025.",
        acknowledgements: "The review team thanks the family and the professionals who took part.",
        next_id: 14,
      },
    },
  };
}

async function importReviews(page) {
  const file = JSON.parse(readFileSync(FIXTURE, "utf8"));
  const cd = file.reviews[0];
  cd.title = `Child J – ${NON_ASCII}`;
  cd.body.case_discussion.about_child += "\n\n" + "J’s days were shaped by each move: new rooms, new faces, new routines. ".repeat(60);
  file.reviews.push(learningTogether());
  await openApp(page);
  await page.getByLabel("Review file to open").setInputFiles({
    name: "reviews.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(page.getByText(/^Imported \d+ reviews?\./)).toBeVisible();
}

/** Clicks `button`, saves the download under `name` and returns its path. */
async function exportDocument(page, button, name) {
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const path = join(OUT, name);
  await download.saveAs(path);
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 4).toString("latin1"), "a zip file").toBe("PK\u0003\u0004");
  await expect(page.getByText(/^Word document saved as “.+\.docx”\.$/)).toBeVisible();
  return path;
}

/** The headings (Heading 1-3) and the heading rows of the tables of a .docx, in order. */
function wordStructure(docx) {
  return JSON.parse(execFileSync("python3", [resolve("tools/word_structure.py"), docx], { encoding: "utf8" }));
}

/** Converts a .docx to PDF with LibreOffice, draws its pages as PNGs, returns the page count. */
function convert(docx) {
  execFileSync(
    "soffice",
    [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--convert-to", "pdf", "--outdir", OUT, docx],
    { stdio: "pipe", timeout: 180_000 },
  );
  const pdf = docx.replace(/\.docx$/, ".pdf");
  expect(existsSync(pdf), `LibreOffice made ${pdf}`).toBe(true);
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const pages = Number(info.match(/^Pages:\s+(\d+)/m)?.[1] ?? 0);
  execFileSync("pdftoppm", ["-png", "-r", "60", pdf, pdf.replace(/\.pdf$/, "")]);
  return { pdf, pages, text: execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }) };
}

test("the notes, the action log and the report download as Word documents LibreOffice opens", async ({ page }) => {
  test.setTimeout(600_000);
  const net = guardNetwork(page);
  await importReviews(page);

  // A case discussion: the notes from the toolbar, the action log from section 8.
  await page.goto(`./#/review/${FIXTURE_CASE_DISCUSSION}`);
  const notesButton = page.getByRole("button", { name: "Notes in Word" });
  await expect(notesButton).toBeVisible();
  await expect(page.getByRole("button", { name: "Report in Word" })).toHaveCount(0);
  await page.screenshot({ path: join(OUT, "review-toolbar.png") });
  const notes = await exportDocument(page, notesButton, "notes.docx");
  const logButton = page.getByRole("button", { name: "Export action log (Word)" });
  await logButton.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUT, "actions-section.png") });
  const log = await exportDocument(page, logButton, "action-log.docx");
  await expectAccessible(page);

  // The printed notes and the printed action log are the same documents as the Word
  // files: the same headings and table columns, in order.
  for (const [file, view, name] of [[notes, "notes", "Case Discussion Notes"], [log, "actions", "Action log"]]) {
    await page.goto(`./#/review/${FIXTURE_CASE_DISCUSSION}/print/${view}`);
    const paper = page.getByRole("article", { name });
    await expect(paper).toBeVisible();
    const printed = await paper.evaluate((el) => ({
      headings: [...el.querySelectorAll("h2, h3, h4")].map((h) => h.textContent.trim()),
      columns: [...el.querySelectorAll("table")].map((t) => [...t.querySelectorAll("thead th")].map((th) => th.textContent.trim())).filter((c) => c.length),
    }));
    const word = wordStructure(file);
    expect(printed.headings, view).toEqual(word.headings);
    expect(printed.columns, view).toEqual(word.columns);
    expect(printed.columns.length, view).toBeGreaterThan(0);
  }

  // A Learning Together review: the report from the toolbar.
  await page.goto(`./#/review/${LEARNING_TOGETHER}`);
  const reportButton = page.getByRole("button", { name: "Report in Word" });
  await expect(reportButton).toBeVisible();
  await expect(page.getByRole("button", { name: "Notes in Word" })).toHaveCount(0);
  const report = await exportDocument(page, reportButton, "report.docx");
  await expectAccessible(page);

  // The printed report is the same document: the same headings and table columns, in order.
  const word = wordStructure(report);
  await page.getByRole("link", { name: "Print report" }).click();
  const paper = page.getByRole("article", { name: "Learning Together review report" });
  await expect(paper).toBeVisible();
  const printed = await paper.evaluate((el) => ({
    headings: [...el.querySelectorAll("h2, h3, h4")].map((h) => h.textContent.trim()),
    columns: [...el.querySelectorAll("table")].map((t) => [...t.querySelectorAll("thead th")].map((th) => th.textContent.trim())).filter((c) => c.length),
  }));
  expect(printed.headings).toEqual(word.headings);
  expect(printed.columns).toEqual(word.columns);
  expect(printed.columns).toContainEqual(expect.arrayContaining(["Source conversations"]));
  // The structure a partnership publishes, in order, and no internal working table.
  const sections = ["Summary", "Terms of reference", "Methodology", "Case summary", "Narrative of multi-agency perspectives",
    "Findings", "Recommendations and issues for the board", "Acknowledgements", "Appendix 1: Contributory factors",
    "Appendix 2: Key practice episodes"];
  expect(printed.headings.filter((h) => sections.includes(h))).toEqual(sections);
  expect(word.headings.filter((h) => sections.includes(h))).toEqual(sections);
  expect(printed.columns).toContainEqual(["When", "What happened", "How each agency saw it", "How the K family saw it"]);
  for (const columns of printed.columns) {
    expect(columns, "no stage table").not.toContain("Stage");
    expect(columns, "no stage table").not.toContain("Target date");
  }
  // Factors read as clean text: once, a sentence, no preparation mark, no ".;".
  const factorsText = await paper.evaluate((el) => el.innerText);
  expect(factorsText).not.toContain(".;");
  expect(factorsText).not.toContain("practitioner’s preparation");
  expect(factorsText).not.toContain("#family");
  expect(factorsText).toContain("We were sent home and nobody came");
  const factorTimes = factorsText.match(/No shared record between health and school/gi) ?? [];
  expect(factorTimes, "in the factors appendix once, and once in the episodes table").toHaveLength(2);
  await page.screenshot({ path: join(OUT, "printed-report.png"), fullPage: true });
  net.assertNone();

  const n = convert(notes);
  expect(n.pages).toBeGreaterThan(0);
  for (const heading of ["Case Discussion Notes", "DRAFT FOR CORRECTION OF FACTUAL ERRORS", "1. Facts: Documentation available",
    "4. Analysis Tree", "8. What needs to happen?", "Single-agency action plans are due by", "Follow up", `Child J – ${NON_ASCII}`]) {
    expect(n.text, heading).toContain(heading);
  }
  const l = convert(log);
  expect(l.pages).toBeGreaterThan(0);
  // Column headings may wrap in the table, so their first words are looked for.
  for (const text of ["Action log", "How we will know", "SMART check"]) expect(l.text, text).toContain(text);
  const r = convert(report);
  expect(r.pages).toBeGreaterThan(1);
  for (const text of ["Learning Together review report", "Key practice episodes", "Strategy discussion after the bruising",
    "Finding 1: Referrals are closed without feedback", "Issues for the board to consider", "Kerry", "Summer 2025",
    "Why the review was held", "Acknowledgements", "We were sent home and"]) {
    expect(r.text, text).toContain(text);
  }
  expect(r.text).not.toContain(".;");
  expect(r.text).not.toContain("practitioner’s preparation");
  // No page before the last is left nearly empty (a page turn placed badly leaves one).
  for (let n = 1; n < r.pages; n++) {
    const lines = execFileSync("pdftotext", ["-layout", "-f", String(n), "-l", String(n), r.pdf, "-"], { encoding: "utf8" })
      .split("\n").filter((l) => l.trim());
    expect(lines.length, `page ${n} of the Word report has more than a line or two`).toBeGreaterThan(5);
  }
});

test("an anonymised copy of the report downloads as a Word document without the listed names", async ({ page }) => {
  test.setTimeout(300_000);
  await importReviews(page);
  await page.goto(`./#/review/${LEARNING_TOGETHER}`);
  await page.getByRole("button", { name: "Anonymised copy" }).click();
  const dialog = page.getByRole("dialog", { name: "Anonymised copy for publication" });
  await dialog.getByRole("button", { name: "Add a name" }).click();
  await page.keyboard.type("Kerry");
  const rows = await dialog.getByRole("textbox", { name: /^Replacement \d+$/ }).count();
  await dialog.getByLabel(`Replacement ${rows}`).fill("Parent A");
  const path = await exportDocument(page, dialog.getByRole("button", { name: "Save anonymised Word document" }), "report-anonymised.docx");
  await expect(dialog).toHaveCount(0);
  const r = convert(path);
  expect(r.text).toContain("Learning Together review report");
  expect(r.text).toContain("Parent A");
  expect(r.text).not.toContain("Kerry");
});
