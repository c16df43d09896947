// One action: its fields, due date override with a required reason, updates, evidence
// (added through the native dialog, opened with the system's app), history, remove + undo.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openUi, seriousA11yViolations, shot, calls } from "./browser.mjs";
import { sampleData } from "./fixtures.mjs";
import { eventually } from "./bridge.mjs";

const text = (page, sel) => page.$eval(sel, (el) => el.innerText).then((t) => t.replace(/\s+/g, " ").trim());
const changes = async (page) => (await calls(page, true)).filter((c) => c.cmd === "update_action").map((c) => c.args.change);
const saves = async (page) => (await calls(page, true)).filter((c) => c.cmd === "save_action").map((c) => c.args);

/** The action page of a fixture's action. */
const action = (alias) => (id) => `#/action/${id(alias)}`;
/** An action's fields as the core holds them. */
const stored = async (bridge, id) => (await bridge.invoke("show_action", { id })).action;

test("the detail shows every field, updates, evidence and history", async () => {
  const { page, close, id } = await openUi({}, { backend: sampleData(), hash: action("act-001") });
  try {
    await page.waitForSelector("[data-testid=due-date]");
    // What will be done, as the core words it from the recommendation (with a capital).
    assert.match(await text(page, "h2"), /^Ensure that partners, including health services/);
    assert.match(await text(page, ".breadcrumbs"), /Action plan › Rutland › Safeguarding services/);
    assert.equal(await text(page, "[data-testid=due-date]"), "14 Oct 2011");
    assert.equal(await page.inputValue("#d-owner"), "Jo Adams");
    assert.equal(await page.inputValue("#d-status"), "completed");
    assert.match(await text(page, "[data-testid=updates]"), /10 Jan 2012 · Jo Adams Audit tool agreed/);
    assert.match(await text(page, "[data-testid=evidence]"), /CP-visit-audit-Dec-2011\.xlsx/);
    await page.click("[data-testid=evidence] >> text=Open");
    await page.waitForFunction(() => window.__opened.length === 1);
    assert.deepEqual(await page.evaluate(() => window.__opened), [id("ev-1")]);
    await page.click("[data-testid=sign-off]");
    await page.waitForSelector("[data-testid=signed-off]");
    assert.match(await text(page, "[data-testid=signed-off]"), /Signed off by Sam Patel/);
    assert.match(await text(page, "[data-testid=history]"), /signed off by – Sam Patel/);
    await shot(page, "06-action", true);
    assert.deepEqual(await seriousA11yViolations(page), []);
  } finally {
    await close();
  }
});

test("changing the due date needs a reason, and the history records it", async () => {
  const { page, close } = await openUi({}, { backend: sampleData(), hash: action("act-003") });
  try {
    await page.waitForSelector("[data-testid=due-form]");
    // The date's hint is above the field, in words (no placeholder).
    assert.equal(await text(page, "#d-due-hint"), "For example, 14/01/2012.");
    assert.equal(await page.getAttribute("#d-due", "placeholder"), null);
    await page.fill("#d-due", "2012-03-31");
    await page.click("[data-testid=due-form] button");
    // An error summary at the top links to the reason; nothing is sent without one.
    await page.waitForSelector("[data-testid=error-summary]");
    assert.equal(await text(page, "[data-testid=error-summary]"), "There is a problem Enter the reason for changing the due date");
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "error-summary");
    await page.click("[data-testid=error-summary] a");
    assert.equal(await page.evaluate(() => document.activeElement.id), "d-due-reason");
    assert.match(await text(page, "#d-due-reason-error"), /Error: Enter the reason/);
    assert.deepEqual(await changes(page), []);
    await page.fill("#d-due-reason", "Waiting for the new case management system (go-live March).");
    await page.click("[data-testid=due-form] button");
    await page.waitForFunction(() => document.querySelector("[data-testid=due-date]").textContent === "31 Mar 2012");
    assert.deepEqual(await changes(page), [{ kind: "due_date", date: "2012-03-31", reason: "Waiting for the new case management system (go-live March)." }]);
    assert.match(await text(page, "[data-testid=history]"), /due date 14 Jan 2012 31 Mar 2012/);
    assert.match(await text(page, "main"), /changed by hand: Waiting for the new case management system/);
    assert.equal(await text(page, "[data-testid=success-banner]"), "Success Due date changed to 31 Mar 2012.");
    assert.equal(await page.$("[data-testid=error-summary]"), null);
  } finally {
    await close();
  }
});

test("Save changes saves every changed field at once and says so in a banner; Ctrl+S too", async () => {
  const { page, close, id, bridge } = await openUi({}, { backend: sampleData(), hash: action("act-003") });
  try {
    await page.waitForSelector("#d-owner");
    // Leaving a field saves nothing: only the button does.
    await page.fill("#d-owner", "Alex Morgan");
    await page.press("#d-owner", "Tab");
    await page.fill("#d-measure", "95% of core assessments meet threshold on audit");
    await page.selectOption("#d-status", "in_progress");
    assert.deepEqual(await saves(page), []);
    await page.click("[data-testid=save-changes]");
    await page.waitForSelector("[data-testid=success-banner]");
    assert.equal(await text(page, "[data-testid=success-banner]"), "Success Owner, measure of success and status saved.");
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "success-banner");
    assert.deepEqual(await saves(page), [
      {
        id: id("act-003"),
        changes: [
          { kind: "owner", owner: "Alex Morgan" },
          { kind: "measure_of_success", measure_of_success: "95% of core assessments meet threshold on audit" },
          { kind: "status", status: "in_progress" },
        ],
      },
    ]);
    assert.equal((await stored(bridge, id("act-003"))).owner, "Alex Morgan");
    await shot(page, "06-action-saved");
    assert.deepEqual(await seriousA11yViolations(page), []);

    // Problems: an error summary, each linked to its field; nothing sent.
    await page.fill("#d-title", "");
    await page.fill("#d-progress", "120");
    await page.press("#d-progress", "Control+s");
    await page.waitForSelector("[data-testid=error-summary]");
    assert.equal(await text(page, "[data-testid=error-summary]"), "There is a problem Enter what will be done Enter progress as a whole number from 0 to 100");
    assert.equal(await page.$("[data-testid=success-banner]"), null);
    await page.click("[data-testid=error-summary] >> text=Enter progress");
    assert.equal(await page.evaluate(() => document.activeElement.id), "d-progress");
    await shot(page, "06-action-errors");
    assert.deepEqual(await seriousA11yViolations(page), []);
    assert.equal((await saves(page)).length, 1);

    // Put right, Ctrl+S saves from the keyboard.
    await page.fill("#d-title", "Re-issue the threshold document");
    await page.fill("#d-progress", "40");
    await page.press("#d-progress", "Control+s");
    await page.waitForFunction(() => document.querySelector("[data-testid=success-banner]")?.textContent.includes("What will be done and progress saved."));
    assert.equal(await page.$("[data-testid=error-summary]"), null);
    assert.deepEqual((await saves(page))[1].changes, [
      { kind: "title", title: "Re-issue the threshold document" },
      { kind: "progress", progress: 40 },
    ]);
  } finally {
    await close();
  }
});

test("updates are added with a date; evidence through the native file dialog", async () => {
  const { page, close, id, bridge } = await openUi({}, { backend: sampleData(), hash: action("act-003") });
  try {
    // The file the person picks (the core copies it into the data folder).
    const picked = bridge.file("Documents/LSCB minutes 12 Jan 2012.pdf", "%PDF-1.4 minutes");
    await page.waitForSelector("[data-testid=add-update]");
    await page.click("[data-testid=add-update]");
    await page.keyboard.type("Threshold document agreed by the LSCB.");
    await page.click("[data-testid=dialog-confirm]");
    await page.waitForSelector("[data-testid=updates]");
    assert.match(await text(page, "[data-testid=updates]"), /Sam Patel Threshold document agreed by the LSCB\./);

    await page.evaluate((path) => window.__dialogResults.push(path), picked);
    await page.click("[data-testid=add-evidence]");
    await page.waitForSelector("[data-testid=evidence]");
    assert.match(await text(page, "[data-testid=evidence]"), /LSCB minutes 12 Jan 2012\.pdf/);
    const all = await calls(page, true);
    const open = all.find((c) => c.cmd === "plugin:dialog|open");
    assert.equal(open.args.options.multiple, false);
    assert.deepEqual(all.find((c) => c.cmd === "add_evidence_file").args, { id: id("act-003"), path: picked });

    // Cancelling the dialog adds nothing.
    await page.click("[data-testid=add-evidence]");
    assert.equal((await calls(page)).filter((c) => c === "add_evidence_file").length, 1);
  } finally {
    await close();
  }
});

test("a failing file dialog or open is explained, and the screen keeps working", async () => {
  const { page, close, id, bridge } = await openUi(
    {
      "plugin:dialog|open": { error: { code: "forbidden", message: "dialog.open not allowed. Permissions associated with this command: dialog:allow-open" } },
      open_evidence: { error: { code: "missing_file", message: "The stored copy of CP-visit-audit-Dec-2011.xlsx is missing from the data folder." } },
    },
    { backend: sampleData(), hash: action("act-001") },
  );
  try {
    await page.click("[data-testid=add-evidence]");
    await page.waitForSelector("[role=alert]");
    assert.match(await text(page, "[role=alert]"), /file picker could not be opened: dialog.open not allowed/);
    await page.click("[data-testid=evidence] >> text=Open");
    await page.waitForFunction(() => document.querySelector("[role=alert]")?.textContent.includes("missing from the data folder"));
    await page.fill("#d-owner", "Still works");
    await page.click("[data-testid=save-changes]");
    await eventually(async () => (await stored(bridge, id("act-001"))).owner === "Still works");
  } finally {
    await close();
  }
});

test("removing an action asks first, and Undo restores it", async () => {
  const { page, close, id } = await openUi({}, { backend: sampleData(), hash: action("act-003") });
  try {
    await page.click("[data-testid=delete-action]");
    await page.waitForSelector("dialog[open]");
    await shot(page, "06-action-remove-confirm");
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.click("[data-testid=dialog-confirm]");
    await page.waitForSelector("[data-testid=plan-count]");
    assert.equal(await text(page, "[data-testid=plan-count]"), "41 actions.");
    await page.click("[data-testid=undo]");
    await page.waitForSelector("[data-testid=due-date]");
    assert.equal(new URL(page.url()).hash, `#/action/${id("act-003")}`);
    const cmds = await calls(page);
    assert.ok(cmds.indexOf("delete_action") < cmds.indexOf("restore_action"));
    await page.click("nav >> text=Action plan");
    await page.waitForFunction(() => document.querySelector("[data-testid=plan-count]")?.textContent === "42 actions.");
  } finally {
    await close();
  }
});

test("an unknown action says so", async () => {
  const { page, close } = await openUi({}, { backend: sampleData(), hash: "#/action/nope" });
  try {
    await page.waitForSelector("[role=alert]");
    assert.match(await text(page, "[role=alert]"), /action not found: nope/);
  } finally {
    await close();
  }
});

test("a draft is marked; mitigation, next step and an evidence summary are saved; a moved date shows the first one", async () => {
  // act-003 still a draft, as import leaves every new action.
  const data = sampleData();
  data.drafts = ["act-003"];
  const { page, close, id, bridge } = await openUi({}, { backend: data, hash: action("act-003") });
  try {
    await page.waitForSelector("[data-testid=due-form]");
    await page.waitForSelector("[data-testid=draft-marker]");
    assert.match(await text(page, "[data-testid=draft-marker]"), /^Draft — say what will be done/);
    await page.fill("#d-mitigation", "Paper records meanwhile");
    await page.fill("#d-next-step", "Load them in April");
    await page.fill("#d-title", "Record every review on the new system");
    await page.click("[data-testid=save-changes]");
    await page.waitForFunction(() => !document.querySelector("[data-testid=draft-marker]"));
    const sent = (await saves(page)).flatMap((s) => s.changes);
    assert.deepEqual(
      sent.filter((c) => c.kind === "mitigation" || c.kind === "next_step"),
      [
        { kind: "mitigation", mitigation: "Paper records meanwhile" },
        { kind: "next_step", next_step: "Load them in April" },
      ],
    );
    // Re-scheduled: both dates and why.
    await page.fill("#d-due", "2012-03-31");
    await page.fill("#d-due-reason", "New system goes live in March");
    await page.click("[data-testid=due-form] button[type=submit]");
    await page.waitForSelector("[data-testid=original-due]");
    assert.match(await text(page, "[data-testid=original-due]"), /^First set for .+; now 31 Mar 2012 \(New system goes live in March\)\.$/);
    assert.deepEqual(await seriousA11yViolations(page), []);
    // Evidence: one line on what it shows (act-001 has a file).
    await page.evaluate((h) => (location.hash = h), action("act-001")(id));
    await page.waitForSelector("[data-testid=evidence-summary]");
    await page.fill("[data-testid=evidence-summary]", "December audit: 19 of 20 meetings had health");
    await page.press("[data-testid=evidence-summary]", "Tab");
    const summary = async () => (await bridge.invoke("show_action", { id: id("act-001") })).evidence.find((e) => e.id === id("ev-1")).summary;
    await eventually(async () => (await summary()) === "December audit: 19 of 20 meetings had health");
    assert.equal(await page.inputValue("[data-testid=evidence-summary]"), "December audit: 19 of 20 meetings had health");
  } finally {
    await close();
  }
});
