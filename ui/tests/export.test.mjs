// Export: the "Export…" button (header and action plan) and Ctrl+E open a dialog; the
// format, the "position as at" date and the plan's filters go to export_plan after the
// system's save dialog (mocked); progress while it runs; the outcome or the error in a
// toast; cancelling the save dialog does nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openUi, seriousA11yViolations, shot, calls, settled } from "./browser.mjs";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sampleData } from "./fixtures.mjs";

const text = (page, sel) => page.$eval(sel, (el) => el.innerText).then((t) => t.replace(/\s+/g, " ").trim());
const exports = async (page) => (await calls(page, true)).filter((c) => c.cmd === "export_plan").map((c) => c.args);
const saves = async (page) => (await calls(page, true)).filter((c) => c.cmd === "plugin:dialog|save").map((c) => c.args.options);
const DIALOG = "[data-testid=export-dialog]";

function todayIso() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Today as the date fields show it: "2 Dec 2026". */
function todayShown() {
  const d = new Date();
  return `${d.getDate()} ${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][d.getMonth()]} ${d.getFullYear()}`;
}

test("from the plan's button: the format, the plan's filters, the save dialog, export_plan and a toast", async () => {
  const { page, close, id, bridge } = await openUi({}, { backend: sampleData(), hash: "#/plan" });
  try {
    await page.waitForSelector("[data-testid=action-row]");
    await page.selectOption("#f-report", id("rep-derby-2011"));
    await page.selectOption("#f-status", "blocked");
    await settled(page);
    assert.equal(await text(page, "[data-testid=plan-count]"), "Showing 5 of 42 actions.");
    await page.click("[data-testid=export-plan]");
    await page.waitForSelector(`${DIALOG}[open]`);
    assert.equal((await page.getAttribute(DIALOG, "aria-labelledby")) !== null, true);
    assert.match(await text(page, `${DIALOG} h2`), /^Export the action plan$/);
    // Five formats, the board paper chosen (and focused) first.
    const labels = await page.$$eval(`${DIALOG} [data-testid=export-formats] label`, (els) => els.map((e) => e.textContent));
    assert.deepEqual(labels, ["Board paper (Word)", "Statement of action (Word)", "Excel workbook", "CSV", "Calendar (.ics)"]);
    assert.equal(await page.evaluate(() => document.activeElement.value), "board-paper");
    // Today, and the date in words.
    assert.equal(await page.inputValue("[data-testid=export-as-of]"), todayShown());
    // "As recorded" needs a date in the past.
    assert.equal(await page.isDisabled("[data-testid=export-from-history]"), true);
    // The plan's filters, applied unless unticked.
    assert.equal(await page.isChecked("[data-testid=export-apply-filters]"), true);
    assert.equal(await text(page, "[data-testid=export-filter-note]"), "Only actions with status: Blocked; report: Derby.");
    await shot(page, "10-export-dialog");
    assert.deepEqual(await seriousA11yViolations(page), []);

    await page.check(`${DIALOG} input[value=xlsx]`);
    const target = join(bridge.folder("Documents"), "derby-blocked.xlsx");
    await page.evaluate((path) => window.__saveResults.push(path), target);
    await page.click("[data-testid=dialog-confirm]");
    await page.waitForSelector("[data-testid=toast]");
    await page.waitForSelector(DIALOG, { state: "detached" });
    assert.equal(await text(page, "[data-testid=toast] .toast-text"), `Excel workbook saved: 5 actions, ${target}`);
    assert.ok(existsSync(target), "the workbook is written");
    assert.deepEqual(await saves(page), [
      {
        title: "Save the Excel workbook",
        defaultPath: `inspection-action-plan-derby-${todayIso()}.xlsx`,
        filters: [{ name: "Excel workbook", extensions: ["xlsx"] }],
      },
    ]);
    assert.deepEqual(await exports(page), [
      {
        format: "xlsx",
        path: target,
        filter: { status: "blocked", report_id: id("rep-derby-2011") },
        asOf: todayIso(),
        force: true,
        fromHistory: false,
      },
    ]);
    // Focus goes back to the button.
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "export-plan");
  } finally {
    await close();
  }
});

test("Ctrl+E opens it from the dashboard; the date given; progress while the file is written", async () => {
  const handlers = {
    // Held until the test lets it finish, so the busy state can be seen.
    export_plan: (args, state) =>
      new Promise((resolve) => {
        state.release = () => resolve({ path: args.path, format: args.format, as_of: args.asOf, actions: 42, bytes: 31744 });
      }),
  };
  const { page, close } = await openUi(handlers, { backend: sampleData(), hash: "#/dashboard" });
  try {
    await page.waitForSelector("[data-testid=report-card]");
    await page.keyboard.press("Control+e");
    await page.waitForSelector(`${DIALOG}[open]`);
    // Away from the plan: the whole plan.
    assert.match(await text(page, "[data-testid=export-filter-note]"), /^Every action in the plan\./);
    assert.equal(await page.$("[data-testid=export-apply-filters]"), null);
    await page.fill("[data-testid=export-as-of]", "2012-01-20");
    assert.match(await text(page, `${DIALOG} .field .hint`), /^20 Jan 2012: ratings, days overdue/);
    // A past date: the plan as recorded then, rebuilt from the history, if asked.
    assert.equal(await page.isDisabled("[data-testid=export-from-history]"), false);
    await page.check("[data-testid=export-from-history]");
    const hint = await page.$eval("[data-testid=export-from-history]", (el) => document.getElementById(el.getAttribute("aria-describedby")).textContent);
    assert.match(hint, /^Statuses, progress, owners and due dates as they were recorded by the end of that day/);
    await page.evaluate(() => window.__saveResults.push("/home/sam/Documents/board paper.docx"));
    await page.click("[data-testid=dialog-confirm]");
    await page.waitForFunction(() => document.querySelector("[data-testid=export-busy]")?.textContent === "Saving the board paper…");
    assert.equal(await page.isDisabled("[data-testid=dialog-confirm]"), true);
    assert.equal(await page.isDisabled("[data-testid=dialog-cancel]"), true);
    assert.equal(await page.isDisabled("[data-testid=export-header]"), true);
    assert.equal(await page.getAttribute(DIALOG, "aria-busy"), "true");
    await shot(page, "10-export-busy");
    // Escape does not close it while the file is being written.
    await page.keyboard.press("Escape");
    assert.ok(await page.isVisible(DIALOG));
    await page.evaluate(() => window.__mockState.release());
    await page.waitForSelector(DIALOG, { state: "detached" });
    assert.equal(await text(page, "[data-testid=toast] .toast-text"), "Board paper saved: 42 actions, /home/sam/Documents/board paper.docx");
    assert.equal(await page.isDisabled("[data-testid=export-header]"), false);
    assert.equal((await saves(page))[0].defaultPath, "inspection-action-plan-board-paper-2012-01-20.docx");
    assert.deepEqual(await exports(page), [
      {
        format: "board-paper",
        path: "/home/sam/Documents/board paper.docx",
        filter: {},
        asOf: "2012-01-20",
        force: true,
        fromHistory: true,
        paper: { since: null, board_asked: null },
      },
    ]);
  } finally {
    await close();
  }
});

test("the header's button opens it too, and cancelling the save dialog does nothing", async () => {
  const { page, close } = await openUi({}, { backend: sampleData(), hash: "#/overdue" });
  try {
    await page.waitForSelector("[data-testid=overdue-row]");
    await page.click("[data-testid=export-header]");
    await page.waitForSelector(`${DIALOG}[open]`);
    await page.check(`${DIALOG} input[value=ics]`);
    // No answer queued: the save dialog is cancelled.
    await page.click("[data-testid=dialog-confirm]");
    await page.waitForFunction(() => window.__ipcCalls.some((c) => c.cmd === "plugin:dialog|save"));
    assert.deepEqual((await saves(page))[0].filters, [{ name: "iCalendar file", extensions: ["ics"] }]);
    // Still open, nothing written, nothing said.
    await page.waitForFunction(() => !document.querySelector("[data-testid=dialog-confirm]").disabled);
    assert.ok(await page.isVisible(DIALOG));
    assert.equal(await text(page, "[data-testid=export-busy]"), "");
    await page.click("[data-testid=dialog-cancel]");
    await page.waitForSelector(DIALOG, { state: "detached" });
    assert.deepEqual(await exports(page), []);
    assert.equal(await page.$("[data-testid=toast]"), null);
    // The format chosen is remembered for the next export.
    await page.keyboard.press("Control+e");
    await page.waitForSelector(`${DIALOG}[open]`);
    assert.equal(await page.isChecked(`${DIALOG} input[value=ics]`), true);
    await page.keyboard.press("Escape");
    await page.waitForSelector(DIALOG, { state: "detached" });
    assert.deepEqual(await exports(page), []);
  } finally {
    await close();
  }
});

test("an export that fails says why", async () => {
  const { page, close } = await openUi(
    { export_plan: { error: { code: "io", message: "Could not write /home/sam/board.docx: the file is open in another program." } } },
    { backend: sampleData(), hash: "#/plan" },
  );
  try {
    await page.waitForSelector("[data-testid=action-row]");
    await page.click("[data-testid=export-plan]");
    await page.waitForSelector(`${DIALOG}[open]`);
    await page.evaluate(() => window.__saveResults.push("/home/sam/board.docx"));
    await page.click("[data-testid=dialog-confirm]");
    await page.waitForSelector("[data-testid=toast][role=alert]");
    assert.equal(
      await text(page, "[data-testid=toast] .toast-text"),
      "Board paper not saved: Could not write /home/sam/board.docx: the file is open in another program.",
    );
    await shot(page, "10-export-error");
    assert.equal(await page.isDisabled("[data-testid=export-plan]"), false);
    assert.deepEqual(await seriousA11yViolations(page), []);
  } finally {
    await close();
  }
});

test("a name typed without its extension gets it, and an existing file there is not replaced", async () => {
  const { page, close, bridge } = await openUi({}, { backend: sampleData(), hash: "#/dashboard" });
  try {
    const existing = bridge.file("plan.csv", "kept\n");
    await page.waitForSelector("[data-testid=report-card]");
    await page.keyboard.press("Control+e");
    await page.waitForSelector(`${DIALOG}[open]`);
    await page.check(`${DIALOG} input[value=csv]`);
    await page.evaluate((path) => window.__saveResults.push(path), existing.replace(/\.csv$/, ""));
    await page.click("[data-testid=dialog-confirm]");
    await page.waitForSelector("[data-testid=toast][role=alert]");
    assert.ok((await text(page, "[data-testid=toast] .toast-text")).startsWith(`CSV file not saved: ${existing} already exists`));
    const [args] = await exports(page);
    assert.equal(args.path, existing);
    assert.equal(args.force, false);
    assert.equal(readFileSync(existing, "utf8"), "kept\n", "the file there is untouched");
  } finally {
    await close();
  }
});

test("the plan's open, owner and due-range filters all apply to the export, whatever its date", async () => {
  // The dashboard's "due in the next 30 days" link, as at 20 Jan 2012.
  const { page, close, bridge } = await openUi({}, { backend: sampleData(), hash: "#/plan?from=2012-01-20&to=2012-02-19&status=open&owner=Jo%20Adams" });
  try {
    await page.waitForSelector("[data-testid=plan-table]");
    await page.keyboard.press("Control+e");
    await page.waitForSelector(`${DIALOG}[open]`);
    const note = "Only actions with open (not completed); due 20 Jan 2012 to 19 Feb 2012; owner: Jo Adams.";
    assert.equal(await text(page, "[data-testid=export-filter-note]"), note);
    await page.fill("[data-testid=export-as-of]", "2012-01-20");
    assert.equal(await text(page, "[data-testid=export-filter-note]"), note);
    assert.deepEqual(await seriousA11yViolations(page), []);
    // Nothing of Jo Adams's falls due then: said before the save dialog, nothing written.
    await page.click("[data-testid=dialog-confirm]");
    await page.waitForSelector(`${DIALOG} [data-testid=error-summary]`);
    assert.match(await text(page, `${DIALOG} [data-testid=error-summary]`), /No action matches the action plan's filters/);
    const asked = (await calls(page, true)).filter((c) => c.cmd === "list_actions").at(-1).args;
    assert.deepEqual(asked, { filter: { open: true, due_from: "2012-01-20", due_to: "2012-02-19", owner: "Jo Adams" }, asOf: "2012-01-20" });
    assert.deepEqual(await exports(page), []);
    // Unticked: the whole plan.
    await page.uncheck("[data-testid=export-apply-filters]");
    assert.equal(await page.isVisible("[data-testid=export-filter-note]"), false);
    await page.evaluate((path) => window.__saveResults.push(path), join(bridge.dir, "all.docx"));
    await page.click("[data-testid=dialog-confirm]");
    await page.waitForFunction(() => window.__ipcCalls.filter((c) => c.cmd === "export_plan").length === 1);
    assert.deepEqual((await exports(page))[0].filter, {});
    assert.equal((await exports(page))[0].asOf, "2012-01-20");
  } finally {
    await close();
  }
});

test("the dialog says who the export is from, and that no action matches before any file is written", async () => {
  const { page, close, id, bridge } = await openUi({}, { backend: sampleData(), hash: "#/plan" });
  try {
    await page.waitForSelector("[data-testid=action-row]");
    await page.selectOption("#f-report", id("rep-rutland-2011"));
    await page.selectOption("#f-owner", "Mark Evans");
    await page.selectOption("#f-status", "completed");
    await settled(page);
    await page.click("[data-testid=export-plan]");
    await page.waitForSelector(`${DIALOG}[open]`);
    assert.equal(await text(page, "[data-testid=export-by]"), "Exported by Sam Patel. Change the name in Settings");
    await page.click("[data-testid=dialog-confirm]");
    await page.waitForSelector(`${DIALOG} [data-testid=error-summary]`);
    assert.equal(
      await text(page, `${DIALOG} [data-testid=error-summary] li`),
      "No action matches the action plan's filters: change them, or untick them to export every action",
    );
    // Nothing asked of the save dialog, nothing written.
    assert.deepEqual(await saves(page), []);
    assert.deepEqual(await exports(page), []);
    await page.click(`${DIALOG} [data-testid=error-summary] a`);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "export-apply-filters");
    assert.deepEqual(await seriousA11yViolations(page), []);
    // Unticked, every action is exported.
    await page.uncheck("[data-testid=export-apply-filters]");
    await page.evaluate((path) => window.__saveResults.push(path), join(bridge.dir, "all.docx"));
    await page.click("[data-testid=dialog-confirm]");
    await page.waitForSelector(DIALOG, { state: "detached" });
    assert.equal((await exports(page)).length, 1);
  } finally {
    await close();
  }
});

test("the board paper: who it is by, the previous paper's date, the board's ask, and drafts and owner-less actions listed but not blocking", async () => {
  const { page, close, bridge } = await openUi({}, { backend: sampleData(), hash: "#/dashboard" });
  try {
    await page.waitForSelector("[data-testid=report-card]");
    await page.keyboard.press("Control+e");
    await page.waitForSelector(`${DIALOG}[open]`);
    await page.waitForFunction(() => document.querySelector("[data-testid=export-ask]")?.value !== "");
    assert.match(await text(page, "[data-testid=export-by]"), /Sam Patel/);
    assert.equal(
      await page.inputValue("[data-testid=export-ask]"),
      "The board is asked to note the progress made since the previous paper; scrutinise the exceptions, including any action re-scheduled since then; and agree the mitigations and next steps their owners propose.",
    );
    // The sample plan has actions with no owner: listed as a warning, the save still offered.
    assert.match(await text(page, "[data-testid=export-warnings]"), /no owner\. You can still save\./);
    assert.equal(await page.isDisabled("[data-testid=dialog-confirm]"), false);
    assert.deepEqual(await seriousA11yViolations(page), []);
    // The board paper's own fields go with it; other formats hide them.
    await page.fill("[data-testid=export-since]", "2012-01-01");
    await page.fill("[data-testid=export-ask]", "approve the revised timescales");
    await page.check(`${DIALOG} input[value=csv]`);
    await page.waitForFunction(() => document.querySelector("[data-testid=export-board-paper]").hidden);
    await page.check(`${DIALOG} input[value=board-paper]`);
    await page.waitForFunction(() => !document.querySelector("[data-testid=export-board-paper]").hidden);
    await page.evaluate((path) => window.__saveResults.push(path), join(bridge.dir, "board.docx"));
    await page.click("[data-testid=dialog-confirm]");
    await page.waitForSelector(DIALOG, { state: "detached" });
    const sent = await exports(page);
    assert.deepEqual(sent[0].paper, { since: "2012-01-01", board_asked: "approve the revised timescales" });
  } finally {
    await close();
  }
});
