// Colour contrast on every screen, dialogs and error states included: the axe scan's
// colour-contrast rule (every impact, not only serious ones) finds nothing, and every
// placeholder (which axe does not check) reads at 4.5:1 on its field.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { openUi } from "./browser.mjs";
import { sampleData, reportText } from "./fixtures.mjs";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** The colour-contrast rule's violations (any impact) and its checks that ran. */
async function contrast(page) {
  if (!(await page.evaluate(() => typeof window.axe !== "undefined"))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: "rule", values: ["color-contrast"] } });
    return {
      violations: r.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary}`)),
      checked: r.passes.reduce((n, v) => n + v.nodes.length, 0),
    };
  });
}

/** Each placeholder's contrast ratio on its field's background, below 4.5:1. */
async function faintPlaceholders(page) {
  return page.evaluate(() => {
    const rgb = (c) =>
      c
        .match(/[\d.]+/g)
        .slice(0, 3)
        .map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const out = [];
    for (const el of document.querySelectorAll("input[placeholder], textarea[placeholder]")) {
      const fg = lum(rgb(getComputedStyle(el, "::placeholder").color));
      const bg = lum(rgb(getComputedStyle(el).backgroundColor));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      if (ratio < 4.5) out.push(`${el.id || el.getAttribute("aria-label")}: ${ratio.toFixed(2)}:1`);
    }
    return out;
  });
}

async function check(page, what) {
  const { violations, checked } = await contrast(page);
  assert.deepEqual(violations, [], `${what}: colour contrast`);
  assert.ok(checked > 5, `${what}: axe checked the text (${checked} nodes)`);
  assert.deepEqual(await faintPlaceholders(page), [], `${what}: placeholders`);
}

test("every screen of a loaded plan passes the contrast scan", async () => {
  const { page, close, id } = await openUi({}, { backend: sampleData(), hash: "#/dashboard" });
  try {
    const screens = [
      ["#/dashboard", "[data-testid=counts], .stats"],
      ["#/plan", "[data-testid=action-row]"],
      ["#/overdue", "[data-testid=overdue-row]"],
      [`#/action/${id("act-003")}`, "[data-testid=due-date]"],
      ["#/settings", "#s-user_name, .settings"],
      ["#/import", "[data-testid=choose-files]"],
    ];
    for (const [hash, ready] of screens) {
      await page.evaluate((h) => (location.hash = h), hash);
      await page.waitForSelector(ready);
      await check(page, hash);
    }
    // The plan's placeholders are there, and pass.
    await page.evaluate(() => (location.hash = "#/plan"));
    await page.waitForSelector("[data-testid=action-row]");
    assert.ok(await page.$("input[placeholder]"), "the plan has a placeholder to check");
    await check(page, "plan");
    // Dialogs and error states: the review dialog's error summary, the bulk bar in use,
    // the action page's banner and error summary, the export dialog.
    await page.evaluate(() => (location.hash = "#/overdue"));
    await page.click(`[data-id="${id("act-002")}"] [data-testid=record-review]`);
    await page.click("[data-testid=dialog-confirm]");
    await page.waitForSelector("[data-testid=error-summary]");
    await check(page, "review dialog with errors");
    await page.keyboard.press("Escape");
    await page.check(`[data-id="${id("act-002")}"] [data-testid=select-row]`);
    await check(page, "overdue review with a selection");
    await page.evaluate((h) => (location.hash = h), `#/action/${id("act-003")}`);
    await page.waitForSelector("[data-testid=save-changes]");
    await page.fill("#d-owner", "Alex Morgan");
    await page.click("[data-testid=save-changes]");
    await page.waitForSelector("[data-testid=success-banner]");
    await check(page, "action saved");
    await page.fill("#d-title", "");
    await page.click("[data-testid=save-changes]");
    await page.waitForSelector("[data-testid=error-summary]");
    await check(page, "action with errors");
    await page.keyboard.press("Control+e");
    await page.waitForSelector("[data-testid=export-dialog][open]");
    await check(page, "export dialog");
  } finally {
    await close();
  }
});

test("the first run, the import review and a database that cannot open pass the contrast scan", async () => {
  const empty = sampleData({ empty: true });
  const { page, close } = await openUi({}, { backend: empty });
  try {
    await page.waitForSelector("[data-testid=first-run]");
    await check(page, "first run");
    await page.fill("[data-testid=first-name]", "");
    await page.click("[data-testid=start-import]");
    await page.waitForSelector("[data-testid=error-summary]");
    await check(page, "first run with an error");
  } finally {
    await close();
  }
  // A report that does not name its authority: the review asks for it.
  const review = await openUi({}, { backend: sampleData(), hash: "#/import" });
  try {
    const path = review.bridge.file("Downloads/rutland-2011.txt", reportText({ anonymous: true }));
    await review.page.evaluate((path) => window.__dialogResults.push([path]), path);
    await review.page.click("[data-testid=choose-files]");
    await review.page.waitForSelector("[data-testid=rec-card]");
    await check(review.page, "import review");
    await review.page.click("[data-testid=create-plan]");
    await review.page.waitForSelector("[data-testid=error-summary]");
    await check(review.page, "import review with an error");
  } finally {
    await review.close();
  }
  const broken = await openUi({ store_info: { error: { code: "damaged", message: "The database file is damaged." } } });
  try {
    await broken.page.waitForSelector("[data-testid=store-error]");
    await check(broken.page, "database error");
  } finally {
    await broken.close();
  }
});
