// In-page dialogs on <dialog>: modal, focus kept inside, Escape cancels, focus returns to
// where it was. Used for confirmations and small forms, so they work the same everywhere
// (and in tests) whether or not a native dialog is available.
import { h, button, uid } from "../dom";
import type { Child } from "../dom";

export interface DialogOptions {
  title: string;
  body: Child[];
  confirmLabel: string;
  cancelLabel?: string;
  /** Danger styling for destructive confirmations. */
  danger?: boolean;
  /**
   * Called on confirm; return false (or throw) to keep the dialog open. While it runs the
   * dialog is busy: both buttons are disabled and Escape does not close it.
   */
  onConfirm?: () => boolean | Promise<boolean>;
  /** Where focus starts (else the first field, or the safe button). */
  initialFocus?: HTMLElement;
  /** Test id for the dialog element ("dialog" unless given). */
  testid?: string;
  /** The form checks itself in `onConfirm` (an error summary), not with the browser's bubbles. */
  novalidate?: boolean;
}

/**
 * A modal <dialog> titled `title`, added to the page; `close` removes it and puts focus back
 * where it was. Escape fires `onEscape` (the dialog decides whether it may close then); Tab
 * goes round inside it.
 */
function shell(title: string, testid: string | undefined, onEscape: () => void) {
  const opener = document.activeElement as HTMLElement | null;
  const titleId = uid("dlg");
  const dialog = h("dialog", { class: "dialog", "aria-labelledby": titleId, "data-testid": testid ?? "dialog" });
  const heading = h("h2", { id: titleId }, title);
  dialog.addEventListener("cancel", (ev) => {
    ev.preventDefault();
    onEscape();
  });
  // The page behind is inert, but Tab from the last control would still leave for the
  // browser's own controls: go round to the first instead (and Shift+Tab the other way).
  dialog.addEventListener("keydown", (ev) => {
    if (ev.key !== "Tab") return;
    const controls = [...dialog.querySelectorAll<HTMLElement>("button, input, select, textarea, a[href], [tabindex]:not([tabindex='-1'])")].filter(
      (el) => !(el as HTMLButtonElement).disabled && el.offsetParent !== null,
    );
    const [first, last] = [controls[0], controls.at(-1)];
    if (!first || !last) return;
    const edge = ev.shiftKey ? first : last;
    if (document.activeElement === edge) {
      ev.preventDefault();
      (ev.shiftKey ? last : first).focus();
    }
  });
  const close = () => {
    dialog.close();
    dialog.remove();
    opener?.focus?.();
  };
  return { dialog, heading, close };
}

export function openDialog(options: DialogOptions): Promise<boolean> {
  let busy = false;
  const { dialog, heading, close } = shell(options.title, options.testid, () => {
    if (!busy) finish(false);
  });
  const form = h("form", { method: "dialog", ...(options.novalidate ? { novalidate: "" } : {}) });
  const confirm = h("button", { type: "submit", class: options.danger ? "danger" : "primary", "data-testid": "dialog-confirm" }, options.confirmLabel);
  const cancel = button(options.cancelLabel ?? "Cancel", () => finish(false), { "data-testid": "dialog-cancel" });
  form.append(heading, ...options.body.filter((c): c is Node | string => !!c), h("div", { class: "dialog-actions" }, confirm, cancel));
  dialog.append(form);
  document.body.append(dialog);

  let resolve!: (v: boolean) => void;
  const done = new Promise<boolean>((r) => (resolve = r));
  const finish = (ok: boolean) => {
    close();
    resolve(ok);
  };
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (!options.novalidate && !form.reportValidity()) return;
    if (options.onConfirm) {
      if (busy) return;
      busy = true;
      confirm.disabled = cancel.disabled = true;
      dialog.setAttribute("aria-busy", "true");
      let ok = false;
      try {
        ok = await options.onConfirm();
      } finally {
        busy = false;
        confirm.disabled = cancel.disabled = false;
        dialog.removeAttribute("aria-busy");
      }
      if (!ok) return;
    }
    finish(true);
  });
  dialog.showModal();
  // Forms start at their first field; a destructive confirmation starts on Cancel, so a
  // stray Enter cannot destroy anything.
  const first = form.querySelector<HTMLElement>("input, textarea, select");
  (options.initialFocus ?? first ?? (options.danger ? cancel : confirm)).focus();
  return done;
}

/** One answer to a `choiceDialog`: its button. */
export interface Choice<T extends string> {
  value: T;
  label: string;
  /** The button's style: the suggested answer, a destructive one, or a plain one. */
  style: "primary" | "danger" | "secondary";
}

/**
 * A question with more than two answers, one button each, in the order given; focus starts
 * on the first. Escape gives `escape` (the answer that changes nothing).
 */
export function choiceDialog<T extends string>(options: { title: string; message: string; choices: Choice<T>[]; escape: T; testid?: string }): Promise<T> {
  let resolve!: (v: T) => void;
  const done = new Promise<T>((r) => (resolve = r));
  const { dialog, heading, close } = shell(options.title, options.testid, () => finish(options.escape));
  const finish = (answer: T) => {
    close();
    resolve(answer);
  };
  const buttons = options.choices.map((c) => button(c.label, () => finish(c.value), { class: c.style, "data-testid": `choice-${c.value}` }));
  dialog.append(heading, h("p", {}, options.message), h("div", { class: "dialog-actions" }, ...buttons));
  document.body.append(dialog);
  dialog.showModal();
  buttons[0]?.focus();
  return done;
}

/** Yes/no; resolves true when confirmed. */
export function confirmDialog(title: string, message: string, confirmLabel: string, danger = false): Promise<boolean> {
  return openDialog({ title, body: [h("p", {}, message)], confirmLabel, danger });
}
