// When a later inspection arrives (issue 13): after its plan is created, the review lists
// the earlier plan's open actions and asks what happens to each — carried forward (to the
// new plan or one of its recommendations), completed, closed as overtaken with a reason —
// with bulk choices and nothing closed unless chosen; repeat findings are confirmed or
// rejected there; the dashboard reminds a person who decided later.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openUi, seriousA11yViolations, shot, calls } from "./browser.mjs";
import { sampleData, withEarlierPlan, REPORT_TEXT } from "./fixtures.mjs";

const text = (page, sel) => page.$eval(sel, (el) => el.innerText ?? el.textContent).then((t) => t.replace(/\s+/g, " ").trim());

/** The plans: the sample, after Rutland's 2006 joint area review with three actions open. */
const data = () => withEarlierPlan(sampleData());

/** Imports the short Rutland report (fixtures.mjs) through the import screen. */
async function importLater(page, bridge) {
  const path = bridge.file("Downloads/rutland-2011.txt", REPORT_TEXT);
  await page.evaluate((path) => window.__dialogResults.push([path]), path);
  await page.click("[data-testid=choose-files]");
  await page.waitForSelector("[data-testid=rec-card]");
  await page.click("[data-testid=create-plan]");
  await page.waitForSelector("[data-testid=earlier-action]");
  // The new report, as the core stored it, and its recommendations' ids.
  const made = (await bridge.invoke("get_summary")).reports.find((r) => r.source_name === "rutland-2011.txt");
  const recs = (await bridge.invoke("list_actions", { filter: { report_id: made.report_id } })).map((a) => a.recommendation_id);
  return { reportId: made.report_id, recs };
}

/** The repeat links the core keeps for a recommendation. */
const links = async (bridge, recommendationId) => (await bridge.invoke("repeat_links", { recommendationId })).links;

test("after a later report, the review asks about each open action of the earlier plan and saves only what was chosen", async () => {
  const { page, close, id, bridge } = await openUi({}, { backend: data(), hash: "#/import" });
  try {
    const later = await importLater(page, bridge);
    assert.equal(await text(page, "h2"), "The earlier plan: Rutland");
    assert.match(await text(page, "[data-testid=earlier-plan] legend"), /^3 open actions from the 2006 plan$/);
    assert.equal((await page.$$("[data-testid=earlier-action]")).length, 3);
    // Nothing is chosen for the person: each starts as "Decide later".
    const chosen = await page.$$eval("[data-testid=decision]", (els) => els.map((e) => e.value));
    assert.deepEqual(chosen, ["", "", ""]);
    // Saving with nothing chosen asks instead of closing anything.
    await page.click("[data-testid=save-decisions]");
    assert.match(await text(page, "[data-testid=decision-problems]"), /Choose a decision for at least one action/);
    assert.ok(!(await calls(page)).includes("decide_previous"));

    // Carry the first forward to the new report's recommendation 2; close the rest.
    const first = page.locator("[data-testid=earlier-action]").nth(0);
    await first.locator("[data-testid=decision]").selectOption("carried");
    const targets = await first.locator("[data-testid=carry-to] option").allTextContents();
    assert.match(targets[0], /^The new plan/);
    assert.match(targets[2], /^Recommendation 2: /);
    await first.locator("[data-testid=carry-to]").selectOption({ index: 2 });
    await page.fill("[data-testid=bulk-reason]", "Overtaken by the 2011 recommendations on assessment");
    await page.click("[data-testid=close-rest]");
    const after = await page.$$eval("[data-testid=decision]", (els) => els.map((e) => e.value));
    assert.deepEqual(after, ["carried", "closed", "closed"], "the bulk choice leaves the one already chosen");
    // A closed one without a reason is refused in words.
    await page.locator("[data-testid=earlier-action]").nth(2).locator("[data-testid=close-reason]").fill(" ");
    await page.click("[data-testid=save-decisions]");
    assert.match(await text(page, "[data-testid=decision-problems]"), /Action 3: say why it is closed as overtaken/);
    await page.locator("[data-testid=earlier-action]").nth(2).locator("[data-testid=close-reason]").fill("Replaced by recommendation 4");

    // Confirm the suggested repeat finding, with its reason shown: the 2006 review's call
    // for access to mental health services, asked again by the new third recommendation
    // (timely support from CAMHS).
    assert.match(await text(page, "[data-testid=repeat-shares]"), /shares: mental health/);
    await shot(page, "13-earlier-plan-review", true);
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.click("[data-testid=confirm-repeat]");
    await page.waitForSelector("[data-testid=repeat-suggestion][data-decision=confirmed]");
    assert.match(await text(page, "[data-testid=repeat-status]"), /Confirmed: raised before/);

    await page.click("[data-testid=save-decisions]");
    await page.waitForFunction(() => !document.querySelector("[data-testid=earlier-action]"));
    const sent = (await calls(page, true)).find((c) => c.cmd === "decide_previous").args;
    assert.equal(sent.reportId, later.reportId);
    assert.deepEqual(sent.choices, [
      { action_id: id("act-old-1"), decision: "carried_forward", recommendation_id: later.recs[1] },
      { action_id: id("act-old-2"), decision: "closed_as_overtaken", reason: "Overtaken by the 2011 recommendations on assessment" },
      { action_id: id("act-old-3"), decision: "closed_as_overtaken", reason: "Replaced by recommendation 4" },
    ]);
    const kept = await links(bridge, later.recs[2]);
    assert.deepEqual(
      kept.map((l) => [l.earlier, l.decision, l.report_id]),
      [[true, "confirmed", id("rep-rutland-2006")]],
    );
    assert.match(kept[0].text, /^ensure young people aged 16 to 18 have access to appropriate mental health services/);
    const toasts = await page.$$eval("[data-testid=toast]", (els) => els.map((e) => e.textContent).join(" | "));
    assert.match(toasts, /1 action carried forward, 2 actions closed as overtaken\. 1 earlier plan closed\./);
  } finally {
    await close();
  }
});

test("Decide later closes nothing, rejecting a repeat is recorded, and the dashboard reminds until answered", async () => {
  const { page, close, bridge } = await openUi({}, { backend: data(), hash: "#/import" });
  try {
    const later = await importLater(page, bridge);
    await page.click("[data-testid=reject-repeat]");
    await page.waitForSelector("[data-testid=repeat-suggestion][data-decision=rejected]");
    await page.click("[data-testid=decide-later]");
    await page.waitForFunction(() => !document.querySelector("[data-testid=earlier-action]"));
    assert.ok(!(await calls(page)).includes("decide_previous"), "nothing decided, nothing closed");
    assert.deepEqual(
      (await links(bridge, later.recs[2])).map((l) => [l.earlier, l.decision]),
      [[true, "rejected"]],
    );
  } finally {
    await close();
  }

  // The dashboard says what still needs a decision and links to it.
  const dash = await openUi({}, { backend: data(), hash: "#/dashboard" });
  try {
    await dash.page.waitForSelector("[data-testid=decisions-needed]");
    assert.equal(await text(dash.page, "[data-testid=decisions-needed]"), "3 open actions from the 2006 plan (Rutland) need a decision. Decide now");
    await shot(dash.page, "14-dashboard-decisions");
    assert.deepEqual(await seriousA11yViolations(dash.page), []);
    // The overdue count holds the earlier plan's open actions too; the tile says how many
    // are in current plans (what the overdue review shows first).
    const overdue = Number(await text(dash.page, "[data-testid=count-overdue] .stat-value"));
    const current = (await dash.bridge.invoke("list_actions", { filter: { overdue: true, current_only: true }, asOf: null })).length;
    assert.equal(overdue - current, 3);
    assert.equal(await text(dash.page, "[data-testid=overdue-split]"), `${current} in current plans, 3 in earlier plans awaiting a decision`);
    // The review shows the current ones first and says what it leaves out ...
    await dash.page.click("text=Review the current ones");
    await dash.page.waitForSelector("[data-testid=overdue-row]");
    assert.equal(await dash.page.isChecked("[data-testid=filter-current]"), true);
    assert.match(
      await text(dash.page, "[data-testid=overdue-summary]"),
      /Not shown: 3 more actions in earlier plans awaiting a decision \(untick “Current plans only” to see them\)\./,
    );
    // ... and the other link shows them all.
    await dash.page.evaluate(() => (location.hash = "#/dashboard"));
    await dash.page.click("text=Review all overdue");
    await dash.page.waitForSelector("[data-testid=overdue-row]");
    assert.equal(await dash.page.isChecked("[data-testid=filter-current]"), false);
    assert.match(await text(dash.page, "[data-testid=overdue-summary]"), new RegExp(`: ${overdue} actions overdue`));
    assert.doesNotMatch(await text(dash.page, "[data-testid=overdue-summary]"), /Not shown/);
    await dash.page.evaluate(() => (location.hash = "#/dashboard"));
    await dash.page.waitForSelector("[data-testid=decide-link]");
    await dash.page.click("[data-testid=decide-link]");
    await dash.page.waitForSelector("[data-testid=earlier-action]");
    assert.equal((await dash.page.$$("[data-testid=earlier-action]")).length, 3);
    await dash.page.click("[data-testid=carry-all]");
    await dash.page.click("[data-testid=save-decisions]");
    await dash.page.waitForSelector("[data-testid=report-card]");
    const sent = (await calls(dash.page, true)).find((c) => c.cmd === "decide_previous").args;
    assert.equal(sent.reportId, dash.id("rep-rutland-2011"));
    assert.deepEqual(
      sent.choices.map((c) => [c.action_id, c.decision, c.recommendation_id]),
      [
        [dash.id("act-old-1"), "carried_forward", null],
        [dash.id("act-old-2"), "carried_forward", null],
        [dash.id("act-old-3"), "carried_forward", null],
      ],
    );
    // Decided: nothing awaits a decision any more.
    assert.deepEqual((await dash.bridge.invoke("get_summary")).decisions_needed, []);
  } finally {
    await dash.close();
  }
});

test("on an action's page a suggested repeat is confirmed; the plan then marks it raised before and filters by it", async () => {
  const { page, close, id } = await openUi({}, { backend: data(), hash: (id) => `#/action/${id("act-003")}` });
  try {
    await page.waitForSelector("[data-testid=repeat-suggestion]");
    // The 2011 call for timely support from CAMHS asks again for the 2006 review's access
    // to mental health services.
    assert.match(await text(page, "[data-testid=repeat-panel]"), /shares: mental health/);
    await page.click("[data-testid=confirm-repeat]");
    await page.waitForSelector("[data-testid=repeat-link]");
    assert.match(
      await text(page, "[data-testid=repeat-link]"),
      /^Raised before: ensure young people aged 16 to 18 have access to appropriate mental health services.* — Joint area review, 24 Nov 2006; confirmed by Sam Patel/,
    );
    assert.equal((await page.$$("[data-testid=repeat-suggestion]")).length, 0, "a confirmed suggestion is no longer offered");
    assert.deepEqual(await seriousA11yViolations(page), []);

    // Rutland's 2011 plan (the 2006 review's and Derby's come first in the whole plan).
    await page.evaluate((h) => (location.hash = h), `#/plan?report=${id("rep-rutland-2011")}`);
    await page.waitForSelector("[data-testid=action-row]");
    const marked = await page.$$eval("[data-testid=action-row]:has([data-testid=raised-before])", (rows) => rows.map((r) => r.dataset.id));
    // The recommendation's two actions (its own and the CAMHS waiting-time target).
    const rec3 = [id("act-003"), id("act-004")];
    assert.deepEqual(marked.sort(), rec3.sort());
    const before = (await page.$$("[data-testid=action-row]")).length;
    assert.ok(before > rec3.length);
    await page.check("[data-testid=filter-raised-before]");
    await page.waitForFunction((n) => document.querySelectorAll("[data-testid=action-row]").length === n, rec3.length);
  } finally {
    await close();
  }
});

test("the export dialog makes a paper for one council when the plan holds several", async () => {
  const { page, close, bridge } = await openUi({}, { backend: sampleData(), hash: "#/dashboard" });
  try {
    await page.waitForSelector("[data-testid=report-card]");
    await page.keyboard.press("Control+e");
    await page.waitForSelector("[data-testid=export-dialog][open]");
    const councils = await page.$$eval("[data-testid=export-authority] option", (els) => els.map((e) => e.textContent));
    // In the plan's order: Derby's inspection was first.
    assert.deepEqual(councils, ["Every council in the plan", "Derby", "Rutland"]);
    await page.selectOption("[data-testid=export-authority]", "Derby");
    await page.evaluate((path) => window.__saveResults.push(path), `${bridge.dir}/derby.docx`);
    await page.click("[data-testid=dialog-confirm]");
    await page.waitForFunction(() => window.__ipcCalls.some((c) => c.cmd === "export_plan"));
    const sent = (await calls(page, true)).find((c) => c.cmd === "export_plan").args;
    assert.equal(sent.filter.authority, "Derby");
    const save = (await calls(page, true)).find((c) => c.cmd === "plugin:dialog|save").args.options;
    assert.match(save.defaultPath, /derby/i);
  } finally {
    await close();
  }
});
