// The Learning Together report as a lead reviewer finishes it: the report's own parts
// (summary, terms of reference, methodology started from the review's own details, case
// summary, acknowledgements) written in the Report area, the family's view of a narrative
// event beside the agencies', a reload straight after typing that loses nothing, and the
// printed report with its sections in order, the family's view in the narrative and no
// internal working table. Screenshots of the Report area at 1366x768 and of the printed
// report (PNG and PDF) in tests/e2e/screenshots/lt-report/.
import { test, expect, guardNetwork, expectAccessible, startReview, goToArea, addParticipant } from "./helpers.js";

const SHOTS = new URL("../screenshots/lt-report/", import.meta.url).pathname;

test("a reviewer writes the report's own parts and the family's view, reloads, and prints the report", async ({ page }) => {
  test.setTimeout(120_000);
  const net = guardNetwork(page);
  await startReview(page, "New Learning Together review");
  await page.getByLabel("Review title").fill("Green family systems review");

  // The case and people the starting methodology is built from.
  await goToArea(page, "Case and people");
  await page.getByLabel("Family pseudonym").fill("the Green family");
  await page.getByLabel("What this review is for").fill("How agencies supported the Green family in 2025.");
  await page.getByLabel("Review team member’s role").fill("Lead reviewer (independent)");
  await page.getByRole("button", { name: "Add to review team" }).click();
  await addParticipant(page, { role: "Health visitor", second: "NHS trust" });
  await addParticipant(page, { family: true, role: "Mother", second: "Kerry" });

  // A narrative event, with a health view and the family's.
  await goToArea(page, "Narrative");
  const narrative = page.getByRole("region", { name: "Narrative of multi-agency perspectives" });
  await narrative.getByLabel("New event: what happened").fill("Missed health review");
  await narrative.getByLabel("Date of the new event").fill("2025-03-14");
  await narrative.getByRole("button", { name: "Add event" }).click();
  await narrative.getByLabel("How NHS trust saw it").fill("Routine; rebooked");
  const familyBox = narrative.getByLabel("How the Green family saw it");
  await expect(familyBox).toBeVisible();
  await familyBox.fill("We did not know who to ask");
  await page.locator(".timeline-event").first().evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: `${SHOTS}narrative-event.png` });
  // The family's reserved place is not an agency: no box for it among the agencies.
  await expect(narrative.getByLabel(/How #family saw it/)).toHaveCount(0);

  // The Report area lists what is still empty before it is shared.
  await goToArea(page, "Report");
  const report = page.getByRole("region", { name: "Report", exact: true });
  const empty = report.getByRole("region", { name: "Before you share the report" });
  await expect(empty.getByRole("listitem").filter({ hasText: /^Terms of reference/ })).toHaveCount(0);
  for (const part of ["Summary", "Methodology", "Case summary", "Acknowledgements", "Findings"]) {
    await expect(empty.getByRole("listitem").filter({ hasText: new RegExp(`^${part}`) })).toHaveCount(1);
  }

  await report.getByLabel("Summary", { exact: true }).fill("Why the review was held and what it found.");
  // The terms of reference are the case's "What this review is for": one text, written there.
  await expect(report.getByText("Written under Case and people, as “What this review is for”.")).toBeVisible();
  await expect(report.getByLabel("Terms of reference", { exact: true })).toHaveCount(0);
  await report.getByRole("button", { name: "Start from the review’s own details" }).click();
  const methodology = report.getByLabel("Methodology", { exact: true });
  await expect(methodology).toHaveValue(/^This review used Learning Together/);
  await expect(methodology).toHaveValue(/“A respectful attitude towards practice is fundamental to the systems approach\.”/);
  await expect(methodology).not.toHaveValue(/Kerry/);
  await methodology.press("End");
  await methodology.pressSequentially(" Conversations were held in person.");
  // Starting again asks first, and keeping what is written keeps it.
  await report.getByRole("button", { name: "Start from the review’s own details" }).click();
  const ask = page.getByRole("dialog", { name: "Replace the methodology you have written?" });
  await expect(ask).toBeVisible();
  await ask.getByRole("button", { name: "Keep what is written" }).click();
  await expect(ask).toHaveCount(0);
  await expect(methodology).toHaveValue(/Conversations were held in person\.$/);
  await report.getByLabel("Case summary", { exact: true }).fill("The Green family moved twice in a year.");
  await report.getByLabel("Acknowledgements", { exact: true }).fill("The review team thanks everyone who took part.");
  // Reloaded straight after the last key: nothing is lost.
  await page.reload();
  await goToArea(page, "Report");
  await expect(report.getByLabel("Summary", { exact: true })).toHaveValue("Why the review was held and what it found.");
  await expect(report.getByLabel("Methodology", { exact: true })).toHaveValue(/Conversations were held in person\.$/);
  await expect(report.getByLabel("Acknowledgements", { exact: true })).toHaveValue("The review team thanks everyone who took part.");
  await expect(empty.getByRole("listitem").filter({ hasText: /^Summary/ })).toHaveCount(0);
  await goToArea(page, "Narrative");
  await expect(narrative.getByLabel("How the Green family saw it")).toHaveValue("We did not know who to ask");

  await goToArea(page, "Report");
  await expect(report.getByText("How agencies supported the Green family in 2025.")).toBeVisible();
  // The note that the last edits were recovered is read, then closed, before the picture.
  const recovered = page.getByText(/^Recovered your last edits/);
  if (await recovered.count()) await page.getByRole("button", { name: "Dismiss message" }).click();
  await report.evaluate((el) => el.scrollIntoView());
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}report-area.png` });
  await report.getByRole("heading", { name: "Methodology", exact: true }).evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: `${SHOTS}report-area-methodology.png` });

  // The printed report: the sections in order, the family's view beside the agencies'.
  await report.getByRole("link", { name: "Print the review report" }).click();
  const paper = page.getByRole("article", { name: "Learning Together review report" });
  await expect(paper).toBeVisible();
  const headings = await paper.locator("h2").allTextContents();
  expect(headings).toEqual(["Summary", "Terms of reference", "Methodology", "Case summary", "Narrative of multi-agency perspectives", "Acknowledgements"]);
  await expect(paper.getByText("Why the review was held and what it found.")).toBeVisible();
  await expect(paper.getByRole("columnheader", { name: "How the Green family saw it" })).toBeVisible();
  const row = paper.getByRole("row", { name: /Missed health review/ });
  await expect(row.getByRole("cell", { name: "We did not know who to ask" })).toBeVisible();
  await expect(row.getByText("NHS trust:")).toBeVisible();
  await expect(paper.getByText("#family")).toHaveCount(0);
  for (const internal of ["Stages", "Target date", "Recording destroyed", "What is next"]) {
    await expect(paper.getByText(internal, { exact: true })).toHaveCount(0);
  }
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}printed-report.png`, fullPage: true });
  await page.emulateMedia({ media: "print" });
  await page.pdf({ path: `${SHOTS}printed-report.pdf`, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: "screen" });
  net.assertNone();
});
