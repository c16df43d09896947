// Team mode's roles in the window: a viewer's screens are read-only (no edit, import, bin,
// bulk or save controls; a notice saying why; reading and exporting still work), and an
// editor sees the controls for managing the plan disabled, each with the reason. The test's
// database is connected to a real PostgreSQL server (tests/e2e/pg.mjs) as a viewer or an
// editor through the app's own command, so what is allowed, and its words, are the core's.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openUi, seriousA11yViolations, shot, calls, settled } from "./browser.mjs";
import { sampleData } from "./fixtures.mjs";
import { SUPER_PASSWORD, startCluster } from "../../tests/e2e/pg.mjs";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const CLI = process.env.CLI_BINARY ?? join(process.env.CARGO_TARGET_DIR ?? join(repo, "target"), "debug", "inspection-tracker");
const VIEWER_WORDS =
  "You can read this plan. Your role in the team is viewer, so changes are made by editors and admins — ask your team's admin if you need to edit.";
const editorWords = (doing) => `Your role in the team is editor, so ${doing} is for the team's admins — ask your team's admin if you need it done.`;

let pg;
before(async () => {
  pg = await startCluster();
  const run = (args, env = {}) =>
    execFileSync(CLI, args, { env: { ...process.env, INSPECTION_TRACKER_PASSWORD: SUPER_PASSWORD, PGPASSFILE: "/nonexistent", ...env }, stdio: "pipe" });
  run(["team", "init-server", "--url", pg.url("postgres")]);
  for (const [user, role] of [
    ["vic", "viewer"],
    ["eve", "editor"],
  ]) {
    run(["team", "add-user", "--url", pg.url("postgres"), user, "--role", role], { INSPECTION_TRACKER_NEW_PASSWORD: `${user}-pw` });
  }
});
after(() => pg?.stop());

/** The sample plan, connected to the team's server as `user`, open at `hash`. */
async function openAs(user, hash) {
  const ui = await openUi({}, { backend: sampleData(), hash: "#/dashboard" });
  await ui.bridge.invoke("team_connect", { url: pg.url(user), password: `${user}-pw` });
  // What this person may do is read when the app starts.
  await ui.page.goto(`${ui.url}${typeof hash === "function" ? hash(ui.id) : hash}`);
  return ui;
}

const text = (page, sel) => page.$eval(sel, (el) => el.innerText).then((t) => t.replace(/\s+/g, " ").trim());
const count = (page, sel) => page.$$eval(sel, (els) => els.length);
/** Calls that would change the plan (reads, exports and settings are not among them). */
const WRITES = ["update_action", "save_action", "add_action", "add_update", "delete_action", "restore_action", "update_actions", "record_review"];
const writes = async (page) => (await calls(page)).filter((c) => WRITES.includes(c));

test("a viewer reads every screen with no edit controls and the reason at the top", async () => {
  const { page, close, bridge, id, url } = await openAs("vic", "#/dashboard");
  try {
    assert.deepEqual(
      Object.keys((await page.evaluate(() => window.__TAURI_INTERNALS__.invoke("team_permissions"))).denied).length,
      8,
      "the core refuses a viewer everything",
    );
    await page.waitForSelector("[data-testid=read-only-notice]");
    assert.equal(await text(page, "[data-testid=read-only-notice]"), `Read-only. ${VIEWER_WORDS}`);
    await page.waitForFunction(() => document.querySelector("[data-testid=team-status]")?.textContent === "Read-only as viewer");
    // Dashboard: the figures, no date editors.
    await page.waitForSelector("[data-testid=percent-complete]");
    assert.equal(await count(page, "[data-testid=edit-next], [data-testid=edit-plan-deadline]"), 0);

    // The plan: every action's status, owner and progress as text; no Add action.
    await page.click("nav >> text=Action plan");
    await page.waitForSelector("[data-testid=action-row]");
    assert.equal(await count(page, "[data-testid=action-row] :is(input, select, button)"), 0);
    assert.equal(await count(page, "[data-testid=rec-row] button"), 0);
    assert.match(await text(page, "[data-testid=action-row] [data-col=status]"), /^(Not started|In progress|Blocked|Completed)$/);
    await shot(page, "team-viewer-plan");

    // An action: the details as text, the history; no form, date, update, evidence or bin.
    await page.goto(`${url}#/action/${id("act-001")}`);
    await page.waitForSelector("[data-testid=details-list]");
    assert.match(await text(page, "[data-testid=details-list]"), /Owner Jo Adams/);
    assert.equal(await text(page, "#history-heading"), "Change history");
    for (const sel of ["details-form", "save-changes", "due-form", "add-update", "add-evidence", "delete-action", "sign-off", "evidence-summary"]) {
      assert.equal(await count(page, `[data-testid=${sel}]`), 0, sel);
    }
    assert.equal(await count(page, "main :is(input, textarea, select)"), 0);
    assert.match(await text(page, "[data-testid=evidence]"), /CP-visit-audit-Dec-2011\.xlsx/);
    assert.equal(await text(page, "[data-testid=read-only-notice]"), `Read-only. ${VIEWER_WORDS}`);
    await shot(page, "team-viewer-action", true);
    assert.deepEqual(await seriousA11yViolations(page), []);

    // The overdue review: the list, no selection, bulk changes or review buttons.
    await page.click("nav >> text=Overdue review");
    await page.waitForSelector("[data-testid=overdue-row]");
    for (const sel of ["select-row", "select-all", "bulk-reassign", "bulk-reschedule", "record-review"]) {
      assert.equal(await count(page, `[data-testid=${sel}]`), 0, sel);
    }

    // Import: the reason instead of a picker, from the menu and from Ctrl+O.
    await page.click("nav >> text=Import");
    await page.waitForSelector("[data-testid=why-import]");
    assert.equal(await text(page, "[data-testid=why-import]"), VIEWER_WORDS);
    assert.equal(await count(page, "[data-testid=choose-files]"), 0);
    await page.click("nav >> text=Dashboard");
    await page.waitForSelector("[data-testid=percent-complete]");
    await page.keyboard.press("Control+o");
    await page.waitForSelector("[data-testid=why-import]");
    assert.ok(!(await calls(page)).includes("plugin:dialog|open"), "no file picker");

    // Exporting still works.
    await page.click("[data-testid=export-header]");
    await page.waitForSelector("[data-testid=export-dialog][open]");
    await page.check("[data-testid=export-dialog] input[value=csv]");
    await page.evaluate((path) => window.__saveResults.push(path), join(bridge.dir, "plan.csv"));
    await page.click("[data-testid=dialog-confirm]");
    await page.waitForSelector("[data-testid=toast]");
    assert.match(await text(page, "[data-testid=toast] .toast-text"), /^CSV file saved: \d+ actions/);
    assert.deepEqual(await writes(page), []);
    await settled(page);
  } finally {
    await close();
  }
});

test("an editor edits actions but sees import, due dates and the bin disabled, each with why", async () => {
  const { page, close, bridge, id, url } = await openAs("eve", "#/import");
  try {
    await page.waitForSelector("[data-testid=why-import]");
    assert.equal(await text(page, "[data-testid=why-import]"), editorWords("importing reports"));
    assert.equal(await count(page, "[data-testid=choose-files]"), 0);
    assert.equal(await count(page, "[data-testid=read-only-notice]"), 0);

    await page.goto(`${url}#/action/${id("act-003")}`);
    await page.waitForSelector("[data-testid=details-form]");
    // The action's own fields: saved as before.
    assert.equal(await page.isEnabled("[data-testid=save-changes]"), true);
    await page.fill("#d-owner", "Kim Lee");
    await page.click("[data-testid=save-changes]");
    await page.waitForSelector("[data-testid=success-banner]");
    assert.equal((await bridge.invoke("show_action", { id: id("act-003") })).action.owner, "Kim Lee");
    // The due date's form and the bin: disabled, described by the reason beneath them.
    for (const [words, sel] of [
      [editorWords("changing due dates"), "[data-testid=due-form] button"],
      [editorWords("changing due dates"), "#d-due"],
      [editorWords("moving actions to the bin or restoring them"), "[data-testid=delete-action]"],
    ]) {
      assert.equal(await page.isDisabled(sel), true, sel);
      const described = await page.$eval(sel, (el) =>
        (el.getAttribute("aria-describedby") ?? "")
          .split(" ")
          .map((i) => document.getElementById(i)?.textContent)
          .join(" "),
      );
      assert.ok(described.includes(words), `${sel}: ${described}`);
    }
    await shot(page, "team-editor-action", true);
    assert.deepEqual(await seriousA11yViolations(page), []);

    // The overdue review: reassigning is an editor's; re-scheduling moves due dates.
    await page.click("nav >> text=Overdue review");
    await page.waitForSelector("[data-testid=select-row]");
    await page.click("[data-testid=select-row] >> nth=0");
    assert.equal(await page.isEnabled("[data-testid=bulk-reassign]"), true);
    assert.equal(await page.isDisabled("[data-testid=bulk-reschedule]"), true);
    assert.equal(await text(page, "[data-testid=why-change_due_dates]"), editorWords("changing due dates"));

    // The dashboard: the next inspection's date is a report's, an admin's to change.
    await page.click("nav >> text=Dashboard");
    await page.waitForSelector("[data-testid=edit-next]");
    assert.equal(await page.isDisabled("[data-testid=edit-next]"), true);
    assert.equal(await text(page, "[data-testid=next-inspection] [data-testid=why-report_dates]"), editorWords("changing a report's dates"));
    await shot(page, "team-editor-dashboard");

    // The plan: status and progress in place; Add action disabled, the reason above.
    await page.click("nav >> text=Action plan");
    await page.waitForSelector("[data-testid=action-row] select");
    assert.equal(await text(page, "[data-testid=why-add_actions]"), editorWords("adding actions"));
    assert.equal(await page.isDisabled("[data-testid=rec-row] button >> nth=0"), true);
    assert.deepEqual(await writes(page), ["save_action"]);
    await settled(page);
  } finally {
    await close();
  }
});

test("used alone, nothing is refused and no notice shows", async () => {
  const { page, close } = await openUi({}, { backend: sampleData(), hash: (id) => `#/action/${id("act-003")}` });
  try {
    await page.waitForSelector("[data-testid=details-form]");
    assert.equal(await page.isEnabled("[data-testid=delete-action]"), true);
    assert.equal(await page.isEnabled("[data-testid=due-form] button"), true);
    assert.equal(await count(page, "[data-testid=read-only-notice], [data-denied]"), 0);
  } finally {
    await close();
  }
});
