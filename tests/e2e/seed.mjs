// A plan of many actions for the measurements (measure.mjs, first-paint.mjs): real report
// text (Derby 2011, 24 recommendations) under made-up authority names and inspection
// years 2016–2025, so every file is a distinct report the extractor reads as it would a
// real one. Imported with the CLI given (an older version's, to measure that version).
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const fixtures = fileURLToPath(new URL("../fixtures/", import.meta.url));
const derby = readFileSync(join(fixtures, readdirSync(fixtures).find((f) => f.startsWith("004_") && f.endsWith(".txt"))), "utf8");
const HEADS = ["Ash", "Bar", "Cal", "Dun", "Elm", "Fen", "Glen", "Hal", "Ives", "Kel", "Lam", "Mar", "Nor", "Oak", "Pen", "Rad", "Sel", "Thorn", "Wal", "Yar"];
const TAILS = ["field", "ham", "ton", "bury", "ford", "wick", "ley", "borough", "mouth", "stead", "worth", "dale", "minster", "combe", "caster", "by", "well", "hurst", "more", "port", "gate"];

/** Import at least `target` actions into `dbPath` (report files written into `dir`); returns `info --json`. */
export function seedPlan(cli, dbPath, dir, target) {
  const files = [];
  const perReport = 24;
  const n = Math.ceil(target / perReport);
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
    execFileSync(cli, ["--db", dbPath, "import", ...files.slice(i, i + 50)], { stdio: ["ignore", "ignore", "inherit"] });
  }
  const info = JSON.parse(execFileSync(cli, ["--db", dbPath, "--json", "info"], { encoding: "utf8" }));
  console.log(`seeded ${info.reports} reports, ${info.actions} actions in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (info.actions < target) throw new Error(`only ${info.actions} actions were imported`);
  return info;
}
