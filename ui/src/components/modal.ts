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

export function openDialog(options: DialogOptions): Promise<boolean> {
  const opener = document.activeElement as HTMLElement | null;
  const titleId = uid("dlg");
  const dialog = h("dialog", { class: "dialog", "aria-labelledby": titleId, "data-testid": options.testid ?? "dialog" });
  const form = h("form", { method: "dialog", ...(options.novalidate ? { novalidate: "" } : {}) });
  const confirm = h("button", { type: "submit", class: options.danger ? "danger" : "primary", "data-testid": "dialog-confirm" }, options.confirmLabel);
  const cancel = button(options.cancelLabel ?? "Cancel", () => finish(false), { "data-testid": "dialog-cancel" });
  form.append(
    h("h2", { id: titleId }, options.title),
    ...options.body.filter((c): c is Node | string => !!c),
    h("div", { class: "dialog-actions" }, confirm, cancel),
  );
  dialog.append(form);
  document.body.append(dialog);

  let busy = false;
  let resolve!: (v: boolean) => void;
  const done = new Promise<boolean>((r) => (resolve = r));
  const finish = (ok: boolean) => {
    dialog.close();
    dialog.remove();
    opener?.focus?.();
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
  dialog.addEventListener("cancel", (ev) => {
    ev.preventDefault();
    if (!busy) finish(false);
  });
  dialog.showModal();
  // Forms start at their first field; a destructive confirmation starts on Cancel, so a
  // stray Enter cannot destroy anything.
  const first = form.querySelector<HTMLElement>("input, textarea, select");
  (options.initialFocus ?? first ?? (options.danger ? cancel : confirm)).focus();
  return done;
}

/** Yes/no; resolves true when confirmed. */
export function confirmDialog(title: string, message: string, confirmLabel: string, danger = false): Promise<boolean> {
  return openDialog({ title, body: [h("p", {}, message)], confirmLabel, danger });
}
