// A Learning Together review run over weeks with a realistic case: four professionals and
// two family members, three conversations (one with the practitioner's preparation added),
// four key practice episodes, seven factors, findings and recommendations. It checks what
// a review team meets on the way: a preparation that is not the participant's is questioned,
// an updated one brings in only what changed, the same answer recorded twice makes one
// factor, innocent sentences give no hint, letters read right with the pseudonym typed as
// "the Green family", the anonymised copy starts with what the hints found, and a "before
// you share" check comes before the Word report. Screenshots of every area at 1366x768.
import { writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, expect, guardNetwork, expectAccessible, startReview, goToArea, addParticipant } from "./helpers.js";

const SHOTS = new URL("../screenshots/lt/", import.meta.url).pathname;

/** A practitioner's preparation file, as the app exports it. */
async function preparationFile(name, { role, agency, updated, notes, factors = {}, moments = [] }) {
  const parts = {};
  // Each part's first prompt, as the preparation screen writes it.
  for (const [part, text] of Object.entries(notes)) parts[part] = { notes: "", answers: { 1: text } };
  const file = {
    format: "case-review-studio", version: 2, exported_at: `${updated}T17:00:00Z`,
    reviews: [{
      id: "7d1c3f00-0000-4000-8000-0000000000" + String(name.length).padStart(2, "0"),
      title: "Preparing for my conversation", created: "2026-11-20T09:00:00Z", updated: `${updated}T16:00:00Z`,
      body: { preparation: { role, agency, notes: { parts, factors },
        turning_points: moments.map((text) => ({ text, date_or_period: { date: null, period: "" } })) } },
    }],
  };
  const dir = join(tmpdir(), "lt-weeks");
  await mkdir(dir, { recursive: true });
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(file));
  return path;
}

async function shot(page, area, file) {
  await goToArea(page, area);
  await page.screenshot({ path: `${SHOTS}${file}.png` });
}

test("a review over weeks: preparations with their source, one factor per answer, fewer false hints, letters, anonymised copy and a check before sharing", async ({ page }) => {
  test.setTimeout(240_000);
  const net = guardNetwork(page);
  await mkdir(SHOTS, { recursive: true });
  await startReview(page, "New Learning Together review");
  await page.getByLabel("Review title").fill("The Green family systems review");
  await goToArea(page, "Case and people");
  await page.getByLabel("Family pseudonym").fill("the Green family");
  await page.getByLabel("What this review is for").fill(
    "To understand how agencies worked together when the family moved to Leeds and the boiler failed to work all winter.");
  await page.getByLabel("Review team member’s role").fill("Lead reviewer (independent)");
  await page.getByRole("button", { name: "Add to review team" }).click();
  await addParticipant(page, { role: "Health visitor", second: "NHS trust" });
  await addParticipant(page, { role: "Class teacher", second: "Primary school" });
  await addParticipant(page, { role: "Social worker", second: "Children’s social care" });
  await addParticipant(page, { role: "Independent Reviewing Officer", second: "Children’s social care" });
  await addParticipant(page, { family: true, role: "Mother", second: "Kerry" });
  await addParticipant(page, { family: true, role: "Child", second: "Kai" });
  const people = page.getByRole("region", { name: "Case and people" });
  await expect(people.locator(".participant")).toHaveCount(6);
  // A role name is not a person's name; the place is pointed out; the boiler is not judged.
  await expect(people.getByText(/Independent Reviewing Officer” looks like a name/)).toHaveCount(0);
  await expect(people.getByText("“Leeds” is a place name. The public report does not mention where the case happened.")).toBeVisible();
  await expect(people.getByText(/“failed to”: consider/)).toHaveCount(0);

  // Letters: the pseudonym reads once, with date, contact and signature, and a family version.
  await goToArea(page, "Letters");
  await page.getByLabel("How to reach the review team (telephone, e-mail)").fill("Safeguarding partnership office, 0113 000 0000");
  await page.getByRole("button", { name: "Draft letters from the review’s details" }).click();
  const intro = page.getByLabel("Introductory letter (professionals)");
  await expect(intro).toHaveValue(/concerning the Green family \(not their real name\)/);
  await expect(intro).toHaveValue(/Contact: Safeguarding partnership office, 0113 000 0000\n\nYours sincerely,\n\n\nLead reviewer \(independent\)\nOn behalf of the review team/);
  for (const label of ["Introductory letter (professionals)", "Introductory letter (family members)", "Explanation of one-to-one conversations"]) {
    const text = await page.getByLabel(label).inputValue();
    expect(text, label).not.toMatch(/the the|family family/i);
    expect(text, label).toMatch(/^\d{1,2} \w+ \d{4}\n/);
  }
  await expect(page.getByLabel("Explanation of one-to-one conversations")).toHaveValue(/is not about criticising or blaming anyone\./);
  await expect(page.getByLabel("Introductory letter (family members)")).toHaveValue(/your family will be called the Green family/);
  await expect(page.getByRole("region", { name: "Letters to participants" }).getByText(/“blaming”: consider/)).toHaveCount(0);

  // The class teacher's file offered for the health visitor's conversation is questioned.
  await goToArea(page, "Conversations");
  await page.getByRole("link", { name: "Conversation with Health visitor, NHS trust" }).click();
  await page.getByRole("button", { name: "Start the record of this conversation" }).click();
  let record = page.getByRole("article", { name: "Record of the conversation with Health visitor, NHS trust" });
  const teacherFile = await preparationFile("teacher.json", {
    role: "Class teacher", agency: "Primary school", updated: "2026-11-30",
    notes: { overview: "Kai was often late in the spring term." },
  });
  await record.getByLabel("Practitioner’s preparation file").setInputFiles(teacherFile);
  const question = page.getByRole("dialog", { name: "Is this the right preparation?" });
  await expect(question.getByText("This preparation is by Class teacher, Primary school, but the conversation is with Health visitor, NHS trust. Add it to this conversation anyway?")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}preparation-questioned.png` });
  await question.getByRole("button", { name: "Don’t add it" }).click();
  const overview = record.getByRole("textbox", { name: "a brief description of what happened in this case and the part you played" });
  await expect(overview).toHaveValue("");

  // The health visitor's own file keeps its source; the updated one brings only what changed.
  const hvFirst = await preparationFile("hv-1.json", {
    role: "Health visitor", agency: "NHS trust", updated: "2026-12-02",
    notes: { overview: "I was the named health visitor from birth. I visited four times." },
    factors: { conditions_of_work: "I covered two caseloads." },
    moments: ["The missed 8-week check"],
  });
  await record.getByLabel("Practitioner’s preparation file").setInputFiles(hvFirst);
  await expect(page.getByText("Added the preparation of Health visitor, NHS trust, file of 2 Dec 2026: 2 notes and 1 turning point. Nothing already written was changed.")).toBeVisible();
  await expect(overview).toHaveValue("From the preparation of Health visitor, NHS trust, file of 2 Dec 2026:\nI was the named health visitor from birth. I visited four times.");
  await expect(record.getByText("From the preparation of Health visitor, NHS trust, file of 2 Dec 2026", { exact: true })).toBeVisible();
  const hvSecond = await preparationFile("hv-2.json", {
    role: "Health visitor", agency: "NHS trust", updated: "2026-12-09",
    notes: { overview: "I was the named health visitor from birth. I visited four times. The family moved in March." },
    factors: { conditions_of_work: "I covered two caseloads." },
    moments: ["The missed 8-week check"],
  });
  await record.getByLabel("Practitioner’s preparation file").setInputFiles(hvSecond);
  await expect(page.getByText(/^Added the preparation of Health visitor, NHS trust, file of 9 Dec 2026: 1 note and 0 turning points\./)).toBeVisible();
  await expect(overview).toHaveValue(/file of 9 Dec 2026:\nThe family moved in March\.$/);
  expect((await overview.inputValue()).match(/named health visitor/g)).toHaveLength(1);

  // The same answer recorded twice makes one factor, kept with its conversation.
  const work = record.getByRole("textbox", { name: "3. Conditions of work/work environment" });
  await expect(work).toHaveValue(/I covered two caseloads\./);
  await record.getByRole("button", { name: "Record as a contributory factor: Conditions of work/work environment" }).click();
  await expect(record.getByText("Recorded as a contributory factor", { exact: true })).toBeVisible();
  await expect(record.getByRole("button", { name: "Record as a contributory factor: Conditions of work/work environment" })).toHaveCount(0);
  await record.getByRole("button", { name: /^Mark as key practice episode: The missed 8-week check/ }).click();
  await expect(page.getByText("Added as a candidate key practice episode, not yet appraised.")).toBeVisible();
  await record.getByLabel("New turning point", { exact: true }).fill("Closing the health visiting case after the move");
  await record.getByRole("button", { name: "Add turning point" }).click();
  await record.getByRole("button", { name: /^Mark as key practice episode: Closing the health visiting case/ }).click();

  // Two more conversations; the social worker repeats the same factor in the same words.
  await page.getByRole("link", { name: "All conversations" }).click();
  await page.getByRole("link", { name: "Conversation with Social worker, Children’s social care" }).click();
  await page.getByRole("button", { name: "Start the record of this conversation" }).click();
  record = page.getByRole("article", { name: "Record of the conversation with Social worker, Children’s social care" });
  await record.getByRole("textbox", { name: "a brief description of what happened in this case and the part you played" })
    .fill("Allocated after the transfer from the previous area; there were errors in her Universal Credit letter that worried the family.");
  await record.getByRole("textbox", { name: "5. Your own team factors" }).fill("I covered two caseloads");
  await record.getByRole("button", { name: "Record as a contributory factor: Your own team factors" }).click();
  await expect(page.getByText(/^Already a contributory factor in these words: no second copy was made/)).toBeVisible();
  await record.getByRole("textbox", { name: "6. Inter-agency/inter-professional team factors" }).fill("No shared chronology between the two areas");
  await record.getByRole("button", { name: "Record as a contributory factor: Inter-agency/inter-professional team factors" }).click();
  await expect(page.getByText(/“errors”: consider/)).toHaveCount(0);
  await record.getByLabel("New turning point", { exact: true }).fill("Strategy discussion after the transfer");
  await record.getByRole("button", { name: "Add turning point" }).click();
  await record.getByRole("button", { name: /^Mark as key practice episode: Strategy discussion/ }).click();
  await page.getByRole("link", { name: "All conversations" }).click();
  await page.getByRole("link", { name: "Conversation with Mother (Kerry)" }).click();
  await page.getByRole("button", { name: "Start the record of this conversation" }).click();
  record = page.getByRole("article", { name: "Record of the conversation with Mother (Kerry)" });
  await record.getByRole("textbox", { name: "a brief description of what happened in this case and the part you played" })
    .fill("Kerry said the rules say a worker should have no more than 400 families, so nobody had time for them. Mrs Patel at the housing office was kind.");
  await expect(page.getByText(/“should have”: consider/)).toHaveCount(0);
  await expect(record.getByText("“Mrs Patel” looks like a real name or place. Use the pseudonym or the person’s role, unless it is an agency.")).toBeVisible();
  await record.getByLabel("New turning point", { exact: true }).fill("The eviction notice in January");
  await record.getByRole("button", { name: "Add turning point" }).click();
  await record.getByRole("button", { name: /^Mark as key practice episode: The eviction notice/ }).click();

  // Four episodes; seven factors in all.
  await goToArea(page, "Key practice episodes");
  const episodes = page.getByRole("region", { name: "Key practice episodes" });
  await expect(episodes.getByRole("listitem", { name: /^Episode \d:/ })).toHaveCount(4);
  await goToArea(page, "Contributory factors");
  const factors = page.getByRole("region", { name: "Contributory factors" });
  for (const [category, text] of [
    ["Organisational culture and management", "Supervision focused on timescales"],
    ["Wider political context", "Housing shortage after the council’s budget cuts"],
    ["Aspects of the family", "Kerry was frightened of losing the flat"],
    ["Your own team factors", "New team manager and three agency staff"],
    ["Personal aspects", "First year in post after qualifying"],
  ]) {
    await factors.getByLabel("Category").first().selectOption(category);
    await factors.getByLabel("New contributory factor").fill(text);
    await factors.getByRole("button", { name: "Add factor" }).click();
  }
  await expect(factors.locator(".factor-item")).toHaveCount(7);
  await expect(factors.getByText("From the conversation with Health visitor, NHS trust; Social worker, Children’s social care")).toBeVisible();

  // A finding and a recommendation that can be edited, with hints.
  await goToArea(page, "Findings");
  const findings = page.getByRole("region", { name: "Findings" });
  await findings.getByLabel("New finding", { exact: true }).fill("Health history is lost when families move between areas");
  await findings.getByLabel("Pattern type", { exact: true }).selectOption("Human-tool operation");
  await findings.getByRole("button", { name: "Add finding" }).click();
  await goToArea(page, "Recommendations");
  const recs = page.getByRole("region", { name: "Recommendations" });
  await recs.getByLabel("New recommendation").fill("Share health chronologies on transfer");
  await recs.getByRole("button", { name: "Add recommendation" }).click();
  const rec = recs.getByRole("textbox", { name: "Recommendation", exact: true });
  await rec.fill("Share health chronologies on transfer; the team failed to do this in Leeds");
  await rec.press("Tab");
  await expect(recs.getByText("“failed to”: consider “did not”, and what made it hard to do.")).toBeVisible();
  await expect(recs.getByText(/“Leeds” is a place name/)).toBeVisible();
  await recs.getByLabel("It answers").first().selectOption({ index: 1 });
  await expect(page.getByText("Saved on this device")).toBeVisible();
  await expectAccessible(page);

  for (const [area, file] of [["Stages", "stages"], ["Case and people", "people"],
    ["Letters", "letters"], ["Conversations", "conversations"],
    ["Narrative", "narrative"], ["Key practice episodes", "episodes"],
    ["Contributory factors", "factors"], ["Findings", "findings"], ["Recommendations", "recommendations"],
    ["Report", "report-area"]]) {
    await shot(page, area, file);
  }

  // The anonymised copy starts with what the hints found.
  await page.getByRole("button", { name: "Anonymised copy" }).click();
  const dialog = page.getByRole("dialog", { name: "Anonymised copy for publication" });
  const terms = await dialog.getByRole("textbox", { name: /^Name or place \d+$/ }).evaluateAll((els) => els.map((e) => e.value));
  expect(terms).toContain("Leeds");
  expect(terms).toContain("Patel");
  expect(terms).not.toContain("Kerry");
  expect(terms).not.toContain("Independent Reviewing Officer");
  await page.screenshot({ path: `${SHOTS}anonymised-copy.png` });
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // Before the Word report leaves the app, the open suggestions are listed.
  await page.getByRole("button", { name: "Report in Word" }).click();
  const check = page.getByRole("dialog", { name: "Before you share" });
  await expect(check.getByText(/suggestions are still open in this review:/)).toBeVisible();
  await expect(check.getByText(/“Leeds” is a place name/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}before-you-share.png` });
  await check.getByRole("button", { name: "Go back and check" }).click();
  await expect(check).toHaveCount(0);

  // The printed report lists them too, above the paper.
  await page.getByRole("link", { name: "Print report" }).click();
  await expect(page.getByRole("complementary", { name: "Before you share" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}report.png` });
  net.assertNone();
});

test("notices fade by themselves and a long unbroken string wraps in print", async ({ page }) => {
  await startReview(page, "New Learning Together review");
  await goToArea(page, "Case and people");
  await addParticipant(page, { role: "Health visitor", second: "NHS trust" });
  await goToArea(page, "Conversations");
  await page.getByRole("link", { name: "Conversation with Health visitor, NHS trust" }).click();
  await page.getByRole("button", { name: "Start the record of this conversation" }).click();
  const record = page.getByRole("article", { name: "Record of the conversation with Health visitor, NHS trust" });
  await record.getByLabel("New turning point", { exact: true }).fill("Weight check");
  await record.getByRole("button", { name: "Add turning point" }).click();
  await record.getByRole("button", { name: /^Mark as key practice episode: Weight check/ }).click();
  const notice = page.getByText("Added as a candidate key practice episode, not yet appraised.");
  await expect(notice).toBeVisible();
  await expect(notice).toHaveCount(0, { timeout: 10_000 });

  const long = "https://example.org/records/" + "ref0123456789".repeat(20);
  await goToArea(page, "Case and people");
  await page.getByLabel("What this review is for").fill(long);
  await expect(page.getByText("Saved on this device")).toBeVisible();
  await page.getByRole("link", { name: "Print report" }).click();
  const paper = page.getByRole("article", { name: "Learning Together review report" });
  await expect(paper.getByText(long)).toBeVisible();
  const overflow = await paper.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
});
