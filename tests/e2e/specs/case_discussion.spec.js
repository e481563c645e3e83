// A whole case discussion, run as a facilitator would: once by keyboard only and once with
// the mouse. Every section is filled in, worries are captured from the tree section, two
// SMART actions are added (one left incomplete, which is flagged, not blocked), the action
// log is exported as CSV, both print views are produced, and a reload keeps everything.
import { readFile } from "node:fs/promises";
import { test, expect, expectAccessible, openApp, tabTo } from "./helpers.js";

function facilitator(page, mode) {
  const keyboard = mode === "keyboard";
  return {
    async type(target, text) {
      if (keyboard) {
        await tabTo(page, target);
        await page.keyboard.press("Control+A");
        await page.keyboard.type(text);
      } else {
        await target.click();
        await target.fill(text);
      }
    },
    async date(target, day, month, year) {
      if (keyboard) {
        await tabTo(page, target);
        // Debian's Chromium ships only its en-US language pack, so date fields here take
        // month/day/year; a UK browser shows day/month/year.
        await page.keyboard.type(`${month}${day}${year}`);
        await page.keyboard.press("Tab");
      } else {
        await target.fill(`${year}-${month}-${day}`);
      }
    },
    async press(target) {
      if (keyboard) {
        await tabTo(page, target);
        await page.keyboard.press("Enter");
      } else {
        await target.click();
      }
    },
    async check(target) {
      if (keyboard) {
        await tabTo(page, target);
        await page.keyboard.press("Space");
      } else {
        await target.check();
      }
    },
  };
}

for (const mode of ["keyboard", "mouse"]) {
  test(`a whole case discussion, ${mode === "keyboard" ? "keyboard only" : "with the mouse"}`, async ({ page }) => {
    test.setTimeout(180_000);
    const f = facilitator(page, mode);
    await openApp(page);
    await f.press(page.getByRole("button", { name: "New case discussion" }));
    await expect(page.getByLabel("Review title")).toBeVisible();

    // The notes' heading and who is in the room.
    await f.type(page.getByLabel("Review title"), `Child J (${mode})`);
    await f.type(page.getByLabel("Child's name or pseudonym"), "Child J");
    await f.date(page.getByLabel("Date of referral"), "02", "11", "2026");
    await f.date(page.getByLabel("Date of case discussion"), "12", "11", "2026");
    await f.type(page.getByLabel("Facilitator", { exact: true }), "Independent reviewer");
    await f.type(page.getByLabel("Focal question for this discussion"), "Why were J's missed appointments not followed up?");
    await f.type(page.getByLabel("New attendee's name"), "Siân Roberts");
    await f.type(page.getByLabel("Role", { exact: true }), "Health visitor");
    await f.type(page.getByLabel("Agency", { exact: true }), "NHS community trust");
    await f.press(page.getByRole("button", { name: "Add attendee" }));
    await expect(page.getByLabel("Role of attendee 1")).toHaveValue("Health visitor");
    await f.type(page.getByLabel("Agency attendee 1 also speaks for"), "GP practice");
    await expect(page.getByRole("group", { name: "Who is missing" })).toContainText("Represented: Health (Health visitor, Health visitor (wearing two hats)).");

    // 1. The facts.
    await f.type(page.getByLabel("Document available (e.g. referral form, chronology)"), "Referral form");
    await f.type(page.getByLabel("Source or agency", { exact: true }), "Children's services front door");
    await f.press(page.getByRole("button", { name: "Add document" }));
    await expect(page.getByLabel("Document 1", { exact: true })).toHaveValue("Referral form");

    // 2. About the child.
    await f.type(page.getByLabel("About the child and their lived experiences", { exact: true }), "J is 7, lives with mum and baby sister; loves football.");

    // 3. Immediate thoughts, fact and feeling.
    await f.type(page.getByPlaceholder("Add a thought, then mark it as fact or feeling"), "Three health appointments were missed");
    await f.press(page.getByRole("button", { name: "Add as fact" }));
    await f.type(page.getByPlaceholder("Add a thought, then mark it as fact or feeling"), "The family felt judged");
    await f.press(page.getByRole("button", { name: "Add as feeling" }));
    await expect(page.getByRole("group", { name: "Is thought 1 a fact or a feeling?" }).getByLabel("Fact")).toBeChecked();
    await expect(page.getByRole("group", { name: "Is thought 2 a fact or a feeling?" }).getByLabel("Feeling")).toBeChecked();

    // 4. The analysis tree, in its list view (the board has its own spec).
    await f.press(page.getByRole("button", { name: "List", exact: true }));
    await f.type(page.getByLabel("Focal point: the presenting issue"), "Nobody noticed I was missing my check-ups");
    await f.type(page.getByPlaceholder("Add an effect and press Enter"), "Health needs not met");
    await f.press(page.getByRole("button", { name: "Add an effect" }));
    await f.type(page.getByPlaceholder("Add a cause and press Enter"), "Appointment letters went to an old address");
    await f.press(page.getByRole("button", { name: "Add a cause" }));
    await f.press(page.getByRole("button", { name: "Add deeper cause under Cause 1" }));
    await f.type(page.getByLabel("Cause 1.1", { exact: true }), "House move not shared between agencies");
    await expect(page.getByLabel("Effect 1", { exact: true })).toHaveValue("Health needs not met");

    // Worries and what worked well, captured without leaving the tree section.
    await f.type(page.getByLabel("Cause 1.1", { exact: true }), "House move not shared between agencies");
    await page.keyboard.press("Alt+W");
    await expect(page.getByLabel("Capture", { exact: true })).toBeFocused();
    await page.keyboard.type("No one checked why J stopped attending");
    await page.keyboard.press("Enter");
    await expect(page.getByText("Added to worries: No one checked why J stopped attending")).toBeVisible();
    await page.keyboard.type("Health visitor kept trying to make contact");
    await page.keyboard.press("Alt+G");
    await page.keyboard.type("GP records for the last year");
    await page.keyboard.press("Alt+M");
    await page.keyboard.type("Housing officer");
    await page.keyboard.press("Alt+I");
    await expect(page.getByLabel("Worry 1", { exact: true })).toHaveValue("No one checked why J stopped attending");

    // 5. and 6. directly in their sections too.
    await f.type(page.getByPlaceholder("Add a worry and press Enter"), "Baby sister may be affected too");
    await page.getByPlaceholder("Add a worry and press Enter").press("Enter");
    await expect(page.getByLabel("Worry 2", { exact: true })).toHaveValue("Baby sister may be affected too");
    await expect(page.getByLabel("Thing that worked well 1", { exact: true })).toHaveValue("Health visitor kept trying to make contact");

    // 7. Missing information.
    await expect(page.getByLabel("Missing information 1", { exact: true })).toHaveValue("GP records for the last year");
    await f.type(page.getByLabel("Who will find out missing information 1"), "Named GP");
    await f.date(page.getByLabel("By when for missing information 1"), "19", "11", "2026");
    await expect(page.getByLabel("Person to involve 1", { exact: true })).toHaveValue("Housing officer");

    // 8. Two SMART actions: one complete, one flagged as incomplete.
    await f.press(page.getByRole("button", { name: "Add action" }));
    await f.type(page.getByLabel("What is the action?").first(), "Single-agency action plan on address changes");
    await f.type(page.getByLabel("Who by (role or agency)").first(), "Health visiting team lead");
    await f.press(page.getByRole("button", { name: "Set due date for action 1" }));
    await expect(page.getByText("Due 26 November 2026 (10 working days after the discussion).")).toBeVisible();
    await f.type(page.getByLabel("How will we know it is done?").first(), "Plan received by the partnership");
    await f.type(page.getByLabel("What difference will it make for the child?").first(), "J's appointments follow him when he moves");
    await f.press(page.getByRole("button", { name: "Add action" }));
    await f.type(page.getByLabel("What is the action?").nth(1), "Share learning at the next practice forum");
    const second = page.getByRole("group", { name: "Action 2" });
    await expect(second.getByText("SMART check: who by, due date, how we will know, difference for the child not written yet")).toBeVisible();
    await expect(page.getByRole("group", { name: "Action 1" }).getByText(/Incomplete/)).toHaveCount(0);
    await f.type(page.getByLabel("Is the room happy with the outcome? Record the agreement reached"), "The room agreed the actions.");
    await f.type(page.getByLabel("Different views, noted sensitively"), "School would like a further meeting.");
    await expect(page.getByText("Saved on this device")).toBeVisible();

    // The action log as CSV.
    const download = page.waitForEvent("download");
    await f.press(page.getByRole("button", { name: "Export action log (CSV)" }));
    const csvFile = await download;
    expect(csvFile.suggestedFilename()).toMatch(/action-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await csvFile.path(), "utf8");
    expect(csv.startsWith("\ufeff")).toBe(true);
    expect(csv).toMatch(/\d,Single-agency action plan on address changes,,Health visiting team lead,2026-11-26,/);
    expect(csv).toContain("Share learning at the next practice forum");
    expect(csv).toContain("Missing: who by, due date");
    await expectAccessible(page);

    // Everything is still there after a reload.
    await page.reload();
    await expect(page.getByRole("treeitem", { name: "Cause: House move not shared between agencies" })).toHaveAttribute("aria-level", "3");
    await expect(page.getByLabel("Date of case discussion")).toHaveValue("2026-11-12");
    await expect(page.getByLabel("Worry 2", { exact: true })).toHaveValue("Baby sister may be affected too");
    await expect(page.getByLabel("Who by (role or agency)").first()).toHaveValue("Health visiting team lead");

    // Both print views.
    await f.press(page.getByRole("link", { name: "Print notes" }));
    await expect(page.getByRole("heading", { name: /Case Discussion Notes/ }).first()).toBeVisible();
    await page.emulateMedia({ media: "print" });
    const notes = await page.pdf({ preferCSSPageSize: true });
    expect(notes.length).toBeGreaterThan(1000);
    await page.emulateMedia({ media: "screen" });
    await page.goBack();
    await f.press(page.getByRole("link", { name: "Print tool sheet" }));
    await page.emulateMedia({ media: "print" });
    const sheet = await page.pdf({ preferCSSPageSize: true });
    expect(sheet.length).toBeGreaterThan(1000);
  });
}
