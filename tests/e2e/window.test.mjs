// The real window, end to end: the app opens the database it is pointed at and its first
// screen shows what the store holds, through the real IPC bridge.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { launchApp, tempData, CLI } from "./driver.mjs";

const require = createRequire(new URL("../../ui/package.json", import.meta.url));
const { By, until } = require("selenium-webdriver");

test("the window opens on an empty database and shows its counts", async () => {
  const data = tempData();
  const { driver, stop } = await launchApp(data.dbPath);
  try {
    assert.equal(await driver.getTitle(), "Inspection Action Tracker");
    const reports = await driver.wait(until.elementLocated(By.css("[data-testid=count-reports] .stat-value")), 20000);
    assert.equal(await reports.getText(), "0");
    const path = await driver.findElement(By.css("[data-testid=db-path]")).getText();
    assert.equal(path, data.dbPath);
    // The app created the database; the CLI reads the same file.
    const info = JSON.parse(execFileSync(CLI, ["--db", data.dbPath, "info", "--json"], { encoding: "utf8" }));
    assert.equal(info.reports, 0);
    assert.ok(info.schema_version >= 1);
  } finally {
    await stop();
    data.remove();
  }
});

test("a database from a newer version is refused with a clear message", async () => {
  const data = tempData();
  execFileSync(CLI, ["--db", data.dbPath, "init"]);
  // Pretend a future version wrote it.
  execFileSync("python3", ["-c", `import sqlite3; c=sqlite3.connect(${JSON.stringify(data.dbPath)}); c.execute("PRAGMA user_version=999"); c.commit()`]);
  const { driver, stop } = await launchApp(data.dbPath);
  try {
    const err = await driver.wait(until.elementLocated(By.css("[data-testid=store-error]")), 20000);
    const text = await err.getText();
    assert.match(text, /999/);
    assert.match(text, /newer/);
  } finally {
    await stop();
    data.remove();
  }
});
