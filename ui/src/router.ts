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

/**
 * Calls the screen for each route change; a screen that is still loading when another
 * route starts must not paint over it, so each render gets a generation number.
 */
export function startRouter(main: HTMLElement, screens: Record<string, Screen>, fallback: string, after: (route: Route) => void): void {
  let generation = 0;
  const run = async () => {
    // In-page anchors (the skip link's #main) are not routes.
    if (location.hash && !location.hash.startsWith("#/")) return;
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
