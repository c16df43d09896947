// The GOV.UK Design System's error summary: "There is a problem" at the top of a form,
// each problem a link that takes focus to its field, and the same words beside the field
// itself (above the control, after its hint). One component so every form says it the
// same way.
import { h } from "../dom";

export interface Problem {
  /** The id of the field the problem is about. */
  field: string;
  message: string;
}

function fieldOf(control: HTMLElement): HTMLElement {
  return control.closest<HTMLElement>(".field") ?? control.parentElement ?? control;
}

/** Removes every problem shown in `scope` (the summary is cleared by its slot). */
export function clearProblems(scope: ParentNode): void {
  for (const msg of scope.querySelectorAll(".error-message")) msg.remove();
  for (const f of scope.querySelectorAll(".field-error")) f.classList.remove("field-error");
  for (const c of scope.querySelectorAll<HTMLElement>("[data-problem]")) {
    c.removeAttribute("data-problem");
    c.removeAttribute("aria-invalid");
    const ids = (c.getAttribute("aria-describedby") ?? "").split(/\s+/).filter((id) => id && id !== `${c.id}-error`);
    if (ids.length) c.setAttribute("aria-describedby", ids.join(" "));
    else c.removeAttribute("aria-describedby");
  }
}

/**
 * Shows `problems` in `slot` as an error summary (focused, so it is read out at once) and
 * beside each field found in `scope`. Clears what was shown before; returns whether there
 * were any problems.
 */
export function showProblems(slot: HTMLElement, problems: Problem[], scope: ParentNode = document): boolean {
  clearProblems(scope);
  slot.replaceChildren();
  if (!problems.length) return false;
  const titleId = `${slot.id || "form"}-problem-title`;
  const summary = h(
    "div",
    { class: "error-summary", role: "alert", tabindex: "-1", "aria-labelledby": titleId, "data-testid": "error-summary" },
    h("h2", { class: "error-summary-title", id: titleId }, "There is a problem"),
    h(
      "ul",
      { class: "error-summary-list" },
      ...problems.map((p) => {
        const link = h("a", { href: `#${p.field}` }, p.message);
        // The app routes by the hash: go to the field, never to a route.
        link.addEventListener("click", (ev) => {
          ev.preventDefault();
          const el = document.getElementById(p.field);
          el?.scrollIntoView({ block: "center" });
          el?.focus();
        });
        return h("li", {}, link);
      }),
    ),
  );
  slot.append(summary);
  for (const p of problems) {
    const control = (scope as ParentNode & { querySelector: Document["querySelector"] }).querySelector<HTMLElement>(`#${CSS.escape(p.field)}`);
    if (!control || control.hasAttribute("data-problem")) continue;
    const msg = h("p", { class: "error-message", id: `${p.field}-error` }, h("span", { class: "sr-only" }, "Error: "), p.message);
    fieldOf(control).classList.add("field-error");
    // A date in three fields (components/date-parts) has its message above all three.
    (control.closest(".date-parts")?.querySelector(".date-parts-row") ?? control).before(msg);
    control.setAttribute("data-problem", "");
    control.setAttribute("aria-invalid", "true");
    control.setAttribute("aria-describedby", [control.getAttribute("aria-describedby"), msg.id].filter(Boolean).join(" "));
  }
  summary.focus();
  return true;
}
