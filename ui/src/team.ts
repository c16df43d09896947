// Team mode in the window: the header's status ("In step", "3 changes waiting", "Offline
// since 10:42", "Read-only as viewer"), kept current by the background sync's
// `team-changed` event, which also makes the open screen load again (and again if what
// this person may do has changed).
import { api } from "./api";
import type { TeamView } from "./gen/TeamView";
import { invalidate } from "./state";
import { isReadOnly, loadPermissions } from "./permissions";

/** The header's words for a team connection; null for a database used alone. `readOnly`:
 * the core's permissions allow no change here (a viewer). */
export function teamStatusText(v: TeamView | null, readOnly: boolean): string | null {
  if (!v) return null;
  if (readOnly) return `Read-only as ${v.role ?? "viewer"}`;
  if (v.offline_since) {
    const t = new Date(v.offline_since);
    const hhmm = Number.isNaN(t.getTime()) ? v.offline_since : `${String(t.getHours()).padStart(2, "0")}:${String(t.getMinutes()).padStart(2, "0")}`;
    return `Offline since ${hhmm}`;
  }
  if (v.pending > 0) return v.pending === 1 ? "1 change waiting" : `${v.pending} changes waiting`;
  return "In step";
}

/** Show the status in `el`, now and whenever the background sync reports. */
export async function startTeamStatus(el: HTMLElement, reload: () => void): Promise<void> {
  const show = async () => {
    // A role changed on the server reaches here at a sync: the screen is drawn again with
    // what is now allowed.
    if (await loadPermissions()) reload();
    try {
      const text = teamStatusText(await api.teamStatus(), isReadOnly());
      el.textContent = text ?? "";
      el.hidden = text === null;
      el.classList.toggle("read-only", isReadOnly());
    } catch {
      el.hidden = true;
    }
  };
  await show();
  try {
    const { listen } = await import("@tauri-apps/api/event");
    await listen("team-changed", (ev) => {
      void show();
      if (ev.payload) {
        invalidate();
        reload();
      }
    });
  } catch {
    // No event bridge (the browser tests' mocked IPC): the status shows as loaded.
  }
  setInterval(() => void show(), 5_000);
}
