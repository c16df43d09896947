// The real window, end to end, the way a service manager uses it: drop a reference PDF on
// the window, correct a date in the review, create the plan, mark an action complete, and
// see the dashboard and overdue counts change. Only the drop itself is simulated (a native
// drag cannot be driven by WebDriver): the test emits the same `tauri://drag-drop` event
// the window system would, through the real IPC bridge. Everything after it is real.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { launchApp, tempData, CLI, shown, textOf, countOf, attributeOf, clickOn } from "./driver.mjs";

const PDF = fileURLToPath(new URL("../fixtures/pdf/004_68b5994d671394d9.pdf", import.meta.url));
const WAIT = 30000;

/** Set a form control's value as typing would, firing input and change. */
async function setValue(driver, css, value) {
  await driver.executeScript(
    (sel, v) => {
      const el = document.querySelector(sel);
      el.value = v;
      el.dispatchEvent(new Event("input", { bubbles: true }));
      el.dispatchEvent(new Event("change", { bubbles: true }));
    },
    css,
    value,
  );
}

async function waitForText(driver, css, pattern) {
  await driver.wait(
    async () => pattern.test(await driver.executeScript((sel) => document.querySelector(sel)?.innerText.trim() ?? "", css)),
    WAIT,
    `${css} never matched ${pattern}`,
  );
  return textOf(driver, css);
}

function cliList(dbPath, ...args) {
  return JSON.parse(execFileSync(CLI, ["--db", dbPath, "list", "--json", ...args], { encoding: "utf8" }));
}

test("drop a PDF, correct its date, create the plan, complete an action: the counts follow", async () => {
  const data = tempData();
  const { driver, stop } = await launchApp(data.dbPath);
  try {
    await shown(driver, "[data-testid=first-run]", WAIT);

    await driver.executeAsyncScript((path, done) => {
      window.__TAURI_INTERNALS__
        .invoke("plugin:event|emit", { event: "tauri://drag-drop", payload: { paths: [path], position: { x: 20, y: 20 } } })
        .then(() => done(null), (e) => done(String(e)));
    }, PDF);

    // The review: Derby's 24 recommendations beside the report's text.
    await shown(driver, "[data-testid=rec-card]", WAIT);
    assert.equal(await driver.executeScript(() => document.querySelector("#r-authority").value), "Derby");
    assert.equal(await countOf(driver, "[data-testid=rec-card]"), 24);
    assert.equal(await driver.executeScript(() => document.querySelector("#r-end").value), "20 May 2011");
    // Nothing is stored before "Create action plan".
    assert.equal(cliList(data.dbPath).length, 0);

    // Correct the inspection's last day, then create the plan.
    // Typed day first, as people here write dates; shown back in words.
    await setValue(driver, "#r-end", "30/06/2011");
    assert.equal(await driver.executeScript(() => document.querySelector("#r-end").value), "30 Jun 2011");
    await clickOn(driver, "[data-testid=create-plan]");
    await driver.wait(async () => cliList(data.dbPath).length === 24, WAIT, "the plan was not stored");
    const stored = cliList(data.dbPath);
    assert.ok(stored.some((a) => a.due_date === "2011-06-30"), "immediate actions are due on the corrected date");
    assert.ok(!stored.some((a) => a.due_date === "2011-05-20"), "nothing is due on the uncorrected date");

    // Every action is overdue today (the report is from 2011).
    await driver.executeScript(() => { window.location.hash = "#/dashboard"; });
    assert.equal(await waitForText(driver, "[data-testid=count-overdue] .stat-value", /^24$/), "24");
    assert.equal(await textOf(driver, "[data-testid=percent-complete] .stat-value"), "0%");

    // Mark the first action complete in the plan, inline.
    await driver.executeScript(() => { window.location.hash = "#/plan"; });
    await shown(driver, "[data-testid=action-row] select[data-col=status]", WAIT);
    const id = await attributeOf(driver, "[data-testid=action-row]", "data-id");
    await setValue(driver, `[data-testid=action-row][data-id="${id}"] select[data-col=status]`, "completed");
    await driver.wait(() => cliList(data.dbPath, "--status", "completed").length === 1, WAIT, "the change was not saved");

    await driver.executeScript(() => { window.location.hash = "#/dashboard"; });
    assert.equal(await waitForText(driver, "[data-testid=count-overdue] .stat-value", /^23$/), "23");
    assert.match(await textOf(driver, "[data-testid=percent-complete] .stat-value"), /^4(\.2)?%$/);

    await driver.executeScript(() => { window.location.hash = "#/overdue"; });
    await driver.wait(async () => (await countOf(driver, "[data-testid=overdue-row]")) === 23, WAIT, "overdue review does not list 23");

    // The change is in the history, recorded through the same core the CLI uses.
    const history = execFileSync(CLI, ["--db", data.dbPath, "history", id, "--json"], { encoding: "utf8" });
    assert.match(history, /"field":\s*"status"/);
    assert.match(history, /"new_value":\s*"completed"/);
  } finally {
    await stop();
    data.remove();
  }
});
