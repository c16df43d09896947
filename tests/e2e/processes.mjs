// The app's processes for the measurements (measure.mjs, first-paint.mjs): the app under
// WebKitWebDriver, its WebKit children, when it started, its memory.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

export function children(pid) {
  try {
    return execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" })
      .split("\n")
      .map((l) => Number(l.trim()))
      .filter((p) => p > 0);
  } catch {
    return [];
  }
}

export function comm(pid) {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "?";
  }
}

/** The app process (WebKitWebDriver's child) and everything under it. */
export function appTree(driverPid) {
  const app = children(driverPid).find((p) => comm(p).startsWith("inspection"));
  if (!app) throw new Error("the app process was not found");
  const all = [app];
  for (let i = 0; i < all.length; i++) all.push(...children(all[i]));
  return { app, all };
}

export function rssKiB(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) : 0;
}

/** The epoch time (ms) a process started, from /proc (10 ms resolution). */
export function startedAtMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const startTicks = Number(fields[19]); // field 22 of stat, counted after "(comm) "
  const hz = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
  const uptime = Number(readFileSync("/proc/uptime", "utf8").split(" ")[0]);
  return Date.now() - (uptime - startTicks / hz) * 1000;
}

export function dropCaches() {
  try {
    execFileSync("sync");
    writeFileSync("/proc/sys/vm/drop_caches", "3");
    return true;
  } catch {
    return false; // not root, or a container that does not allow it
  }
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The value below which a share `q` (0–1) of `xs` falls (nearest rank). */
export const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};
