// Headless Chromium (Debian's) on the built UI, with the Tauri IPC replaced by a mock the
// test controls: the screens are tested without the Rust side.
import { chromium } from "playwright-core";
import { preview } from "vite";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const uiRoot = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Serve ui/dist and open Chromium; returns { page, close, url }. */
export async function openUi(handlers) {
  const server = await preview({ root: uiRoot, logLevel: "silent", preview: { port: 0, host: "127.0.0.1" } });
  const url = server.resolvedUrls.local[0];
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage();
  // `handlers` maps command names to JSON-able results or { error: {code, message} }.
  await page.addInitScript((h) => {
    window.__TAURI_INTERNALS__ = {
      invoke: async (cmd, args) => {
        (window.__ipcCalls ??= []).push({ cmd, args });
        const r = h[cmd];
        if (r === undefined) throw { code: "unknown_command", message: `no mock for ${cmd}` };
        if (r && r.error) throw r.error;
        return r;
      },
      transformCallback: () => 0,
    };
  }, handlers);
  await page.goto(url);
  const close = async () => {
    await browser.close();
    await new Promise((resolve) => server.httpServer.close(resolve));
  };
  return { page, close, url };
}

/** Run axe-core in the page; returns violations with impact serious or critical. */
export async function seriousA11yViolations(page) {
  await page.addScriptTag({ content: readFileSync(require.resolve("axe-core/axe.min.js"), "utf8") });
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}
