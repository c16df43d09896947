// Team mode in the real window, against a real PostgreSQL server: an admin publishes a
// plan with the CLI, a viewer's desktop joins it, and the app on the viewer's database
// opens it read-only (the notice, the header's marker, no edit controls), reading through
// the real IPC bridge and the core's role rule.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CLI, countOf, launchApp, shown, tempData, textOf } from "./driver.mjs";
import { SUPER_PASSWORD, startCluster } from "./pg.mjs";

const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
const fixture = (prefix) => join(FIXTURES, readdirSync(FIXTURES).find((f) => f.startsWith(prefix) && f.endsWith(".txt")));
const VIEWER_WORDS =
  "You can read this plan. Your role in the team is viewer, so changes are made by editors and admins — ask your team's admin if you need to edit.";

/** The CLI on `db` with `password` (no credential store or .pgpass in the way). */
function cli(db, password, args, env = {}) {
  return execFileSync(CLI, ["--db", db, ...args], {
    encoding: "utf8",
    env: { ...process.env, INSPECTION_TRACKER_PASSWORD: password, PGPASSFILE: "/nonexistent", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

test("a viewer's desktop opens the team's plan read-only", async () => {
  const pg = await startCluster();
  const data = tempData();
  let app = null;
  try {
    const adminDb = join(data.dir, "ada.db");
    cli(adminDb, SUPER_PASSWORD, ["team", "init-server", "--url", pg.url("postgres")]);
    for (const [user, role] of [
      ["ada", "admin"],
      ["vic", "viewer"],
    ]) {
      cli(adminDb, SUPER_PASSWORD, ["team", "add-user", "--url", pg.url("postgres"), user, "--role", role], { INSPECTION_TRACKER_NEW_PASSWORD: `${user}-pw` });
    }
    cli(adminDb, "ada-pw", ["import", fixture("000_"), fixture("004_")]);
    cli(adminDb, "ada-pw", ["team", "connect", "--url", pg.url("ada")]);
    cli(adminDb, "ada-pw", ["team", "publish"]);
    cli(data.dbPath, "vic-pw", ["team", "connect", "--url", pg.url("vic")]);
    const changesBefore = pg.psql("SELECT count(*) FROM inspection_tracker.changes");
    const actions = JSON.parse(cli(data.dbPath, "vic-pw", ["list", "--json"])).length;
    assert.ok(actions > 30, `${actions} actions joined`);

    app = await launchApp(data.dbPath, { INSPECTION_TRACKER_PASSWORD: "vic-pw", PGPASSFILE: "/nonexistent" });
    const { driver } = app;
    // The dashboard, with the notice above it and the header's marker.
    assert.equal(await textOf(driver, "[data-testid=read-only-notice]", 30000), `Read-only. ${VIEWER_WORDS}`);
    await shown(driver, "[data-testid=percent-complete]");
    await driver.wait(
      () => driver.executeScript(() => document.querySelector("[data-testid=team-status]")?.textContent === "Read-only as viewer"),
      15000,
      "the header says read-only",
    );

    // The plan: every action listed, nothing to edit in place.
    await driver.executeScript(() => {
      window.location.hash = "#/plan";
    });
    await shown(driver, "[data-testid=action-row]");
    assert.equal(await textOf(driver, "[data-testid=plan-count]"), `${actions} actions.`);
    assert.equal(await countOf(driver, "[data-testid=action-row] input, [data-testid=action-row] select, [data-testid=rec-row] button"), 0);

    // One action: its details as text, no form, date change, update, evidence or bin.
    const href = await driver.executeScript(() => document.querySelector("[data-testid=action-row] a").getAttribute("href"));
    await driver.executeScript((h) => {
      window.location.hash = h;
    }, href);
    await shown(driver, "[data-testid=details-list]");
    for (const id of ["details-form", "save-changes", "due-form", "add-update", "add-evidence", "delete-action"]) {
      assert.equal(await countOf(driver, `[data-testid=${id}]`), 0, id);
    }
    assert.equal(await textOf(driver, "[data-testid=read-only-notice]"), `Read-only. ${VIEWER_WORDS}`);

    // Import says why instead of offering a picker.
    await driver.executeScript(() => {
      window.location.hash = "#/import";
    });
    assert.equal(await textOf(driver, "[data-testid=why-import]"), VIEWER_WORDS);
    assert.equal(await countOf(driver, "[data-testid=choose-files]"), 0);
    await app.stop();
    app = null;

    // Reading changed nothing here or on the server.
    const status = JSON.parse(cli(data.dbPath, "vic-pw", ["team", "status", "--json"]));
    assert.deepEqual([status.role, status.pending, status.refused], ["viewer", 0, 0]);
    assert.equal(pg.psql("SELECT count(*) FROM inspection_tracker.changes"), changesBefore);
  } finally {
    if (app) await app.stop();
    data.remove();
    pg.stop();
  }
});
