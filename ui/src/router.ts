// Hash routes (#/dashboard, #/plan, #/overdue, #/action/<id>, #/import, #/settings): they
// survive a reload and need no server.

export interface Route {
  name: string;
  /** The path segment after the name (#/action/<id>). */
  param: string | null;
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, "");
  const [path, q = ""] = raw.split("?", 2);
  const [name, ...rest] = path.split("/");
  return { name: name || "dashboard", param: rest.length ? decodeURIComponent(rest.join("/")) : null, query: new URLSearchParams(q) };
}

export function navigate(hash: string): void {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent("hashchange"));
  else location.hash = hash;
}

export type Screen = (main: HTMLElement, route: Route) => Promise<void> | void;

/** The open screen's unsaved changes, if it has a form that saves on request. */
interface LeaveGuard {
  dirty: () => boolean;
  /** Asks the person; true to leave (and lose the changes). */
  ask: () => Promise<boolean>;
}
let leaveGuard: LeaveGuard | null = null;

/**
 * While the open screen has unsaved changes (`dirty`), leaving it (a link, a shortcut, a
 * reload) asks first (`ask`); staying keeps the screen and what was typed. Cleared when
 * another screen is shown.
 */
export function guardLeaving(dirty: () => boolean, ask: () => Promise<boolean>): void {
  leaveGuard = { dirty, ask };
}

/**
 * Calls the screen for each route change; a screen that is still loading when another
 * route starts must not paint over it, so each render gets a generation number.
 */
export function startRouter(main: HTMLElement, screens: Record<string, Screen>, fallback: string, after: (route: Route) => void): void {
  let generation = 0;
  let shown: string | null = null;
  window.addEventListener("beforeunload", (ev) => {
    if (leaveGuard?.dirty()) ev.preventDefault();
  });
  const run = async () => {
    // In-page anchors (the skip link's #main) are not routes.
    if (location.hash && !location.hash.startsWith("#/")) return;
    if (leaveGuard?.dirty()) {
      // The same screen drawn again (the team's changes came in): not over unsaved work.
      if (location.hash === shown) return;
      const leaving = location.hash;
      if (!(await leaveGuard.ask())) {
        // Stay: the address goes back to this screen without drawing it again.
        if (shown !== null) history.replaceState(null, "", shown);
        return;
      }
      if (location.hash !== leaving) return; // navigated elsewhere meanwhile
    }
    leaveGuard = null;
    shown = location.hash;
    const route = parseHash(location.hash);
    const screen = screens[route.name] ?? screens[fallback];
    const mine = ++generation;
    const target = document.createElement("div");
    target.className = "screen";
    main.setAttribute("aria-busy", "true");
    try {
      await screen(target, route);
    } finally {
      if (mine === generation) {
        main.replaceChildren(target);
        main.removeAttribute("aria-busy");
        after(route);
      }
    }
  };
  window.addEventListener("hashchange", () => void run());
  void run();
}
