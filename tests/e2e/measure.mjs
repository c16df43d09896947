// Figures for the release build in the real window, on a plan of 10,000 actions:
//  - start-up to first paint (from the app process's own start to the page's first
//    contentful paint, and to the dashboard showing its counts);
//  - memory: resident set of the app and its WebKit processes;
//  - filter response: typing in the action plan's search box until the list is repainted.
// Run by `cargo xtask measure`. Prints a table and writes target/measure.json. Not a test:
// timings vary by machine, so they are reported, never asserted. MEASURE_STARTS=N sets
// the number of starts (5); MEASURE_HOLD_MS=N keeps the app open that long with the plan
// loaded (its pid is printed), to look at it with other tools.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CLI, launchApp, tempData, shown, textOf } from "./driver.mjs";
import { appTree, children, comm, dropCaches, median, rssKiB, startedAtMs } from "./processes.mjs";
import { seedPlan } from "./seed.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const WAIT = 120000;
const TARGET_ACTIONS = 10000;
const STARTS = Number(process.env.MEASURE_STARTS ?? 5);

// --- one start of the app --------------------------------------------------------------
async function oneStart(dbPath, { memory, filter }) {
  const { driver, stop, webdriverPid } = await launchApp(dbPath);
  try {
    await shown(driver, "[data-testid=count-overdue]", WAIT);
    const { app, all } = appTree(webdriverPid);
    const processStart = startedAtMs(app);
    const page = await driver.executeScript(() => {
      const paint = performance.getEntriesByType("paint").map((p) => ({ name: p.name, at: p.startTime }));
      return { origin: performance.timeOrigin, paint, now: performance.now() };
    });
    const fcp = page.paint.find((p) => p.name === "first-contentful-paint") ?? page.paint[0];
    const out = {
      navigationAfterStartMs: page.origin - processStart,
      firstPaintMs: fcp ? page.origin + fcp.at - processStart : null,
      dashboardByMs: page.origin + page.now - processStart, // an upper bound: when we looked
    };
    if (memory || filter) {
      await driver.executeScript(() => {
        window.location.hash = "#/plan";
      });
      await shown(driver, "[data-testid=action-row]", WAIT);
      await driver.sleep(1000);
    }
    if (process.env.MEASURE_HOLD_MS) {
      console.log(`app pid ${appTree(webdriverPid).app}: holding ${process.env.MEASURE_HOLD_MS} ms`);
      await driver.sleep(Number(process.env.MEASURE_HOLD_MS));
    }
    if (memory) {
      const procs = all.flatMap((p) => [p, ...children(p)]).filter((p, i, a) => a.indexOf(p) === i);
      out.rss = Object.fromEntries(procs.map((p) => [`${comm(p)}#${p}`, Math.round(rssKiB(p) / 1024)]));
      out.rssAppMiB = Math.round(rssKiB(app) / 1024);
      out.rssTotalMiB = Math.round(procs.reduce((t, p) => t + rssKiB(p), 0) / 1024);
    }
    if (filter) {
      const words = ["sup", "supervision", "health", "care lea", "xyzzy", "plan", "", "assess", "child", ""];
      const times = [];
      const computeTimes = []; // filter, sort, group and render the rows (before paint)
      for (let round = 0; round < 3; round++) {
        for (const w of words) {
          const ms = await driver.executeAsyncScript((word, done) => {
            const input = document.querySelector("#plan-search");
            const before = window.__filtered ?? 0;
            const t0 = performance.now();
            input.value = word;
            input.dispatchEvent(new Event("input", { bubbles: true }));
            // The core's answer drawn, then two frames: the list has been laid out and painted.
            const painted = () => requestAnimationFrame(() => requestAnimationFrame(() => done([performance.now() - t0, window.__lastFilterMs ?? null])));
            const wait = () => ((window.__filtered ?? 0) > before ? painted() : setTimeout(wait, 0));
            wait();
          }, w);
          times.push(ms[0]);
          computeTimes.push(ms[1]);
        }
      }
      // The same two frames with nothing changed: what the window system itself costs.
      const idle = [];
      for (let i = 0; i < 10; i++) {
        idle.push(
          await driver.executeAsyncScript((done) => {
            const t0 = performance.now();
            requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
          }),
        );
      }
      out.filterMs = {
        idleTwoFramesMedian: median(idle),
        median: median(times),
        max: Math.max(...times),
        runs: times.length,
        computeAndRenderMedian: median(computeTimes),
        computeAndRenderMax: Math.max(...computeTimes),
      };
      out.shownAfterClear = await textOf(driver, "[data-testid=plan-count]");
    }
    return out;
  } finally {
    await stop();
  }
}

const data = tempData();
try {
  const info = seedPlan(CLI, data.dbPath, data.dir, TARGET_ACTIONS);
  const starts = [];
  for (let i = 0; i < STARTS; i++) {
    const cold = i === 0 ? dropCaches() : false;
    const r = await oneStart(data.dbPath, { memory: i === STARTS - 1, filter: i === STARTS - 1 });
    r.cold = cold;
    starts.push(r);
    console.log(`start ${i + 1}${cold ? " (caches dropped)" : ""}: first paint ${r.firstPaintMs?.toFixed(0)} ms, dashboard by ${r.dashboardByMs.toFixed(0)} ms`);
  }
  const last = starts[starts.length - 1];
  const summary = {
    actions: info.actions,
    reports: info.reports,
    firstPaintMs: { first: starts[0].firstPaintMs, cold: starts[0].cold, medianWarm: median(starts.slice(1).map((s) => s.firstPaintMs)) },
    dashboardByMs: { first: starts[0].dashboardByMs, medianWarm: median(starts.slice(1).map((s) => s.dashboardByMs)) },
    rssMiB: { app: last.rssAppMiB, total: last.rssTotalMiB, processes: last.rss },
    filterMs: last.filterMs,
  };
  mkdirSync(join(ROOT, "target"), { recursive: true });
  writeFileSync(join(ROOT, "target/measure.json"), JSON.stringify({ summary, starts }, null, 2));
  console.log(JSON.stringify(summary, null, 2));
} finally {
  data.remove();
}
