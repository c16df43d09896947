// Reminders: a desktop notification at start-up when actions are overdue or due this
// week, at most once a day, and none when the reminders setting is off (Settings).
import { test } from "node:test";
import assert from "node:assert/strict";
import { openUi, calls } from "./browser.mjs";
import { sampleData } from "./fixtures.mjs";
import { eventually } from "./bridge.mjs";

const text = (page, sel) => page.$eval(sel, (el) => el.innerText).then((t) => t.replace(/\s+/g, " ").trim());
const sets = async (page) => (await calls(page, true)).filter((c) => c.cmd === "set_setting").map((c) => [c.args.key, c.args.value]);

// The reminder counts against the computer's today; make the fixture's dates relative to it
// (moved by hand, with a reason, as the core requires) and the app's clock the computer's.
function dataDueNow() {
  const data = sampleData();
  const plus = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);
  data.clock = null;
  data.actions.forEach((a, i) => {
    a.due = { date: i < 3 ? plus(-10) : i < 5 ? plus(3) : plus(90), reason: "Re-planned with the board" };
    a.status = i < 5 ? "in_progress" : a.status;
  });
  return data;
}
const reminders = async (bridge) => (await bridge.invoke("get_settings")).find((s) => s.key === "reminders").value;

test("a notification at start-up names what is overdue and due this week", async () => {
  const { page, close } = await openUi({}, { backend: dataDueNow(), hash: "#/dashboard" });
  try {
    await page.waitForFunction(() => window.__notifications.length > 0);
    const [n] = await page.evaluate(() => window.__notifications);
    assert.equal(n.title, "Inspection actions need attention");
    assert.equal(n.body, "3 actions overdue and 2 actions due this week.");
    // Not again the same day.
    await page.reload();
    await page.waitForSelector("[data-testid=report-card]");
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__notifications.length), 0);
  } finally {
    await close();
  }
});

test("the reminders setting: off means no notification; switched on in Settings, saved and checked at once", async () => {
  const data = dataDueNow();
  data.settings = { reminders: "off" };
  const { page, close, bridge } = await openUi({}, { backend: data, hash: "#/settings" });
  try {
    await page.waitForSelector("[data-testid=reminders-toggle]");
    assert.equal(await page.isChecked("[data-testid=reminders-toggle]"), false);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__notifications.length), 0);
    // Switching on saves the setting and checks at once.
    await page.check("[data-testid=reminders-toggle]");
    await page.waitForFunction(() => window.__notifications.length === 1);
    assert.equal(await text(page, "[data-testid=reminders-status]"), "Reminders are on.");
    assert.deepEqual(await sets(page), [["reminders", "on"]]);
    assert.equal(await reminders(bridge), "on");
    // Nothing is kept on this computer but the day of the last notification.
    assert.equal(await page.evaluate(() => localStorage.getItem("reminders.enabled")), null);
    // Read back from the setting when the screen loads again.
    await page.click("nav >> text=Dashboard");
    await page.waitForSelector("[data-testid=report-card]");
    await page.click("nav >> text=Settings");
    await page.waitForSelector("[data-testid=reminders-toggle]");
    assert.equal(await page.isChecked("[data-testid=reminders-toggle]"), true);
    // Off again.
    await page.uncheck("[data-testid=reminders-toggle]");
    await page.waitForFunction(() => document.querySelector("[data-testid=reminders-status]").textContent === "Reminders are off.");
    assert.deepEqual(await sets(page), [
      ["reminders", "on"],
      ["reminders", "off"],
    ]);
    await page.click("nav >> text=Dashboard");
    await page.waitForSelector("[data-testid=report-card]");
    await page.click("nav >> text=Settings");
    await page.waitForSelector("[data-testid=reminders-toggle]");
    assert.equal(await page.isChecked("[data-testid=reminders-toggle]"), false);
  } finally {
    await close();
  }
});

test("a switch left off in localStorage by an earlier version becomes the setting", async () => {
  const { page, close, bridge } = await openUi({}, { backend: dataDueNow(), hash: "#/dashboard", storage: { "reminders.enabled": "off" } });
  try {
    await eventually(async () => (await reminders(bridge)) === "off");
    assert.equal(await page.evaluate(() => localStorage.getItem("reminders.enabled")), null);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__notifications.length), 0);
  } finally {
    await close();
  }
});

test("a reminders setting that is not saved is explained, and the switch goes back", async () => {
  const { page, close } = await openUi(
    { set_setting: { error: { code: "db_readonly", message: "The database is read-only: the data folder cannot be written." } } },
    { backend: sampleData(), hash: "#/settings" },
  );
  try {
    await page.waitForSelector("[data-testid=reminders-toggle]");
    assert.equal(await page.isChecked("[data-testid=reminders-toggle]"), true);
    await page.uncheck("[data-testid=reminders-toggle]").catch(() => {});
    await page.waitForSelector("[role=alert]");
    assert.match(await text(page, "[role=alert]"), /reminders setting was not saved.*read-only/);
    assert.equal(await page.isChecked("[data-testid=reminders-toggle]"), true);
  } finally {
    await close();
  }
});

test("a notification plugin that fails does not disturb the app", async () => {
  const init = () => {
    // biome-ignore lint/complexity/noStaticOnlyClass: stands in for the browser's Notification class
    window.Notification = class {
      static permission = "default";
      static requestPermission = async () => {
        throw new Error("notifications are not supported here");
      };
    };
  };
  const { page, close } = await openUi(
    { "plugin:notification|is_permission_granted": { error: "notification.is_permission_granted not allowed" } },
    { backend: dataDueNow(), hash: "#/dashboard", init },
  );
  try {
    await page.waitForSelector("[data-testid=report-card]");
    await page.waitForFunction(() => window.__ipcCalls.some((c) => c.cmd === "plugin:notification|is_permission_granted"));
    // Nothing was shown, nothing broke: the dashboard is there and no alert was raised.
    assert.equal(await page.$$eval("[role=alert]", (a) => a.length), 0);
  } finally {
    await close();
  }
});
