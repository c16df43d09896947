// The QA lead's review: overdue and soon-due actions, most overdue first, with how long
// since anyone wrote an update (stale ones flagged) and a quick "Add update".
import { h, button } from "../dom";
import { formatDate, formatCount, plural, STATUS_LABELS } from "../format";
import { overdueReview, STALE_AFTER_DAYS, type ReviewItem } from "../actions";
import { errorBox } from "../components/alert";
import { ragBadge } from "../components/badges";
import { showToast } from "../components/toast";
import { addUpdateDialog } from "../components/update-dialog";
import { asOf, getActions, getSummary, replaceAction } from "../state";
import type { Route } from "../router";
import type { ActionListItem } from "../gen/ActionListItem";

export async function showOverdue(main: HTMLElement, _route: Route): Promise<void> {
  const title = h("h2", { id: "screen-title", tabindex: "-1" }, "Overdue review");
  try {
    await getSummary().catch(() => null); // only for the as-of date
    const items = await getActions();
    main.append(title, overdueView(items));
  } catch (e) {
    main.append(title, errorBox(e, "The actions could not be loaded"));
  }
}

function overdueText(r: ReviewItem): string {
  if (r.daysOverdue > 0) return `${plural(r.daysOverdue, "day")} overdue`;
  if (r.daysOverdue === 0) return "Due today";
  return `Due in ${plural(-r.daysOverdue, "day")}`;
}

function sinceText(r: ReviewItem): string {
  if (r.daysSinceUpdate === null) return "Never updated";
  if (r.daysSinceUpdate === 0) return "Today";
  return `${plural(r.daysSinceUpdate, "day")} ago`;
}

export function overdueView(initial: ActionListItem[]): HTMLElement {
  let items = initial;
  const body = h("div", {});
  const render = () => {
    const today = asOf();
    const rows = overdueReview(items, today);
    const overdue = rows.filter((r) => r.daysOverdue > 0).length;
    const stale = rows.filter((r) => r.stale).length;
    body.replaceChildren(
      h(
        "p",
        { class: "meta", role: "status", "data-testid": "overdue-summary" },
        `As of ${formatDate(today)}: ${plural(overdue, "action")} overdue, ${formatCount(rows.length - overdue)} due in the next 30 days; ${formatCount(stale)} with no update for more than ${STALE_AFTER_DAYS} days.`,
      ),
      rows.length === 0
        ? h("p", { class: "empty" }, "Nothing is overdue or due in the next 30 days.")
        : h(
            "div",
            // Focusable so a keyboard can scroll it when the window is narrow.
            { class: "table-scroll", tabindex: "0", role: "region", "aria-label": "Overdue and soon-due actions" },
            h(
              "table",
              { class: "data-table review", "data-testid": "overdue-table" },
              h("caption", { class: "sr-only" }, "Overdue and soon-due actions, most overdue first"),
              h(
                "thead",
                {},
                h(
                  "tr",
                  {},
                  ...["Ref.", "Action", "Owner", "Due", "Overdue", "Last update", "Status", "RAG", ""].map((t) =>
                    h("th", { scope: "col" }, t || h("span", { class: "sr-only" }, "Actions")),
                  ),
                ),
              ),
              h(
                "tbody",
                {},
                ...rows.map((r) => {
                  const ref = r.item.reference;
                  return h(
                    "tr",
                    { class: r.daysOverdue > 0 ? "is-overdue" : "", "data-testid": "overdue-row", "data-id": r.item.id },
                    h("td", {}, ref),
                    h(
                      "th",
                      { scope: "row", class: "title" },
                      h("a", { href: `#/action/${encodeURIComponent(r.item.id)}` }, r.item.title),
                      h("span", { class: "meta block" }, r.item.local_authority ?? ""),
                    ),
                    h("td", {}, r.item.owner ?? h("span", { class: "muted" }, "No owner")),
                    h("td", {}, formatDate(r.item.due_date)),
                    h("td", { "data-testid": "days-overdue" }, overdueText(r)),
                    h(
                      "td",
                      { "data-testid": "since-update" },
                      sinceText(r),
                      r.stale ? " " : null,
                      r.stale ? h("span", { class: "flag-stale", "data-testid": "stale" }, "Stale") : null,
                    ),
                    h("td", {}, STATUS_LABELS[r.item.status]),
                    h("td", {}, ragBadge(r.item.rag)),
                    h(
                      "td",
                      {},
                      button("Add update", () => void quickUpdate(r), { class: "secondary small", "aria-label": `Add update to action ${ref}` }),
                    ),
                  );
                }),
              ),
            ),
          ),
    );
  };
  async function quickUpdate(r: ReviewItem) {
    const detail = await addUpdateDialog(r.item.id, r.item.title);
    if (!detail) return;
    items = await replaceAction(detail);
    render();
    showToast("Update added.");
    body.querySelector<HTMLElement>(`[data-id="${CSS.escape(r.item.id)}"] a`)?.focus();
  }
  render();
  return h("div", { class: "overdue" }, h("p", { class: "lead" }, "Open actions that are overdue or fall due in the next 30 days, most overdue first."), body);
}
