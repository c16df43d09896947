// When the database cannot be opened because the file is damaged (or is not one of ours),
// the window offers the backups the app made, newest first: one click puts a backup in
// place, the damaged file is kept beside it, and the app carries on.
import { api } from "../api";
import { h, button } from "../dom";
import { formatDateTime, formatBytes } from "../format";
import type { BackupInfo } from "../gen/BackupInfo";
import { errorBox, showError } from "../components/alert";
import { confirmDialog } from "../components/modal";
import { showToast } from "../components/toast";
import { invalidate } from "../state";

/** What a backup can put right: the core's error codes for a damaged or foreign file. */
const RESTORABLE = new Set(["damaged", "not_a_database"]);

function codeOf(e: unknown): string | undefined {
  return typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : undefined;
}

/** The window when the database cannot be opened: why, and a way back where there is one. */
export function renderStoreError(error: unknown, onRestored: () => void): HTMLElement {
  const box = errorBox(error, "The database could not be opened", "store-error");
  if (!RESTORABLE.has(codeOf(error) ?? "")) return box;
  const slot = h("div", { class: "slot" });
  const list = h("div", { "aria-live": "polite" }, h("p", { class: "meta" }, "Looking for backups…"));
  const section = h(
    "section",
    { class: "recover", "aria-labelledby": "recover-title", "data-testid": "recover" },
    h("h2", { id: "recover-title" }, "Restore a backup"),
    h(
      "p",
      {},
      "The app copies the database to its backups folder every day. Restoring a backup puts it in place of the damaged file, which is kept beside it, so nothing is deleted. Changes made after the backup was taken are not in it.",
    ),
    slot,
    list,
  );
  async function restore(b: BackupInfo) {
    const ok = await confirmDialog(
      "Restore this backup?",
      `${b.name}, made ${formatDateTime(b.modified)}, will be checked and put in place of the damaged database. The damaged file is kept beside it.`,
      "Restore backup",
    );
    if (!ok) return;
    slot.replaceChildren();
    try {
      await api.restoreOverDamaged(b.path);
      invalidate();
      showToast(`Restored ${b.name}.`);
      onRestored();
    } catch (e) {
      showError(slot, e, "The backup was not restored");
    }
  }
  void api.listBackups().then(
    (backups) => {
      if (!backups.length) {
        list.replaceChildren(
          h("p", { "data-testid": "no-backups" }, "There are no backups of this database. Ask your IT service to restore the file from the council's backups."),
        );
        return;
      }
      list.replaceChildren(
        h(
          "ul",
          { class: "backup-list" },
          ...backups.map((b, i) =>
            h(
              "li",
              {},
              h("span", {}, `${formatDateTime(b.modified)} (${formatBytes(b.bytes)})${i === 0 ? ", the newest" : ""}`),
              " ",
              button("Restore", () => void restore(b), {
                class: i === 0 ? "" : "secondary",
                "aria-label": `Restore the backup made ${formatDateTime(b.modified)}`,
              }),
            ),
          ),
        ),
      );
    },
    (e) => list.replaceChildren(errorBox(e, "The backups could not be listed")),
  );
  return h("div", {}, box, section);
}
