import { describe, expect, it } from "vitest";
import type { ActionListItem } from "./gen/ActionListItem";
import { toActionFilter, sortActions, groupRows, inPlanOrder, owners, leadPartners, reminderCounts, NO_OWNER, isFilterEmpty } from "./actions";

function item(over: Partial<ActionListItem>): ActionListItem {
  return {
    id: "a",
    report_id: "r1",
    local_authority: "Rutland",
    recommendation_id: "rec1",
    recommendation_number: 1,
    recommendation: "Improve the quality of assessments",
    section: "Safeguarding services",
    timeframe: "Within three months",
    title: "Audit assessments",
    owner: "Jo Adams",
    due_date: "2012-01-14",
    due_date_source: "report",
    status: "in_progress",
    progress: 50,
    rag: "red",
    days_overdue: 6,
    overdue_band: "under_thirty_days",
    last_update: "2012-01-10",
    lead_partner: null,
    reference: `${over.recommendation_number ?? 1}.1`,
    plan_order: 0,
    closed_on: null,
    closed_reason: null,
    carried_to_report: null,
    raised_before: false,
    original_due_date: "2012-01-14",
    due_date_reason: null,
    draft: false,
    ...over,
  };
}

const items = [
  item({ id: "a1", recommendation_id: "rec1" }),
  item({
    id: "a2",
    recommendation_id: "rec1",
    reference: "1.2",
    plan_order: 1,
    title: "Report audit results to the LSCB",
    owner: null,
    status: "not_started",
    progress: 0,
    due_date: "2012-04-14",
    rag: "green",
    days_overdue: null,
    last_update: null,
  }),
  item({
    id: "a3",
    recommendation_id: "rec2",
    recommendation_number: 2,
    plan_order: 2,
    timeframe: "Within six months",
    recommendation: "Improve the consistency of PEPs",
    title: "PEP quality audit",
    owner: "Priya Shah",
    status: "completed",
    progress: 100,
    rag: "blue",
    days_overdue: null,
    due_date: "2011-12-01",
  }),
  item({
    id: "a4",
    report_id: "r2",
    plan_order: 3,
    local_authority: "Derby",
    recommendation_id: "rec3",
    recommendation_number: 1,
    section: "Services for looked after children",
    recommendation: "Establish a corporate parenting board",
    title: "Set up the board",
    owner: "Mark Evans",
    status: "blocked",
    progress: 10,
    rag: "amber",
    days_overdue: null,
    due_date: "2012-02-01",
    last_update: "2011-11-01",
  }),
];

describe("inPlanOrder", () => {
  it("sorts by the core's plan order, whatever order the list came in", () => {
    const shuffled = [items[3], items[1], items[0], items[2]];
    expect(inPlanOrder(shuffled).map((i) => i.id)).toEqual(["a1", "a2", "a3", "a4"]);
    expect(shuffled.map((i) => i.id)).toEqual(["a4", "a2", "a1", "a3"]);
  });
});

describe("toActionFilter", () => {
  it.each([
    [{}, {}],
    [{ status: "blocked" as const }, { status: "blocked" }],
    [{ statusGroup: "open" as const }, { open: true }],
    [{ rag: "blue" as const }, { rag: "blue" }],
    [{ owner: "Jo Adams" }, { owner: "Jo Adams" }],
    [{ owner: NO_OWNER }, { no_owner: true }],
    [{ reportId: "r2" }, { report_id: "r2" }],
    [
      { dueFrom: "2012-01-01", dueTo: "2012-02-01" },
      { due_from: "2012-01-01", due_to: "2012-02-01" },
    ],
    [{ search: " audit lscb " }, { search: "audit lscb" }],
    [{ search: " – " }, {}],
    [{ leadPartner: "Kestrelford Borough Council" }, { lead_partner: "Kestrelford Borough Council" }],
  ])("%o", (f, want) => {
    expect(toActionFilter(f)).toEqual(want);
  });
  it("knows an empty filter", () => {
    expect(isFilterEmpty({ search: " " })).toBe(true);
    expect(isFilterEmpty({ rag: "red" })).toBe(false);
    expect(isFilterEmpty({ leadPartner: "Kestrelford Borough Council" })).toBe(false);
  });
});

describe("sortActions", () => {
  const ids = (s: Parameters<typeof sortActions>[1]) => sortActions(items, s).map((i) => i.id);
  it("sorts by due date, missing last either way", () => {
    expect(ids({ key: "due_date", descending: false })).toEqual(["a3", "a1", "a4", "a2"]);
    expect(ids({ key: "due_date", descending: true })).toEqual(["a2", "a4", "a1", "a3"]);
  });
  it("sorts owners with no owner last", () => {
    expect(ids({ key: "owner", descending: false })).toEqual(["a1", "a4", "a3", "a2"]);
    expect(ids({ key: "owner", descending: true })).toEqual(["a3", "a4", "a1", "a2"]);
  });
  it("sorts RAG red first and status blocked first", () => {
    expect(ids({ key: "rag", descending: false })).toEqual(["a1", "a4", "a2", "a3"]);
    expect(ids({ key: "status", descending: false })).toEqual(["a4", "a2", "a1", "a3"]);
  });
  it("keeps plan order, or reverses it", () => {
    expect(ids({ key: "plan", descending: false })).toEqual(["a1", "a2", "a3", "a4"]);
    expect(ids({ key: "plan", descending: true })).toEqual(["a4", "a3", "a2", "a1"]);
  });
  it("does not change its input", () => {
    const copy = [...items];
    sortActions(items, { key: "progress", descending: true });
    expect(items).toEqual(copy);
  });
});

describe("groupRows", () => {
  it("nests report → section → timeframe → recommendation → actions", () => {
    const rows = groupRows(items, (it) => it.local_authority ?? "");
    expect(rows.map((r) => (r.kind === "action" ? `action ${r.ref}` : r.kind === "recommendation" ? `rec R${r.ref}` : `${r.kind} ${r.label}`))).toEqual([
      "report Rutland",
      "section Safeguarding services",
      "timeframe Within three months",
      "rec R1",
      "action 1.1",
      "action 1.2",
      "timeframe Within six months",
      "rec R2",
      "action 2.1",
      "report Derby",
      "section Services for looked after children",
      "timeframe Within three months",
      "rec R1",
      "action 1.1",
    ]);
    expect(rows[0]).toMatchObject({ kind: "report", count: 3 });
  });
  it("names a missing timeframe", () => {
    const rows = groupRows([item({ timeframe: null })], () => "R");
    expect(rows[2]).toEqual({ kind: "timeframe", label: "No timeframe given" });
  });
});

describe("owners", () => {
  it("lists each owner once, sorted", () => {
    expect(owners(items)).toEqual(["Jo Adams", "Mark Evans", "Priya Shah"]);
  });
});

describe("reminderCounts", () => {
  it("counts overdue and due within the week, open actions only", () => {
    expect(reminderCounts(items, "2012-01-20")).toEqual({ overdue: 1, dueThisWeek: 0 });
    expect(reminderCounts(items, "2012-01-26")).toEqual({ overdue: 1, dueThisWeek: 1 });
  });
});

describe("lead partners", () => {
  const led = [
    item({ id: "s1", lead_partner: "NHS Westmarch Integrated Care Board" }),
    item({ id: "s2", lead_partner: "Kestrelford Borough Council" }),
    item({ id: "s3" }),
  ];
  it("are listed once each, sorted", () => {
    expect(leadPartners([...led, item({ id: "s4", lead_partner: "Kestrelford Borough Council" })])).toEqual([
      "Kestrelford Borough Council",
      "NHS Westmarch Integrated Care Board",
    ]);
  });
});
