// A later inspection in the real window (issue 13): the plan of Rutland's contact, referral
// and assessment inspection of May 2011 is in the database with its 5 actions open; drop
// Rutland's October 2011 safeguarding and looked after children report on the window and
// create its plan; the review lists the 5 open actions of the earlier plan; carry one
// forward and close the rest as overtaken; confirm one suggested repeat finding (October
// asks again for what May found: recording, assessments, re-referrals); the board paper
// then has it in its "Repeat findings" section. Only the drop is simulated, as in import-plan.test.mjs;
// the paper is written by the CLI from the same database (the app's save dialog is native).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { launchApp, tempData, CLI, shown, textOf, countOf, clickOn } from "./driver.mjs";

const EARLIER = fileURLToPath(new URL("../fixtures/003_58c395879ae4d1eb.txt", import.meta.url));
const LATER = fileURLToPath(new URL("../fixtures/pdf/000_e52ea3f525227045.pdf", import.meta.url));
const WAIT = 30000;

/** A real click, after bringing the element to the middle of the window (the review's
 * sticky buttons and the toasts sit at its bottom edge). */
async function clickCentered(driver, css) {
  await shown(driver, css);
  await driver.executeScript((sel) => document.querySelector(sel).scrollIntoView({ block: "center" }), css);
  await clickOn(driver, css);
}

function cli(dbPath, ...args) {
  return JSON.parse(execFileSync(CLI, ["--db", dbPath, ...args, "--json"], { encoding: "utf8" }));
}

/** The text of a .docx's body (tags dropped). */
function docxText(path) {
  const xml = execFileSync("unzip", ["-p", path, "word/document.xml"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return xml
    .replace(/<\/w:p>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/[ \t]+/g, " ");
}

test("a later report: the review lists the earlier plan's open actions; carry one, close the rest, confirm a repeat; it is on the board paper", async () => {
  const data = tempData();
  cli(data.dbPath, "import", EARLIER);
  assert.equal(cli(data.dbPath, "list").length, 5);
  const { driver, stop } = await launchApp(data.dbPath);
  try {
    await shown(driver, "[data-testid=report-card]", WAIT);
    await driver.executeAsyncScript((path, done) => {
      window.__TAURI_INTERNALS__
        .invoke("plugin:event|emit", { event: "tauri://drag-drop", payload: { paths: [path], position: { x: 20, y: 20 } } })
        .then(() => done(null), (e) => done(String(e)));
    }, LATER);
    await shown(driver, "[data-testid=rec-card]", WAIT);
    assert.equal(await driver.executeScript(() => document.querySelector("#r-authority").value), "Rutland");
    assert.equal(await countOf(driver, "[data-testid=rec-card]"), 15);
    await clickOn(driver, "[data-testid=create-plan]");

    // The review's second step: the May plan's 5 open actions, none decided for us.
    await shown(driver, "[data-testid=earlier-action]", WAIT);
    assert.match(await textOf(driver, "[data-testid=earlier-plan] legend"), /^5 open actions from the May 2011 plan$/);
    assert.equal(await countOf(driver, "[data-testid=earlier-action]"), 5);
    const summary = cli(data.dbPath, "summary");
    assert.equal(summary.awaiting_decision, 5, "the new plan is stored; nothing is closed yet");

    // Carry the first forward (to the new plan); close the rest as overtaken.
    const firstId = await driver.executeScript(() => document.querySelector("[data-testid=earlier-action]").dataset.action);
    await driver.executeScript(() => {
      const sel = document.querySelector("[data-testid=earlier-action] [data-testid=decision]");
      sel.value = "carried";
      sel.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await clickCentered(driver, "[data-testid=close-rest]");

    // Confirm the first suggested repeat finding.
    await shown(driver, "[data-testid=repeat-suggestion]", WAIT);
    const rec = await driver.executeScript(() => document.querySelector("[data-testid=repeat-group]").dataset.rec);
    const earlierText = await textOf(driver, "[data-testid=repeat-suggestion] .repeat-text");
    await clickCentered(driver, "[data-testid=confirm-repeat]");
    await shown(driver, "[data-testid=repeat-suggestion][data-decision=confirmed]", WAIT);

    await clickOn(driver, "[data-testid=save-decisions]");
    await driver.wait(() => cli(data.dbPath, "summary").awaiting_decision === 0, WAIT, "the decisions were not saved");
    const all = cli(data.dbPath, "list", "--include-closed");
    const closed = all.filter((a) => a.closed_on);
    assert.equal(closed.length, 4);
    const carried = all.find((a) => a.id === firstId);
    assert.equal(carried.closed_on, null);
    assert.ok(carried.carried_to_report, "carried forward to the new plan");
    assert.deepEqual(
      cli(data.dbPath, "list", "--raised-before").map((a) => a.recommendation_id),
      [rec],
    );

    // The board paper has the confirmed repeat finding.
    const paper = join(data.dir, "board-paper.docx");
    cli(data.dbPath, "export", "--format", "board-paper", "--out", paper);
    const text = docxText(paper);
    const section = text.slice(text.indexOf("Repeat findings"));
    assert.ok(text.includes("Repeat findings"), "the paper has the section");
    assert.ok(section.includes(earlierText.slice(0, 40)), `the earlier recommendation is in the section: ${section.slice(0, 600)}`);
    assert.match(section, /Safeguarding and looked after children inspection, 14 October 2011/);
  } finally {
    await stop();
    data.remove();
  }
});
