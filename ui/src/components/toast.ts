// Short confirmations with "Undo". A toast stays while focused or hovered (WCAG 2.2.1:
// people who need more time get it) and otherwise goes after a while.
import { h, button } from "../dom";
import { errorMessage } from "./alert";

const LIFETIME_MS = 10_000;

function region(): HTMLElement {
  let r = document.getElementById("toasts");
  if (!r) {
    r = h("div", { id: "toasts", class: "toasts", role: "status", "aria-live": "polite" });
    document.body.append(r);
  }
  return r;
}

export interface ToastOptions {
  /** Reverses what was done; the toast then says so (or shows the error). */
  undo?: () => Promise<void>;
  /** Something failed: said at once (role=alert) and marked as an error. */
  error?: boolean;
}

export function showToast(message: string, options: ToastOptions = {}): HTMLElement {
  const text = h("span", { class: "toast-text" }, message);
  const toast = h("div", { class: options.error ? "toast toast-error" : "toast", "data-testid": "toast" }, text);
  if (options.error) toast.setAttribute("role", "alert");
  let timer = 0;
  const close = () => {
    window.clearTimeout(timer);
    toast.remove();
  };
  const arm = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(close, LIFETIME_MS);
  };
  if (options.undo) {
    const undo = options.undo;
    const undoButton = button(
      "Undo",
      async () => {
        undoButton.disabled = true;
        try {
          await undo();
          text.textContent = "Undone.";
          undoButton.remove();
          arm();
        } catch (e) {
          text.textContent = `Could not undo: ${errorMessage(e)}`;
          toast.setAttribute("role", "alert");
          undoButton.disabled = false;
        }
      },
      { class: "link-button", "data-testid": "undo" },
    );
    toast.append(undoButton);
  }
  toast.append(button("Dismiss", close, { class: "link-button", "aria-label": "Dismiss message" }));
  toast.addEventListener("mouseenter", () => window.clearTimeout(timer));
  toast.addEventListener("focusin", () => window.clearTimeout(timer));
  toast.addEventListener("mouseleave", arm);
  toast.addEventListener("focusout", arm);
  region().append(toast);
  arm();
  return toast;
}
