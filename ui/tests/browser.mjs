// Headless Chromium (Debian's) on the built UI, with the Tauri IPC forwarded to the real
// core: each test's app commands go to a bridge of its own (bridge.mjs), over a database
// seeded from fixtures.mjs. What the app asks of the system stays mocked in the page: the
// file dialogs, notifications, events (drag and drop) and opening evidence.
//
// openUi(handlers, options):
//   handlers  maps a command to a JSON-able result, to { error: {code, message} }, or to a
//             function (args, state, bridge) => result run in the page (so it can keep
//             state, throw {code, message}, or call the real command with
//             `bridge(cmd, args)`); these win over the bridge (errors, slow calls, a server).
//   options.backend  the data to seed the test's database with (sampleData() in
//             fixtures.mjs); without it, commands without a handler fail.
//   options.hash     the route to open (#/plan …), or a function of `id` (below) giving it;
//   options.storage: localStorage items; options.init: a function run in the page after
//   the mocks are set up.
// It returns { page, close, url, bridge, id }: `bridge.invoke(cmd, args)` asks the real
// core directly (not through the page), `bridge.dir` is the test's own folder (its
// database is tracker.db there), `bridge.file(name, content)` writes a file into it, and
// `id("act-003")` is the database's id of a fixture's alias.
// In the page: window.__ipcCalls lists every call; window.__emitTauri(event, payload)
// fires a Tauri event (drag and drop); window.__dialogResults is a queue of answers for
// "plugin:dialog|open", window.__saveResults one for "plugin:dialog|save" (a path, or
// null for Cancel; empty: cancelled); window.__notifications collects desktop
// notifications, window.__opened the evidence opened with the system's app,
// window.__windowClosed is true once the window has closed itself (after
// __emitTauri("tauri://close-requested")), and
// window.__pending counts the commands waiting for the core (settled(page) waits for none).
import { chromium } from "playwright-core";
import { preview } from "vite";
import { fileURLToPath } from "node:url";
import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { after } from "node:test";
import { bridgeFor } from "./bridge.mjs";

const uiRoot = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SHOTS = process.env.UI_SHOTS ?? "/tmp/ui-shots";

// One server and one browser per test file (each test gets its own context): launching
// Chromium per test would cost more CPU than the tests themselves.
let shared = null;
async function start() {
  shared ??= (async () => {
    const server = await preview({ root: uiRoot, logLevel: "silent", preview: { port: 0, host: "127.0.0.1" } });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--lang=en-GB",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    return { server, browser, url: server.resolvedUrls.local[0] };
  })();
  return shared;
}

after(async () => {
  if (!shared) return;
  const { server, browser } = await shared;
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
});

function serialise(handlers) {
  const out = {};
  for (const [cmd, h] of Object.entries(handlers)) {
    out[cmd] = typeof h === "function" ? { fn: h.toString() } : { value: h };
  }
  return out;
}

/** Serve ui/dist and open it in a fresh context; returns { page, close, url }. */
export async function openUi(handlers = {}, options = {}) {
  const { browser, url } = await start();
  const bridge = options.backend ? await bridgeFor(options.backend) : null;
  const id = (alias) => {
    if (!bridge) throw new Error("no backend: no ids");
    return bridge.id(alias);
  };
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 860 }, locale: "en-GB" });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error("page error:", e.message));
  await page.addInitScript(
    ({ handlers, storage, bridgeUrl }) => {
      for (const [k, v] of Object.entries(storage ?? {})) localStorage.setItem(k, v);
      const fns = {};
      for (const [cmd, h] of Object.entries(handlers)) {
        // Test code, in a test page: evaluating the handler's source is the point.
        // biome-ignore lint/complexity/noCommaOperator: `(0, eval)` is an indirect eval, in the page's global scope
        // biome-ignore lint/security/noGlobalEval: test handlers cross into the page as source
        if (h.fn) fns[cmd] = (0, eval)(`(${h.fn})`);
      }
      const callbacks = new Map();
      const listeners = [];
      let nextId = 1;
      window.__ipcCalls = [];
      window.__dialogResults = [];
      window.__saveResults = [];
      window.__notifications = [];
      window.__opened = [];
      window.__mockState ??= {};
      // An app command, answered by the real core behind the test's bridge.
      window.__pending = 0;
      // One call at a time, in the order made, as the app runs its (synchronous) commands:
      // Chromium's several connections to the bridge could otherwise reorder the answers.
      let queue = Promise.resolve();
      const bridge = (cmd, args) => {
        if (!bridgeUrl) return Promise.reject({ code: "unknown_command", message: `no handler for ${cmd} and no backend` });
        window.__pending++;
        const answer = queue.then(() => ask(cmd, args));
        queue = answer.catch(() => {});
        return answer.finally(() => window.__pending--);
      };
      const ask = async (cmd, args) => {
        try {
          // Plain text keeps it a simple request: no CORS preflight before every call.
          const res = await fetch(`${bridgeUrl}/invoke`, { method: "POST", headers: { "Content-Type": "text/plain" }, body: JSON.stringify({ cmd, args }) });
          const body = await res.json();
          if (!res.ok) throw body;
          return body;
        } catch (e) {
          if (e instanceof Error) throw { code: "bridge", message: `the test's bridge did not answer ${cmd}: ${e.message}` };
          throw e;
        }
      };
      const plugin = {
        "plugin:event|listen": (args) => {
          listeners.push({ event: args.event, handler: args.handler });
          return nextId++;
        },
        "plugin:event|unlisten": () => null,
        "plugin:dialog|open": () => (window.__dialogResults.length ? window.__dialogResults.shift() : null),
        "plugin:dialog|save": () => (window.__saveResults.length ? window.__saveResults.shift() : null),
        "plugin:notification|is_permission_granted": () => true,
        // The window closing itself (after its close request, "tauri://close-requested").
        "plugin:window|destroy": () => {
          window.__windowClosed = true;
          return null;
        },
        // The app opens evidence with the system's app (the opener plugin, from Rust).
        open_evidence: (args) => {
          window.__opened.push(args.evidenceId);
          return null;
        },
      };
      window.__emitTauri = (event, payload) => {
        for (const l of listeners) if (l.event === event) callbacks.get(l.handler)?.({ event, id: 0, payload });
      };
      window.__TAURI_INTERNALS__ = {
        metadata: { currentWindow: { label: "main" }, currentWebview: { windowLabel: "main", label: "main" } },
        invoke: async (cmd, args) => {
          window.__ipcCalls.push({ cmd, args: JSON.parse(JSON.stringify(args ?? {})) });
          const h = handlers[cmd];
          if (h && "value" in h) {
            if (h.value?.error) throw h.value.error;
            return structuredClone(h.value);
          }
          if (fns[cmd]) return fns[cmd](args ?? {}, window.__mockState, bridge);
          if (plugin[cmd]) return plugin[cmd](args ?? {});
          if (cmd.startsWith("plugin:")) throw { code: "unknown_command", message: `no mock for ${cmd}` };
          return bridge(cmd, args ?? {});
        },
        transformCallback: (cb) => {
          const id = nextId++;
          callbacks.set(id, cb);
          return id;
        },
        unregisterCallback: (id) => callbacks.delete(id),
        convertFileSrc: (p) => p,
      };
      // The notification plugin sends through the web Notification API (Tauri polyfills it).
      class FakeNotification {
        static permission = "granted";
        static requestPermission = async () => "granted";
        constructor(title, options) {
          window.__notifications.push({ title, body: options?.body });
        }
      }
      window.Notification = FakeNotification;
    },
    { handlers: serialise(handlers), storage: options.storage, bridgeUrl: bridge?.url ?? null },
  );
  if (options.init) await page.addInitScript(options.init);
  const hash = typeof options.hash === "function" ? options.hash(id) : (options.hash ?? "");
  await page.goto(url + hash);
  const close = async () => {
    await context.close();
    await bridge?.stop();
  };
  return { page, close, url, bridge, id };
}

/** Waits until the page has no command waiting for the core's answer (and has drawn it). */
export async function settled(page) {
  await page.waitForFunction(() => window.__pending === 0);
}

/** The commands called so far (names only, or with args). */
export async function calls(page, withArgs = false) {
  const all = await page.evaluate(() => window.__ipcCalls);
  return withArgs ? all : all.map((c) => c.cmd);
}

/** Save a screenshot to /tmp/ui-shots/<name>.png for a person to look at. */
export async function shot(page, name, fullPage = false) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

/** Run axe-core in the page; returns violations with impact serious or critical. */
export async function seriousA11yViolations(page) {
  const has = await page.evaluate(() => typeof window.axe !== "undefined");
  if (!has) await page.addScriptTag({ content: readFileSync(require.resolve("axe-core/axe.min.js"), "utf8") });
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
}
