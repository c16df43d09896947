// Closing the real window: the close request is the one a window manager sends for the
// title bar's close button or Alt+F4 (WM_DELETE_WINDOW, sent by wm_close.py: Xvfb has no
// window manager). With nothing unsaved the app exits at once; with a change typed in
// Settings it asks first; Stay keeps the app open with the change, and "Save changes and
// close" stores it (read back with the CLI) and the app exits.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { launchApp, tempData, CLI, shown, textOf, countOf, clickOn } from "./driver.mjs";
import { appTree } from "./processes.mjs";

const require = createRequire(new URL("../../ui/package.json", import.meta.url));
const { By, Key } = require("selenium-webdriver");

const WM_CLOSE = fileURLToPath(new URL("wm_close.py", import.meta.url));
const WAIT = 30000;

/** Asks the app's window to close, as the window manager's close button does. */
function requestClose(pid) {
  execFileSync("python3", [WM_CLOSE, String(pid)], { encoding: "utf8" });
}

/** Whether the process has ended (gone, or a zombie its parent has not yet reaped). */
function ended(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return true;
  }
}

async function waitForExit(pid, ms = 15000) {
  const deadline = Date.now() + ms;
  while (!ended(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

/**
 * A real click that closes the window: WebDriver may lose the window before it can answer
 * the click, so its answer is not waited for; the test checks that the app exited instead.
 */
async function lastClick(driver, css) {
  await clickOn(driver, css).catch(() => {});
}

function setting(dbPath, key) {
  return execFileSync(CLI, ["--db", dbPath, "settings", "get", key], { encoding: "utf8" }).trim();
}

/** The app on a new database whose user name is "Sam Patel", showing Settings; with
 * the app process's id (what the close request is sent to). */
async function settingsOpen() {
  const data = tempData();
  execFileSync(CLI, ["--db", data.dbPath, "settings", "set", "user_name", "Sam Patel"]);
  const app = await launchApp(data.dbPath);
  const { driver } = app;
  try {
    await shown(driver, "[data-testid=count-reports]", WAIT);
    const { app: pid } = appTree(app.webdriverPid);
    await driver.executeScript(() => {
      location.hash = "#/settings";
    });
    await shown(driver, "#s-user", WAIT);
    return { data, app, driver, pid };
  } catch (e) {
    await app.stop();
    data.remove();
    throw e;
  }
}

test("with nothing unsaved, the window's close request ends the app at once", async () => {
  const data = tempData();
  const app = await launchApp(data.dbPath);
  try {
    await shown(app.driver, "[data-testid=count-reports]", WAIT);
    const { app: pid } = appTree(app.webdriverPid);
    requestClose(pid);
    assert.ok(await waitForExit(pid), "the app exited after its window's close request");
  } finally {
    await app.stop();
    data.remove();
  }
});

test("a change typed in Settings: the close request asks; Stay keeps it; Save changes and close stores it and the app exits", async () => {
  const { data, app, driver, pid } = await settingsOpen();
  try {
    const name = await driver.findElement(By.css("#s-user"));
    await name.clear();
    await name.sendKeys("Alex Morgan");

    requestClose(pid);
    assert.equal(
      (await textOf(driver, "[data-testid=close-dialog][open]", WAIT)).replace(/\s+/g, " "),
      "Save your changes before closing? Your changes to the settings have not been saved. Save changes and close Close without saving Stay",
    );
    // Stay, from the keyboard (Escape): the app goes on, with what was typed.
    await driver.switchTo().activeElement().sendKeys(Key.ESCAPE);
    await driver.wait(async () => (await countOf(driver, "[data-testid=close-dialog]")) === 0, WAIT, "the question closed");
    assert.equal(ended(pid), false);
    assert.equal(await driver.executeScript(() => document.querySelector("#s-user").value), "Alex Morgan");
    assert.equal(setting(data.dbPath, "user_name"), "Sam Patel");

    // Asked again: Save changes and close.
    requestClose(pid);
    await shown(driver, "[data-testid=close-dialog][open]", WAIT);
    await lastClick(driver, "[data-testid=choice-save]");
    assert.ok(await waitForExit(pid), "the app exited after saving");
    assert.equal(setting(data.dbPath, "user_name"), "Alex Morgan");
  } finally {
    await app.stop();
    data.remove();
  }
});

test("Close without saving ends the app at once, with the change not stored", async () => {
  const { data, app, driver, pid } = await settingsOpen();
  try {
    await driver.findElement(By.css("#s-user")).sendKeys(" (QA lead)");
    requestClose(pid);
    await shown(driver, "[data-testid=close-dialog][open]", WAIT);
    // The page's own question is the only one: the webview adds none of its own on the way out.
    await lastClick(driver, "[data-testid=choice-discard]");
    assert.ok(await waitForExit(pid), "the app exited without saving");
    assert.equal(setting(data.dbPath, "user_name"), "Sam Patel");
  } finally {
    await app.stop();
    data.remove();
  }
});
