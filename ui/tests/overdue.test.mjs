// The QA lead's overdue review: sorted by days overdue, owners, days since the last
// update with stale ones flagged, and a quick "Add update".
import { test } from "node:test";
import assert from "node:assert/strict";
import { openUi, seriousA11yViolations, shot, calls, settled } from "./browser.mjs";
import { sampleData } from "./fixtures.mjs";

const text = (page, sel) => page.$eval(sel, (el) => el.innerText).then((t) => t.replace(/\s+/g, " ").trim());

test("today's work comes first: grouped by how overdue, the most recently overdue first", async () => {
  const { page, close, id } = await openUi({}, { backend: sampleData(), hash: "#/overdue" });
  try {
    await page.waitForSelector("[data-testid=overdue-row]");
    assert.match(
      await text(page, "[data-testid=overdue-summary]"),
      /As of 20 Jan 2012: 28 actions overdue \(6 under 30 days, 6 30 to 90 days, 16 more than 90 days\), 0 due in the next 30 days; \d+ with no update for more than 30 days/,
    );
    const groups = await page.$$eval("[data-testid=overdue-group] h3", (els) => els.map((e) => e.textContent.replace(/\s+/g, " ").trim()));
    assert.deepEqual(groups, ["Overdue under 30 days (6)", "Overdue 30 to 90 days (6)", "Overdue more than 90 days (16)"]);
    const days = await page.$$eval("[data-testid=days-overdue]", (els) => els.map((e) => Number(e.textContent.match(/\d+/)[0])));
    assert.equal(days.length, 28);
    // Within each band the most recently overdue first; the 245-day-old ones last.
    assert.deepEqual(
      days,
      [...days].sort((a, b) => a - b),
    );
    assert.equal(days[0], 6); // Rutland's three-month recommendations, due 14 Jan 2012
    assert.equal(days.at(-1), 245); // Derby's "immediately" recommendations, due 20 May 2011
    // The core was asked for current plans' actions overdue or due within 30 days.
    const list = (await calls(page, true)).filter((c) => c.cmd === "list_actions").at(-1);
    assert.deepEqual(list.args.filter, { overdue: true, due_within_days: 30, current_only: true });
    // act-002 was last updated 45 days ago: stale; act-004 10 days ago: not.
    assert.match(await text(page, `[data-id="${id("act-002")}"] [data-testid=since-update]`), /45 days ago Stale/);
    assert.equal(await text(page, `[data-id="${id("act-004")}"] [data-testid=since-update]`), "10 days ago");
    assert.match(await text(page, `[data-id="${id("act-003")}"] [data-testid=since-update]`), /Never updated Stale/);
    assert.match(await text(page, `[data-id="${id("act-002")}"]`), /Priya Shah/);
    assert.equal(await text(page, `[data-id="${id("act-002")}"] [data-testid=last-review]`), "Not reviewed");
    await shot(page, "05-overdue");
    assert.deepEqual(await seriousA11yViolations(page), []);
  } finally {
    await close();
  }
});

test("filters are the core's: by owner and how overdue, then grouped by owner", async () => {
  const { page, close } = await openUi({}, { backend: sampleData(), hash: "#/overdue" });
  try {
    await page.waitForSelector("[data-testid=overdue-row]");
    await page.selectOption("[data-testid=filter-how]", "over_ninety_days");
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=overdue-row]").length === 16);
    await page.selectOption("[data-testid=filter-owner]", "Priya Shah");
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=overdue-row]").length < 16);
    const list = (await calls(page, true)).filter((c) => c.cmd === "list_actions").at(-1);
    assert.deepEqual(list.args.filter, { overdue_band: "over_ninety_days", owner: "Priya Shah", current_only: true });
    const owners = await page.$$eval("[data-testid=overdue-row] [data-testid=owner]", (els) => els.map((e) => e.textContent));
    assert.ok(owners.length > 0 && owners.every((o) => o === "Priya Shah"), owners.join());
    const days = await page.$$eval("[data-testid=days-overdue]", (els) => els.map((e) => Number(e.textContent.match(/\d+/)[0])));
    assert.ok(
      days.every((d) => d > 90),
      days.join(),
    );
    // Nobody's actions: the core's no_owner field.
    await page.selectOption("[data-testid=filter-owner]", { label: "No owner" });
    await page.waitForFunction(() =>
      [...document.querySelectorAll("[data-testid=overdue-row] [data-testid=owner]")].every((o) => o.textContent === "No owner"),
    );
    const noOwner = (await calls(page, true)).filter((c) => c.cmd === "list_actions").at(-1);
    assert.deepEqual(noOwner.args.filter, { overdue_band: "over_ninety_days", no_owner: true, current_only: true });
    assert.ok((await page.$$("[data-testid=overdue-row]")).length > 0);
    // A filter that matches nothing says so.
    await page.selectOption("[data-testid=filter-how]", "due_soon");
    await page.waitForSelector("[data-testid=overdue-empty]");
    assert.equal(await text(page, "[data-testid=overdue-empty]"), "No action matches these filters.");
    // Group by owner: one group per owner, no owner last.
    await page.selectOption("[data-testid=filter-how]", "");
    await page.selectOption("[data-testid=filter-owner]", "");
    await page.selectOption("[data-testid=group-by]", "owner");
    await settled(page);
    await page.waitForFunction(() => [...document.querySelectorAll("[data-testid=overdue-group] h3")].some((h) => h.textContent.startsWith("No owner")));
    const groups = await page.$$eval("[data-testid=overdue-group] h3", (els) => els.map((e) => e.textContent.replace(/ \(\d+\)$/, "")));
    assert.deepEqual(groups, ["Designated Nurse (CCG)", "Head of Safeguarding", "Jo Adams", "Mark Evans", "Priya Shah", "No owner"]);
    const total = await page.$$eval("[data-testid=overdue-group] h3", (els) => els.reduce((n, e) => n + Number(e.textContent.match(/\((\d+)\)/)[1]), 0));
    assert.equal(total, 28);
    await shot(page, "05-overdue-by-owner");
    assert.deepEqual(await seriousA11yViolations(page), []);
  } finally {
    await close();
  }
});

test("a review is recorded on an item, with an error summary for what is missing", async () => {
  const { page, close, id } = await openUi({}, { backend: sampleData(), hash: "#/overdue" });
  try {
    await page.click(`[data-id="${id("act-002")}"] [data-testid=record-review]`);
    await page.waitForSelector("[data-testid=review-dialog]");
    // Prefilled: the person's name and today; the date's hint is visible above the field.
    assert.equal(await page.inputValue("#rv-by"), "Sam Patel");
    assert.equal(await page.inputValue("#rv-on"), "20 Jan 2012");
    assert.match(await text(page, "#rv-on-hint"), /For example, 14\/01\/2012/);
    await page.fill("#rv-next", "1/1/2012");
    await page.click("[data-testid=dialog-confirm]");
    await page.waitForSelector("[data-testid=error-summary]");
    assert.match(
      await text(page, "[data-testid=error-summary]"),
      /There is a problem Enter what was agreed at the review The next review must be after the date of the review/,
    );
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "error-summary");
    // Each problem links to its field, and the field says it too.
    await page.click("[data-testid=error-summary] a >> text=Enter what was agreed");
    assert.equal(await page.evaluate(() => document.activeElement.id), "rv-outcome");
    assert.match(await text(page, "#rv-outcome-error"), /Enter what was agreed/);
    assert.ok(!(await calls(page)).includes("record_review"));
    await shot(page, "05-overdue-review-errors");
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.fill("#rv-outcome", "Priya to send the audit to the QA panel by Friday.");
    await page.fill("#rv-next", "3/2/2012");
    await page.click("[data-testid=dialog-confirm]");
    await page.waitForSelector("[data-testid=review-dialog]", { state: "detached" });
    const call = (await calls(page, true)).find((c) => c.cmd === "record_review");
    assert.deepEqual(call.args, {
      id: id("act-002"),
      review: { reviewed_by: "Sam Patel", reviewed_on: "2012-01-20", outcome: "Priya to send the audit to the QA panel by Friday.", next_review: "2012-02-03" },
    });
    assert.equal(
      await text(page, `[data-id="${id("act-002")}"] [data-testid=last-review]`),
      "20 Jan 2012, Sam Patel: Priya to send the audit to the QA panel by Friday. Next review 3 Feb 2012",
    );
    // Kept in the action's history.
    await page.click(`[data-id="${id("act-002")}"] th a`);
    await page.waitForSelector("[data-testid=history]");
    assert.match(await text(page, "[data-testid=history]"), /review outcome.*Priya to send the audit/);
  } finally {
    await close();
  }
});

test("several actions are reassigned, then re-scheduled with one reason, in one call each", async () => {
  const { page, close, id } = await openUi({}, { backend: sampleData(), hash: "#/overdue" });
  try {
    await page.waitForSelector("[data-testid=overdue-row]");
    assert.equal(await text(page, "[data-testid=selected-count]"), "No actions selected");
    assert.equal(await page.isDisabled("[data-testid=bulk-reassign]"), true);
    await page.check(`[data-id="${id("act-002")}"] [data-testid=select-row]`);
    await page.check(`[data-id="${id("act-003")}"] [data-testid=select-row]`);
    assert.equal(await text(page, "[data-testid=selected-count]"), "2 actions selected");
    await page.click("[data-testid=bulk-reassign]");
    await page.waitForSelector("[data-testid=bulk-dialog]");
    await page.click("[data-testid=dialog-confirm]");
    await page.waitForSelector("[data-testid=error-summary]");
    assert.match(await text(page, "[data-testid=error-summary]"), /Enter the new owner's name/);
    await page.fill("[data-testid=bulk-owner]", "Mark Evans");
    await page.click("[data-testid=dialog-confirm]");
    await page.waitForSelector("[data-testid=bulk-dialog]", { state: "detached" });
    await settled(page);
    await page.waitForFunction((row) => document.querySelector(`${row} [data-testid=owner]`)?.textContent === "Mark Evans", `[data-id="${id("act-003")}"]`);
    assert.equal(await text(page, `[data-id="${id("act-002")}"] [data-testid=owner]`), "Mark Evans");
    let bulk = (await calls(page, true)).filter((c) => c.cmd === "update_actions");
    assert.deepEqual(
      bulk.map((c) => c.args),
      [{ ids: [id("act-002"), id("act-003")], change: { kind: "reassign", owner: "Mark Evans" } }],
    );
    assert.match(await page.textContent("[data-testid=toast]"), /2 actions reassigned to Mark Evans/);
    assert.equal(await text(page, "[data-testid=selected-count]"), "No actions selected");

    // Select all shown, then re-schedule them with one reason.
    await page.check("[data-testid=select-all]");
    assert.equal(await text(page, "[data-testid=selected-count]"), "28 actions selected");
    await page.click("[data-testid=bulk-reschedule]");
    await page.fill("[data-testid=bulk-due]", "30/06/2012");
    await page.click("[data-testid=dialog-confirm]");
    await page.waitForSelector("[data-testid=error-summary]");
    assert.equal(await text(page, "[data-testid=error-summary] li"), "Enter the reason for changing the due date");
    await page.fill("[data-testid=bulk-reason]", "Agreed at the QA panel on 20 January");
    await page.click("[data-testid=dialog-confirm]");
    await page.waitForSelector("[data-testid=overdue-empty]");
    bulk = (await calls(page, true)).filter((c) => c.cmd === "update_actions");
    assert.equal(bulk.length, 2);
    assert.equal(bulk[1].args.ids.length, 28);
    assert.deepEqual(bulk[1].args.change, { kind: "reschedule", date: "2012-06-30", reason: "Agreed at the QA panel on 20 January" });
  } finally {
    await close();
  }
});

test("a quick update from the review is dated, saved, and clears the stale flag", async () => {
  const { page, close, id } = await openUi({}, { backend: sampleData(), hash: "#/overdue" });
  try {
    await page.waitForSelector(`[data-id="${id("act-003")}"]`);
    await page.click(`[data-id="${id("act-003")}"] >> text=Add update`);
    await page.waitForSelector("dialog[open]");
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "update-note");
    await page.keyboard.type("Core assessment threshold re-issued to all team managers.");
    // An update cannot be dated in the future: refused in words, nothing sent.
    await page.fill("dialog input.date-input", "1/1/2099");
    await page.keyboard.press("Enter");
    await page.waitForSelector("dialog [data-testid=error-summary]");
    assert.match(await text(page, "dialog [data-testid=error-summary]"), /There is a problem Update as of: The date cannot be after \d+ \w+ \d{4}\./);
    assert.ok(!(await calls(page)).includes("add_update"));
    await page.click("dialog [data-testid=error-summary] a");
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains("date-input")), true);
    await page.fill("dialog input.date-input", "19/01/2012");
    await shot(page, "05-overdue-add-update");
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.keyboard.press("Enter"); // in the date field: submits the form
    await page.waitForSelector("dialog", { state: "detached" });
    await page.waitForFunction((row) => !document.querySelector(`${row} [data-testid=stale]`), `[data-id="${id("act-003")}"]`);
    assert.equal(await text(page, `[data-id="${id("act-003")}"] [data-testid=since-update]`), "1 day ago");
    const add = (await calls(page, true)).find((c) => c.cmd === "add_update");
    assert.deepEqual(add.args, { id: id("act-003"), note: "Core assessment threshold re-issued to all team managers.", writtenOn: "2012-01-19" });
    // Focus returns to the action's row.
    assert.equal(await page.evaluate(() => document.activeElement.closest("[data-id]")?.dataset.id), id("act-003"));
  } finally {
    await close();
  }
});

test("an update that fails to save keeps the dialog open with the reason", async () => {
  const { page, close, id } = await openUi(
    { add_update: { error: { code: "empty_note", message: "An update needs some text." } } },
    { backend: sampleData(), hash: "#/overdue" },
  );
  try {
    await page.click(`[data-id="${id("act-003")}"] >> text=Add update`);
    await page.keyboard.type(" x");
    await page.click("[data-testid=dialog-confirm]");
    await page.waitForSelector("dialog [data-testid=error-summary]");
    assert.match(await text(page, "dialog [data-testid=error-summary]"), /The update was not saved: An update needs some text/);
    await page.keyboard.press("Escape");
    await page.waitForSelector("dialog", { state: "detached" });
  } finally {
    await close();
  }
});

test("the review fits the app's default 1200 px window without cutting off its buttons", async () => {
  const { page, close } = await openUi({}, { backend: sampleData(), hash: "#/overdue" });
  try {
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.waitForSelector("[data-testid=overdue-row]");
    const fit = await page.$eval(".table-scroll, [data-testid=overdue-table]", (el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    assert.ok(fit.scroll <= fit.client, `the table is ${fit.scroll} px wide in ${fit.client} px`);
    const button = await page.$eval("[data-testid=overdue-row] button", (b) => b.getBoundingClientRect().right);
    assert.ok(button <= 1200, `the Add update button ends at ${button} px`);
  } finally {
    await close();
  }
});
