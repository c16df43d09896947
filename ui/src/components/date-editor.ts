// A date shown with a "Change" button that opens a small form in place: the date, Save,
// a way back to no date (the estimate, or none), Cancel. The dashboard's next inspection
// and an area SEND report's plan deadline use it.
import { h, button, field } from "../dom";
import type { Summary } from "../gen/Summary";
import { showError } from "./alert";
import { dateInput, isoOf, setIso } from "./date-input";

export interface DateEditor {
  /** The button's words ("Change date"); its accessible name adds `labelFor`. */
  editLabel: string;
  labelFor?: string;
  editTestId: string;
  inputTestId?: string;
  fieldLabel: string;
  hint?: string;
  current: string | null;
  /** The button that saves no date, with its words; none when `null`. */
  clear: { label: string; testId?: string } | null;
  /** Said when Save is pressed with no date. */
  missing: string;
  failed: string;
  save: (date: string | null) => Promise<Summary>;
  saved: (s: Summary) => void;
}

export function dateEditor(o: DateEditor): HTMLElement {
  const slot = h("div", { class: "slot" });
  const input = dateInput(o.inputTestId ? { "data-testid": o.inputTestId } : {});
  setIso(input, o.current ?? "");
  const form = h(
    "form",
    { class: "inline-form", hidden: "" },
    field(o.fieldLabel, input, o.hint),
    h(
      "div",
      { class: "button-row" },
      h("button", { type: "submit", class: "primary" }, "Save"),
      o.clear ? button(o.clear.label, () => void save(null), { class: "secondary", ...(o.clear.testId ? { "data-testid": o.clear.testId } : {}) }) : null,
      button("Cancel", () => toggle(false)),
    ),
  );
  const edit = button(o.editLabel, () => toggle(true), {
    class: "link-button",
    "data-testid": o.editTestId,
    "aria-expanded": "false",
    // The visible words first, as the accessible name must hold them.
    ...(o.labelFor ? { "aria-label": `${o.editLabel} ${o.labelFor}` } : {}),
  });
  function toggle(open: boolean) {
    form.hidden = !open;
    edit.setAttribute("aria-expanded", String(open));
    if (open) input.focus();
    else edit.focus();
  }
  async function save(date: string | null) {
    slot.replaceChildren();
    if (date === "") {
      showError(slot, { message: o.missing }, o.failed);
      input.focus();
      return;
    }
    try {
      o.saved(await o.save(date));
    } catch (e) {
      showError(slot, e, o.failed);
    }
  }
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    void save(isoOf(input));
  });
  return h("div", { class: "next-edit" }, edit, form, slot);
}
