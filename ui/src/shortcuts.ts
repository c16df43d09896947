// Keyboard shortcuts, one table so the help panel and the handler cannot disagree.

export const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
export const MOD = isMac ? "⌘" : "Ctrl";

/** For `aria-keyshortcuts` on a form's "Save changes". */
export const SAVE_KEYS = isMac ? "Meta+S" : "Control+S";

export interface Shortcut {
  keys: string;
  what: string;
}

export const SHORTCUTS: Shortcut[] = [
  { keys: `${MOD}+O`, what: "Import reports" },
  { keys: `${MOD}+E`, what: "Export the action plan (board paper, statement, Excel, CSV, calendar)" },
  { keys: `/ or ${MOD}+F`, what: "Search the action plan" },
  { keys: `${MOD}+S`, what: "Save changes (on an action's page and in Settings)" },
  { keys: "Alt+1 … Alt+5", what: "Go to Dashboard, Action plan, Overdue review, Import, Settings" },
  { keys: "↑ / ↓", what: "Move between actions in the plan" },
  { keys: "Esc", what: "Close a dialog" },
];

export interface ShortcutActions {
  importFiles: () => void;
  exportPlan: () => void;
  search: () => void;
  go: (n: number) => void;
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName);
}

export function installShortcuts(actions: ShortcutActions): void {
  document.addEventListener("keydown", (ev) => {
    if (document.querySelector("dialog[open]")) return;
    const mod = isMac ? ev.metaKey : ev.ctrlKey;
    const key = ev.key.toLowerCase();
    if (mod && !ev.altKey && key === "o") {
      ev.preventDefault();
      actions.importFiles();
    } else if (mod && !ev.altKey && key === "e") {
      ev.preventDefault();
      actions.exportPlan();
    } else if ((mod && !ev.altKey && key === "f") || (ev.key === "/" && !mod && !typing(ev.target))) {
      ev.preventDefault();
      actions.search();
    } else if (mod && !ev.altKey && key === "s") {
      // The screen's form that saves (the action page's "Save changes"), if there is one;
      // never the browser's "save page".
      const form = document.querySelector<HTMLFormElement>("form[data-save-shortcut]");
      if (form) {
        ev.preventDefault();
        form.requestSubmit();
      }
    } else if (ev.altKey && !mod && /^[1-5]$/.test(ev.key)) {
      ev.preventDefault();
      actions.go(Number(ev.key));
    }
  });
}
