// Throughout: the navigation and hash routes, shortcuts shown in the UI, keyboard-only
// use with visible focus, and the skip link.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openUi, seriousA11yViolations, shot } from "./browser.mjs";
import { sampleData } from "./fixtures.mjs";

test("each route shows its screen, marks the nav and names the window", async () => {
  const { page, close, id } = await openUi({}, { backend: sampleData(), hash: "#/dashboard" });
  try {
    const routes = [
      ["#/dashboard", "Dashboard", "Dashboard"],
      ["#/plan", "Action plan", "Action plan"],
      ["#/overdue", "Overdue review", "Overdue review"],
      ["#/import", "Import", "Import a report"],
      ["#/settings", "Settings", "Settings"],
      // What will be done, as the core words it from the recommendation (a capital, no full stop).
      [`#/action/${id("act-002")}`, "Action plan", "Ensure that only those cases with the most significant identified need proceed to core assessment"],
    ];
    for (const [hash, nav, heading] of routes) {
      await page.evaluate((h) => (location.hash = h), hash);
      await page.waitForFunction((h) => document.querySelector("#screen-title")?.textContent === h, heading);
      assert.equal(await page.textContent("nav a[aria-current=page]"), nav);
      assert.match(await page.title(), / – Inspection Action Tracker$/);
      assert.deepEqual(await seriousA11yViolations(page), [], hash);
    }
  } finally {
    await close();
  }
});

test("Alt+number moves between screens and focus goes to the new heading", async () => {
  const { page, close } = await openUi({}, { backend: sampleData(), hash: "#/dashboard" });
  try {
    await page.waitForSelector("[data-testid=report-card]");
    await page.keyboard.press("Alt+3");
    await page.waitForFunction(() => location.hash === "#/overdue" && document.activeElement?.id === "screen-title");
    await page.keyboard.press("Alt+5");
    await page.waitForFunction(() => location.hash === "#/settings" && document.activeElement?.id === "screen-title");
    await page.keyboard.press("Alt+2");
    await page.waitForFunction(() => location.hash === "#/plan");
  } finally {
    await close();
  }
});

test("the shortcuts are listed in the sidebar", async () => {
  const { page, close } = await openUi({}, { backend: sampleData(), hash: "#/dashboard" });
  try {
    await page.click("summary:has-text('Keyboard shortcuts')");
    const list = await page.innerText("#shortcut-list");
    assert.match(list, /Ctrl\+O\s+Import reports/);
    assert.match(list, /Ctrl\+E\s+Export the action plan/);
    assert.match(list, /\/ or Ctrl\+F\s+Search the action plan/);
    await shot(page, "09-shortcuts");
    assert.deepEqual(await seriousA11yViolations(page), []);
  } finally {
    await close();
  }
});

test("keyboard only: skip link, visible focus, and reaching an action's detail", async () => {
  const { page, close } = await openUi({}, { backend: sampleData(), hash: "#/plan" });
  try {
    await page.waitForSelector("[data-testid=action-row]");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.className), "skip-link");
    assert.ok(await page.evaluate(() => document.activeElement.getBoundingClientRect().left >= 0));
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement.id), "main");
    // Tab from main into the filters, then into the table.
    let tabs = 0;
    while (tabs < 80 && !(await page.evaluate(() => document.activeElement.closest?.("[data-testid=action-row]")))) {
      await page.keyboard.press("Tab");
      tabs++;
    }
    const focused = await page.evaluate(() => ({
      col: document.activeElement.dataset.col,
      outline: getComputedStyle(document.activeElement).outlineStyle,
      shadow: getComputedStyle(document.activeElement).boxShadow,
    }));
    assert.equal(focused.col, "link");
    assert.notEqual(focused.outline, "none");
    assert.match(focused.shadow, /rgb\(255, 221, 0\)/);
    await shot(page, "09-keyboard-focus");
    await page.keyboard.press("Enter");
    await page.waitForSelector("[data-testid=due-date]");
    assert.equal(await page.evaluate(() => document.activeElement.id), "screen-title");
  } finally {
    await close();
  }
});
