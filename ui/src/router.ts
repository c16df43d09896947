// Hash routes (#/dashboard, #/plan, #/overdue, #/action/<id>, #/import, #/settings): they
// survive a reload and need no server. Leaving a screen with unsaved work asks first
// (unsaved.ts: the same rule the window's close asks).
import { askToLeave, forgetUnsaved, hasUnsavedWork } from "./unsaved";

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

/**
 * Calls the screen for each route change; a screen that is still loading when another
 * route starts must not paint over it, so each render gets a generation number.
 */
export function startRouter(main: HTMLElement, screens: Record<string, Screen>, fallback: string, after: (route: Route) => void): void {
  let generation = 0;
  let shown: string | null = null;
  window.addEventListener("beforeunload", (ev) => {
    if (hasUnsavedWork()) ev.preventDefault();
  });
  const run = async () => {
    // In-page anchors (the skip link's #main) are not routes.
    if (location.hash && !location.hash.startsWith("#/")) return;
    if (hasUnsavedWork()) {
      // The same screen drawn again (the team's changes came in): not over unsaved work.
      if (location.hash === shown) return;
      const leaving = location.hash;
      if (!(await askToLeave())) {
        // Stay: the address goes back to this screen without drawing it again.
        if (shown !== null) history.replaceState(null, "", shown);
        return;
      }
      if (location.hash !== leaving) return; // navigated elsewhere meanwhile
    }
    forgetUnsaved();
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
