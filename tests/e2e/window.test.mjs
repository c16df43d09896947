// The real window, end to end: the app opens the database it is pointed at and its first
// screen shows what the store holds, through the real IPC bridge.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { launchApp, tempData, CLI, textOf } from "./driver.mjs";

test("the window opens on an empty database and shows its counts", async () => {
  const data = tempData();
  const { driver, stop } = await launchApp(data.dbPath);
  try {
    assert.equal(await textOf(driver, "[data-testid=count-reports] .stat-value", 20000), "0");
    // The window's title names the app (after the screen's name once one is shown).
    assert.match(await driver.getTitle(), /^(.+ – )?Inspection Action Tracker$/);
    const path = await textOf(driver, "[data-testid=db-path]");
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
    const text = await textOf(driver, "[data-testid=store-error]", 20000);
    assert.match(text, /999/);
    assert.match(text, /newer/);
  } finally {
    await stop();
    data.remove();
  }
});
