// Start-up: the navigation, routes, shortcuts, export, drag-and-drop, reminders and the
// question before the window closes with unsaved work.
import { h } from "./dom";
import { startRouter, navigate, type Route, type Screen } from "./router";
import { installShortcuts, SHORTCUTS } from "./shortcuts";
import { onFileDrop } from "./native";
import { startReminders } from "./reminders";
import { guardClosing } from "./unsaved";
import { showDashboard } from "./screens/dashboard";
import { showPlan } from "./screens/plan";
import { showOverdue } from "./screens/overdue";
import { showAction } from "./screens/action";
import { showImport, pickAndImport, importFiles } from "./screens/import";
import { showSettings } from "./screens/settings";
import { showDecide } from "./screens/decide";
import { openExportDialog, EXPORT_KEYS } from "./components/export-dialog";
import { startTeamStatus } from "./team";
import { loadPermissions, readOnlyNotice } from "./permissions";

const TITLES: Record<string, string> = {
  dashboard: "Dashboard",
  plan: "Action plan",
  overdue: "Overdue review",
  action: "Action",
  import: "Import",
  settings: "Settings",
};
const ORDER = ["#/dashboard", "#/plan", "#/overdue", "#/import", "#/settings"];

const main = document.getElementById("main")!;
let firstRoute = true;
/** Set by the search shortcut on another screen: focus the plan's search once it shows. */
let focusSearch = false;

function afterRoute(route: Route) {
  // For the start-up measurements (tests/e2e/measure*.mjs): when the first screen is drawn.
  if (firstRoute) performance.mark("first-screen-drawn");
  for (const a of document.querySelectorAll<HTMLAnchorElement>(".app-nav a[data-route]")) {
    const current = a.dataset.route === route.name || (route.name === "action" && a.dataset.route === "plan");
    if (current) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  document.title = `${TITLES[route.name] ?? "Dashboard"} – Inspection Action Tracker`;
  // Screen-reader users hear where they are: focus the new screen's heading (not on the
  // first load, where the page itself is announced). The search shortcut focuses search.
  const heading = main.querySelector<HTMLElement>("#screen-title");
  const search = main.querySelector<HTMLElement>("#plan-search");
  if (focusSearch && search) search.focus();
  else if (!firstRoute && heading && !main.contains(document.activeElement)) heading.focus();
  focusSearch = false;
  firstRoute = false;
}

// The skip link moves focus without touching the hash (the hash is the route).
document.querySelector(".skip-link")!.addEventListener("click", (ev) => {
  ev.preventDefault();
  main.focus();
});

document.getElementById("shortcut-list")!.append(...SHORTCUTS.flatMap((s) => [h("dt", {}, h("kbd", {}, s.keys)), h("dd", {}, s.what)]));

/** A screen, with the read-only notice above it while nothing may be changed here. */
function withNotice(screen: Screen): Screen {
  return async (target, route) => {
    await screen(target, route);
    const notice = readOnlyNotice();
    if (notice) target.prepend(notice);
  };
}

const screens: Record<string, Screen> = {
  dashboard: showDashboard,
  plan: showPlan,
  overdue: showOverdue,
  action: showAction,
  import: showImport,
  settings: showSettings,
  decide: showDecide,
};
// What this person may do is known before the first screen is drawn (one small read).
void loadPermissions().finally(() =>
  startRouter(main, Object.fromEntries(Object.entries(screens).map(([k, s]) => [k, withNotice(s)])), "dashboard", afterRoute),
);

// Export is everywhere: the header's button and Ctrl/⌘+E (the plan has its own button).
const exportHeader = document.getElementById("export-button")!;
exportHeader.setAttribute("aria-keyshortcuts", EXPORT_KEYS);
exportHeader.addEventListener("click", () => void openExportDialog());

installShortcuts({
  importFiles: () => void pickAndImport(),
  exportPlan: () => void openExportDialog(),
  search: () => {
    const box = document.querySelector<HTMLInputElement>("#plan-search");
    if (box) box.focus();
    else {
      focusSearch = true;
      navigate("#/plan");
    }
  },
  go: (n) => navigate(ORDER[n - 1]),
});

// The window's close button, Alt+F4 or ⌘W with a form's changes unsaved asks first.
void guardClosing();

const overlay = document.getElementById("drop-overlay")!;
void onFileDrop({
  over: (active) => (overlay.hidden = !active),
  drop: (paths) => void importFiles(paths),
});

startReminders();

// Team mode: the header's status; a change from the team reloads the open screen.
void startTeamStatus(document.getElementById("team-status")!, () => window.dispatchEvent(new HashChangeEvent("hashchange")));
