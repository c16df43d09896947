// Start-up of several builds of the app, compared on the same plan in the real window:
// from the app process's start to the page's first contentful paint, to the first screen
// drawn (the UI's `first-screen-drawn` mark, where the build has it), and to the dashboard
// showing its counts (polled: an upper bound, the same for every build). Starts are
// interleaved (A B, then B A, …) so a change in the machine's load falls on all alike.
// Not a test: figures are printed and written to target/first-paint.json.
//
//   FIRST_PAINT_APPS="before=/path/to/app,after=target/release/inspection-action-tracker"
//   CLI_BINARY=… (the oldest build's CLI: it makes the plan; newer apps migrate a copy at a
//   warm-up start that is not counted)  FIRST_PAINT_ROUNDS=20  FIRST_PAINT_ACTIONS=10000
//   node tests/e2e/first-paint.mjs   (under Xvfb: DISPLAY=…)
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CLI, launchApp, tempData } from "./driver.mjs";
import { appTree, median, quantile, startedAtMs } from "./processes.mjs";
import { seedPlan } from "./seed.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ROUNDS = Number(process.env.FIRST_PAINT_ROUNDS ?? 20);
const ACTIONS = Number(process.env.FIRST_PAINT_ACTIONS ?? 10000);
const APPS = (process.env.FIRST_PAINT_APPS ?? "")
  .split(",")
  .filter(Boolean)
  .map((kv) => {
    const [label, path] = kv.split("=");
    return { label, path };
  });
if (APPS.length < 1) throw new Error('set FIRST_PAINT_APPS="label=/path/to/app,…"');

async function oneStart(app, dbPath) {
  const { driver, stop, webdriverPid } = await launchApp(dbPath, {}, app.path);
  try {
    const processStart = startedAtMs(appTree(webdriverPid).app);
    // Poll for the dashboard's counts; each look notes the page's own clock when it saw them.
    let seenAt = null;
    const deadline = Date.now() + 120000;
    while (seenAt === null && Date.now() < deadline) {
      seenAt = await driver.executeScript(() => (document.querySelector("[data-testid=count-overdue]") ? performance.now() : null));
    }
    if (seenAt === null) throw new Error(`${app.label}: the dashboard did not show`);
    const page = await driver.executeScript(() => ({
      origin: performance.timeOrigin,
      paint: performance.getEntriesByType("paint").map((p) => ({ name: p.name, at: p.startTime })),
      mark: performance.getEntriesByName("first-screen-drawn")[0]?.startTime ?? null,
    }));
    const fcp = page.paint.find((p) => p.name === "first-contentful-paint") ?? page.paint[0];
    return {
      firstPaintMs: fcp ? page.origin + fcp.at - processStart : null,
      firstScreenMs: page.mark === null ? null : page.origin + page.mark - processStart,
      dashboardByMs: page.origin + seenAt - processStart,
    };
  } finally {
    await stop();
  }
}

const data = tempData();
try {
  const seeded = join(data.dir, "seed.db");
  const info = seedPlan(CLI, seeded, data.dir, ACTIONS);
  for (const app of APPS) {
    app.db = join(data.dir, `${app.label}.db`);
    copyFileSync(seeded, app.db);
    app.runs = [];
    await oneStart(app, app.db); // warm-up: migrates this build's copy, fills the caches
  }
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 ? [...APPS].reverse() : APPS;
    for (const app of order) {
      const run = await oneStart(app, app.db);
      app.runs.push(run);
      console.log(`round ${r + 1} ${app.label}: first paint ${run.firstPaintMs?.toFixed(0)} ms, dashboard by ${run.dashboardByMs.toFixed(0)} ms`);
    }
  }
  const stats = (xs) => {
    const v = xs.filter((x) => x !== null);
    if (!v.length) return null;
    return { median: median(v), q1: quantile(v, 0.25), q3: quantile(v, 0.75), min: Math.min(...v), max: Math.max(...v), n: v.length };
  };
  const summary = {
    actions: info.actions,
    rounds: ROUNDS,
    builds: Object.fromEntries(
      APPS.map((a) => [
        a.label,
        {
          binary: a.path,
          firstPaintMs: stats(a.runs.map((x) => x.firstPaintMs)),
          firstScreenMs: stats(a.runs.map((x) => x.firstScreenMs)),
          dashboardByMs: stats(a.runs.map((x) => x.dashboardByMs)),
        },
      ]),
    ),
  };
  mkdirSync(join(ROOT, "target"), { recursive: true });
  writeFileSync(join(ROOT, "target/first-paint.json"), JSON.stringify({ summary, runs: Object.fromEntries(APPS.map((a) => [a.label, a.runs])) }, null, 2));
  console.log(JSON.stringify(summary, null, 2));
} finally {
  data.remove();
}
