// Settings: name, date rules, amber warning, reminders switch, backups (make, restore with
// confirmation), the data folder.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openUi, seriousA11yViolations, shot, calls } from "./browser.mjs";
import { sampleData } from "./fixtures.mjs";

const text = (page, sel) => page.$eval(sel, (el) => el.innerText).then((t) => t.replace(/\s+/g, " ").trim());
const sets = async (page) => (await calls(page, true)).filter((c) => c.cmd === "set_setting").map((c) => [c.args.key, c.args.value]);

test("settings show their values and save each change", async () => {
  const { page, close } = await openUi({}, { backend: sampleData(), hash: "#/settings" });
  try {
    await page.waitForSelector("#s-user");
    assert.equal(await page.inputValue("#s-user"), "Sam Patel");
    assert.equal(await page.inputValue("#s-base"), "last_day_of_inspection");
    assert.equal(await page.inputValue("#s-open-kind"), "months");
    assert.equal(await page.inputValue("#s-open-months"), "12");
    assert.equal(await text(page, "[data-testid=data-folder]"), "/home/sam/.local/share/inspection-action-tracker");
    assert.match(await text(page, "[data-testid=backups]"), /tracker-2012-01-19\.db 19 Jan 2012, \d\d:02 1\.8 MB/);
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
    await page.waitForFunction(() => window.__mockDb.settings.find((s) => s.key === "open_ended").value === "18");
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
  const { page, close } = await openUi({}, { backend: sampleData(), hash: "#/settings" });
  try {
    await page.click("[data-testid=make-backup]");
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=backups] tbody tr").length === 3);
    assert.match(await text(page, "[data-testid=toast]"), /Backup made: tracker-2012-01-20\.db/);
    // Restore asks first; cancelling does nothing.
    await page.click("[aria-label='Restore tracker-2012-01-12.db']");
    await page.waitForSelector("dialog[open]");
    assert.match(await text(page, "dialog"), /replaced by tracker-2012-01-12\.db.*Changes made since then will be lost/);
    await shot(page, "08-settings-restore-confirm");
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.keyboard.press("Escape");
    await page.waitForSelector("dialog", { state: "detached" });
    assert.ok(!(await calls(page)).includes("restore_backup"));
    // Focus goes back to the button that opened the dialog.
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute("aria-label")), "Restore tracker-2012-01-12.db");
    await page.keyboard.press("Enter");
    await page.click("[data-testid=dialog-confirm]");
    await page.waitForFunction(() => window.__mockDb.restored.length === 1);
    assert.deepEqual(await page.evaluate(() => window.__mockDb.restored), ["/home/sam/.local/share/inspection-action-tracker/backups/tracker-2012-01-12.db"]);
  } finally {
    await close();
  }
});

test("a failed restore says why", async () => {
  const { page, close } = await openUi(
    { restore_backup: { error: { code: "backup_corrupt", message: "tracker-2012-01-12.db failed the integrity check; the database was not changed." } } },
    { backend: sampleData(), hash: "#/settings" },
  );
  try {
    await page.click("[aria-label='Restore tracker-2012-01-12.db']");
    await page.click("[data-testid=dialog-confirm]");
    await page.waitForSelector("[role=alert]");
    assert.match(await text(page, "[role=alert]"), /failed the integrity check/);
  } finally {
    await close();
  }
});

test("Settings → Team connects, shows the status in the header and disconnects", async () => {
  const { page, close } = await openUi({}, { backend: sampleData(), hash: "#/settings" });
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
    assert.equal(await page.inputValue("#team-password").catch(() => ""), "", "the password is not kept on the page");
    assert.deepEqual(await seriousA11yViolations(page), []);
    // The background sync reports: the header follows.
    await page.evaluate(() => {
      window.__mockDb.team.pending = 3;
      window.__emitTauri("team-changed", { pushed: 0, pulled: 1, refused: 0, conflicts: 0 });
    });
    await page.waitForFunction(() => document.querySelector("[data-testid=team-status]")?.textContent === "3 changes waiting");
    assert.equal(await page.isVisible("[data-testid=team-status]"), true);
    await page.click("[data-testid=team-disconnect]");
    await page.click("[data-testid=dialog-confirm]");
    await page.waitForSelector("#team-url");
  } finally {
    await close();
  }
});
