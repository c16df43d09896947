// Closing the window (its close button, Alt+F4, ⌘W: Tauri's "tauri://close-requested")
// with changes unsaved in a form that saves on request asks first: save and close, close
// without saving, or stay. With nothing unsaved it closes at once. The same rule decides
// as for leaving the screen (ui/src/unsaved.ts). What is saved is read back from the core.
// Reports read for import but not yet stored (kept across screens) are asked about too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openUi, seriousA11yViolations, shot, calls } from "./browser.mjs";
import { join } from "node:path";
import { sampleData, reportText } from "./fixtures.mjs";

const text = (page, sel) => page.$eval(sel, (el) => el.innerText).then((t) => t.replace(/\s+/g, " ").trim());
const saves = async (page) => (await calls(page, true)).filter((c) => c.cmd === "set_settings").map((c) => c.args.changes.map((x) => [x.key, x.value]));
const setting = async (bridge, key) => (await bridge.invoke("get_settings")).find((s) => s.key === key).value;
const closed = (page) => page.evaluate(() => window.__windowClosed === true);

/** Asks the window to close, as its close button does (once the page listens for it). */
async function requestClose(page) {
  await page.waitForFunction(() => window.__ipcCalls.some((c) => c.cmd === "plugin:event|listen" && c.args.event === "tauri://close-requested"));
  await page.evaluate(() => window.__emitTauri("tauri://close-requested", null));
}

/** The question before closing: its words, once it is open. */
async function closeQuestion(page) {
  await page.waitForSelector("[data-testid=close-dialog][open]");
  return text(page, "[data-testid=close-dialog]");
}

const QUESTION = "Save your changes before closing? Your changes to the settings have not been saved. Save changes and close Close without saving Stay";

test("with nothing unsaved the window closes at once, without a question", async () => {
  const { page, close } = await openUi({}, { backend: sampleData(), hash: "#/settings" });
  try {
    await page.waitForSelector("#s-user");
    await requestClose(page);
    await page.waitForFunction(() => window.__windowClosed === true);
    assert.equal(await page.$("dialog"), null);
  } finally {
    await close();
  }
});

test("unsaved settings: closing asks; Stay (Escape or the button) keeps the edits and the window", async () => {
  const { page, close, bridge } = await openUi({}, { backend: sampleData(), hash: "#/settings" });
  try {
    await page.waitForSelector("#s-user");
    await page.fill("#s-user", "Sam P.");
    await requestClose(page);
    assert.equal(await closeQuestion(page), QUESTION);
    await shot(page, "08-settings-close-question");
    assert.deepEqual(await seriousA11yViolations(page), []);
    // The keyboard: focus starts on the suggested answer and Tab stays inside the question.
    assert.equal(await page.evaluate(() => document.activeElement.textContent), "Save changes and close");
    const focusedInside = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Tab");
      focusedInside.push(await page.evaluate(() => (document.activeElement.closest("[data-testid=close-dialog]") ? document.activeElement.textContent : null)));
    }
    assert.deepEqual(focusedInside, ["Close without saving", "Stay", "Save changes and close", "Close without saving"]);
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    assert.equal(await page.evaluate(() => document.activeElement.textContent), "Stay");
    // Escape is Stay: the window stays, what was typed stays, nothing is saved.
    await page.keyboard.press("Escape");
    await page.waitForSelector("[data-testid=close-dialog]", { state: "detached" });
    assert.equal(await closed(page), false);
    assert.equal(await page.inputValue("#s-user"), "Sam P.");
    assert.equal(await page.evaluate(() => document.activeElement.id), "s-user");
    // The Stay button does the same.
    await requestClose(page);
    await closeQuestion(page);
    await page.click("[data-testid=choice-stay]");
    await page.waitForSelector("[data-testid=close-dialog]", { state: "detached" });
    assert.equal(await closed(page), false);
    assert.equal(await page.inputValue("#s-user"), "Sam P.");
    assert.deepEqual(await saves(page), []);
    assert.equal(await setting(bridge, "user_name"), "Sam Patel");
    // Saved with Save changes: nothing is unsaved, so the next close asks nothing.
    await page.click("[data-testid=save-settings]");
    await page.waitForSelector("[data-testid=success-banner]");
    await requestClose(page);
    await page.waitForFunction(() => window.__windowClosed === true);
    assert.equal(await page.$("[data-testid=close-dialog]"), null);
  } finally {
    await close();
  }
});

test("Save changes and close stores the settings in one save, then closes the window", async () => {
  const { page, close, bridge } = await openUi({}, { backend: sampleData(), hash: "#/settings" });
  try {
    await page.waitForSelector("#s-user");
    await page.fill("#s-user", "Sam Patel (QA lead)");
    await page.fill("#s-amber-days", "21");
    await requestClose(page);
    await closeQuestion(page);
    // Enter takes the suggested answer, where focus starts.
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => window.__windowClosed === true);
    assert.deepEqual(await saves(page), [
      [
        ["user_name", "Sam Patel (QA lead)"],
        ["amber_window_days", "21"],
      ],
    ]);
    assert.equal(await setting(bridge, "user_name"), "Sam Patel (QA lead)");
    assert.equal(await setting(bridge, "amber_window_days"), "21");
  } finally {
    await close();
  }
});

test("Save changes and close with a problem stays open, with the error summary, and saves nothing", async () => {
  const { page, close, bridge } = await openUi({}, { backend: sampleData(), hash: "#/settings" });
  try {
    await page.waitForSelector("#s-user");
    const before = await setting(bridge, "amber_window_days");
    await page.fill("#s-user", "Sam P.");
    await page.fill("#s-amber-days", "400");
    await requestClose(page);
    await closeQuestion(page);
    await page.click("[data-testid=choice-save]");
    await page.waitForSelector("[data-testid=error-summary]");
    assert.equal(await text(page, "[data-testid=error-summary]"), "There is a problem Enter the amber warning window (days) as a whole number from 0 to 365");
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "error-summary");
    assert.equal(await closed(page), false);
    assert.deepEqual(await saves(page), []);
    assert.equal(await setting(bridge, "amber_window_days"), before);
    assert.equal(await page.inputValue("#s-user"), "Sam P.");
  } finally {
    await close();
  }
});

test("a save the core refuses keeps the window open and says why", async () => {
  const { page, close, bridge } = await openUi(
    { set_settings: { error: { code: "busy", message: "the database is busy: another program is writing to it; nothing was changed." } } },
    { backend: sampleData(), hash: "#/settings" },
  );
  try {
    await page.waitForSelector("#s-user");
    await page.fill("#s-user", "Sam P.");
    await requestClose(page);
    await closeQuestion(page);
    await page.click("[data-testid=choice-save]");
    await page.waitForSelector("[data-testid=error-summary]");
    assert.match(await text(page, "[data-testid=error-summary]"), /The settings were not saved: the database is busy/);
    assert.equal(await closed(page), false);
    assert.equal(await setting(bridge, "user_name"), "Sam Patel");
    assert.equal(await page.inputValue("#s-user"), "Sam P.");
  } finally {
    await close();
  }
});

test("Close without saving closes the window and stores nothing", async () => {
  const { page, close, bridge } = await openUi({}, { backend: sampleData(), hash: "#/settings" });
  try {
    await page.waitForSelector("#s-user");
    await page.fill("#s-user", "Sam P.");
    await page.selectOption("#s-base", "publication");
    await requestClose(page);
    await closeQuestion(page);
    await page.click("[data-testid=choice-discard]");
    await page.waitForFunction(() => window.__windowClosed === true);
    assert.deepEqual(await saves(page), []);
    assert.equal(await setting(bridge, "user_name"), "Sam Patel");
    assert.equal(await setting(bridge, "base_date_rule"), "last_day_of_inspection");
  } finally {
    await close();
  }
});

test("an action's unsaved details: leaving the page asks, and closing offers to save them", async () => {
  const { page, close, bridge, id } = await openUi({}, { backend: sampleData(), hash: (id) => `#/action/${id("act-003")}` });
  try {
    await page.waitForSelector("#d-owner");
    const ownerBefore = (await bridge.invoke("show_action", { id: id("act-003") })).action.owner;
    await page.fill("#d-owner", "Alex Morgan");
    // Leaving the page asks, as in Settings; staying keeps the change.
    await page.click("nav >> text=Dashboard");
    await page.waitForSelector("dialog[open]");
    assert.match(await text(page, "dialog"), /^Leave without saving\? Your changes to this action have not been saved/);
    await page.keyboard.press("Escape");
    await page.waitForSelector("dialog", { state: "detached" });
    assert.equal(await page.inputValue("#d-owner"), "Alex Morgan");
    assert.equal((await bridge.invoke("show_action", { id: id("act-003") })).action.owner, ownerBefore);
    // Closing asks the same question of this action's changes; saving stores them.
    await requestClose(page);
    assert.match(await closeQuestion(page), /^Save your changes before closing\? Your changes to this action have not been saved\./);
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.click("[data-testid=choice-save]");
    await page.waitForFunction(() => window.__windowClosed === true);
    assert.equal((await bridge.invoke("show_action", { id: id("act-003") })).action.owner, "Alex Morgan");
  } finally {
    await close();
  }
});

/** Picks report files saved as `names` (Ctrl+O) and waits for the first one's review. */
async function readForImport(page, bridge, names) {
  const paths = names.map((n) => bridge.file(join("Downloads", n), reportText()));
  await page.waitForSelector("[data-testid=report-card]");
  await page.evaluate((p) => window.__dialogResults.push(p), paths);
  await page.keyboard.press("Control+o");
  await page.waitForSelector("[data-testid=rec-card]");
}

test("reports read for import but not yet stored: closing asks, Stay keeps the review, and after the last one nothing is asked", async () => {
  const { page, close, bridge } = await openUi({}, { backend: sampleData(), hash: "#/dashboard" });
  try {
    await readForImport(page, bridge, ["rutland-2011.txt", "rutland-2011-copy.txt"]);
    // Moving to another screen keeps the review (it is in memory); closing would lose it.
    await page.click("nav >> text=Dashboard");
    await page.waitForSelector("[data-testid=report-card]");
    await requestClose(page);
    assert.equal(
      await closeQuestion(page),
      "Close and lose the import? 2 reports read for import are not yet stored: nothing is kept until you choose Create action plan for each. Close and lose it Stay",
    );
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.keyboard.press("Escape");
    await page.waitForSelector("[data-testid=close-dialog]", { state: "detached" });
    assert.equal(await closed(page), false);
    await page.click("nav >> text=Import");
    await page.waitForSelector("[data-testid=rec-card]");
    assert.equal(await text(page, "h2"), "Review 1 of 2: rutland-2011.txt");
    // One stored, one still to review: the question counts the one left.
    await page.click("[data-testid=create-plan]");
    await page.waitForFunction(() => document.querySelector("h2")?.textContent === "Review 2 of 2: rutland-2011-copy.txt");
    await requestClose(page);
    assert.match(await closeQuestion(page), /^Close and lose the import\? 1 report read for import is not yet stored/);
    await page.click("[data-testid=choice-stay]");
    await page.waitForSelector("[data-testid=close-dialog]", { state: "detached" });
    await page.click("[data-testid=skip-file]");
    await page.waitForSelector("[data-testid=report-card]");
    // Nothing left to lose: the window closes at once.
    await requestClose(page);
    await page.waitForFunction(() => window.__windowClosed === true);
    assert.equal(await page.$("[data-testid=close-dialog]"), null);
    assert.equal((await bridge.invoke("store_info")).reports, 3);
  } finally {
    await close();
  }
});

test("Close and lose it closes the window with the import's reports unstored", async () => {
  const { page, close, bridge } = await openUi({}, { backend: sampleData(), hash: "#/dashboard" });
  try {
    await readForImport(page, bridge, ["rutland-2011.txt"]);
    await requestClose(page);
    assert.match(await closeQuestion(page), /^Close and lose the import\? 1 report read for import is not yet stored/);
    await page.click("[data-testid=choice-discard]");
    await page.waitForFunction(() => window.__windowClosed === true);
    assert.equal((await bridge.invoke("store_info")).reports, 2);
  } finally {
    await close();
  }
});
