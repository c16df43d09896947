// Errors are shown, never swallowed: one component so every screen says it the same way.
import { ApiError } from "../api";
import { h } from "../dom";

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  // Plugins reject with strings or plain { message } objects.
  if (e && typeof e === "object" && typeof (e as { message?: unknown }).message === "string") return (e as { message: string }).message;
  return String(e);
}

/** A role=alert box with a heading and the error's message. */
export function errorBox(e: unknown, title = "Something went wrong", testid = "error"): HTMLElement {
  return h("div", { class: "error", role: "alert", "data-testid": testid }, h("h2", {}, title), h("p", {}, errorMessage(e)));
}

/** Shows an error in a slot (replacing what was there); clears it with `null`. */
export function showError(slot: HTMLElement, e: unknown | null, title?: string): void {
  slot.replaceChildren(...(e === null ? [] : [errorBox(e, title)]));
}
