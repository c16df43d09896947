import { test } from "node:test";
import assert from "node:assert/strict";
import { openUi, seriousA11yViolations } from "./browser.mjs";

const info = { path: "/home/me/.local/share/tracker.db", schema_version: 1, reports: 2, recommendations: 39, actions: 12345, open_actions: 9 };

test("the first screen shows the store's counts", async () => {
  const { page, close } = await openUi({ store_info: info });
  try {
    await page.waitForSelector("[data-testid=count-actions]");
    assert.equal(await page.textContent("[data-testid=count-reports] .stat-value"), "2");
    assert.equal(await page.textContent("[data-testid=count-actions] .stat-value"), "12,345");
    assert.equal(await page.textContent("[data-testid=db-path]"), info.path);
    assert.equal(await page.textContent("h2"), "Your action plan");
    const calls = await page.evaluate(() => window.__ipcCalls.map((c) => c.cmd));
    assert.deepEqual(calls, ["store_info"]);
    assert.deepEqual(await seriousA11yViolations(page), []);
  } finally {
    await close();
  }
});

test("an empty database says so", async () => {
  const { page, close } = await openUi({ store_info: { ...info, reports: 0, recommendations: 0, actions: 0, open_actions: 0 } });
  try {
    await page.waitForSelector("[data-testid=count-reports]");
    assert.equal(await page.textContent("h2"), "No reports yet");
  } finally {
    await close();
  }
});

test("an error from the core is shown, not swallowed", async () => {
  const message = "the database x.db has schema version 9, newer than this program's 1";
  const { page, close } = await openUi({ store_info: { error: { code: "schema_too_new", message } } });
  try {
    await page.waitForSelector("[data-testid=store-error]");
    assert.match(await page.textContent("[data-testid=store-error]"), /schema version 9/);
    assert.equal(await page.getAttribute("[data-testid=store-error]", "role"), "alert");
    assert.deepEqual(await seriousA11yViolations(page), []);
  } finally {
    await close();
  }
});
