// "Add update": a dated progress note, from the overdue review and the detail screen. Its
// problems are an error summary at the top of the dialog, each linked to its field.
import { api } from "../api";
import { h, field, uid } from "../dom";
import type { ActionDetail } from "../gen/ActionDetail";
import { todayIso } from "../format";
import { openDialog } from "./modal";
import { errorMessage } from "./alert";
import { dateInput, dateProblem, isoOf, setIso } from "./date-input";
import { showProblems, type Problem } from "./error-summary";

/** Resolves to the action as it now is, or null when cancelled. */
export async function addUpdateDialog(actionId: string, actionTitle: string): Promise<ActionDetail | null> {
  const note = h("textarea", { id: uid("update-note"), rows: "4", "data-testid": "update-note" });
  const date = dateInput({ id: uid("update-on") }, { max: todayIso() });
  setIso(date, todayIso());
  const slot = h("div", { class: "slot", id: uid("update-problems") });
  const form = h("div", {}, slot, h("p", { class: "quote" }, actionTitle), field("What has happened", note), field("Update as of", date));
  let result: ActionDetail | null = null;
  await openDialog({
    title: "Add an update",
    body: [form],
    confirmLabel: "Add update",
    novalidate: true,
    onConfirm: async () => {
      const problems: Problem[] = [];
      if (!note.value.trim()) problems.push({ field: note.id, message: "Enter what has happened" });
      if (!date.value.trim()) problems.push({ field: date.id, message: "Enter the date the update is as of" });
      else if (dateProblem(date)) problems.push({ field: date.id, message: `Update as of: ${dateProblem(date)}` });
      if (showProblems(slot, problems, form)) return false;
      try {
        result = await api.addUpdate(actionId, note.value.trim(), isoOf(date) || undefined);
        return true;
      } catch (e) {
        showProblems(slot, [{ field: note.id, message: `The update was not saved: ${errorMessage(e)}` }], form);
        return false;
      }
    },
  });
  return result;
}
