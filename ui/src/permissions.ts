// What the person at this desktop may do in the team's plan. The rule is the core's
// (model/team_role.rs, over IPC as `team_permissions`); the screens only ask it. A viewer
// sees no edit controls and a notice saying why; an editor sees the controls for managing
// the plan (import, due dates, the bin…) disabled, each with the reason in words.
import { api } from "./api";
import { h, uid } from "./dom";
import type { Capability } from "./gen/Capability";
import type { Permissions } from "./gen/Permissions";

/** A database used alone: everything (also until the core has answered, or if it cannot). */
const EVERYTHING: Permissions = { role: null, read_only: false, notice: null, denied: {} };
let current: Permissions = EVERYTHING;

/** Ask the core again; true if what is allowed changed (the open screen should redraw). */
export async function loadPermissions(): Promise<boolean> {
  let next: Permissions;
  try {
    next = await api.teamPermissions();
  } catch {
    // The core refuses what is not allowed anyway; the screens then offer everything.
    next = EVERYTHING;
  }
  const changed = JSON.stringify(next) !== JSON.stringify(current);
  current = next;
  return changed;
}

export function permissions(): Permissions {
  return current;
}

/** Nothing in the plan may be changed here (a viewer). */
export function isReadOnly(): boolean {
  return current.read_only;
}

/** Why `cap` may not be done here, in the core's words; null if it may. */
export function whyNot(cap: Capability): string | null {
  return current.denied[cap] ?? null;
}

/** The notice at the top of every screen while read-only; null otherwise. */
export function readOnlyNotice(): HTMLElement | null {
  if (!current.read_only || !current.notice) return null;
  return h(
    "div",
    { class: "notice read-only-notice", role: "note", "data-testid": "read-only-notice" },
    h("p", {}, h("strong", {}, "Read-only. "), current.notice),
  );
}

/** The reason `cap` is not allowed, once on a screen, for controls to point at; null if allowed. */
export function reasonNote(cap: Capability): HTMLElement | null {
  const why = whyNot(cap);
  if (why === null) return null;
  return h("p", { class: "hint denied-why", id: uid(`why-${cap}`), "data-testid": `why-${cap}` }, why);
}

/** Disable every control in `el` (and `el` itself), each described by `note`. */
export function disableWithin(el: HTMLElement, note: HTMLElement): void {
  const controls = [el, ...el.querySelectorAll<HTMLElement>("button, input, select, textarea")];
  for (const c of controls) {
    if (!(c instanceof HTMLButtonElement || c instanceof HTMLInputElement || c instanceof HTMLSelectElement || c instanceof HTMLTextAreaElement)) continue;
    c.disabled = true;
    const by = c.getAttribute("aria-describedby");
    c.setAttribute("aria-describedby", by ? `${by} ${note.id}` : note.id);
  }
  el.dataset.denied = "";
}

/**
 * A control (or a form) for `cap`: as made when allowed; left out on a read-only screen
 * (the notice at the top says why); otherwise shown disabled with the reason beneath it.
 */
export function offer(cap: Capability, el: HTMLElement): HTMLElement | null {
  const note = reasonNote(cap);
  if (note === null) return el;
  if (current.read_only) return null;
  disableWithin(el, note);
  return h("div", { class: "denied", "data-testid": `denied-${cap}` }, el, note);
}
