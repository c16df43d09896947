// The QA lead's overdue review: sorted by days overdue, owners, days since the last
// update with stale ones flagged, and a quick "Add update".
import { test } from "node:test";
import assert from "node:assert/strict";
import { openUi, seriousA11yViolations, shot, calls } from "./browser.mjs";
import { sampleData } from "./fixtures.mjs";

const text = (page, sel) => page.$eval(sel, (el) => el.innerText).then((t) => t.replace(/\s+/g, " ").trim());

test("overdue actions come most overdue first, with owner and staleness", async () => {
  const { page, close } = await openUi({}, { backend: sampleData(), hash: "#/overdue" });
  try {
    await page.waitForSelector("[data-testid=overdue-row]");
    assert.match(
      await text(page, "[data-testid=overdue-summary]"),
      /As of 20 Jan 2012: 28 actions overdue, 0 due in the next 30 days; \d+ with no update for more than 30 days/,
    );
    const days = await page.$$eval("[data-testid=days-overdue]", (els) => els.map((e) => Number(e.textContent.match(/\d+/)[0])));
    assert.equal(days.length, 28);
    assert.deepEqual(
      days,
      [...days].sort((a, b) => b - a),
    );
    assert.equal(days[0], 245); // Derby's "immediately" recommendations, due 20 May 2011
    // act-002 was last updated 45 days ago: stale; act-004 10 days ago: not.
    assert.match(await text(page, "[data-id=act-002] [data-testid=since-update]"), /45 days ago Stale/);
    assert.equal(await text(page, "[data-id=act-004] [data-testid=since-update]"), "10 days ago");
    assert.match(await text(page, "[data-id=act-003] [data-testid=since-update]"), /Never updated Stale/);
    assert.match(await text(page, "[data-id=act-002]"), /Priya Shah/);
    await shot(page, "05-overdue");
    assert.deepEqual(await seriousA11yViolations(page), []);
  } finally {
    await close();
  }
});

test("a quick update from the review is dated, saved, and clears the stale flag", async () => {
  const { page, close } = await openUi({}, { backend: sampleData(), hash: "#/overdue" });
  try {
    await page.waitForSelector("[data-id=act-003]");
    await page.click("[data-id=act-003] >> text=Add update");
    await page.waitForSelector("dialog[open]");
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "update-note");
    await page.keyboard.type("Core assessment threshold re-issued to all team managers.");
    // An update cannot be dated in the future: refused in words, nothing sent.
    await page.fill("dialog input.date-input", "1/1/2099");
    await page.keyboard.press("Enter");
    assert.match(await page.$eval("dialog input.date-input", (el) => el.validationMessage), /cannot be after/);
    assert.ok(!(await calls(page)).includes("add_update"));
    await page.fill("dialog input.date-input", "19/01/2012");
    await shot(page, "05-overdue-add-update");
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.keyboard.press("Enter"); // in the date field: submits the form
    await page.waitForSelector("dialog", { state: "detached" });
    await page.waitForFunction(() => !document.querySelector("[data-id=act-003] [data-testid=stale]"));
    assert.equal(await text(page, "[data-id=act-003] [data-testid=since-update]"), "1 day ago");
    const add = (await calls(page, true)).find((c) => c.cmd === "add_update");
    assert.deepEqual(add.args, { id: "act-003", note: "Core assessment threshold re-issued to all team managers.", writtenOn: "2012-01-19" });
    // Focus returns to the action's row.
    assert.equal(await page.evaluate(() => document.activeElement.closest("[data-id]")?.dataset.id), "act-003");
  } finally {
    await close();
  }
});

test("an update that fails to save keeps the dialog open with the reason", async () => {
  const { page, close } = await openUi(
    { add_update: { error: { code: "empty_note", message: "An update needs some text." } } },
    { backend: sampleData(), hash: "#/overdue" },
  );
  try {
    await page.click("[data-id=act-003] >> text=Add update");
    await page.keyboard.type(" x");
    await page.click("[data-testid=dialog-confirm]");
    await page.waitForSelector("dialog [role=alert]");
    assert.match(await text(page, "dialog [role=alert]"), /needs some text/);
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
