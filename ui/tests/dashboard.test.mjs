// The dashboard: next inspection (and changing it), % complete, counts by RAG and status,
// overdue and due soon, action-plan deadlines, the burn-up chart with its table, report cards.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openUi, seriousA11yViolations, shot, calls } from "./browser.mjs";
import { sampleData } from "./fixtures.mjs";

const text = (page, sel) => page.$eval(sel, (el) => el.innerText ?? el.textContent).then((t) => t.replace(/\s+/g, " ").trim());

test("the dashboard shows progress against the next inspection", async () => {
  const { page, close } = await openUi({}, { backend: sampleData(), hash: "#/dashboard" });
  try {
    await page.waitForSelector("[data-testid=report-card]");
    assert.equal(await text(page, "h2"), "Dashboard");
    // 42 actions; every fifth is completed (9 of 42 = 21.4%).
    assert.equal(await text(page, "[data-testid=percent-complete] .stat-value"), "21.4%");
    // The core's estimate follows Derby's inspection (20 May 2011): the third anniversary,
    // give or take six months.
    assert.match(await text(page, "[data-testid=next-inspection]"), /670 days to the next inspection/);
    assert.match(await text(page, "[data-testid=next-when]"), /Estimated between 20 Nov 2013 and 20 Nov 2014/);
    const overdue = Number(await text(page, "[data-testid=count-overdue] .stat-value"));
    assert.ok(overdue > 0);
    assert.equal(await text(page, "[data-testid=count-due-soon] .stat-value"), "0");
    assert.match(await text(page, "[data-testid=counts-status] [data-testid=status-completed]"), /Completed 9/);
    // Completed is blue only when evidenced and signed off: none of the nine is yet.
    assert.match(await text(page, "[data-testid=counts-rag]"), /Green 12 28\.6% Blue: completed and evidenced \(evidence attached and signed off\) 0 0%/);
    // Rutland's deadline (70 working days from receipt, 18 Nov 2011) is still ahead.
    assert.match(await text(page, "[data-testid=deadlines]"), /Rutland: 29 Feb 2012 \(in 40 days\)/);
    // Passed more than 90 days before: history now, not a deadline to act on.
    assert.doesNotMatch(await text(page, "[data-testid=deadlines]"), /Derby/);
    const cards = await page.$$eval("[data-testid=report-card] h4", (els) => els.map((e) => e.textContent));
    // Oldest inspection first.
    assert.deepEqual(cards, ["Derby", "Rutland"]);
    // The chart has a text alternative and a table of figures.
    assert.match(await page.getAttribute("[data-testid=burnup-svg]", "aria-labelledby"), /burnup-title/);
    // The core's burn-up runs to the plan's last due date (Rutland's six-month ones).
    assert.match(await text(page, "#burnup-desc"), /By 20 Jan 2012, 9 of the 36 actions due were completed\. By 14 Apr 2012, 42 will be due\./);
    await page.click("text=Show the figures as a table");
    const rows = await page.$$("[data-testid=burnup-table] tbody tr");
    // One row for each date the counts change (six due dates, and the day nine were completed).
    assert.equal(rows.length, 7);
    await shot(page, "03-dashboard", true);
    assert.deepEqual(await seriousA11yViolations(page), []);
  } finally {
    await close();
  }
});

test("each report's card shows its judgements: the overall grades, and all of them by section", async () => {
  const { page, close } = await openUi({}, { backend: sampleData(), hash: "#/dashboard" });
  try {
    await page.waitForSelector("[data-testid=report-card]");
    const rutland = "[data-testid=report-card]:has(h4:text-is('Rutland'))";
    assert.equal(
      await text(page, `${rutland} [data-testid=judgements]`),
      "Judgements Overall effectiveness Safeguarding services Adequate Services for looked after children Good All 22 judgements",
    );
    const headline = await page.$$eval(`${rutland} [data-testid=headline-grades] dd .grade`, (els) => els.map((e) => [e.textContent, e.className]));
    assert.deepEqual(headline, [
      ["Adequate", "grade grade-adequate"],
      ["Good", "grade grade-good"],
    ]);
    // The rest behind a disclosure, grouped by section, in report order.
    assert.equal(await page.isVisible(`${rutland} [data-testid=all-judgements] dl`), false);
    await page.click(`${rutland} [data-testid=all-judgements] summary`);
    const sections = await page.$$eval(`${rutland} [data-testid=all-judgements] h6`, (els) => els.map((e) => e.textContent));
    assert.deepEqual(sections, ["Safeguarding services", "Services for looked after children"]);
    const pairs = await page.$$eval(`${rutland} [data-testid=all-judgements] dl`, (dls) =>
      dls.map((dl) => [...dl.querySelectorAll("dt")].map((dt) => `${dt.textContent} → ${dt.nextElementSibling.textContent}`)),
    );
    assert.equal(pairs[0][0], "Overall effectiveness → Adequate");
    assert.equal(pairs[0][2], "Children and young people are safe and feel safe → Good");
    assert.equal(pairs.flat().length, 22);
    assert.ok(pairs.flat().some((p) => p.endsWith("→ Outstanding")));
    await shot(page, "03-dashboard-judgements", true);
    assert.deepEqual(await seriousA11yViolations(page), []);
  } finally {
    await close();
  }
});

test("a report with a few judgements lists them all, with every grade word readable; one with none says so", async () => {
  const data = sampleData();
  // An ILACS-style report: one section, four judgements (as corrected at the review).
  data.reports[0].edit = {
    judgements: [
      { section: "", area: "The impact of leaders on social work practice with children and families", grade: "Requires improvement to be good" },
      { section: "", area: "The experiences and progress of children who need help and protection", grade: "Inadequate" },
      { section: "", area: "The experiences and progress of children in care and care leavers", grade: "Outstanding" },
      { section: "", area: "Overall effectiveness", grade: "Requires improvement to be good" },
    ],
  };
  data.reports[1].edit = { judgements: [] };
  const { page, close } = await openUi({}, { backend: data, hash: "#/dashboard" });
  try {
    await page.waitForSelector("[data-testid=report-card]");
    const card = (name) => `[data-testid=report-card]:has(h4:text-is('${name}'))`;
    const first = await page.$(`${card("Rutland")} [data-testid=judgements]`);
    const second = await page.$(`${card("Derby")} [data-testid=judgements]`);
    assert.match((await first.innerText()).replace(/\s+/g, " "), /^Judgements Overall effectiveness Requires improvement to be good All 4 judgements/);
    await page.click(`${card("Rutland")} [data-testid=all-judgements] summary`);
    const grades = await page.$$eval(`${card("Rutland")} [data-testid=all-judgements] dd .grade`, (els) => els.map((e) => e.className));
    assert.deepEqual(grades, ["grade grade-improve", "grade grade-inadequate", "grade grade-outstanding", "grade grade-improve"]);
    // No section headings for a report with one section.
    assert.equal(await page.$$eval(`${card("Rutland")} [data-testid=all-judgements] h6`, (els) => els.length), 0);
    assert.equal((await second.innerText()).replace(/\s+/g, " ").trim(), "Judgements No judgements were found in the report.");
    // Colour contrast (WCAG 2.2 AA) of every grade's badge.
    assert.deepEqual(await seriousA11yViolations(page), []);
  } finally {
    await close();
  }
});

test("the next inspection date can be set, and cleared back to the estimate", async () => {
  const { page, close } = await openUi({}, { backend: sampleData() });
  try {
    await page.waitForSelector("[data-testid=edit-next]");
    await page.click("[data-testid=edit-next]");
    assert.ok(await page.evaluate(() => document.activeElement.matches("input.date-input")), "the date field has the focus");
    await page.fill("[data-testid=next-inspection] input.date-input", "4 June 2012");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector("[data-testid=next-when]")?.textContent.includes("Set for 4 Jun 2012"));
    assert.match(await text(page, "[data-testid=next-inspection] .stat-value"), /^136$/);
    const set = (await calls(page, true)).filter((c) => c.cmd === "set_next_inspection");
    assert.deepEqual(
      set.map((c) => c.args),
      [{ date: "2012-06-04", reportId: null }],
    );
    await page.click("[data-testid=edit-next]");
    await page.click("[data-testid=clear-next]");
    await page.waitForFunction(() => document.querySelector("[data-testid=next-when]")?.textContent.includes("Estimated"));
    assert.deepEqual((await calls(page, true)).filter((c) => c.cmd === "set_next_inspection").pop().args, { date: null, reportId: null });
    assert.deepEqual(await seriousA11yViolations(page), []);
  } finally {
    await close();
  }
});

test("an error setting the date is shown beside the form", async () => {
  const { page, close } = await openUi(
    { set_next_inspection: { error: { code: "invalid_date", message: "The next inspection cannot be before the last one (14 Oct 2011)." } } },
    { backend: sampleData() },
  );
  try {
    await page.click("[data-testid=edit-next]");
    await page.fill("[data-testid=next-inspection] input.date-input", "01/01/2010");
    await page.keyboard.press("Enter");
    await page.waitForSelector("[data-testid=next-inspection] [role=alert]");
    assert.match(await text(page, "[data-testid=next-inspection] [role=alert]"), /cannot be before the last one/);
  } finally {
    await close();
  }
});

test("marking an action complete in the plan changes the dashboard's counts", async () => {
  // The plan shown for Rutland's report, where act-003 is.
  const { page, close, id } = await openUi({}, { backend: sampleData(), hash: (id) => `#/plan?report=${id("rep-rutland-2011")}` });
  try {
    await page.waitForSelector("[data-testid=action-row]");
    const row = `[data-testid=action-row][data-id="${id("act-003")}"]`;
    await page.selectOption(`${row} select`, "completed");
    await page.waitForSelector("[data-testid=toast]");
    await page.click("nav >> text=Dashboard");
    await page.waitForSelector("[data-testid=percent-complete]");
    // 10 of 42 now.
    assert.equal(await text(page, "[data-testid=percent-complete] .stat-value"), "23.8%");
    assert.match(await text(page, "[data-testid=counts-status] [data-testid=status-completed]"), /Completed 10/);
  } finally {
    await close();
  }
});

test("a failing summary is reported on the dashboard", async () => {
  const { page, close } = await openUi(
    { get_summary: { error: { code: "db_locked", message: "The database is busy (locked by another program)." } } },
    { backend: sampleData() },
  );
  try {
    await page.waitForSelector("[role=alert]");
    assert.match(await text(page, "[role=alert]"), /database is busy/);
    assert.deepEqual(await seriousA11yViolations(page), []);
  } finally {
    await close();
  }
});

test("inside an estimated window the tile counts down to the window's close", async () => {
  const backend = sampleData();
  backend.clock = "2014-02-19T10:15:00Z"; // 91 days into the window estimated from 20 Nov 2013 to 20 Nov 2014
  const { page, close } = await openUi({}, { backend, hash: "#/dashboard" });
  try {
    await page.waitForSelector("[data-testid=next-inspection]");
    const tile = await text(page, "[data-testid=next-inspection]");
    assert.match(tile, /^274 days until the inspection window closes \(it opened 91 days ago\)/);
    assert.doesNotMatch(tile, /since the next inspection was due/);
  } finally {
    await close();
  }
});

test("an area SEND report's priority action plan deadline can be changed after the review", async () => {
  const data = sampleData();
  // One that requires a priority action plan (the only kind with its deadline to set).
  data.reports[1].edit = { kind: "area_send", local_authority: "Derby", priority_action_plan_required: true };
  const { page, close, id } = await openUi({}, { backend: data, hash: "#/dashboard" });
  try {
    await page.waitForSelector("[data-testid=report-card]");
    // Only the area SEND report offers it.
    assert.equal(await page.$$eval("[data-testid=edit-plan-deadline]", (els) => els.length), 1);
    await page.click("[data-testid=edit-plan-deadline]");
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "plan-deadline-input");
    await page.fill("[data-testid=plan-deadline-input]", "");
    await page.keyboard.press("Enter");
    assert.match(await text(page, "[data-testid=report-card] [role=alert]"), /Enter the date the priority action plan is due/);
    await page.fill("[data-testid=plan-deadline-input]", "27/3/2012");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => [...document.querySelectorAll("[data-testid=plan-due]")].some((e) => e.textContent.includes("27 Mar 2012")));
    const call = (await calls(page, true)).find((c) => c.cmd === "set_plan_deadline");
    assert.deepEqual(call.args, { reportId: id("rep-derby-2011"), date: "2012-03-27" });
    assert.deepEqual(await seriousA11yViolations(page), []);
  } finally {
    await close();
  }
});
