// The people of a Learning Together review, over weeks: each participant's journey is
// dated (letter, agreement, booking, the conversation, the recording destroyed, the draft
// shared, comments), dates typed survive a reload straight after typing, what is next
// for each person is said in a sentence, a stage past its target date is said plainly,
// and the record of one conversation prints for the participant to check, with every
// part of the conversation structure and what was recorded, long words wrapped.
import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { test, expect, guardNetwork, expectAccessible, startReview, goToArea, addParticipant } from "./helpers.js";

const SHOTS = new URL("../screenshots/lt-journey/", import.meta.url).pathname;

// Appendix 3's parts as the printed record heads them.
const PARTS = [
  "1. Introduction",
  "2. Overview",
  "3a. ‘Turning points’ or ‘key practice episodes’",
  "3b. ‘Mindset’ and ‘local rationality’",
  "4. Contributory factors",
  "5. Things that went well",
  "6. Queries from the overview perspective",
  "7. Suggested changes",
  "8. Summing up",
  "9. Reflections",
];

// A reference pasted with no spaces, long enough to run off an A4 page if it did not wrap.
const UNBROKEN = "https://records.example.invalid/health-visiting/case-notes/" + "0123456789abcdef".repeat(8);

function journeyOf(page, who) {
  return page.getByRole("region", { name: `Dates for ${who}` });
}

test("journey dates survive an abrupt reload, what is next is said, a stage past its target is plain, and the conversation record prints for checking", async ({ page }) => {
  test.setTimeout(180_000);
  const net = guardNetwork(page);
  await mkdir(SHOTS, { recursive: true });
  await startReview(page, "New Learning Together review");
  await page.getByLabel("Review title").fill("Family K systems review");
  await goToArea(page, "Case and people");
  await page.getByLabel("Family pseudonym").fill("Family K");
  await addParticipant(page, { role: "Health visitor", second: "NHS trust" });
  await addParticipant(page, { family: true, role: "Mother", second: "Kerry" });
  await goToArea(page, "Stages");

  // Stages: a target date already gone, on a stage not marked done, is said plainly.
  const stages = page.getByRole("region", { name: "Stages of the review" });
  await stages.getByLabel("Target date (preparation)").fill("2025-01-10");
  await expect(stages.getByText("1 stage is past its target date: Preparation.")).toBeVisible();
  const preparation = stages.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "1. Preparation" }) });
  await expect(preparation.getByText(/^Past its target date of 10 Jan 2025 by \d+ days, and not yet marked done\.$/)).toBeVisible();
  // A completed date marks a stage done, and a stage done is no longer past its target.
  await stages.getByLabel("Target date (data collection)").fill("2025-02-01");
  await expect(stages.getByText("2 stages are past their target dates: Preparation; Data collection.")).toBeVisible();
  await stages.getByLabel("Completed on (data collection)").fill("2025-02-03");
  await expect(stages.getByLabel("Status of data collection")).toHaveValue("Done");
  await expect(stages.getByText("Completed on 3 Feb 2025 (target date 1 Feb 2025).")).toBeVisible();
  await expect(stages.getByText("1 stage is past its target date: Preparation.")).toBeVisible();
  const stageText = (await stages.innerText()).toLowerCase();
  expect(stageText, "no judging words").not.toMatch(/\b(overdue|late|fail\w*|blame\w*)\b/);
  await stages.evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: `${SHOTS}stages.png` });

  // Each participant says what is next for them.
  await goToArea(page, "Conversations");
  const conversations = page.getByRole("region", { name: "Conversations" });
  const picker = conversations.locator(".conversation-picker");
  await expect(picker.getByText("Introductory letter not sent yet.")).toHaveCount(2);

  // The letter date is typed a key at a time and the page reloaded at once, still in the box.
  await conversations.getByRole("link", { name: "Conversation with Health visitor, NHS trust" }).click();
  let journey = journeyOf(page, "Health visitor, NHS trust");
  await journey.getByLabel("Introductory letter sent").focus();
  // Day and month alike, so the keys mean the same whichever order the browser shows.
  await page.keyboard.type("11112025");
  await page.reload();
  // The reload comes back to the same conversation.
  journey = journeyOf(page, "Health visitor, NHS trust");
  await expect(journey.getByLabel("Introductory letter sent")).toHaveValue("2025-11-11");
  await expect(journey.getByText(/Not yet recorded whether they agree to take part: the letter was sent on 11 Nov( 2025)?\./)).toBeVisible();

  await journey.getByLabel("Agreed to take part").fill("2025-12-02");
  await journey.getByLabel("Conversation booked for").fill("2025-12-03");
  await expect(journey.getByText(/The conversation was booked for 3 Dec( 2025)?: record the day it was held\./)).toBeVisible();
  // The day it was held starts the record of the conversation.
  await journey.getByLabel("Conversation held").fill("2025-12-03");
  const record = page.getByRole("article", { name: "Record of the conversation with Health visitor, NHS trust" });
  await expect(record).toBeVisible();
  const recording = /Recording not yet destroyed: the conversation was held on 3 Dec( 2025)?\. Appendix 2 promises the recording is destroyed once the data is taken from it\./;
  await expect(journey.getByText(recording)).toBeVisible();
  await page.getByRole("link", { name: "All conversations" }).click();
  await expect(picker.getByText(recording)).toBeVisible();
  await conversations.getByRole("link", { name: "Conversation with Health visitor, NHS trust" }).click();

  // Something under every part of the record.
  const written = {};
  for (const heading of PARTS) {
    const part = record.getByRole("region", { name: heading, exact: true });
    const box = part.locator(".guide-prompt textarea").first();
    const text = heading.startsWith("2.") ? `I visited four times. ${UNBROKEN}` : `Recorded under ${heading}`;
    await box.fill(text);
    written[heading] = text;
  }
  await record.getByLabel("New turning point", { exact: true }).fill("The missed eight-week check");
  await record.getByRole("button", { name: "Add turning point" }).click();

  await journey.getByLabel("Recording destroyed").fill("2025-12-05");
  await journey.getByLabel("Draft shared for checking").fill("2025-12-08");
  // Comments asked for by: filled and reloaded at once.
  await journey.getByLabel("Comments asked for by").fill("2025-12-17");
  await page.reload();
  journey = journeyOf(page, "Health visitor, NHS trust");
  await expect(journey.getByLabel("Comments asked for by")).toHaveValue("2025-12-17");
  await expect(journey.getByLabel("Recording destroyed")).toHaveValue("2025-12-05");
  await expect(journey.getByLabel("Conversation held")).toHaveValue("2025-12-03");
  await expect(journey.getByText(/Comments on the draft shared on 8 Dec( 2025)? were asked for by 17 Dec( 2025)? and have not come back yet\./)).toBeVisible();
  await expect(page.getByText("Saved on this device")).toBeVisible();
  await expectAccessible(page);
  await journey.evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: `${SHOTS}journey.png` });
  await page.getByRole("link", { name: "All conversations" }).click();
  await expect(picker.getByText("Introductory letter not sent yet.")).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}picker.png` });
  await conversations.getByRole("link", { name: "Conversation with Health visitor, NHS trust" }).click();

  // The record, printed for the health visitor to check.
  await page.getByRole("link", { name: /^Print record/ }).click();
  const paper = page.getByRole("article", { name: "Record of the conversation with Health visitor, NHS trust" });
  await expect(paper).toBeVisible();
  await expect(paper.getByRole("row", { name: /Conversation with Health visitor, NHS trust/ })).toBeVisible();
  await expect(paper.getByRole("row", { name: /Held on 3 December 2025/ })).toBeVisible();
  await expect(paper.getByText("Please send your comments to the review team by 17 December 2025.", { exact: false })).toBeVisible();
  await expect(paper.getByText("we identify you only by your position", { exact: false })).toBeVisible();
  await expect(paper.getByText("The recording of our conversation was destroyed on 5 December 2025, as we promised.")).toBeVisible();
  await expect(paper.getByRole("heading", { level: 2 })).toHaveText(["Please check this record", ...PARTS]);
  for (const heading of PARTS) {
    const part = paper.getByRole("region", { name: heading, exact: true });
    await expect(part.getByText(written[heading], { exact: true })).toBeVisible();
  }
  await expect(paper.getByRole("region", { name: PARTS[2], exact: true }).getByText("The missed eight-week check")).toBeVisible();
  await expect(paper.getByText("Kerry")).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}record.png` });

  // In print, the long unbroken reference wraps inside the page.
  await page.emulateMedia({ media: "print" });
  const overflow = await paper.evaluate((el) => [...el.querySelectorAll("*")].filter((n) => n.scrollWidth > el.clientWidth + 1).length);
  expect(overflow, "nothing wider than the page").toBe(0);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: "screen" });
  const pdfPath = `${SHOTS}record.pdf`;
  await writeFile(pdfPath, pdf);
  const text = execFileSync("pdftotext", ["-layout", pdfPath, "-"], { encoding: "utf8" });
  for (const heading of ["1. Introduction", "2. Overview", "4. Contributory factors", "6. Queries from the overview perspective", "9. Reflections"]) {
    expect(text).toContain(heading);
  }
  expect(text).toContain("Recorded under 9. Reflections");
  expect(text).toContain("0123456789abcdef");
  execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "2", pdfPath, `${SHOTS}record-page`]);

  const printedParts = await paper.evaluate((el) => [...el.querySelectorAll("h2, h3, h4")].map((h) => h.textContent.trim()));

  // Back from the printed record is back at that conversation.
  await page.getByRole("link", { name: "Back to the review" }).click();
  await expect(page.getByLabel("Review title")).toHaveValue("Family K systems review");
  await expect(journeyOf(page, "Health visitor, NHS trust")).toBeVisible();

  // The same record as a Word file, to send for checking: the same parts as the print.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Record in Word" }).click()]);
  expect(download.suggestedFilename()).toMatch(/record-of-the-conversation.*\.docx$/i);
  const docx = `${SHOTS}record.docx`;
  await download.saveAs(docx);
  const word = JSON.parse(execFileSync("python3", [new URL("../tools/word_structure.py", import.meta.url).pathname, docx], { encoding: "utf8" }));
  expect(word.headings).toEqual(printedParts);
  expect(word.headings).toEqual(expect.arrayContaining(["Please check this record", ...PARTS]));
  await goToArea(page, "Stages");

  // The team's own progress sheet carries the dates; the published report does not.
  await page.getByRole("link", { name: /^Print progress for the review team/ }).click();
  const progress = page.getByRole("article", { name: "Review progress" });
  await expect(progress.getByText("INTERNAL WORKING RECORD — NOT FOR PUBLICATION")).toBeVisible();
  await expect(progress.getByRole("row", { name: /^1\. Preparation Not started 10 January 2025/ })).toBeVisible();
  const hvRow = progress.getByRole("row", { name: /^Health visitor, NHS trust/ });
  await expect(hvRow.getByRole("cell", { name: "5 December 2025" })).toBeVisible();
  await expect(hvRow.getByText(/were asked for by 17 Dec( 2025)? and have not come back yet/)).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}progress.png` });
  await page.getByRole("link", { name: "Back to the review" }).click();
  await page.getByRole("link", { name: "Print report" }).click();
  const report = page.getByRole("article", { name: "Learning Together review report" });
  await expect(report).toBeVisible();
  for (const internal of ["Target date", "target date", "Recording destroyed", "Comments asked for", "What is next"]) {
    await expect(report.getByText(internal)).toHaveCount(0);
  }
  net.assertNone();
});
