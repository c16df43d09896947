// Figures for the release build in the real window, on a plan of 10,000 actions:
//  - start-up to first paint (from the app process's own start to the page's first
//    contentful paint, and to the dashboard showing its counts);
//  - memory: resident set of the app and its WebKit processes;
//  - filter response: typing in the action plan's search box until the list is repainted.
// Run by `cargo xtask measure`. Prints a table and writes target/measure.json. Not a test:
// timings vary by machine, so they are reported, never asserted. MEASURE_STARTS=N sets
// the number of starts (5); MEASURE_HOLD_MS=N keeps the app open that long with the plan
// loaded (its pid is printed), to look at it with other tools.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CLI, launchApp, tempData, shown, textOf } from "./driver.mjs";


const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const WAIT = 120000;
const TARGET_ACTIONS = 10000;
const STARTS = Number(process.env.MEASURE_STARTS ?? 5);

// --- a plan of 10,000 actions ------------------------------------------------------------
// Real report text (Derby 2011, 24 recommendations) under 420 made-up authority names and
// inspection years 2016–2025, so every file is a distinct report the extractor reads as
// it would a real one.
const fixtures = join(ROOT, "tests/fixtures");
const derby = readFileSync(join(fixtures, readdirSync(fixtures).find((f) => f.startsWith("004_") && f.endsWith(".txt"))), "utf8");
const HEADS = ["Ash", "Bar", "Cal", "Dun", "Elm", "Fen", "Glen", "Hal", "Ives", "Kel", "Lam", "Mar", "Nor", "Oak", "Pen", "Rad", "Sel", "Thorn", "Wal", "Yar"];
const TAILS = ["field", "ham", "ton", "bury", "ford", "wick", "ley", "borough", "mouth", "stead", "worth", "dale", "minster", "combe", "caster", "by", "well", "hurst", "more", "port", "gate"];

function seed(dbPath, dir) {
  const files = [];
  const perReport = 24;
  const n = Math.ceil(TARGET_ACTIONS / perReport);
  for (let i = 0; i < n; i++) {
    const name = HEADS[i % HEADS.length] + TAILS[Math.floor(i / HEADS.length) % TAILS.length];
    const year = String(2016 + (i % 10));
    const text = derby.replaceAll("Derby", name).replaceAll("2011", year);
    const file = join(dir, `${String(i).padStart(3, "0")}-${name.toLowerCase()}.txt`);
    writeFileSync(file, text);
    files.push(file);
  }
  const started = performance.now();
  for (let i = 0; i < files.length; i += 50) {
    execFileSync(CLI, ["--db", dbPath, "import", ...files.slice(i, i + 50)], { stdio: ["ignore", "ignore", "inherit"] });
  }
  const info = JSON.parse(execFileSync(CLI, ["--db", dbPath, "--json", "info"], { encoding: "utf8" }));
  console.log(`seeded ${info.reports} reports, ${info.actions} actions in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (info.actions < TARGET_ACTIONS) throw new Error(`only ${info.actions} actions were imported`);
  return info;
}

// --- the app's processes -----------------------------------------------------------------
function children(pid) {
  try {
    return execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" })
      .split("\n")
      .map((l) => Number(l.trim()))
      .filter((p) => p > 0);
  } catch {
    return [];
  }
}

function comm(pid) {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "?";
  }
}

/** The app process (WebKitWebDriver's child) and everything under it. */
function appTree(driverPid) {
  const app = children(driverPid).find((p) => comm(p).startsWith("inspection"));
  if (!app) throw new Error("the app process was not found");
  const all = [app];
  for (let i = 0; i < all.length; i++) all.push(...children(all[i]));
  return { app, all };
}

function rssKiB(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) : 0;
}

/** The epoch time (ms) a process started, from /proc (10 ms resolution). */
function startedAtMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const startTicks = Number(fields[19]); // field 22 of stat, counted after "(comm) "
  const hz = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
  const uptime = Number(readFileSync("/proc/uptime", "utf8").split(" ")[0]);
  return Date.now() - (uptime - startTicks / hz) * 1000;
}

function dropCaches() {
  try {
    execFileSync("sync");
    writeFileSync("/proc/sys/vm/drop_caches", "3");
    return true;
  } catch {
    return false; // not root, or a container that does not allow it
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

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
  const info = seed(data.dbPath, data.dir);
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
