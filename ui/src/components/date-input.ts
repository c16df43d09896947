// A date field that reads and shows dates the British way ("14 Jan 2012", typed as
// 14/01/2012 or 14 Jan 2012) whatever the computer's locale. The browser's own
// <input type=date> lays its fields out by the system's locale, which on many machines
// (and every machine without one set) is US order: 01/14/2012 for 14 January, a mistake
// waiting to happen on a due date.
//
// The element is a plain text <input>: read it with `isoOf`, set it with `setIso`. Its
// example ("For example, 14/01/2012.") is hint text above it, put there by dom.ts `field`. A typed
// date is checked as it is typed (the browser's own validity message says what is wrong)
// and shown as "14 Jan 2012" once the field is left.
import { h } from "../dom";
import { formatDate, parseTypedDate } from "../format";

export interface DateLimits {
  /** Earliest allowed date, `YYYY-MM-DD`. */
  min?: string;
  /** Latest allowed date, `YYYY-MM-DD`. */
  max?: string;
}

const limits = new WeakMap<HTMLInputElement, DateLimits>();

export function dateInput(attrs: Record<string, string> = {}, bounds: DateLimits = {}): HTMLInputElement {
  const el = h("input", {
    type: "text",
    autocomplete: "off",
    spellcheck: "false",
    class: "date-input",
    ...attrs,
  });
  limits.set(el, bounds);
  el.addEventListener("input", () => check(el));
  el.addEventListener("change", () => {
    const iso = parseTypedDate(el.value);
    if (iso) el.value = formatDate(iso);
    check(el, true);
  });
  return el;
}

/** The date in the field as `YYYY-MM-DD`; "" when it is empty or not (yet) a whole date. */
export function isoOf(el: HTMLInputElement): string {
  return parseTypedDate(el.value) ?? "";
}

/** Show `iso` (`YYYY-MM-DD`, or empty for none) in the field. */
export function setIso(el: HTMLInputElement, iso: string | null | undefined): void {
  el.value = iso ? formatDate(iso) : "";
  check(el);
}

/** What is wrong with the field's text, or "" when nothing is. */
export function dateProblem(el: HTMLInputElement): string {
  const text = el.value.trim();
  if (!text) return ""; // `required` covers an empty field
  const iso = parseTypedDate(text);
  if (!iso) return "Enter a real date, day first: for example 14/01/2012 or 14 Jan 2012.";
  const { min, max } = limits.get(el) ?? {};
  if (min && iso < min) return `The date cannot be before ${formatDate(min)}.`;
  if (max && iso > max) return `The date cannot be after ${formatDate(max)}.`;
  return "";
}

const notes = new WeakMap<HTMLInputElement, HTMLElement>();

/** Marks the field valid or not; `say` also shows the problem in words beside it (once the
 * person has left the field, not while they are still typing). */
function check(el: HTMLInputElement, say = false): void {
  const problem = dateProblem(el);
  el.setCustomValidity(problem);
  let note = notes.get(el);
  if (!problem) {
    el.removeAttribute("aria-invalid");
    note?.remove();
    return;
  }
  el.setAttribute("aria-invalid", "true");
  if (!say) return;
  if (!note) {
    note = h("span", { class: "date-problem", role: "alert", id: `${el.id || "date"}-problem` });
    notes.set(el, note);
  }
  note.textContent = problem;
  if (!note.isConnected) el.after(note);
}
