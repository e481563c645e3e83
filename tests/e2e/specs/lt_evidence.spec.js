// The evidence of a Learning Together review as a review team gathers it: three documents
// chosen for the review, a chronology built from a document and a conversation (with the
// conversation's turning point in it), an episode and a finding citing a document and a
// conversation, "cited by" on the document, then the printed report and the Word file
// naming the finding's evidence and listing the documents in an appendix.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { test, expect, guardNetwork, expectAccessible, startReview, goToArea, addParticipant } from "./helpers.js";

const OUT = resolve("screenshots/evidence");

async function addDocument(page, title, agency, date, period = "") {
  const form = page.getByRole("region", { name: "Documents", exact: true }).locator("form.add-item");
  await form.getByLabel("Document: title or description").fill(title);
  await form.getByLabel("Agency it comes from").fill(agency);
  if (date) await form.getByLabel("Date of the new document").fill(date);
  if (period) await form.getByLabel("or period of the new document").fill(period);
  await form.getByRole("button", { name: "Add document" }).click();
}

async function addEntry(page, source, what, date, agency) {
  const form = page.getByRole("region", { name: "Chronology", exact: true }).locator("form.add-item");
  await form.getByLabel("Source").selectOption({ label: source });
  if (agency) await form.getByLabel("Agency").fill(agency);
  await form.getByLabel("What happened").fill(what);
  await form.getByLabel("Date of the new entry").fill(date);
  await form.getByRole("button", { name: "Add entry" }).click();
}

test("a reviewer registers documents, builds the chronology, cites evidence and finds it in the report", async ({ page }) => {
  test.setTimeout(180_000);
  mkdirSync(OUT, { recursive: true });
  const net = guardNetwork(page);
  await startReview(page, "New Learning Together review");
  await page.getByLabel("Review title").fill("Family K systems review");
  const reviewId = page.url().match(/#\/review\/([0-9a-f-]+)/)[1];

  await goToArea(page, "Case and people");
  await addParticipant(page, { role: "Health visitor", second: "NHS trust" });
  await goToArea(page, "Conversations");
  await page.getByRole("link", { name: "Conversation with Health visitor, NHS trust" }).click();
  await page.getByRole("button", { name: "Start the record of this conversation" }).click();
  const record = page.getByRole("article", { name: "Record of the conversation with Health visitor, NHS trust" });
  await record.getByLabel("New turning point", { exact: true }).fill("Asked to join the strategy discussion and was not invited");
  await record.getByLabel("Date of the new turning point").fill("2025-03-13");
  await record.getByRole("button", { name: "Add turning point" }).click();

  // Three documents chosen for the review.
  await goToArea(page, "Documents");
  const documents = page.getByRole("region", { name: "Documents", exact: true });
  await addDocument(page, "GP records", "GP surgery", "", "2024 to 2025");
  await addDocument(page, "Strategy discussion minutes", "Police", "2025-03-12");
  await addDocument(page, "Attendance records", "Primary school", "2025-01-31");
  await expect(documents.getByRole("listitem", { name: /^Document \d:/ })).toHaveCount(3);
  const minutes = documents.getByRole("listitem", { name: "Document 2: Strategy discussion minutes" });
  await minutes.getByLabel("Why it was chosen (optional)").fill("The only record of who was invited");
  await expect(minutes.getByText("Not cited yet")).toBeVisible();

  // The chronology: from a document and from the conversation, shown in date order with
  // the conversation's turning point among them.
  await goToArea(page, "Chronology");
  const chronology = page.getByRole("region", { name: "Chronology", exact: true });
  await addEntry(page, "Strategy discussion minutes (Police, 12 March 2025)", "Strategy discussion held without health", "2025-03-12");
  await addEntry(page, "Conversation with Health visitor, NHS trust", "Home visit: mother tired, baby well", "2025-02-20", "NHS trust");
  await addEntry(page, "Attendance records (Primary school, 31 January 2025)", "Attendance falls below 80%", "2025-01-31");
  const rows = chronology.locator("tbody tr");
  await expect(rows).toHaveCount(4);
  await expect(rows.locator("td:nth-child(3)")).toHaveText([
    "Attendance falls below 80%",
    "Home visit: mother tired, baby well",
    "Strategy discussion held without health",
    "Asked to join the strategy discussion and was not invited",
  ]);
  await expect(rows.nth(0).locator("td").nth(1)).toHaveText("Primary school", { useInnerText: true });
  await expect(rows.nth(1).getByText("Conversation with Health visitor, NHS trust")).toBeVisible();
  await expect(rows.nth(3).getByText("Turning point, conversation with Health visitor, NHS trust")).toBeVisible();
  // Filtered to one agency.
  await chronology.getByLabel("Show entries from").selectOption("NHS trust");
  await expect(rows).toHaveCount(2);
  await chronology.getByLabel("Show entries from").selectOption("All agencies");
  await expect(rows).toHaveCount(4);
  // An entry is corrected in place, and every keystroke is kept.
  await chronology.getByRole("button", { name: "Edit entry: Home visit: mother tired, baby well" }).click();
  await chronology.locator(".chronology-editor").getByLabel("What happened").fill("Home visit: mother tired, baby well, weighed");
  await expect(rows.nth(1).locator("td").nth(2)).toHaveText("Home visit: mother tired, baby well, weighed");
  await chronology.locator(".chronology-editor").getByRole("button", { name: "Done" }).click();
  await expect(chronology.getByRole("button", { name: "Edit entry: Home visit: mother tired, baby well" })).toBeFocused();
  await chronology.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUT, "chronology.png") });

  // An episode cites the minutes and the conversation; a finding rests on it and cites the GP records.
  await goToArea(page, "Key practice episodes");
  const episodes = page.getByRole("region", { name: "Key practice episodes", exact: true });
  await episodes.getByLabel("New key practice episode").fill("Strategy discussion without health");
  await episodes.getByRole("button", { name: "Add episode" }).click();
  const episode = episodes.getByRole("listitem", { name: "Episode 1: Strategy discussion without health" });
  const episodeCites = episode.getByRole("group", { name: "Documents and conversations it cites (episode 1)" });
  await episodeCites.getByRole("checkbox", { name: /Strategy discussion minutes/ }).check();
  await episodeCites.getByRole("checkbox", { name: "Conversation with Health visitor, NHS trust" }).check();
  await expect(episodeCites.getByRole("checkbox", { name: /Strategy discussion minutes/ })).toBeChecked();
  await expect(episode.getByText("From conversations with: Health visitor, NHS trust")).toBeVisible();
  await episodeCites.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUT, "episode-citations.png") });

  await goToArea(page, "Findings");
  const findings = page.getByRole("region", { name: "Findings", exact: true });
  await findings.getByLabel("New finding").fill("Health is not invited to strategy discussions");
  await findings.getByRole("button", { name: "Add finding" }).click();
  const finding = findings.getByRole("listitem", { name: "Finding 1: Health is not invited to strategy discussions" });
  await finding.getByRole("checkbox", { name: "Episode 1: Strategy discussion without health" }).check();
  const findingCites = finding.getByRole("group", { name: "Documents and conversations it cites (finding 1)" });
  await findingCites.getByRole("checkbox", { name: /GP records/ }).check();
  await findingCites.getByRole("checkbox", { name: "Conversation with Health visitor, NHS trust" }).check();
  await expect(finding.getByText("Documents it draws on: GP records (GP surgery, 2024 to 2025); Strategy discussion minutes (Police, 12 March 2025)")).toBeVisible();
  await expect(finding.getByText("From conversations with: Health visitor, NHS trust")).toBeVisible();
  await findingCites.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUT, "finding-citations.png") });

  // Cited by, from the other end.
  await goToArea(page, "Documents");
  await expect(minutes.getByText("Cited by: Episode 1")).toBeVisible();
  await expect(documents.getByRole("listitem", { name: "Document 1: GP records" }).getByText("Cited by: Finding 1")).toBeVisible();
  await expect(documents.getByText("Cited by: Episode 1, Finding 1")).toBeVisible();
  await documents.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUT, "documents.png") });
  await goToArea(page, "Conversations");
  await page.getByRole("link", { name: "Conversation with Health visitor, NHS trust" }).click();
  await expect(record.getByText("Cited by: Episode 1, Finding 1")).toBeVisible();
  await goToArea(page, "Documents");
  await expectAccessible(page);

  // Removing a cited document is questioned.
  await minutes.getByRole("button", { name: "Remove document 2: Strategy discussion minutes" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove Strategy discussion minutes?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText("Cited by: Episode 1. 1 chronology entry is taken from it.")).toBeVisible();
  await page.screenshot({ path: join(OUT, "remove-document.png") });
  await dialog.getByRole("button", { name: "Keep" }).click();
  await expect(documents.getByRole("listitem", { name: /^Document \d:/ })).toHaveCount(3);

  // The report, in print: the finding's evidence and the documents appendix.
  await page.goto(`./#/review/${reviewId}/print/report`);
  const paper = page.getByRole("article", { name: "Learning Together review report" });
  await expect(paper).toBeVisible();
  await expect(paper.getByText("Documents it draws on: GP records (GP surgery, 2024 to 2025); Strategy discussion minutes (Police, 12 March 2025)")).toBeVisible();
  await expect(paper.getByText("From conversations with: Health visitor, NHS trust")).toBeVisible();
  const appendix = paper.getByRole("heading", { name: "Appendix: documents the review drew on" });
  await expect(appendix).toBeVisible();
  const register = paper.locator("table").last();
  await expect(register.locator("thead th")).toHaveText(["Document", "Agency", "Date or period", "Why it was chosen", "Cited by"]);
  await expect(register.locator("tbody tr")).toHaveCount(3);
  await expect(register.locator("tbody tr").nth(1)).toContainText("The only record of who was invited");
  await expect(register.locator("tbody tr").nth(0)).toContainText("Finding 1");
  await expect(register.locator("tbody tr").nth(1)).toContainText("Episode 1");
  await expect(register.locator("tbody tr").nth(2)).toContainText("Not cited");
  await appendix.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUT, "report-appendix.png") });
  await expectAccessible(page);

  // And the same in Word.
  await page.goto(`./#/review/${reviewId}`);
  const reportButton = page.getByRole("button", { name: "Report in Word" });
  await expect(reportButton).toBeVisible();
  const downloading = page.waitForEvent("download");
  await reportButton.click();
  // Open suggestions are listed first ("before you share"); the report is saved anyway.
  const anyway = page.getByRole("button", { name: "Save the Word document anyway" });
  anyway.click({ timeout: 5_000 }).catch(() => {});
  const download = await downloading;
  const path = join(OUT, "report.docx");
  await download.saveAs(path);
  const xml = execFileSync("python3", ["-c", "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode())", path], { encoding: "utf8" });
  for (const text of ["Appendix: documents the review drew on", "Documents it draws on: ", "Strategy discussion minutes (Police, 12 March 2025)", "The only record of who was invited"]) {
    expect(xml, text).toContain(text);
  }
  net.assertNone();
});
