// The first run (empty database), the sample reports, and a database that cannot open.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openUi, seriousA11yViolations, shot, calls } from "./browser.mjs";
import { sampleData } from "./fixtures.mjs";

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
  const { page, close } = await openUi({}, { backend: sampleData({ empty: true }) });
  try {
    await page.click("[data-testid=load-samples]");
    await page.waitForSelector("[data-testid=toast]");
    // The app's samples (src-tauri/src/samples.rs): the four dated reports are imported; the
    // joint area review (no date) and the area SEND report (its plan's deadline) are reviewed.
    assert.match(await page.textContent("[data-testid=toast]"), /Loaded 4 sample reports with 47 actions/);
    await page.waitForSelector("[data-testid=rec-card]");
    assert.match(await page.textContent("h2"), /Rutland - joint area review \(sample\)\.txt/);
    assert.match(await page.textContent("[data-testid=r-end-parts] legend"), /Inspection ended \(required\)/);
    assert.ok((await calls(page)).includes("load_samples"));
  } finally {
    await close();
  }
});

test("a failure to load the samples is shown, and the button can be tried again", async () => {
  const { page, close, bridge } = await openUi({}, { backend: sampleData({ empty: true }) });
  try {
    // A file where the samples' folder should be: the core cannot write them out.
    bridge.file("samples", "not a folder");
    await page.click("[data-testid=load-samples]");
    await page.waitForSelector("[role=alert]");
    assert.match(await page.textContent("[role=alert]"), /samples: File exists/);
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
  // The name never set: the app offers the system account's ("sam").
  const data = sampleData({ empty: true });
  data.user = null;
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
  data.damaged = true;
  const { page, close, bridge } = await openUi({}, { backend: data, hash: "#/dashboard" });
  try {
    await page.waitForSelector("[data-testid=store-error]");
    assert.match(await page.textContent("[data-testid=store-error]"), /damaged/);
    await page.waitForSelector("[data-testid=recover] li");
    const rows = await page.$$eval("[data-testid=recover] li", (els) => els.map((e) => e.textContent));
    // The two of the last fortnight, and the one made when the app first opened it.
    assert.equal(rows.length, 3);
    assert.match(rows[0], /the newest/);
    const [newest] = (await bridge.invoke("list_backups")).map((b) => b.name);
    assert.match(newest, /^tracker-20120119-/);
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, "01-store-damaged");
    await page.click("[data-testid=recover] li:first-child button");
    await page.click("[data-testid=dialog-confirm]");
    await page.waitForSelector("[data-testid=toast]");
    assert.ok((await page.textContent("[data-testid=toast]")).includes(`Restored ${newest}`));
    // The dashboard opens on the restored database.
    await page.waitForSelector("[data-testid=store-error]", { state: "detached" });
    assert.ok((await calls(page)).includes("restore_over_damaged"));
    assert.ok(!(await page.isVisible("[data-testid=recover]")));
    // The restored plan is the app's again.
    await page.waitForSelector("[data-testid=report-card]");
    assert.equal((await bridge.invoke("store_info")).actions, 42);
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
