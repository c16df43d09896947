// An area SEND report in the real window: drop the sample PDF (written by us in the layout
// Ofsted and CQC publish, tests/fixtures/send), see its outcome, the priority actions with
// their responsible bodies and the request for the priority action plan's deadline (the
// report does not print it); enter the deadline, create the plan, and see the dashboard
// track the deadline and the monitoring inspection window. Only the drop is simulated, as
// in import-plan.test.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { launchApp, tempData, CLI, shown, textOf, countOf, clickOn } from "./driver.mjs";

const PDF = fileURLToPath(new URL("../fixtures/send/kestrelford-area-send.pdf", import.meta.url));
const WAIT = 30000;

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

function cliJson(dbPath, ...args) {
  return JSON.parse(execFileSync(CLI, ["--db", dbPath, ...args, "--json"], { encoding: "utf8" }));
}

/** A date `days` from today as people type it here (dd/mm/yyyy) and as stored (ISO). */
function daysFromToday(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const p = (n) => String(n).padStart(2, "0");
  return { typed: `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`, iso: `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}` };
}

test("drop an area SEND PDF, enter the priority action plan deadline: the dashboard tracks it and the monitoring window", async () => {
  const data = tempData();
  const { driver, stop } = await launchApp(data.dbPath);
  try {
    await shown(driver, "[data-testid=first-run]", WAIT);
    await driver.executeAsyncScript((path, done) => {
      window.__TAURI_INTERNALS__
        .invoke("plugin:event|emit", { event: "tauri://drag-drop", payload: { paths: [path], position: { x: 20, y: 20 } } })
        .then(() => done(null), (e) => done(String(e)));
    }, PDF);

    // The review: the outcome, what the report says of the next inspection, the five
    // recommendations, each priority action with its responsible body.
    await shown(driver, "[data-testid=rec-card]", WAIT);
    assert.equal(await driver.executeScript(() => document.querySelector("#r-authority").value), "Kestrelford");
    assert.match(await textOf(driver, "[data-testid=send-outcome]"), /Widespread and\/or systemic failings/);
    assert.match(await textOf(driver, "[data-testid=stated-next]"), /monitoring inspection within about 18 months/);
    assert.equal(await countOf(driver, "[data-testid=rec-card]"), 5);
    const bodies = await driver.executeScript(() => [...document.querySelectorAll("[data-part=responsible-body]")].map((el) => el.value));
    assert.deepEqual(bodies, [
      "Kestrelford Borough Council and NHS Westmarch Integrated Care Board",
      "NHS Westmarch Integrated Care Board",
      "Kestrelford Borough Council",
      "",
      "",
    ]);
    // The report does not print the plan's deadline: the review asks for it.
    assert.match(await textOf(driver, "[data-testid=plan-deadline-request]"), /does not print when it is due/);
    assert.equal(cliJson(data.dbPath, "list").length, 0, "nothing stored before Create action plan");

    const due = daysFromToday(40);
    await setValue(driver, "#r-plan-deadline", due.typed);
    await clickOn(driver, "[data-testid=create-plan]");
    await driver.wait(() => cliJson(data.dbPath, "list").length === 5, WAIT, "the plan was not stored");
    const led = cliJson(data.dbPath, "list", "--lead-partner", "Westmarch");
    assert.equal(led.length, 2);
    const summary = cliJson(data.dbPath, "summary");
    assert.equal(summary.reports[0].action_plan_deadline, due.iso);

    // The dashboard: the deadline among the plan deadlines and on the report's card, and
    // the next inspection as the monitoring inspection window.
    await driver.executeScript(() => { window.location.hash = "#/dashboard"; });
    assert.match(await textOf(driver, "[data-testid=deadline]", WAIT), /^Kestrelford priority action plan: .*\(in 40 days\)$/);
    assert.match(await textOf(driver, "[data-testid=report-card]"), /Priority action plan due/);
    assert.match(await textOf(driver, "[data-testid=next-inspection]"), /monitoring inspection within approximately 18 months/);
    assert.match(await textOf(driver, "[data-testid=report-card]"), /Widespread and\/or systemic failings/);

    // The plan: each priority action shows its lead partner, and the plan filters by it.
    await driver.executeScript(() => { window.location.hash = "#/plan"; });
    await shown(driver, "[data-testid=action-row]", WAIT);
    await driver.wait(async () => (await countOf(driver, "[data-col=lead-partner]")) === 3, WAIT, "three actions show a lead partner");
    await setValue(driver, "#f-lead", "Kestrelford Borough Council");
    // The core's filter (as an export has it): the actions the council leads, alone or
    // jointly with the ICB.
    await driver.wait(async () => (await countOf(driver, "[data-testid=action-row]")) === 2, WAIT, "the lead partner filter leaves the council's two actions");
    const leads = await driver.executeScript(() => [...document.querySelectorAll("[data-testid=action-row] [data-col=lead-partner]")].map((e) => e.textContent.trim()));
    assert.deepEqual(leads.sort(), ["Led by Kestrelford Borough Council", "Led by Kestrelford Borough Council and NHS Westmarch Integrated Care Board"]);
  } finally {
    await stop();
    data.remove();
  }
});
