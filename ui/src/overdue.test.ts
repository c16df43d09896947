import { describe, expect, it } from "vitest";
import type { ActionListItem } from "./gen/ActionListItem";
import { reviewFilter, reviewGroups, reviewOrder } from "./screens/overdue";

function item(id: string, over: Partial<ActionListItem>): ActionListItem {
  return {
    id,
    report_id: "r1",
    local_authority: "Rutland",
    recommendation_id: `rec-${id}`,
    recommendation_number: 1,
    reference: "1.1",
    plan_order: 0,
    recommendation: "Improve the quality of assessments",
    section: "Safeguarding services",
    timeframe: "Within three months",
    title: `Action ${id}`,
    owner: "Jo Adams",
    due_date: "2012-01-14",
    due_date_source: "report",
    status: "in_progress",
    progress: 50,
    rag: "red",
    days_overdue: null,
    overdue_band: null,
    last_update: null,
    lead_partner: null,
    closed_on: null,
    closed_reason: null,
    carried_to_report: null,
    raised_before: false,
    original_due_date: null,
    due_date_reason: null,
    draft: false,
    ...over,
  };
}

const items = [
  item("ancient", { days_overdue: 2400, overdue_band: "over_ninety_days", owner: null }),
  item("soon-late", { due_date: "2012-02-15", rag: "amber" }),
  item("month", { days_overdue: 45, overdue_band: "thirty_to_ninety_days", owner: "Priya Shah" }),
  item("yesterday", { days_overdue: 1, overdue_band: "under_thirty_days" }),
  item("soon", { due_date: "2012-01-25", rag: "amber", owner: "Priya Shah" }),
  item("week", { days_overdue: 7, overdue_band: "under_thirty_days", owner: "Priya Shah" }),
];

describe("the overdue review's order", () => {
  it("puts today's work first: the most recently overdue, then by band, then what falls due soonest", () => {
    expect(reviewOrder(items).map((it) => it.id)).toEqual(["yesterday", "week", "month", "ancient", "soon", "soon-late"]);
  });
  it("groups by how overdue, in that order", () => {
    expect(reviewGroups(items, "band").map((g) => [g.label, g.items.map((it) => it.id)])).toEqual([
      ["Overdue under 30 days", ["yesterday", "week"]],
      ["Overdue 30 to 90 days", ["month"]],
      ["Overdue more than 90 days", ["ancient"]],
      ["Due in the next 30 days", ["soon", "soon-late"]],
    ]);
  });
  it("groups by owner, by name, with no owner last", () => {
    expect(reviewGroups(items, "owner").map((g) => [g.label, g.items.map((it) => it.id)])).toEqual([
      ["Jo Adams", ["yesterday", "soon-late"]],
      ["Priya Shah", ["week", "month", "soon"]],
      ["No owner", ["ancient"]],
    ]);
  });
});

describe("the overdue review's filter", () => {
  it("is the core's: current plans by default, the band or due soon as its fields", () => {
    const none = { reportId: "", owner: "", leadPartner: "", how: "" as const, currentOnly: true };
    expect(reviewFilter(none)).toEqual({ overdue: true, due_within_days: 30, current_only: true });
    expect(reviewFilter({ ...none, how: "thirty_to_ninety_days", owner: "Jo Adams", reportId: "r1", leadPartner: "ICB" })).toEqual({
      overdue_band: "thirty_to_ninety_days",
      owner: "Jo Adams",
      report_id: "r1",
      lead_partner: "ICB",
      current_only: true,
    });
    expect(reviewFilter({ ...none, how: "due_soon", currentOnly: false })).toEqual({ due_within_days: 30, current_only: false });
  });
});

describe("the overdue review's no-owner choice", () => {
  it("is the core's no_owner field", async () => {
    const { NO_OWNER } = await import("./actions");
    const f = reviewFilter({ reportId: "", owner: NO_OWNER, leadPartner: "", how: "", currentOnly: true });
    expect(f.no_owner).toBe(true);
    expect(f.owner).toBeUndefined();
  });
});
