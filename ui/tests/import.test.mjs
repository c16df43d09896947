// Import: the native picker (several files, with progress), drag and drop, the review
// beside the source text, corrections, and that nothing is stored before "Create".
import { test } from "node:test";
import assert from "node:assert/strict";
import { openUi, seriousA11yViolations, shot, calls } from "./browser.mjs";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { sampleData, reportText, blankPdf, REPORT_TEXT } from "./fixtures.mjs";

const text = (page, sel) => page.$eval(sel, (el) => el.innerText).then((t) => t.replace(/\s+/g, " ").trim());

/** The report to import (fixtures.mjs), saved where the person keeps it; returns its path. */
const saved = (bridge, name, options) => bridge.file(join("Downloads", name), reportText(options));
/** What the core reads from a file before anything is stored. */
const previewOf = (bridge, path) => bridge.invoke("preview_import", { path });
/** The reviewed reports sent to be stored. */
const created = async (page) => (await calls(page, true)).filter((c) => c.cmd === "create_plan").map((c) => c.args.input);

test("Ctrl+O picks several files; each is read with progress, then reviewed in turn", async () => {
  // Reading is slow in real life: hold each preview until the test has seen the progress.
  const { page, close, bridge } = await openUi(
    {
      preview_import: async (args, _state, bridge) => {
        await new Promise((resolve) => (window.__releaseRead = resolve));
        return bridge("preview_import", args);
      },
    },
    { backend: sampleData(), hash: "#/dashboard" },
  );
  try {
    const a = saved(bridge, "rutland-2011.txt");
    const b = saved(bridge, "rutland-2011-copy.txt");
    // A scan: a PDF of page images, no text.
    const scan = bridge.file(join("Downloads", "scan.pdf"), blankPdf());
    await page.waitForSelector("[data-testid=report-card]");
    await page.evaluate((paths) => window.__dialogResults.push(paths), [a, scan, b]);
    await page.keyboard.press("Control+o");
    await page.waitForSelector("[data-testid=import-progress]");
    assert.equal(await text(page, "[data-testid=import-progress]"), "Reading 1 of 3…");
    await shot(page, "02-import-progress");
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.evaluate(() => window.__releaseRead());
    await page.waitForFunction(() => document.querySelector("[data-testid=import-progress]")?.textContent === "Reading 2 of 3…");
    await page.evaluate(() => window.__releaseRead());
    await page.waitForFunction(() => document.querySelector("[data-testid=import-progress]")?.textContent === "Reading 3 of 3…");
    await page.evaluate(() => window.__releaseRead());
    await page.waitForSelector("[data-testid=rec-card]");
    // The picker asked for several report files.
    const open = (await calls(page, true)).find((c) => c.cmd === "plugin:dialog|open").args.options;
    assert.equal(open.multiple, true);
    assert.deepEqual(open.filters[0].extensions, ["pdf", "docx", "html", "htm", "txt", "md"]);
    // The unreadable one is named with the reason; the two good ones are reviewed in turn.
    assert.match(await text(page, "[data-testid=import-failures]"), /scan\.pdf \(no text found in the pdf file \(a scanned PDF holds only page images/);
    assert.equal(await text(page, "h2"), "Review 1 of 2: rutland-2011.txt");
    assert.equal(await page.evaluate(() => document.activeElement.id), "screen-title");
    await page.click("[data-testid=create-plan]");
    await page.waitForFunction(() => document.querySelector("h2")?.textContent === "Review 2 of 2: rutland-2011-copy.txt");
    await page.click("[data-testid=skip-file]");
    await page.waitForSelector("[data-testid=report-card]");
    assert.deepEqual(
      (await created(page)).map((c) => c.path),
      [a],
    );
    // Stored: a third report.
    assert.equal((await bridge.invoke("store_info")).reports, 3);
  } finally {
    await close();
  }
});

test("the review shows the facts beside the text, each recommendation highlighted where it came from", async () => {
  const { page, close, bridge } = await openUi({}, { backend: sampleData(), hash: "#/import" });
  try {
    const path = saved(bridge, "rutland-2011.txt");
    const p = await previewOf(bridge, path);
    await page.evaluate((path) => window.__dialogResults.push([path]), path);
    await page.click("[data-testid=choose-files]");
    await page.waitForSelector("[data-testid=rec-card]");
    assert.equal(await page.inputValue("#r-authority"), "Rutland");
    assert.equal(await page.inputValue("#r-kind"), "safeguarding_and_looked_after_children");
    // Dates in British order whatever the machine's locale.
    assert.equal(await page.inputValue("#r-end"), "14 Oct 2011");
    assert.equal(await page.inputValue("#r-published"), "18 Nov 2011");
    assert.equal((await page.$$("[data-testid=rec-card]")).length, 5);
    assert.equal((await page.$$(".judgements tbody tr")).length, 3);
    // Highlights match the recommendations exactly, though the text has multi-byte
    // characters (’ “ ” £ – ‑) before and inside them.
    const marks = await page.$$eval("[data-testid=source-text] mark", (ms) => ms.map((m) => m.textContent.replace(/^Recommendation \d+: /, "")));
    assert.deepEqual(
      marks,
      p.report.recommendations.map((r) => r.text),
    );
    assert.ok(REPORT_TEXT.includes(marks[4]) && marks[4].includes("–"));
    // The full source text is there, verbatim.
    assert.equal(
      await page.$eval("[data-testid=source-text]", (el) =>
        [...el.childNodes].map((n) => (n.nodeType === 3 ? n.textContent : n.lastChild.textContent)).join(""),
      ),
      REPORT_TEXT,
    );
    // Clicking "Show in the report" scrolls the text to it and marks it current.
    await page.setViewportSize({ width: 1280, height: 600 });
    await page.click("[data-rec='4'] [data-part=show]");
    assert.equal(await page.evaluate(() => document.activeElement.id), "src-rec-4");
    assert.ok((await page.getAttribute("#src-rec-4", "class")).split(" ").includes("current"));
    const inView = await page.evaluate(() => {
      const pane = document.querySelector("[data-testid=source-text]").getBoundingClientRect();
      const mark = document.querySelector("#src-rec-4").getBoundingClientRect();
      return mark.top >= pane.top && mark.bottom <= pane.bottom;
    });
    assert.ok(inView, "the highlighted recommendation is scrolled into view");
    // Moving into another recommendation's text brings it into view too.
    await page.focus("[data-rec='0'] textarea");
    assert.ok((await page.getAttribute("#src-rec-0", "class")).split(" ").includes("current"));
    await page.setViewportSize({ width: 1280, height: 860 });
    await shot(page, "02-import-review");
    assert.deepEqual(await seriousA11yViolations(page), []);
    assert.ok(!(await calls(page)).includes("create_plan"));
  } finally {
    await close();
  }
});

test("facts and recommendations are corrected (edit, split, merge, delete) before the plan is created", async () => {
  const { page, close, bridge } = await openUi({}, { backend: sampleData(), hash: "#/import" });
  try {
    const path = saved(bridge, "rutland-2011.txt");
    const p = await previewOf(bridge, path);
    await page.evaluate((path) => window.__dialogResults.push([path]), path);
    await page.click("[data-testid=choose-files]");
    await page.waitForSelector("[data-testid=rec-card]");
    await page.fill("#r-authority", "Rutland County Council");
    await page.selectOption("#r-kind", "child_protection");
    await page.fill("#r-published", "2011-11-21");
    await page.selectOption(".judgements tbody tr:nth-child(3) select", "Outstanding");
    await page.click("text=Add a judgement");
    await page.fill(".judgements tbody tr:nth-child(4) td:nth-child(2) input", "Partnership working");
    // Split recommendation 3 at its semicolon (the caret goes where the split should be).
    await page.click("[data-rec='2'] textarea");
    await page.$eval("[data-rec='2'] textarea", (t) => {
      const at = t.value.indexOf("improve the quality");
      t.setSelectionRange(at, at);
    });
    await page.click("[data-rec='2'] [data-part=split]");
    assert.equal((await page.$$("[data-testid=rec-card]")).length, 6);
    assert.match(await page.inputValue("[data-rec='3'] textarea"), /^improve the quality of assessments/);
    assert.equal(await page.evaluate(() => document.activeElement.closest("[data-rec]")?.dataset.rec), "3");
    // Both halves still point at their own text in the report.
    const halves = await page.$$eval("#src-rec-2, #src-rec-3", (ms) => ms.map((m) => m.textContent.replace(/^Recommendation \d+: /, "")));
    assert.match(halves[0], /^together with Leicestershire.*CAMHS;\s*$/);
    assert.match(halves[1], /^improve the quality of assessments/);
    // Merge 1 and 2, delete the last, correct a text, section and timeframe.
    await page.click("[data-rec='0'] [data-part=merge]");
    assert.equal((await page.$$("[data-testid=rec-card]")).length, 5);
    await page.click("[data-rec='4'] [data-part=delete]");
    await page.waitForSelector("[data-testid=toast]");
    assert.equal((await page.$$("[data-testid=rec-card]")).length, 4);
    await page.fill("[data-rec='3'] textarea", "Reduce re-referrals to the duty and assessment team by making better use of the CAF.");
    await page.fill("[data-rec='3'] [data-part=section]", "Safeguarding services (CAF)");
    await page.selectOption("[data-rec='3'] [data-part=timeframe]", { label: "Within six months" });
    await page.click("[data-testid=create-plan]");
    await page.waitForSelector("[data-testid=action-row]");
    const [input] = await created(page);
    assert.equal(input.path, p.path);
    assert.equal(input.sha256, p.sha256);
    assert.equal(input.inspection_date, null);
    assert.equal(input.report.local_authority, "Rutland County Council");
    assert.equal(input.report.kind, "child_protection");
    assert.equal(input.report.published, "2011-11-21");
    assert.equal(input.report.judgements[2].grade, "Outstanding");
    assert.equal(input.report.judgements[3].area, "Partnership working");
    const recs = input.report.recommendations;
    assert.equal(recs.length, 4);
    assert.match(recs[0].text, /their families ensure that only those cases/);
    assert.equal(recs[0].source_start, p.report.recommendations[0].source_start);
    assert.equal(recs[0].source_end, p.report.recommendations[1].source_end);
    assert.match(recs[1].text, /CAMHS;$/);
    assert.deepEqual([recs[3].section, recs[3].timeframe, recs[3].period], ["Safeguarding services (CAF)", "Within six months", { unit: "months", amount: 6 }]);
    assert.match(recs[3].text, /^Reduce re-referrals/);
    // After a single file, the new plan is shown: the report stored as corrected.
    const made = (await bridge.invoke("get_summary")).reports.find((r) => r.local_authority === "Rutland County Council");
    assert.equal(made.kind, "child_protection");
    assert.equal(made.counts.total, 4);
    assert.equal(new URL(page.url()).hash, `#/plan?report=${made.report_id}`);
    assert.match(await text(page, "[data-testid=toast]:last-child"), /Action plan created for Rutland County Council: 4 actions/);
  } finally {
    await close();
  }
});

test("a report with no date needs one; createPlan gets the corrected date", async () => {
  const { page, close, bridge } = await openUi({}, { backend: sampleData(), hash: "#/import" });
  try {
    const path = saved(bridge, "rutland-undated.txt", { dateless: true });
    await page.evaluate((path) => window.__dialogResults.push([path]), path);
    await page.click("[data-testid=choose-files]");
    await page.waitForSelector("[data-testid=rec-card]");
    // Day, month and year in three fields (GOV.UK's date input): no day/month mix-up.
    assert.match(await text(page, "[data-testid=r-end-parts] legend"), /Inspection ended \(required\)/);
    assert.match(await text(page, "#r-end-hint"), /states no date.*For example, 27 3 2007/);
    assert.deepEqual(await page.$$eval("[data-testid=r-end-parts] label", (els) => els.map((e) => e.textContent)), ["Day", "Month", "Year"]);
    await page.click("[data-testid=create-plan]");
    await page.waitForSelector("[data-testid=error-summary]");
    assert.match(await text(page, "[data-testid=error-summary]"), /There is a problem The report states no date: give the last day of the inspection/);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "error-summary");
    await page.click("[data-testid=error-summary] a");
    assert.equal(await page.evaluate(() => document.activeElement.id), "r-end");
    assert.ok(!(await calls(page)).includes("create_plan"));
    await shot(page, "02-import-needs-date");
    assert.deepEqual(await seriousA11yViolations(page), []);
    // A part missing, then a date that does not exist: said in words, nothing created.
    await page.fill("#r-end", "31");
    await page.fill("#r-end-year", "2006");
    await page.click("[data-testid=create-plan]");
    await page.waitForFunction(() => document.querySelector("[data-testid=error-summary]")?.innerText.includes("must include a month"));
    assert.match(await text(page, "[data-testid=error-summary]"), /The last day of the inspection must include a month/);
    assert.match(await text(page, "#r-end-error"), /must include a month/);
    await page.fill("#r-end-month", "2");
    await page.click("[data-testid=create-plan]");
    await page.waitForFunction(() => document.querySelector("[data-testid=error-summary]")?.innerText.includes("real date"));
    assert.ok(!(await calls(page)).includes("create_plan"));
    // 10 March 2006, the month by name or number.
    await page.fill("#r-end", "10");
    await page.fill("#r-end-month", "Mar");
    await page.click("[data-testid=create-plan]");
    await page.waitForSelector("[data-testid=action-row]");
    const create = (await calls(page, true)).find((c) => c.cmd === "create_plan").args.input;
    assert.equal(create.inspection_date, "2006-03-10");
    assert.equal(create.report.inspection_end, "2006-03-10");
  } finally {
    await close();
  }
});

test("Cancel leaves no trace", async () => {
  const { page, close, bridge } = await openUi({}, { backend: sampleData(), hash: "#/import" });
  try {
    const path = saved(bridge, "rutland-2011.txt");
    await page.evaluate((path) => window.__dialogResults.push([path]), path);
    await page.click("[data-testid=choose-files]");
    await page.waitForSelector("[data-testid=rec-card]");
    await page.fill("#r-authority", "Somewhere else");
    await page.click("[data-testid=cancel-import]");
    await page.waitForSelector("[data-testid=report-card]");
    assert.match(await text(page, "[data-testid=toast]"), /Nothing was stored/);
    const cmds = await calls(page);
    assert.ok(!cmds.includes("create_plan"));
    assert.deepEqual(
      cmds.filter(
        (c) =>
          !["store_info", "get_summary", "list_actions", "burn_up", "get_settings", "team_status", "plugin:event|listen"].includes(c) &&
          !c.startsWith("plugin:dialog"),
      ),
      ["preview_import"],
    );
    // Coming back to Import starts afresh.
    await page.click("nav >> text=Import");
    await page.waitForSelector("[data-testid=choose-files]");
  } finally {
    await close();
  }
});

test("a file imported before is recognised and named", async () => {
  const { page, close, bridge } = await openUi({}, { backend: sampleData(), hash: "#/import" });
  try {
    // The Rutland report the plan was made from, saved again under another name.
    const again = join(bridge.folder("Downloads"), "rutland-again.txt");
    copyFileSync(join(bridge.dir, "reports", "rutland-slac-2011.txt"), again);
    await page.evaluate((path) => window.__dialogResults.push([path]), again);
    await page.click("[data-testid=choose-files]");
    await page.waitForSelector("[data-testid=duplicate]");
    assert.match(await text(page, "[data-testid=duplicate]"), /already imported on 1 Dec 2011 as rutland-slac-2011\.txt/);
    assert.equal(await page.getAttribute("[data-testid=duplicate]", "role"), "alert");
    await shot(page, "02-import-duplicate");
    assert.deepEqual(await seriousA11yViolations(page), []);
  } finally {
    await close();
  }
});

test("files dropped onto the window are imported", async () => {
  const { page, close, bridge } = await openUi({}, { backend: sampleData(), hash: "#/dashboard" });
  try {
    const path = bridge.file(join("Desktop", "rutland.txt"), REPORT_TEXT);
    await page.waitForSelector("[data-testid=report-card]");
    await page.waitForFunction(() => window.__ipcCalls.some((c) => c.cmd === "plugin:event|listen" && c.args.event === "tauri://drag-drop"));
    await page.evaluate((path) => window.__emitTauri("tauri://drag-enter", { paths: [path], position: { x: 10, y: 10 } }), path);
    assert.equal(await page.isVisible("#drop-overlay"), true);
    await shot(page, "02-import-drop-overlay");
    await page.evaluate((path) => window.__emitTauri("tauri://drag-drop", { paths: [path], position: { x: 10, y: 10 } }), path);
    await page.waitForSelector("[data-testid=rec-card]");
    assert.equal(await page.isVisible("#drop-overlay"), false);
    assert.equal(await text(page, "h2"), "Review: rutland.txt");
    assert.deepEqual((await calls(page, true)).find((c) => c.cmd === "preview_import").args, { path });
  } finally {
    await close();
  }
});

test("a failing file picker is explained and the app keeps working", async () => {
  const { page, close } = await openUi(
    { "plugin:dialog|open": { error: "dialog.open not allowed. Permissions associated with this command: dialog:allow-open, dialog:default" } },
    { backend: sampleData(), hash: "#/import" },
  );
  try {
    await page.click("[data-testid=choose-files]");
    await page.waitForSelector("[role=alert]");
    assert.match(await text(page, "[role=alert]"), /file picker could not be opened: dialog.open not allowed/);
    await page.click("nav >> text=Dashboard");
    await page.waitForSelector("[data-testid=report-card]");
  } finally {
    await close();
  }
});

test("a failure creating the plan is shown and the review kept", async () => {
  const { page, close, bridge } = await openUi({}, { backend: sampleData(), hash: "#/import" });
  try {
    const path = saved(bridge, "rutland-2011.txt");
    await page.evaluate((path) => window.__dialogResults.push([path]), path);
    await page.click("[data-testid=choose-files]");
    await page.waitForSelector("[data-testid=rec-card]");
    // Changed on disk after it was read: the core refuses to store what was reviewed.
    saved(bridge, "rutland-2011.txt", { dateless: true });
    await page.click("[data-testid=create-plan]");
    await page.waitForSelector("[role=alert]");
    assert.match(await text(page, "[role=alert]"), /rutland-2011\.txt has changed since it was read/);
    assert.equal(await page.isEnabled("[data-testid=create-plan]"), true);
    assert.equal((await page.$$("[data-testid=rec-card]")).length, 5);
  } finally {
    await close();
  }
});

test("the review refuses a plan without a local authority, with an error summary linking the field", async () => {
  const { page, close, bridge } = await openUi({}, { backend: sampleData(), hash: "#/import" });
  try {
    // A report that does not name its authority.
    const path = saved(bridge, "rutland-2011.txt", { anonymous: true });
    await page.evaluate((path) => window.__dialogResults.push([path]), path);
    await page.click("[data-testid=choose-files]");
    await page.waitForSelector("[data-testid=rec-card]");
    await page.click("[data-testid=create-plan]");
    await page.waitForSelector("[data-testid=error-summary]");
    assert.equal(
      await text(page, "[data-testid=error-summary]"),
      "There is a problem Enter the local authority the report is about: the plan is kept under it",
    );
    assert.ok(!(await calls(page)).includes("create_plan"));
    await page.click("[data-testid=error-summary] a");
    assert.equal(await page.evaluate(() => document.activeElement.id), "r-authority");
    assert.match(await text(page, "#r-authority-error"), /Enter the local authority/);
    await shot(page, "02-import-no-authority");
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.fill("#r-authority", "Rutland");
    await page.click("[data-testid=create-plan]");
    await page.waitForSelector("[data-testid=action-row]");
    const create = (await calls(page, true)).find((c) => c.cmd === "create_plan").args.input;
    assert.equal(create.report.local_authority, "Rutland");
  } finally {
    await close();
  }
});
