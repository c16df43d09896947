// Settings: name, date rules, amber warning, reminders switch, backups (make, restore with
// confirmation), the data folder.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { openUi, seriousA11yViolations, shot, calls, settled } from "./browser.mjs";
import { sampleData } from "./fixtures.mjs";
import { eventually } from "./bridge.mjs";

const text = (page, sel) => page.$eval(sel, (el) => el.innerText).then((t) => t.replace(/\s+/g, " ").trim());
const sets = async (page) => (await calls(page, true)).filter((c) => c.cmd === "set_setting").map((c) => [c.args.key, c.args.value]);

/** The sample plan's backups, newest first: 19 Jan, 12 Jan, and the one made when the app
 * first opened the database (1 Dec 2011). Their names end in the milliseconds they were made at. */
const backupNames = async (bridge) => (await bridge.invoke("list_backups")).map((b) => b.name);

test("settings show their values and save each change", async () => {
  const { page, close, bridge } = await openUi({}, { backend: sampleData(), hash: "#/settings" });
  try {
    await page.waitForSelector("#s-user");
    assert.equal(await page.inputValue("#s-user"), "Sam Patel");
    assert.equal(await page.inputValue("#s-base"), "last_day_of_inspection");
    assert.equal(await page.inputValue("#s-open-kind"), "months");
    assert.equal(await page.inputValue("#s-open-months"), "12");
    assert.equal(await text(page, "[data-testid=data-folder]"), bridge.dir);
    // Named by when they were made; listed with the file's time and size.
    const [lastWeek] = await backupNames(bridge);
    assert.match(lastWeek, /^tracker-20120119-170200-\d{3}\.db$/);
    assert.match(
      await text(page, "[data-testid=backups]"),
      new RegExp(`^Backups, newest first Backup Made Size Restore ${lastWeek.replaceAll(".", "\\.")} \\d{1,2} \\w{3} \\d{4}, \\d\\d:\\d\\d [\\d.]+ KB`),
    );
    await shot(page, "08-settings", true);
    assert.deepEqual(await seriousA11yViolations(page), []);

    await page.fill("#s-user", "Sam Patel (QA lead)");
    await page.press("#s-user", "Tab");
    await page.waitForFunction(() => document.querySelector("[data-testid=settings-status]").textContent === "Your name saved.");
    await page.selectOption("#s-base", "publication");
    await page.selectOption("#s-open-kind", "next_inspection");
    assert.equal(await page.isVisible("#s-open-months"), false);
    await page.fill("#s-amber-days", "21");
    await page.press("#s-amber-days", "Tab");
    await page.fill("#s-amber-progress", "40");
    await page.press("#s-amber-progress", "Tab");
    await page.waitForFunction(() => document.querySelector("[data-testid=settings-status]").textContent.includes("progress threshold saved"));
    assert.deepEqual(await sets(page), [
      ["user_name", "Sam Patel (QA lead)"],
      ["base_date_rule", "publication"],
      ["open_ended", "next_inspection"],
      ["amber_window_days", "21"],
      ["amber_progress_below", "40"],
    ]);
    // The RAG key follows the council's amber settings, in the core's words.
    assert.match(await page.innerText("[data-testid=rag-key]"), /Amber: blocked, or due within 21 days with less than 40% done/);
    assert.match(await page.innerText("[data-testid=rag-key]"), /Blue: completed and evidenced \(evidence attached and signed off\)/);
    await page.selectOption("#s-open-kind", "months");
    await page.fill("#s-open-months", "18");
    await page.press("#s-open-months", "Tab");
    await eventually(async () => (await bridge.invoke("get_settings")).find((s) => s.key === "open_ended").value === "18");
  } finally {
    await close();
  }
});

test("a refused setting is explained", async () => {
  const { page, close } = await openUi({}, { backend: sampleData(), hash: "#/settings" });
  try {
    await page.fill("#s-amber-days", "400");
    await page.press("#s-amber-days", "Tab");
    await page.waitForSelector("[role=alert]");
    assert.match(await text(page, "[role=alert]"), /whole number from 0 to 365/);
    assert.deepEqual(await sets(page), []);
  } finally {
    await close();
  }
});

test("a backup is made now, and one is restored after confirmation", async () => {
  const { page, close, bridge } = await openUi({}, { backend: sampleData(), hash: "#/settings" });
  try {
    const [, weekBefore] = await backupNames(bridge);
    assert.match(weekBefore, /^tracker-20120112-170100-\d{3}\.db$/);
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=backups] tbody tr").length === 3);
    await page.click("[data-testid=make-backup]");
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=backups] tbody tr").length === 4);
    assert.match(await text(page, "[data-testid=toast]"), /Backup made: tracker-20120120-1015\d\d-\d{3}\.db/);
    // Restore asks first; cancelling does nothing.
    await page.click(`[aria-label='Restore ${weekBefore}']`);
    await page.waitForSelector("dialog[open]");
    assert.match(await text(page, "dialog"), new RegExp(`replaced by ${weekBefore.replaceAll(".", "\\.")}.*Changes made since then will be lost`));
    await shot(page, "08-settings-restore-confirm");
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.keyboard.press("Escape");
    await page.waitForSelector("dialog", { state: "detached" });
    assert.ok(!(await calls(page)).includes("restore_backup"));
    // Focus goes back to the button that opened the dialog.
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute("aria-label")), `Restore ${weekBefore}`);
    await page.keyboard.press("Enter");
    await page.click("[data-testid=dialog-confirm]");
    await page.waitForFunction(() => window.__ipcCalls.some((c) => c.cmd === "restore_backup"));
    await settled(page);
    const restored = (await calls(page, true)).filter((c) => c.cmd === "restore_backup").map((c) => c.args.path);
    assert.deepEqual(restored, [join(bridge.dir, "backups", weekBefore)]);
    // The database as it was is kept first, as a backup of its own.
    assert.equal((await bridge.invoke("list_backups")).length, 5);
  } finally {
    await close();
  }
});

test("a failed restore says why", async () => {
  const { page, close, bridge } = await openUi(
    { restore_backup: { error: { code: "backup_corrupt", message: "the backup failed the integrity check; the database was not changed." } } },
    { backend: sampleData(), hash: "#/settings" },
  );
  try {
    const [, weekBefore] = await backupNames(bridge);
    await page.click(`[aria-label='Restore ${weekBefore}']`);
    await page.click("[data-testid=dialog-confirm]");
    await page.waitForSelector("[role=alert]");
    assert.match(await text(page, "[role=alert]"), /failed the integrity check/);
  } finally {
    await close();
  }
});

test("Settings → Team connects, shows the status in the header and disconnects", async () => {
  // The team's server is not part of these tests: the first address typed goes to the
  // core, which refuses it; the second connects as a server would answer.
  const handlers = {
    team_connect: (args, state, bridge) => {
      state.tries = (state.tries ?? 0) + 1;
      if (state.tries === 1) return bridge("team_connect", args);
      const user = args.url.replace(/^postgres:\/\/([^@]+)@.*$/, "$1");
      state.team = { server: args.url, user, role: "editor", last_sync: "2026-03-03T10:00:00.000Z", offline_since: null, pending: 0, refused: 0, conflicts: 0 };
      return state.team;
    },
    team_status: (_args, state) => state.team ?? null,
    team_disconnect: (_args, state) => {
      state.team = null;
      return null;
    },
  };
  const { page, close } = await openUi(handlers, { backend: sampleData(), hash: "#/settings" });
  try {
    await page.waitForSelector("#team-url");
    assert.equal(await page.isVisible("[data-testid=team-status]"), false, "no status for a database used alone");
    await page.fill("#team-url", "db.council.local");
    await page.fill("#team-password", "pw");
    await page.click("[data-testid=team-connect]");
    await page.waitForSelector("[role=alert]");
    assert.match(await text(page, "[role=alert]"), /not a PostgreSQL address/);
    await page.fill("#team-url", "postgres://ann@db.council.local:5432/team");
    await page.click("[data-testid=team-connect]");
    await page.waitForSelector("[data-testid=team-facts]");
    assert.match(await text(page, "[data-testid=team-facts]"), /You ann \(editor\)/);
    const connect = (await calls(page, true)).filter((c) => c.cmd === "team_connect").at(-1);
    assert.deepEqual(connect.args, { url: "postgres://ann@db.council.local:5432/team", password: "pw" });
    // (Asked at once: a field that is gone is as good as empty.)
    const password = await page.$("#team-password");
    assert.equal(password ? await password.inputValue() : "", "", "the password is not kept on the page");
    assert.deepEqual(await seriousA11yViolations(page), []);
    // The background sync reports: the header follows.
    await page.evaluate(() => {
      window.__mockState.team.pending = 3;
      window.__emitTauri("team-changed", { pushed: 0, pulled: 1, refused: 0, conflicts: 0 });
    });
    await page.waitForFunction(() => document.querySelector("[data-testid=team-status]")?.textContent === "3 changes waiting");
    assert.equal(await page.isVisible("[data-testid=team-status]"), true);
    // The event also loads the open screen again: let it finish before using it.
    await settled(page);
    await page.click("[data-testid=team-disconnect]");
    await page.click("[data-testid=dialog-confirm]");
    await page.waitForSelector("#team-url");
  } finally {
    await close();
  }
});
