// A Learning Together systems review as a review team runs it: people by role, two
// one-to-one conversations recorded through all nine parts of the conversation structure,
// a turning point made a key practice episode, factors linked, a finding with two pattern
// types, the report printed; and a practitioner preparing for their conversation on their
// own, exporting the file, and the reviewer adding it to their record.
import { readFile } from "node:fs/promises";
import { test, expect, guardNetwork, expectAccessible, startReview, openApp, tabTo, goToArea, addParticipant } from "./helpers.js";

const SHOTS = new URL("../screenshots/", import.meta.url).pathname;

// Appendix 3: the parts, with how many boxes each has in the reviewer's record.
const PARTS = [
  ["1. Introduction", 3],
  ["2. Overview", 1],
  ["3a. ‘Turning points’ or ‘key practice episodes’", 1],
  ["3b. ‘Mindset’ and ‘local rationality’", 7],
  ["4. Contributory factors", 9],
  ["5. Things that went well", 2],
  ["6. Queries from the overview perspective", 1],
  ["7. Suggested changes", 1],
  ["8. Summing up", 1],
  ["9. Reflections", 2],
];
const CATEGORIES = [
  "Aspects of the family",
  "Aspects of your role",
  "Conditions of work/work environment",
  "Personal aspects",
  "Your own team factors",
  "Inter-agency/inter-professional team factors",
  "Organisational culture and management",
  "Wider political context",
  "Other",
];

/** Writes something under every prompt of every part of the open conversation record. */
async function recordAllParts(page, who) {
  const record = page.getByRole("article", { name: `Record of the conversation with ${who}` });
  for (const [heading, boxes] of PARTS) {
    const part = record.getByRole("region", { name: heading, exact: true });
    await expect(part).toBeVisible();
    const fields = part.locator(".guide-prompt textarea");
    await expect(fields).toHaveCount(boxes);
    for (let i = 0; i < boxes; i++) {
      await fields.nth(i).fill(`${who}: ${heading} (${i + 1})`);
    }
  }
  return record;
}

test("a review team runs a Learning Together review from participants to the printed report", async ({ page }) => {
  const net = guardNetwork(page);
  await startReview(page, "New Learning Together review");
  await page.getByLabel("Review title").fill("Family K systems review");
  await page.getByLabel("Review title").press("Tab");

  // The stages as a task list, each with its tools.
  const stages = page.getByRole("region", { name: "Stages of the review" });
  await expect(stages.getByRole("heading", { level: 3 })).toHaveCount(7);
  await stages.getByLabel("Status of preparation").selectOption("Done");
  await stages.getByLabel("Status of data collection").selectOption("In progress");
  await expect(stages.getByText("1 of 7 stages done.")).toBeVisible();
  await expect(stages.getByRole("link", { name: "Conversation structure (Appendix 3)" })).toBeVisible();

  // The task list leads to the part where each step is done.
  await stages.getByRole("link", { name: "Selecting documentation" }).click();
  await expect(page.getByRole("navigation", { name: "Parts of the review" }).getByRole("link", { name: "Documents" }))
    .toHaveAttribute("aria-current", "page");
  await page.goBack();

  // Case and people, on a screen of its own, marked in the side menu.
  await goToArea(page, "Case and people");
  await expect(page.getByRole("region", { name: "Stages of the review" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Case and people", level: 2 })).toBeFocused();
  await page.getByLabel("Family pseudonym").fill("Family K");
  await page.getByLabel("Review team member’s role").fill("Lead reviewer (independent)");
  await page.getByRole("button", { name: "Add to review team" }).click();
  await addParticipant(page, { role: "Health visitor", second: "NHS trust" });
  await addParticipant(page, { role: "Class teacher", second: "Primary school" });
  await addParticipant(page, { family: true, role: "Mother", second: "Kerry" });
  const people = page.getByRole("region", { name: "Case and people" });
  await expect(people.locator(".participant")).toHaveCount(3);
  await expect(people.locator(".people-list").getByRole("textbox", { name: "Pseudonym", exact: true })).toHaveValue("Kerry");

  // A real-looking name where a role belongs is pointed out, not refused.
  const role = people.locator(".people-list").getByRole("textbox", { name: "Role", exact: true }).first();
  await role.fill("Sarah Jones");
  await expect(people.getByText("“Sarah Jones” looks like a name. Participants are identified by role and agency only.")).toBeVisible();
  await role.fill("Health visitor");
  await expect(people.getByText(/looks like a name/)).toHaveCount(0);

  // Letters drafted from the review's details.
  await goToArea(page, "Letters");
  await page.getByRole("button", { name: "Draft letters from the review’s details" }).click();
  await expect(page.getByLabel("Introductory letter (professionals)")).toHaveValue(/concerning the K family \(not their real name\)/);
  await expect(page.getByLabel("Introductory letter (family members)")).toHaveValue(/^\d+ \w+ \d{4}\n\nDear parent or carer,/);
  await expect(page.getByLabel("Explanation of one-to-one conversations")).toHaveValue(/destroyed/);

  // First conversation: all nine parts, a turning point made a key practice episode,
  // and what was said about inter-agency working recorded as a contributory factor.
  await goToArea(page, "Conversations");
  await page.getByRole("link", { name: "Conversation with Health visitor, NHS trust" }).click();
  await expect(page.getByRole("heading", { name: "Conversation with Health visitor, NHS trust", level: 2 })).toBeFocused();
  await page.getByRole("button", { name: "Start the record of this conversation" }).click();
  let record = await recordAllParts(page, "Health visitor, NHS trust");
  for (const c of CATEGORIES) {
    await expect(record.getByRole("textbox", { name: new RegExp(`^\\d\\. ${c.replace(/[/.*+?^${}()|[\]\\]/g, "\\$&")}$`) })).toBeVisible();
  }
  await record.getByLabel("New turning point", { exact: true }).fill("Decided not to refer after the missed appointments");
  await record.getByLabel("or period of the new turning point").fill("spring 2025");
  await record.getByRole("button", { name: "Add turning point" }).click();
  await record.getByRole("button", { name: /^Mark as key practice episode/ }).click();
  await expect(record.getByText("Key practice episode", { exact: true })).toBeVisible();
  await record.getByRole("textbox", { name: "6. Inter-agency/inter-professional team factors" })
    .fill("No shared record of missed health appointments");
  await record.getByRole("button", { name: "Record as a contributory factor: Inter-agency/inter-professional team factors" }).click();

  // Second conversation: back to the list, then its own screen.
  await page.getByRole("link", { name: "All conversations" }).click();
  await page.getByRole("link", { name: "Conversation with Class teacher, Primary school" }).click();
  await page.getByRole("button", { name: "Start the record of this conversation" }).click();
  record = await recordAllParts(page, "Class teacher, Primary school");

  // The key practice episode: appraised, why it made sense, factors linked.
  await goToArea(page, "Key practice episodes");
  const episodes = page.getByRole("region", { name: "Key practice episodes" });
  const episode = episodes.getByRole("listitem", { name: /^Episode 1: Decided not to refer/ });
  await expect(episode).toBeVisible();
  await expect(episode.getByText("From conversations with: Health visitor, NHS trust")).toBeVisible();
  await episode.getByLabel("Appraisal of the practice").selectOption("Problematic practice");
  await episode.getByLabel("Why it made sense at the time").fill("Caseload pressure; attendance seemed to improve");
  await goToArea(page, "Contributory factors");
  const factors = page.getByRole("region", { name: "Contributory factors" });
  await factors.getByLabel("Category").first().selectOption("Organisational culture and management");
  await factors.getByLabel("New contributory factor").fill("Supervision focused on timescales");
  await factors.getByRole("button", { name: "Add factor" }).click();
  await goToArea(page, "Key practice episodes");
  await episode.getByRole("checkbox", { name: /No shared record of missed health appointments/ }).check();
  await episode.getByRole("checkbox", { name: /Supervision focused on timescales/ }).check();
  await goToArea(page, "Contributory factors");
  await expect(factors.getByRole("region", { name: "Organisational factors" }).getByText("Helps explain: Decided not to refer")).toBeVisible();
  await expect(factors.getByRole("region", { name: "Inter-agency factors" }).getByText(/Helps explain: Decided not to refer/)).toBeVisible();

  // A narrative event with two agencies' views.
  await goToArea(page, "Narrative");
  const narrative = page.getByRole("region", { name: "Narrative of multi-agency perspectives" });
  await narrative.getByLabel("New event: what happened").fill("Second missed health review");
  await narrative.getByLabel("Date of the new event").fill("2025-03-14");
  await narrative.getByRole("button", { name: "Add event" }).click();
  await narrative.getByLabel("How NHS trust saw it").fill("Routine; rebooked");
  await narrative.getByLabel("How Primary school saw it").fill("Not known to school at the time");

  // A finding with two pattern types and its four parts.
  await goToArea(page, "Findings");
  const findings = page.getByRole("region", { name: "Findings" });
  await findings.getByLabel("New finding", { exact: true }).fill("Missed health appointments are not shared across agencies");
  await findings.getByLabel("Pattern type", { exact: true }).selectOption("Human-tool operation");
  await findings.getByRole("button", { name: "Add finding" }).click();
  const finding = findings.getByRole("listitem", { name: /^Finding 1:/ });
  await finding.getByRole("checkbox", { name: "Multi-agency working in assessment and longer-term work" }).check();
  await expect(finding.getByRole("checkbox", { checked: true })).toHaveCount(2);
  await finding.getByLabel("How it showed in this case").fill("Three missed reviews were not known to the school");
  await finding.getByLabel("Evidence that it is wider than this case").fill("Audit of 20 cases found the same");
  await finding.getByLabel("Why it matters").fill("Children who are not brought are at risk");
  await finding.getByLabel("Issues for the board to consider (one per line)").fill("How should missed appointments be shared?");

  // The respectful-language helper suggests, never blocks, and can be dismissed.
  const why = finding.getByLabel("Why it matters");
  await why.fill("The health visitor failed to refer; this was an error.");
  await expect(finding.getByText("“failed to”: consider “did not”, and what made it hard to do.")).toBeVisible();
  await expect(finding.getByText(/“error”: consider “problematic practice”/)).toBeVisible();
  await finding.getByRole("button", { name: "Dismiss suggestion about “error”" }).click();
  await expect(finding.getByText(/“error”: consider/)).toHaveCount(0);
  await expect(why).toHaveValue("The health visitor failed to refer; this was an error.");

  await goToArea(page, "Recommendations");
  await page.getByRole("region", { name: "Recommendations" }).getByLabel("New recommendation").fill("Share missed appointments with schools");
  await page.getByRole("region", { name: "Recommendations" }).getByLabel("It answers").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Add recommendation" }).click();

  await expect(page.getByText("Saved on this device")).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}lt-review.png`, fullPage: false });

  // Everything is still there after a reload, the dismissal included; the reload stays on
  // the screen it was on.
  await page.reload();
  await expect(page.getByRole("region", { name: "Recommendations" }).getByRole("listitem")).toHaveCount(1);
  await goToArea(page, "Case and people");
  await expect(page.getByLabel("Family pseudonym")).toHaveValue("Family K");
  await goToArea(page, "Findings");
  await expect(page.getByRole("region", { name: "Findings" }).getByText(/“failed to”: consider/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Findings" }).getByText(/“error”: consider/)).toHaveCount(0);
  // The browser's Back button goes back to the screen before.
  await page.goBack();
  await expect(page.getByLabel("Family pseudonym")).toHaveValue("Family K");
  await goToArea(page, "Conversations");
  await page.getByRole("link", { name: "Conversation with Class teacher, Primary school" }).click();
  await expect(page.getByRole("textbox", { name: "Have we got your view of the case?" }))
    .toHaveValue("Class teacher, Primary school: 8. Summing up (1)");
  await page.getByRole("region", { name: "3a. ‘Turning points’ or ‘key practice episodes’", exact: true }).evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: `${SHOTS}lt-conversation.png` });
  for (const [area, file] of [["Stages", "lt-stages"], ["Case and people", "lt-people"], ["Key practice episodes", "lt-episodes"],
    ["Contributory factors", "lt-factors"], ["Findings", "lt-findings"], ["Recommendations", "lt-recommendations"]]) {
    await goToArea(page, area);
    await page.screenshot({ path: `${SHOTS}${file}.png` });
  }

  // The printed report.
  await page.getByRole("link", { name: "Print report" }).click();
  const report = page.getByRole("article", { name: "Learning Together review report" });
  await expect(report).toBeVisible();
  await expect(report.getByRole("heading", { name: "Finding 1: Missed health appointments are not shared across agencies" })).toBeVisible();
  await expect(report.getByText("Pattern types: Human-tool operation; Multi-agency working in assessment and longer-term work")).toBeVisible();
  await expect(report.getByRole("cell", { name: /Decided not to refer/ })).toBeVisible();
  await expect(report.getByRole("cell", { name: "Health visitor", exact: true }).first()).toBeVisible();
  await expect(report.getByRole("cell", { name: "Kerry", exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}lt-report.png`, fullPage: false });
  await page.emulateMedia({ media: "print" });
  await page.pdf({ path: `${SHOTS}lt-report.pdf`, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: "screen" });

  // The key practice episodes table, landscape.
  await page.getByRole("link", { name: "Key practice episodes table (landscape)" }).click();
  const table = page.getByRole("table");
  // The same columns as the table in the report and in the Word report.
  await expect(table.getByRole("columnheader")).toHaveText([
    "Episode and when", "Agencies or roles involved", "What happened", "Appraisal of the practice",
    "Why it made sense at the time", "Contributory factors", "Source conversations",
  ]);
  await expect(table.getByRole("cell", { name: "Problematic practice" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ path: `${SHOTS}lt-episodes.pdf`, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: "screen" });
  const box = pdf.toString("latin1").match(/\/MediaBox\s*\[\s*[\d.]+\s+[\d.]+\s+([\d.]+)\s+([\d.]+)/);
  expect(Number(box[1])).toBeGreaterThan(Number(box[2]));
  net.assertNone();
});

test("a practitioner prepares on their own, exports the file, and the reviewer adds it without losing anything", async ({ page }) => {
  // The practitioner's preparation shows nothing of any review team's work.
  await startReview(page, "Prepare for a conversation");
  await expect(page.getByRole("heading", { name: "Preparing for your conversation" })).toBeVisible();
  await expect(page.getByText("Participants")).toHaveCount(0);
  await page.getByLabel("Your role", { exact: true }).fill("Health visitor");
  await page.getByLabel("Your agency", { exact: true }).fill("NHS trust");
  // Only the parts there is something to prepare for.
  await expect(page.getByRole("region", { name: "1. Introduction" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "8. Summing up" })).toHaveCount(0);
  await page.getByRole("textbox", { name: "a brief description of what happened in this case and the part you played" })
    .fill("I visited four times between January and May.");
  await page.getByRole("textbox", { name: "3. Conditions of work/work environment" }).fill("Two vacancies in the team");
  await page.getByLabel("A crucial moment").fill("The second missed review in March");
  await page.getByRole("button", { name: "Add moment" }).click();
  await expect(page.getByText("The second missed review in March", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}lt-preparation.png`, fullPage: false });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export file" }).click(),
  ]);
  const file = await download.path();
  const saved = JSON.parse(await readFile(file, "utf8"));
  expect(saved.reviews).toHaveLength(1);
  expect(saved.reviews[0].body.preparation.role).toBe("Health visitor");

  // The reviewer's record of the same conversation already has their own notes.
  await openApp(page);
  await page.getByRole("button", { name: "New Learning Together review" }).click();
  await goToArea(page, "Case and people");
  await addParticipant(page, { role: "Health visitor", second: "NHS trust" });
  await goToArea(page, "Conversations");
  await page.getByRole("link", { name: "Conversation with Health visitor, NHS trust" }).click();
  await page.getByRole("button", { name: "Start the record of this conversation" }).click();
  const overview = page.getByRole("textbox", { name: "a brief description of what happened in this case and the part you played" });
  await overview.fill("Reviewer: she described regular visits.");
  await page.getByLabel("Practitioner’s preparation file").setInputFiles(file);
  await expect(page.getByText(/^Added the preparation of Health visitor, NHS trust, file of \d+ \w+ \d{4}: 2 notes and 1 turning point\./)).toBeVisible();
  await expect(overview).toHaveValue(/^Reviewer: she described regular visits\.\n\nFrom the preparation of Health visitor, NHS trust, file of \d+ \w+ \d{4}:\nI visited four times/);
  await expect(page.getByRole("textbox", { name: "3. Conditions of work/work environment" })).toHaveValue(/Two vacancies in the team/);
  await expect(page.getByText("The second missed review in March", { exact: true })).toBeVisible();
  await expect(page.getByText(/^From the preparation of Health visitor, NHS trust, file of/)).toBeVisible();

  // Adding the same file again adds nothing.
  await page.getByLabel("Practitioner’s preparation file").setInputFiles(file);
  await expect(page.getByText(/^Nothing new to add: everything in this preparation is already in the record/)).toBeVisible();

  // A review file that is not a preparation is refused with a reason.
  await page.getByLabel("Practitioner’s preparation file").setInputFiles({
    name: "not-a-preparation.json", mimeType: "application/json", buffer: Buffer.from("{\"hello\": 1}"),
  });
  await expect(page.getByText(/“not-a-preparation.json” could not be added/)).toBeVisible();
});

test("people, stages and suggestions work with the keyboard alone", async ({ page }) => {
  await startReview(page, "New Learning Together review");
  // The side menu by keyboard: Enter on a part opens its screen.
  await tabTo(page, page.getByRole("navigation", { name: "Parts of the review" }).getByRole("link", { name: "Case and people" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Case and people", level: 2 })).toBeFocused();
  const form = page.locator("form.add-participant");
  const role = form.getByLabel("Role", { exact: true });
  await tabTo(page, role);
  await page.keyboard.type("School nurse");
  await page.keyboard.press("Tab");
  await page.keyboard.type("School health service");
  await page.keyboard.press("Enter");
  await expect(page.locator(".people-list").getByRole("textbox", { name: "Agency", exact: true })).toHaveValue("School health service");
  // Ready for the next participant straight away.
  await expect(role).toBeFocused();
  await expect(role).toHaveValue("");
  // A blank role is explained, not silently ignored.
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "Write the participant’s role" })).toBeVisible();

  // A stage's status, by keyboard.
  await goToArea(page, "Stages");
  const status = page.getByLabel("Status of preparing participants");
  await tabTo(page, status);
  await page.keyboard.press("ArrowDown");
  await expect(status).toHaveValue("In progress");
  await expect(page.getByText("0 of 7 stages done.")).toBeVisible();

  // A suggestion is dismissed from the keyboard.
  await goToArea(page, "Case and people");
  const scope = page.getByLabel("What this review is for");
  await tabTo(page, scope);
  await page.keyboard.type("To learn, not to find who is to blame.");
  const dismiss = page.getByRole("button", { name: "Dismiss suggestion about “blame”" });
  await tabTo(page, dismiss);
  await page.keyboard.press("Enter");
  await expect(dismiss).toHaveCount(0);
  await expect(scope).toHaveValue("To learn, not to find who is to blame.");
});
