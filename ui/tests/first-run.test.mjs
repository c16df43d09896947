// The first run (empty database), the sample reports, and a database that cannot open.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openUi, seriousA11yViolations, shot, calls } from "./browser.mjs";
import { sampleData, importPreview } from "./fixtures.mjs";

const text = (page, sel) => page.$eval(sel, (el) => el.innerText).then((t) => t.replace(/\s+/g, " ").trim());

test("an empty database shows what the app does, its counts and the two ways to start", async () => {
  const { page, close } = await openUi({}, { backend: sampleData({ empty: true }) });
  try {
    await page.waitForSelector("[data-testid=first-run]");
    assert.equal(await page.textContent("h2"), "No reports yet");
    assert.match(await page.textContent(".lead"), /recommendation becomes an action/);
    assert.equal(await page.textContent("[data-testid=count-reports] .stat-value"), "0");
    assert.match(await page.textContent("[data-testid=db-path]"), /tracker\.db$/);
    assert.ok(await page.isVisible("text=Import a report"));
    assert.ok(await page.isVisible("text=Try the sample reports"));
    // Only store_info decides the first run: nothing else is asked of an empty database.
    assert.ok(!(await calls(page)).includes("get_summary"));
    await shot(page, "01-first-run");
    assert.deepEqual(await seriousA11yViolations(page), []);
    // "Import a report" goes to the import screen, by keyboard.
    await page.focus("[data-testid=start-import]");
    await page.keyboard.press("Enter");
    await page.waitForSelector("[data-testid=choose-files]");
    assert.equal(new URL(page.url()).hash, "#/import");
  } finally {
    await close();
  }
});

test("Try the sample reports loads them, then reviews the one that states no date", async () => {
  const data = sampleData({ empty: true });
  const full = sampleData();
  const dateless = importPreview({ path: "/opt/tracker/samples/rutland-jar-2006.txt", dateless: true });
  data.samples = {
    after: { reports: full.reports, recs: full.recs, actions: full.actions, updates: full.updates },
    result: {
      imported: [
        { report_id: "rep-rutland-2011", duplicate: false, source_name: "rutland-slac-2011.pdf", local_authority: "Rutland", recommendations: 15, actions: 16 },
        { report_id: "rep-derby-2011", duplicate: false, source_name: "derby-slac-2011.pdf", local_authority: "Derby", recommendations: 24, actions: 26 },
      ],
      needs_review: [dateless],
    },
  };
  const { page, close } = await openUi({}, { backend: data });
  try {
    await page.click("[data-testid=load-samples]");
    await page.waitForSelector("[data-testid=toast]");
    assert.match(await page.textContent("[data-testid=toast]"), /Loaded 2 sample reports with 42 actions/);
    await page.waitForSelector("[data-testid=rec-card]");
    assert.match(await page.textContent("h2"), /rutland-jar-2006\.txt/);
    assert.match(await page.textContent("[data-testid=r-end-parts] legend"), /Inspection ended \(required\)/);
    assert.ok((await calls(page)).includes("load_samples"));
  } finally {
    await close();
  }
});

test("a failure to load the samples is shown, and the button can be tried again", async () => {
  const { page, close } = await openUi({}, { backend: sampleData({ empty: true }) });
  try {
    await page.click("[data-testid=load-samples]");
    await page.waitForSelector("[role=alert]");
    assert.match(await page.textContent("[role=alert]"), /sample reports are not installed/);
    assert.equal(await page.isEnabled("[data-testid=load-samples]"), true);
    assert.deepEqual(await seriousA11yViolations(page), []);
  } finally {
    await close();
  }
});

test("a database that cannot be opened is explained, not swallowed", async () => {
  const message = "the database x.db has schema version 9, newer than this program's 1";
  const { page, close } = await openUi({ store_info: { error: { code: "schema_too_new", message } } });
  try {
    await page.waitForSelector("[data-testid=store-error]");
    assert.match(await page.textContent("[data-testid=store-error]"), /schema version 9/);
    assert.equal(await page.getAttribute("[data-testid=store-error]", "role"), "alert");
    await shot(page, "01-store-error");
    assert.deepEqual(await seriousA11yViolations(page), []);
  } finally {
    await close();
  }
});

test("the first run asks for the name the history will record, prefilled from the system account", async () => {
  const data = sampleData({ empty: true });
  Object.assign(
    data.settings.find((s) => s.key === "user_name"),
    { value: "sam", is_default: true },
  );
  data.user = "sam";
  const { page, close } = await openUi({}, { backend: data });
  try {
    await page.waitForSelector("[data-testid=first-run]");
    await page.waitForFunction(() => document.querySelector("[data-testid=first-name]")?.value === "sam");
    assert.match(await text(page, "#first-name-hint"), /records every change, update and review under this name/);
    // Empty: an error summary linking to the field; nothing stored, nowhere to go.
    await page.fill("[data-testid=first-name]", " ");
    await page.click("[data-testid=start-import]");
    await page.waitForSelector("[data-testid=error-summary]");
    assert.match(await text(page, "[data-testid=error-summary]"), /There is a problem Enter your name, as the history should record it/);
    assert.equal(new URL(page.url()).hash, "");
    await page.click("[data-testid=error-summary] a");
    assert.equal(await page.evaluate(() => document.activeElement.id), "first-name");
    await shot(page, "01-first-run-name-error");
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.fill("[data-testid=first-name]", "Sam Patel");
    await page.click("[data-testid=start-import]");
    await page.waitForSelector("[data-testid=choose-files]");
    const set = (await calls(page, true)).filter((c) => c.cmd === "set_setting").map((c) => c.args);
    assert.deepEqual(set, [{ key: "user_name", value: "Sam Patel" }]);
  } finally {
    await close();
  }
});

test("a damaged database offers its backups, newest first, and restoring one opens the app", async () => {
  const data = sampleData();
  data.damaged = { code: "damaged", message: "the database file /home/sam/tracker.db is damaged (its pages do not check out)." };
  const { page, close } = await openUi({}, { backend: data, hash: "#/dashboard" });
  try {
    await page.waitForSelector("[data-testid=store-error]");
    await page.waitForSelector("[data-testid=recover] li");
    const rows = await page.$$eval("[data-testid=recover] li", (els) => els.map((e) => e.textContent));
    assert.equal(rows.length, 2);
    assert.match(rows[0], /the newest/);
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, "01-store-damaged");
    await page.click("[data-testid=recover] li:first-child button");
    await page.click("[data-testid=dialog-confirm]");
    await page.waitForSelector("[data-testid=toast]");
    assert.match(await page.textContent("[data-testid=toast]"), /Restored tracker-2012-01-19\.db/);
    // The dashboard opens on the restored database.
    await page.waitForSelector("[data-testid=store-error]", { state: "detached" });
    assert.ok((await calls(page)).includes("restore_over_damaged"));
    assert.ok(!(await page.isVisible("[data-testid=recover]")));
  } finally {
    await close();
  }
});

test("a database that is busy or too new offers no restore: a backup would not help", async () => {
  const { page, close } = await openUi({ store_info: { error: { code: "busy", message: "the database is busy" } } });
  try {
    await page.waitForSelector("[data-testid=store-error]");
    assert.equal(await page.$("[data-testid=recover]"), null);
  } finally {
    await close();
  }
});
