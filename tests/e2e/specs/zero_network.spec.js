// Zero network: every feature of the app, used once as a person would, in both editions
// (the hosted build with its offline copy, and the single file opened from disk), while
// every request from the page and its service worker is recorded. Nothing may leave the
// page, every request must be for one of the app's own files, and the
// Content-Security-Policy must never have had to refuse anything.
//
// The tour is a list of named steps, one per feature: a new feature gets a new step (the
// app's other specs check each feature in depth; this one checks they stay local).
import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { test, expect, guardNetwork, goToArea } from "./helpers.js";

const DIST = fileURLToPath(new URL("../../../dist/", import.meta.url));
const SINGLE_FILE_URL = pathToFileURL(`${DIST}case-review-studio.html`).href;

const item = (page, name) => page.getByRole("treeitem", { name, exact: true });

/** The two editions: how to open a screen, and which addresses are the app's own files. */
function editions(baseURL) {
  return [
    {
      name: "hosted build",
      url: (hash) => new URL(hash, baseURL).href,
      own: new Set([baseURL, ...readdirSync(DIST).map((f) => new URL(f, baseURL).href)]),
    },
    {
      name: "single file from disk",
      url: (hash) => SINGLE_FILE_URL + hash,
      own: new Set([SINGLE_FILE_URL]),
    },
  ];
}

/** Every request of the page's context, page and service worker alike. */
function recordRequests(context) {
  const urls = [];
  context.on("request", (r) => urls.push(r.url()));
  return urls;
}

/** Content-Security-Policy refusals the browser reports on the console. */
function recordPolicyRefusals(page) {
  const refusals = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) refusals.push(m.text());
  });
  return refusals;
}

async function download(page, click) {
  const file = page.waitForEvent("download");
  await click();
  const d = await file;
  return { name: d.suggestedFilename(), bytes: await readFile(await d.path()) };
}

async function saved(page) {
  await expect(page.getByText("Saved on this device")).toBeVisible();
}

const caseDiscussionSteps = {
  async "the notes' heading and attendees"(page) {
    await page.getByLabel("Review title").fill("Zero network discussion");
    await page.getByLabel("Review title").press("Tab");
    await page.getByLabel("Child's name or pseudonym").fill("Child J");
    await page.getByLabel("Date of referral").fill("2026-11-02");
    await page.getByLabel("Date of case discussion").fill("2026-11-12");
    await page.getByLabel("Facilitator", { exact: true }).fill("Independent reviewer");
    await page.getByLabel("Focal question for this discussion").fill("Why were appointments missed?");
    await page.getByLabel("New attendee's name").fill("Siân Roberts");
    await page.getByLabel("Role", { exact: true }).fill("Health visitor");
    await page.getByLabel("Agency", { exact: true }).fill("NHS community trust");
    await page.getByRole("button", { name: "Add attendee" }).click();
    await page.getByLabel("Agency attendee 1 also speaks for").fill("GP practice");
    // Both are health agencies: one person there, the second by "wearing two hats".
    await expect(page.getByText("Represented: Health (Health visitor, Health visitor (wearing two hats)).")).toBeVisible();
  },
  async "1-3: facts, the child, immediate thoughts"(page) {
    await page.getByLabel("Document available (e.g. referral form, chronology)").fill("Referral form");
    await page.getByLabel("Source or agency", { exact: true }).fill("Front door");
    await page.getByRole("button", { name: "Add document" }).click();
    await page.getByLabel("About the child and their lived experiences", { exact: true }).fill("J is 7 and loves football.");
    const thought = page.getByPlaceholder("Add a thought, then mark it as fact or feeling");
    await thought.fill("Three appointments were missed");
    await page.getByRole("button", { name: "Add as fact" }).click();
    await thought.fill("The family felt judged");
    await page.getByRole("button", { name: "Add as feeling" }).click();
    await expect(page.getByLabel("Thought 2", { exact: true })).toHaveValue("The family felt judged");
  },
  async "4: the tree board: add, move, undo, redo"(page) {
    for (const name of ["A", "B"]) {
      await item(page, "Focal point: Focal point (tap, then Edit)").click();
      await page.getByRole("button", { name: "Add cause", exact: true }).click();
      await page.keyboard.type(name);
      await page.keyboard.press("Enter");
      await expect(item(page, `Cause: ${name}`)).toBeVisible();
    }
    await item(page, "Cause: B").click();
    await page.getByRole("button", { name: "Move", exact: true }).click();
    await item(page, "Cause: A").click();
    await expect(item(page, "Cause: B")).toHaveAttribute("aria-level", "3");
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(item(page, "Cause: B")).toHaveAttribute("aria-level", "2");
    await page.getByRole("button", { name: "Redo" }).click();
    await expect(item(page, "Cause: B")).toHaveAttribute("aria-level", "3");
  },
  async "4: the tree list view"(page) {
    await page.getByRole("button", { name: "List", exact: true }).click();
    await page.getByLabel("Focal point: the presenting issue").fill("Nobody noticed I was missing my check-ups");
    await page.getByPlaceholder("Add an effect and press Enter").fill("Health needs not met");
    await page.getByRole("button", { name: "Add an effect" }).click();
    await page.getByRole("button", { name: "Add deeper cause under Cause 1", exact: true }).click();
    await page.getByLabel("Cause 1.2", { exact: true }).fill("House move not shared");
    await page.getByRole("button", { name: "Diagram", exact: true }).click();
    await expect(item(page, "Effect: Health needs not met")).toBeVisible();
  },
  async "4: the tree as SVG and PNG"(page) {
    const svg = await download(page, () => page.getByRole("button", { name: "Save as SVG" }).click());
    expect(svg.bytes.toString("utf8")).toContain("Health needs not met");
    const png = await download(page, () => page.getByRole("button", { name: "Save as PNG" }).click());
    expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  },
  async "the capture bar, by its shortcuts"(page) {
    await page.getByLabel("About the child and their lived experiences", { exact: true }).focus();
    await page.keyboard.press("Alt+W");
    await expect(page.getByLabel("Capture", { exact: true })).toBeFocused();
    await page.keyboard.type("No one checked why J stopped attending");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Health visitor kept trying");
    await page.keyboard.press("Alt+G");
    await page.keyboard.type("GP records for the last year");
    await page.keyboard.press("Alt+M");
    await page.keyboard.type("Housing officer");
    await page.keyboard.press("Alt+I");
    await page.keyboard.type("Ask the GP for records");
    await page.keyboard.press("Alt+A");
    await expect(page.getByLabel("Person to involve 1", { exact: true })).toHaveValue("Housing officer");
  },
  async "5-7: worries, what worked well, missing information"(page) {
    await page.getByPlaceholder("Add a worry and press Enter").fill("Baby sister may be affected");
    await page.getByPlaceholder("Add a worry and press Enter").press("Enter");
    await page.getByPlaceholder("Add a thing that worked well and press Enter").fill("School noticed early");
    await page.getByPlaceholder("Add a thing that worked well and press Enter").press("Enter");
    await page.getByLabel("Who will find out missing information 1").fill("Named GP");
    await page.getByLabel("By when for missing information 1").fill("2026-11-19");
    await expect(page.getByLabel("Worry 2", { exact: true })).toHaveValue("Baby sister may be affected");
  },
  async "8: SMART actions and the action log CSV"(page) {
    await page.getByRole("button", { name: "Add action" }).click();
    const last = page.getByRole("group", { name: /^Action \d+$/ }).last();
    await last.getByLabel("What is the action?").fill("Single-agency plan on address changes");
    await last.getByLabel("Who by (role or agency)").fill("Health visiting team lead");
    await last.getByRole("button", { name: /^Set due date for action/ }).click();
    await expect(last.getByText("Due 26 November 2026 (10 working days after the discussion).")).toBeVisible();
    await page.getByLabel("Is the room happy with the outcome? Record the agreement reached").fill("Agreed.");
    await page.getByLabel("Different views, noted sensitively").fill("School asked for a further meeting.");
    const csv = await download(page, () => page.getByRole("button", { name: "Export action log (CSV)" }).click());
    expect(csv.bytes.toString("utf8")).toContain("Single-agency plan on address changes");
    await saved(page);
  },
  async "a reload keeps everything"(page) {
    await page.reload();
    await expect(page.getByLabel("Worry 2", { exact: true })).toHaveValue("Baby sister may be affected");
    await expect(item(page, "Cause: House move not shared")).toBeVisible();
  },
  async "both print views"(page) {
    await page.getByRole("link", { name: "Print notes" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Case Discussion Notes" })).toBeVisible();
    await page.emulateMedia({ media: "print" });
    expect((await page.pdf({ preferCSSPageSize: true })).length).toBeGreaterThan(1000);
    await page.emulateMedia({ media: "screen" });
    await page.getByRole("link", { name: "One-page tool sheet (landscape)" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Case Discussion Tool" })).toBeVisible();
    await page.emulateMedia({ media: "print" });
    expect((await page.pdf({ preferCSSPageSize: true })).length).toBeGreaterThan(1000);
    await page.emulateMedia({ media: "screen" });
    await page.getByRole("link", { name: "Back to the review" }).click();
    await expect(page.getByLabel("Review title")).toHaveValue("Zero network discussion");
  },
  async "board mode: panels, timer, capture, text size, contrast"(page) {
    await page.getByRole("button", { name: "Board mode" }).click();
    await expect(page.getByRole("region", { name: "Analysis tree", exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Start the five-minute guide" }).click();
    await page.getByRole("button", { name: "Pause the five-minute guide" }).click();
    await page.getByLabel("Capture", { exact: true }).fill("Said in board mode");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Larger text" }).click();
    await page.getByRole("button", { name: "High contrast" }).click();
    await page.getByRole("button", { name: "High contrast" }).click();
    await page.getByRole("button", { name: "Focus Analysis tree" }).click();
    await page.getByRole("button", { name: "Back to all panels Analysis tree" }).click();
    await page.getByRole("button", { name: "Facilitator panel" }).click();
    await page.getByRole("button", { name: "Normal view" }).click();
    await expect(page.getByLabel("Review title")).toBeVisible();
    await saved(page);
  },
  async "export the review"(page, state) {
    const file = await download(page, () => page.getByRole("button", { name: "Export file" }).click());
    expect(JSON.parse(file.bytes.toString("utf8")).format).toBe("case-review-studio");
    state.exported = file;
  },
};

const learningTogetherSteps = {
  async "start a Learning Together review"(page) {
    await page.getByRole("link", { name: "Your reviews" }).click();
    await page.getByRole("button", { name: "New Learning Together review" }).click();
    await page.getByLabel("Review title").fill("Zero network systems review");
    await page.getByLabel("Review title").press("Tab");
  },
  async "participants, by role"(page) {
    await goToArea(page, "Case and people");
    const form = page.locator("form.add-participant");
    await form.getByLabel("Role", { exact: true }).fill("Social worker");
    await form.getByLabel("Agency", { exact: true }).fill("Children's services");
    await form.getByRole("button", { name: "Add participant" }).click();
    await expect(page.locator(".people-list").getByRole("textbox", { name: "Role", exact: true })).toHaveValue("Social worker");
  },
  async "letters and a conversation with a key practice episode"(page) {
    await goToArea(page, "Letters");
    await page.getByRole("button", { name: "Draft letters from the review’s details" }).click();
    await goToArea(page, "Conversations");
    await page.getByRole("link", { name: "Conversation with Social worker, Children's services" }).click();
    await page.getByRole("button", { name: "Start the record of this conversation" }).click();
    await page.getByLabel("New turning point", { exact: true }).fill("Closed the referral after one visit");
    await page.getByRole("button", { name: "Add turning point" }).click();
    await page.getByRole("button", { name: /^Mark as key practice episode/ }).click();
    await goToArea(page, "Contributory factors");
    await page.getByLabel("New contributory factor").fill("High caseloads");
    await page.getByRole("button", { name: "Add factor" }).click();
    await goToArea(page, "Findings");
    await page.getByLabel("New finding", { exact: true }).fill("Referrals close without feedback");
    await page.getByRole("button", { name: "Add finding" }).click();
  },
  async "every other field on every screen"(page) {
    // The Learning Together screens are growing: fill whatever text fields they now have.
    const areas = await page.getByRole("navigation", { name: "Parts of the review" }).getByRole("link").allInnerTexts();
    for (const area of areas) {
      await goToArea(page, area.trim());
      const fields = page.locator("main").locator("input[type=text]:visible, textarea:visible");
      for (let i = 0; i < (await fields.count()); i++) {
        const field = fields.nth(i);
        if ((await field.inputValue()) === "" && (await field.isEditable())) await field.fill(`Offline check ${i + 1}`);
      }
    }
    await saved(page);
  },
  async "export it, as a file and as a Word report"(page) {
    const file = await download(page, () => page.getByRole("button", { name: "Export file" }).click());
    expect(file.name).toMatch(/^zero-network-systems-review-.*\.json$/);
    const word = await download(page, () => page.getByRole("button", { name: "Report in Word" }).click());
    expect(word.name).toMatch(/\.docx$/);
  },
  async "print the report and the key practice episodes table"(page) {
    await page.getByRole("link", { name: "Print report" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Learning Together review report" })).toBeVisible();
    await page.getByRole("link", { name: "Key practice episodes table (landscape)" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Key practice episodes" })).toBeVisible();
    await page.getByRole("link", { name: "Back to the review" }).click();
  },
  async "a practitioner's preparation"(page) {
    await page.getByRole("link", { name: "Your reviews" }).click();
    await page.getByRole("button", { name: "Prepare for a conversation" }).click();
    await page.getByLabel("Your role", { exact: true }).fill("Health visitor");
    const file = await download(page, () => page.getByRole("button", { name: "Export file" }).click());
    expect(file.name).toMatch(/\.json$/);
  },
};

const librarySteps = {
  async "search and filter"(page) {
    await page.getByRole("link", { name: "Your reviews" }).click();
    await page.getByLabel("Search reviews").fill("systems");
    await expect(page.getByRole("link", { name: "Zero network discussion" })).toHaveCount(0);
    await page.getByLabel("Search reviews").fill("");
    await page.getByLabel("Show").selectOption("cd");
    await page.getByLabel("Show").selectOption("all");
  },
  async "rename, duplicate"(page) {
    await page.getByRole("group", { name: "Actions for Zero network discussion" }).getByRole("button", { name: "Rename" }).click();
    const dialog = page.getByRole("dialog", { name: "Rename review" });
    await dialog.getByLabel("Title").fill("Zero network discussion (renamed)");
    await dialog.getByRole("button", { name: "Save title" }).click();
    await page.getByRole("group", { name: "Actions for Zero network discussion (renamed)" }).getByRole("button", { name: "Duplicate" }).click();
    await expect(page.getByRole("link", { name: "Copy of Zero network discussion (renamed)" })).toBeVisible();
  },
  async "export from the library"(page) {
    const actions = page.getByRole("group", { name: "Actions for Copy of Zero network discussion (renamed)" });
    const file = await download(page, () => actions.getByRole("button", { name: /^Export/ }).click());
    expect(file.name).toMatch(/\.json$/);
    const all = page.getByRole("button", { name: "Export all reviews" });
    if (await all.isVisible()) await download(page, () => all.click());
  },
  async "delete with undo"(page) {
    const actions = page.getByRole("group", { name: "Actions for Copy of Zero network discussion (renamed)" });
    await actions.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete review" }).click();
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(page.getByRole("link", { name: "Copy of Zero network discussion (renamed)" })).toBeVisible();
  },
  async "import a file of a review already here: nothing new, nothing changed"(page, state) {
    await page.getByLabel("Review file to open").setInputFiles({
      name: state.exported.name, mimeType: "application/json", buffer: state.exported.bytes,
    });
    await expect(page.getByText("has nothing you don't already have. Nothing was changed.")).toBeVisible();
    await expect(page.getByRole("link", { name: /imported copy/ })).toHaveCount(0);
  },
  async "the About page and an unknown address"(page, state) {
    await page.getByRole("link", { name: "About", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "About Case Review Studio" })).toBeVisible();
    await expect(page.getByText("Asking the browser…")).toHaveCount(0);
    await page.goto(state.edition.url("#/no-such-screen"));
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  },
};

for (const which of [0, 1]) {
  test(`every feature stays on this device: ${["hosted build", "single file from disk"][which]}`, async ({ page, context, baseURL }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 1920, height: 1080 });
    const edition = editions(baseURL)[which];
    const requests = recordRequests(context);
    const refusals = recordPolicyRefusals(page);
    const net = guardNetwork(page);
    const state = { edition };

    await page.goto(edition.url("#/"));
    await expect(page.locator("#boot")).toHaveCount(0);
    await page.getByRole("button", { name: "New case discussion" }).click();
    await expect(page.getByLabel("Review title")).toBeVisible();
    for (const steps of [caseDiscussionSteps, learningTogetherSteps, librarySteps]) {
      for (const [name, step] of Object.entries(steps)) {
        await test.step(name, () => step(page, state));
      }
    }

    // The recorder saw the app load (an empty list would prove nothing).
    expect(requests.some((url) => edition.own.has(url.replace(/#.*$/, "")))).toBe(true);
    const local = (url) => url.startsWith("blob:") || url.startsWith("data:");
    const notOwn = requests.filter((url) => !local(url) && !edition.own.has(url.replace(/#.*$/, "")));
    expect(notOwn, "requests for anything but the app's own files").toEqual([]);
    expect(refusals, "requests or scripts the security policy had to refuse").toEqual([]);
    if (which === 0) net.assertNone();
    else expect(net.outside.filter((url) => !url.startsWith(SINGLE_FILE_URL))).toEqual([]);
  });
}
