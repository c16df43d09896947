// Start the real app under WebKitWebDriver (what tauri-driver does on Linux) on a database
// of the test's own, and hand back a selenium session.
import { execFileSync, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import net from "node:net";

// The test packages live with the UI's (one npm install for the whole repo).
const require = createRequire(new URL("../../ui/package.json", import.meta.url));
const { Builder, By, Capabilities } = require("selenium-webdriver");

export const APP = process.env.APP_BINARY;
export const CLI = process.env.CLI_BINARY;

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function waitForPort(port, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const ok = await new Promise((resolve) => {
      const s = net.connect(port, "127.0.0.1", () => {
        s.end();
        resolve(true);
      });
      s.on("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebKitWebDriver did not listen on ${port} within ${ms} ms`);
}

/** A fresh data folder for one test; `dbPath` is the database the app will open. */
export function tempData() {
  const dir = mkdtempSync(join(tmpdir(), "iat-e2e-"));
  return { dir, dbPath: join(dir, "tracker.db"), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Launch the app on `dbPath` (with `env` added to its environment; `binary`: another
 * build of the app than APP_BINARY); returns { driver, stop, webdriverPid }. */
export async function launchApp(dbPath, env = {}, binary = APP) {
  if (!binary) throw new Error("APP_BINARY is not set (run through `cargo xtask test`)");
  const port = await freePort();
  const webdriver = spawn("WebKitWebDriver", [`--port=${port}`], {
    // Variables set on the driver reach the app it launches.
    env: { ...process.env, ...env, TAURI_WEBVIEW_AUTOMATION: "true", INSPECTION_TRACKER_DB: dbPath },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitForPort(port, 15000);
  const caps = new Capabilities();
  caps.set("browserName", "wry");
  caps.set("webkitgtk:browserOptions", { binary, args: [] });
  const driver = await new Builder().usingServer(`http://127.0.0.1:${port}/`).withCapabilities(caps).build();
  const stop = async () => {
    // The app is WebKitWebDriver's child and does not always exit with the session; left
    // running it would keep this test's output pipe open and the test run would never end.
    const app = childPids(webdriver.pid);
    try {
      await driver.quit();
    } finally {
      webdriver.kill("SIGTERM");
      for (const pid of app) killQuietly(pid, "SIGTERM");
      await new Promise((r) => setTimeout(r, 500));
      for (const pid of app) killQuietly(pid, "SIGKILL");
    }
  };
  return { driver, stop, webdriverPid: webdriver.pid };
}

/** Direct children of `pid` (Linux `ps`), so the app can be stopped with its driver. */
function childPids(pid) {
  try {
    return execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" })
      .split("\n")
      .map((l) => Number(l.trim()))
      .filter((n) => n > 0);
  } catch {
    return []; // ps exits non-zero when there are none
  }
}

function killQuietly(pid, signal) {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

// --- looking at the page -------------------------------------------------------------------
// Queries run inside the page and return values, not WebDriver element handles: a handle
// can go stale between being found and being returned while a screen re-renders, which
// made tests fail at random.

/** Waits until `css` matches an element. */
export function shown(driver, css, timeout = 30000) {
  return driver.wait(
    () => driver.executeScript((sel) => document.querySelector(sel) !== null, css),
    timeout,
    `${css} did not appear`,
  );
}

/** The rendered text of the first element matching `css`, trimmed (waits for it). */
export async function textOf(driver, css, timeout) {
  await shown(driver, css, timeout);
  return driver.executeScript((sel) => document.querySelector(sel).innerText.trim(), css);
}

/** How many elements match `css` now. */
export function countOf(driver, css) {
  return driver.executeScript((sel) => document.querySelectorAll(sel).length, css);
}

/** An attribute of the first element matching `css` (waits for it). */
export async function attributeOf(driver, css, name) {
  await shown(driver, css);
  return driver.executeScript((sel, n) => document.querySelector(sel).getAttribute(n), css, name);
}

/** A real (WebDriver) click on the first element matching `css`, found afresh if the
 * screen re-rendered under it. */
export async function clickOn(driver, css) {
  await shown(driver, css);
  for (let tries = 0; ; tries++) {
    try {
      return await driver.findElement(By.css(css)).click();
    } catch (e) {
      if (e.name !== "StaleElementReferenceError" || tries >= 5) throw e;
    }
  }
}
