// The first screen: what the database holds, fed by the `store_info` command.
import { api, ApiError } from "../api";
import { h } from "../dom";
import { formatCount } from "../format";
import type { StoreInfo } from "../gen/StoreInfo";

function stat(label: string, value: number | bigint, id: string): HTMLElement {
  return h(
    "div",
    { class: "stat", "data-testid": id },
    h("span", { class: "stat-value" }, formatCount(value)),
    h("span", { class: "stat-label" }, label),
  );
}

export function renderInfo(info: StoreInfo): HTMLElement {
  const empty = Number(info.reports) === 0;
  return h(
    "section",
    { "aria-labelledby": "home-title" },
    h("h2", { id: "home-title" }, empty ? "No reports yet" : "Your action plan"),
    h(
      "p",
      { class: "lead" },
      "Turn an Ofsted inspection report into a tracked action plan: each recommendation becomes an action with a due date, measured against the next inspection.",
    ),
    h(
      "div",
      { class: "stats", role: "group", "aria-label": "What the database holds" },
      stat("reports", info.reports, "count-reports"),
      stat("recommendations", info.recommendations, "count-recommendations"),
      stat("actions", info.actions, "count-actions"),
      stat("open actions", info.open_actions, "count-open-actions"),
    ),
    h(
      "p",
      { class: "meta" },
      "Data is kept on this computer in ",
      h("code", { "data-testid": "db-path" }, info.path),
      ` (schema version ${info.schema_version}).`,
    ),
  );
}

export function renderError(error: unknown): HTMLElement {
  const message = error instanceof ApiError ? error.message : String(error);
  return h(
    "section",
    { class: "error", role: "alert", "data-testid": "store-error" },
    h("h2", {}, "The database could not be opened"),
    h("p", {}, message),
  );
}

export async function showHome(main: HTMLElement): Promise<void> {
  main.setAttribute("aria-busy", "true");
  try {
    main.replaceChildren(renderInfo(await api.storeInfo()));
  } catch (e) {
    main.replaceChildren(renderError(e));
  } finally {
    main.removeAttribute("aria-busy");
  }
}
