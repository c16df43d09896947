// Reminders: a desktop notification at start-up when actions are overdue or due this
// week, at most once a day, and none when switched off in Settings.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openUi } from "./browser.mjs";
import { sampleData } from "./fixtures.mjs";

// The reminder counts against the computer's today; make the fixture's dates relative to it.
function dataDueNow() {
  const data = sampleData();
  const today = new Date().toISOString().slice(0, 10);
  const plus = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);
  data.asOf = today;
  data.actions.forEach((a, i) => {
    a.due_date = i < 3 ? plus(-10) : i < 5 ? plus(3) : plus(90);
    a.status = i < 5 ? "in_progress" : a.status;
  });
  return data;
}

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

test("no notification when reminders are switched off in Settings", async () => {
  const { page, close } = await openUi({}, { backend: dataDueNow(), hash: "#/settings", storage: { "reminders.enabled": "off" } });
  try {
    await page.waitForSelector("[data-testid=reminders-toggle]");
    assert.equal(await page.isChecked("[data-testid=reminders-toggle]"), false);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__notifications.length), 0);
    // Switching on checks at once.
    await page.check("[data-testid=reminders-toggle]");
    await page.waitForFunction(() => window.__notifications.length === 1);
    assert.equal(await page.evaluate(() => localStorage.getItem("reminders.enabled")), "on");
  } finally {
    await close();
  }
});

test("a notification plugin that fails does not disturb the app", async () => {
  const init = () => {
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
