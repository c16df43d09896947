// Screenshots of every screen from the real window with the sample reports loaded, for
// docs/screens/ and the README. Run by `cargo xtask screens` (under Xvfb on Linux).
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { launchApp, tempData, shown, clickOn, attributeOf } from "./driver.mjs";

const { By } = createRequire(new URL("../../ui/package.json", import.meta.url))("selenium-webdriver");

const OUT = fileURLToPath(new URL("../../docs/screens/", import.meta.url));
const WAIT = 30000;

async function shot(driver, name) {
  // Confirmations from earlier steps would cover the screen (they go by themselves after
  // 10 s); dismiss them as a person would.
  await driver.executeScript(() => {
    for (const b of document.querySelectorAll("#toasts [aria-label='Dismiss message']")) b.click();
  });
  await driver.sleep(600); // let the screen settle (fonts, chart)
  writeFileSync(`${OUT}${name}.png`, Buffer.from(await driver.takeScreenshot(), "base64"));
  console.log(`docs/screens/${name}.png`);
}

async function go(driver, hash, css) {
  await driver.executeScript((h) => { window.location.hash = h; }, hash);
  try {
    await shown(driver, css, WAIT);
  } catch (e) {
    const failed = `${OUT}../failed-${hash.replace(/\W/g, "")}.png`;
    writeFileSync(failed, Buffer.from(await driver.takeScreenshot(), "base64"));
    throw new Error(`${hash}: ${css} did not appear (the window is in ${failed}): ${e.message}`);
  }
}

mkdirSync(OUT, { recursive: true });
const data = tempData();
// WebDriver's screenshot never returns from a WebKitGTK window drawn without compositing,
// which the app chooses on Linux without a GPU (src-tauri/src/platform.rs); "0" keeps
// compositing on for these pictures. The pages look the same either way.
const { driver, stop } = await launchApp(data.dbPath, { WEBKIT_DISABLE_COMPOSITING_MODE: "0" });
try {
  await driver.manage().window().setRect({ width: 1280, height: 800 });
  await shown(driver, "[data-testid=first-run]", WAIT);
  // The name the history records: prefilled from the system account, put as a person would.
  await driver.wait(() => driver.executeScript(() => document.querySelector("[data-testid=first-name]").value !== ""), WAIT, "no name prefilled");
  const name = await driver.findElement(By.css("[data-testid=first-name]"));
  await name.clear();
  await name.sendKeys("Sam Patel");
  await driver.executeScript(() => document.activeElement?.blur());
  await shot(driver, "01-first-run");

  // "Try the sample reports": four import at once; the 2006 joint area review states no
  // date, so it comes up for review, where the date is required.
  await clickOn(driver, "[data-testid=load-samples]");
  await shown(driver, "[data-testid=rec-card]", WAIT);
  // The report states no date: its last day in GOV.UK's three fields.
  await driver.executeScript(() => {
    for (const [id, v] of [["#r-end", "30"], ["#r-end-month", "6"], ["#r-end-year", "2006"]]) {
      const el = document.querySelector(id);
      el.value = v;
      el.dispatchEvent(new Event("input", { bubbles: true }));
    }
  });
  await shot(driver, "02-import-review");
  await clickOn(driver, "[data-testid=create-plan]");
  // The app moves on by itself once the plan is stored; wait for that before navigating,
  // or its own navigation can land after ours.
  await driver.wait(
    () => driver.executeScript(() => [...document.querySelectorAll("[data-testid=toast]")].some((t) => t.textContent.includes("Action plan created"))),
    WAIT,
    "no 'Action plan created' message",
  );

  await go(driver, "#/dashboard", "[data-testid=count-overdue]");
  await shot(driver, "03-dashboard");
  await go(driver, "#/plan", "[data-testid=action-row]");
  await shot(driver, "04-action-plan");
  await go(driver, "#/overdue", "[data-testid=overdue-row]");
  // A review recorded on the first item, so its "Last review" shows what was agreed.
  await clickOn(driver, "[data-testid=overdue-row] [data-testid=record-review]");
  await shown(driver, "[data-testid=review-dialog]", WAIT);
  await driver.executeScript(() => {
    document.querySelector("#rv-outcome").value = "Owner to bring the audit findings to the QA panel on Friday.";
    const next = new Date(Date.now() + 14 * 86400000).toISOString().slice(0, 10);
    const el = document.querySelector("#rv-next");
    el.value = next;
    el.dispatchEvent(new Event("change", { bubbles: true }));
  });
  await clickOn(driver, "[data-testid=dialog-confirm]");
  await driver.wait(() => driver.executeScript(() => !document.querySelector("[data-testid=review-dialog]")), WAIT, "the review was not recorded");
  await driver.executeScript(() => {
    document.activeElement?.blur();
    window.scrollTo(0, 0);
  });
  await shot(driver, "05-overdue-review");
  const id = await attributeOf(driver, "[data-testid=overdue-row]", "data-id");
  await go(driver, `#/action/${id}`, "h2");
  await shot(driver, "06-action-detail");
  await go(driver, "#/settings", "h2");
  await shot(driver, "07-settings");
} finally {
  await stop();
  data.remove();
}
