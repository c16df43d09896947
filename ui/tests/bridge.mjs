// The real core behind the browser tests: each test's page talks to a bridge of its own
// (src-tauri/examples/test_bridge.rs: the app's commands on Tauri's mock runtime, over a
// fresh database in a temporary folder, answered over HTTP on 127.0.0.1).
//
// A test's data (fixtures.mjs) comes into that database only through the app's commands:
// `seed` imports the reference reports (tests/fixtures) as the import screen does, then
// edits, updates, evidence, settings and backups as a person would, with the bridge's clock
// set to when each happened. Seeding the same data twice would give the same plan, so each
// data set is seeded once into a template folder (kept in the system's temporary folder for
// the test files after, until the bridge is rebuilt), and each test starts its bridge on a
// copy (the database, its backups and evidence): no test sees another's writes.
//
// Build the bridge first: `cargo build --example test-bridge` (cargo xtask test does).
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { createHash } from "node:crypto";
import {
  closeSync,
  cpSync,
  existsSync,
  fstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const target = process.env.CARGO_TARGET_DIR ?? join(repo, "target");
export const BRIDGE = process.env.TEST_BRIDGE ?? join(target, "debug", "examples", process.platform === "win32" ? "test-bridge.exe" : "test-bridge");
const FIXTURES = join(repo, "tests", "fixtures");

const running = new Set();
const folders = new Set();
process.on("exit", () => {
  for (const b of running) b.child.kill();
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

function tempFolder(what) {
  const dir = mkdtempSync(join(tmpdir(), `iat-${what}-`));
  folders.add(dir);
  return dir;
}

/**
 * A source file of the bridge (as cargo's dep-info lists them) newer than the bridge: it
 * would test an older core. The built UI it also lists is left out: the tests serve
 * ui/dist themselves, so a newer one does not make the bridge out of date.
 */
let checked = null;
function newerSource() {
  const built = statSync(BRIDGE).mtimeMs;
  const depInfo = BRIDGE.replace(/(\.exe)?$/, ".d");
  if (!existsSync(depInfo)) return null;
  const [, deps = ""] = readFileSync(depInfo, "utf8").split(/:\s/, 2);
  const dist = join(repo, "ui", "dist");
  for (const path of deps.split(/(?<!\\)\s+/).map((p) => p.replaceAll("\\ ", " "))) {
    if (!path || path.startsWith(dist) || path.startsWith(target)) continue;
    if (existsSync(path) && statSync(path).mtimeMs > built) return path;
  }
  return null;
}

/** Starts a bridge on the database in `dir` (made if missing), with its clock at `clock`. */
export async function startBridge({ dir, clock = null }) {
  const build = "run `cargo build --example test-bridge` in the repository (npm test does)";
  if (!existsSync(BRIDGE)) throw new Error(`the browser tests' bridge is not built (${BRIDGE}): ${build}`);
  checked ??= newerSource();
  if (checked) throw new Error(`the browser tests' bridge is older than ${checked}: ${build}`);
  const args = ["--dir", dir, ...(clock ? ["--clock", clock] : [])];
  // The system account is "sam", as the stories' paths say (/home/sam): the name the app
  // offers before one is set.
  const child = spawn(BRIDGE, args, { stdio: ["pipe", "pipe", "inherit"], env: { ...process.env, USER: "sam", USERNAME: "sam" } });
  const url = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once("line", (line) => {
      const m = line.match(/listening on (http:\/\/\S+)/);
      if (m) resolve(m[1]);
      else reject(new Error(`the bridge said: ${line}`));
    });
    child.once("exit", (code) => reject(new Error(`the bridge exited (${code}) before listening`)));
    child.once("error", reject);
  });
  const bridge = {
    url,
    dir,
    child,
    /** Calls an app command as the page would; throws the app's {code, message}. */
    async invoke(cmd, args = {}) {
      const res = await fetch(`${url}/invoke`, { method: "POST", body: JSON.stringify({ cmd, args }) });
      const body = await res.json();
      if (!res.ok) throw body;
      return body;
    },
    /** Sets the app's clock (an RFC 3339 instant; null: the computer's). */
    async clock(at) {
      const res = await fetch(`${url}/clock`, { method: "POST", body: JSON.stringify({ at }) });
      if (!res.ok) throw await res.json();
    },
    /** Writes a file into the bridge's folder (made as needed) and returns its path. */
    file(name, content) {
      const path = join(dir, name);
      mkdirSync(join(path, ".."), { recursive: true });
      writeFileSync(path, content);
      return path;
    },
    /** Makes a folder in the bridge's folder and returns its path. */
    folder(name) {
      const path = join(dir, name);
      mkdirSync(path, { recursive: true });
      return path;
    },
    /** Closes the database (so the folder can be copied) and ends the bridge. */
    async quit() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      await fetch(`${url}/quit`, { method: "POST" }).catch(() => {});
      await exited;
      running.delete(bridge);
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill();
      await exited;
      running.delete(bridge);
    },
  };
  running.add(bridge);
  return bridge;
}

const templates = new Map();
// One cache per bridge binary (per checkout): another checkout's test run on the same
// machine keeps its own templates, and cleaning ours never touches them.
const CACHE = join(tmpdir(), "iat-bridge-templates", createHash("sha256").update(BRIDGE).digest("hex").slice(0, 12));

/**
 * A bridge of its own for one test, on a copy of `data` seeded once per test file. Returns
 * the bridge with `id(alias)`: the database's id of a fixture's "act-003", "rep-derby-2011",
 * "rep-rutland-2011-rec-1" or "ev-1".
 */
export async function bridgeFor(data) {
  const key = JSON.stringify(data);
  if (!templates.has(key)) templates.set(key, makeTemplate(data));
  const { dir: template, ids } = await templates.get(key);
  const dir = tempFolder("test");
  cpSync(template, dir, { recursive: true, filter: (src) => !src.endsWith("ids.json") });
  madeJustNow(join(template, "backups"), join(dir, "backups"));
  if (data.damaged) damage(join(dir, "tracker.db"));
  const bridge = await startBridge({ dir, clock: data.clock });
  const stop = bridge.stop;
  bridge.stop = async () => {
    await stop();
    rmSync(dir, { recursive: true, force: true });
    folders.delete(dir);
  };
  bridge.id = (alias) => {
    if (!(alias in ids)) throw new Error(`no fixture called ${alias}`);
    return ids[alias];
  };
  return bridge;
}

/**
 * The folder seeded with `data`, and its ids: from the cache when this build of the bridge
 * already seeded it from these files, else seeded now and cached.
 */
async function makeTemplate(data) {
  const files = [BRIDGE, fileURLToPath(import.meta.url), ...[...data.reports, ...(data.bulk ? [data.bulk] : [])].map((r) => join(FIXTURES, r.fixture))];
  // Keyed by the bridge's build (a changed core seeds afresh), and by the data, how it is
  // seeded (this file) and the reports it is seeded from.
  const build = `${statSync(BRIDGE).mtimeMs.toFixed(0)}`;
  const key = createHash("sha256")
    .update(JSON.stringify(data))
    .update(files.map((f) => `${f}:${statSync(f).mtimeMs}`).join("\n"))
    .digest("hex")
    .slice(0, 16);
  const dir = join(CACHE, `${build}-${key}`);
  if (existsSync(join(dir, "ids.json"))) return { dir, ids: JSON.parse(readFileSync(join(dir, "ids.json"), "utf8")) };
  mkdirSync(CACHE, { recursive: true });
  // Templates of other builds are of no more use.
  for (const old of readdirSync(CACHE)) if (!old.startsWith(`${build}-`)) rmSync(join(CACHE, old), { recursive: true, force: true });
  const part = mkdtempSync(join(CACHE, `${build}-${key}.part-`));
  folders.add(part);
  const bridge = await startBridge({ dir: part, clock: data.importedAt });
  let ids;
  try {
    ids = await seed(bridge, data);
    await bridge.quit();
  } catch (e) {
    await bridge.stop();
    throw e;
  }
  writeFileSync(join(part, "ids.json"), JSON.stringify(ids));
  try {
    renameSync(part, dir);
    folders.delete(part);
  } catch {
    // Another test file seeded the same data meanwhile: use its folder (ours goes at exit).
  }
  return { dir, ids };
}

/**
 * Gives the copied backups the template's times, moved on so the newest was made just now:
 * the app lists backups by when they were made, and makes one when it opens a database
 * whose newest is a day old (a template may be older than that).
 */
function madeJustNow(from, to) {
  if (!existsSync(from)) return;
  const names = readdirSync(from).filter((n) => n.endsWith(".db"));
  const times = names.map((n) => statSync(join(from, n)).mtimeMs);
  const shift = Date.now() - Math.max(...times);
  names.forEach((n, i) => {
    const at = new Date(times[i] + shift);
    utimesSync(join(to, n), at, at);
  });
}

/** Overwrites the database's pages after the first with noise: SQLite reports it malformed. */
function damage(db) {
  const fd = openSync(db, "r+");
  try {
    const size = fstatSync(fd).size;
    const noise = Buffer.alloc(size - 4096, 0x5a);
    writeSync(fd, noise, 0, noise.length, 4096);
  } finally {
    closeSync(fd);
  }
}

/**
 * Puts `data` into the bridge's database through the app's commands, in the order a
 * person would have, and returns the ids of the fixtures' aliases.
 */
export async function seed(bridge, data) {
  const call = (cmd, args) => bridge.invoke(cmd, args);
  const ids = {};
  // Who the history records for each step (the name is a setting, set as the person would).
  const asUser = async (name) => call("set_setting", { key: "user_name", value: name });
  if (data.reports.length || data.bulk) {
    if (!data.user) throw new Error("someone imports the reports: give data.user");
    await asUser(data.user);
  }
  const recs = {};
  for (const r of data.reports) {
    const path = bridge.file(join("reports", r.name), readFileSync(join(FIXTURES, r.fixture)));
    const preview = await call("preview_import", { path });
    const report = { ...preview.report, ...r.edit };
    const made = await call("create_plan", { input: { path, sha256: preview.sha256, report, inspection_date: r.inspectionDate ?? null } });
    ids[r.alias] = made.report_id;
    const items = await call("list_actions", { filter: { report_id: made.report_id }, asOf: null });
    for (const it of items) {
      recs[`${r.alias}:${it.recommendation_number}`] = it;
      ids[`${r.alias}-rec-${it.recommendation_number}`] = it.recommendation_id;
    }
  }
  // The import gave each recommendation one action; the others are added under theirs.
  for (const a of data.actions) {
    const rec = recs[`${a.report}:${a.rec}`];
    if (!rec) throw new Error(`${a.alias}: ${a.report} has no recommendation ${a.rec}`);
    if (a.title === undefined) {
      ids[a.alias] = rec.id;
    } else {
      const added = await call("add_action", {
        recommendationId: rec.recommendation_id,
        action: { title: a.title, owner: null, partner_agency: null, due_date: null, measure_of_success: null },
      });
      ids[a.alias] = added.action.id;
    }
  }
  for (const a of data.actions) {
    const changes = [];
    // Saying what will be done (here: keeping the recommendation's words) ends a draft.
    if (!data.drafts.includes(a.alias)) changes.push({ kind: "title", title: a.title ?? recs[`${a.report}:${a.rec}`].title });
    if (a.owner) changes.push({ kind: "owner", owner: a.owner });
    if (a.status !== "not_started") changes.push({ kind: "status", status: a.status });
    if (a.progress) changes.push({ kind: "progress", progress: a.progress });
    if (a.due) changes.push({ kind: "due_date", date: a.due.date, reason: a.due.reason });
    if (changes.length) await call("save_action", { id: ids[a.alias], changes });
  }
  // Updates and evidence in the order they were given, each by its author.
  const events = [...data.updates.map((u) => ({ ...u, by: u.author })), ...data.evidence.map((e) => ({ ...e, evidence: true }))];
  events.sort((x, y) => x.at.localeCompare(y.at));
  for (const e of events) {
    await bridge.clock(e.at);
    await asUser(e.by);
    if (e.evidence) {
      const path = bridge.file(join("incoming", e.name), e.content);
      const detail = await call("add_evidence_file", { id: ids[e.action], path });
      ids[e.alias] = detail.evidence.at(-1).id;
    } else {
      await call("add_update", { id: ids[e.action], note: e.note, writtenOn: e.writtenOn });
    }
  }
  for (const alias of data.deleted) await call("delete_action", { id: ids[alias] });
  for (const [key, value] of Object.entries(data.settings)) await call("set_setting", { key, value });
  if (data.bulk) await seedBulk(bridge, data);
  await bridge.clock(data.backups[0] ?? data.clock);
  // The person's own name last, unless the test wants the one the system offers.
  if (data.user) await asUser(data.user);
  for (const at of data.backups) {
    await bridge.clock(at);
    await call("make_backup", {});
  }
  return ids;
}

/** `data.bulk` actions under one report (one transaction, as an import is). */
async function seedBulk(bridge, data) {
  const call = (cmd, args) => bridge.invoke(cmd, args);
  const path = bridge.file(join("reports", "bulk.txt"), readFileSync(join(FIXTURES, data.bulk.fixture)));
  const preview = await call("preview_import", { path });
  // The report's recommendations over and over, a few marked so a search finds only them.
  const { count, marked, markEvery, owners } = data.bulk;
  const from = preview.report.recommendations;
  const recommendations = Array.from({ length: count }, (_, i) => {
    const r = from[i % from.length];
    return i % markEvery === 0 ? { ...r, text: `${r.text} (${marked} ${i})` } : r;
  });
  const report = { ...preview.report, recommendations };
  const made = await call("create_plan", { input: { path, sha256: preview.sha256, report, inspection_date: null } });
  const items = await call("list_actions", { filter: { report_id: made.report_id }, asOf: null });
  const byOwner = new Map();
  for (const it of items) {
    const owner = owners[(it.recommendation_number * 3) % owners.length];
    if (!byOwner.has(owner)) byOwner.set(owner, []);
    byOwner.get(owner).push(it.id);
  }
  for (const [owner, ids] of byOwner) if (owner) await call("update_actions", { ids, change: { kind: "reassign", owner } });
}

/** Waits until `check()` (which may ask the bridge) is true, for up to `ms`. */
export async function eventually(check, ms = 5000) {
  const end = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`not true within ${ms} ms: ${check}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
