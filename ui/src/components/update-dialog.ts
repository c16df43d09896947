// "Add update": a dated progress note, from the overdue review and the detail screen.
import { api } from "../api";
import { h, field } from "../dom";
import type { ActionDetail } from "../gen/ActionDetail";
import { todayIso } from "../format";
import { openDialog } from "./modal";
import { showError } from "./alert";
import { dateInput, isoOf, setIso } from "./date-input";

/** Resolves to the action as it now is, or null when cancelled. */
export async function addUpdateDialog(actionId: string, actionTitle: string): Promise<ActionDetail | null> {
  const note = h("textarea", { required: "", rows: "4", "data-testid": "update-note" });
  const date = dateInput({ required: "" }, { max: todayIso() });
  setIso(date, todayIso());
  const slot = h("div", { class: "slot" });
  let result: ActionDetail | null = null;
  await openDialog({
    title: "Add an update",
    body: [h("p", { class: "quote" }, actionTitle), field("What has happened", note), field("Update as of", date), slot],
    confirmLabel: "Add update",
    onConfirm: async () => {
      try {
        result = await api.addUpdate(actionId, note.value.trim(), isoOf(date) || undefined);
        return true;
      } catch (e) {
        showError(slot, e, "The update was not saved");
        return false;
      }
    },
  });
  return result;
}
