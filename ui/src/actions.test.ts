import { describe, expect, it } from "vitest";
import type { ActionListItem } from "./gen/ActionListItem";
import {
  filterActions,
  sortActions,
  groupRows,
  references,
  planOrder,
  owners,
  leadPartners,
  overdueReview,
  reminderCounts,
  NO_OWNER,
  isFilterEmpty,
} from "./actions";

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
    last_update: "2012-01-10",
    lead_partner: null,
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

describe("references", () => {
  it("number recommendations per report and actions under each", () => {
    const refs = references(items);
    expect([...refs.values()]).toEqual(["1.1", "1.2", "2.1", "1.1"]);
  });
  it("take the recommendation's number from the core, whatever the list's order", () => {
    // Soonest due first, as the core lists them: the fifth recommendation's actions first.
    const list = [
      item({ id: "x1", recommendation_id: "rec5", recommendation_number: 5, due_date: "2011-11-01" }),
      item({ id: "x2", recommendation_id: "rec2", recommendation_number: 2, due_date: "2011-12-01" }),
      item({ id: "x3", recommendation_id: "rec5", recommendation_number: 5, due_date: "2012-01-01" }),
    ];
    expect(Object.fromEntries(references(list))).toEqual({ x1: "5.1", x2: "2.1", x3: "5.2" });
    // The same numbers in plan order.
    expect(Object.fromEntries(references(planOrder(list)))).toEqual({ x1: "5.1", x2: "2.1", x3: "5.2" });
  });
});

describe("planOrder", () => {
  const list = [
    item({ id: "d2", report_id: "derby", recommendation_id: "d-rec2", recommendation_number: 2 }),
    item({ id: "r3", report_id: "rutland", recommendation_id: "r-rec3", recommendation_number: 3 }),
    item({ id: "d1", report_id: "derby", recommendation_id: "d-rec1", recommendation_number: 1 }),
    item({ id: "r1a", report_id: "rutland", recommendation_id: "r-rec1", recommendation_number: 1 }),
    item({ id: "r1b", report_id: "rutland", recommendation_id: "r-rec1", recommendation_number: 1 }),
  ];
  it("puts reports in the given order, recommendations by number, actions as listed", () => {
    expect(planOrder(list, ["rutland", "derby"]).map((i) => i.id)).toEqual(["r1a", "r1b", "r3", "d1", "d2"]);
  });
  it("puts reports not named in the order they first come", () => {
    expect(planOrder(list).map((i) => i.id)).toEqual(["d1", "d2", "r1a", "r1b", "r3"]);
    expect(planOrder(list, ["other"]).map((i) => i.id)).toEqual(["d1", "d2", "r1a", "r1b", "r3"]);
  });
  it("does not change its input", () => {
    const copy = [...list];
    planOrder(list, ["rutland"]);
    expect(list).toEqual(copy);
  });
});

describe("filterActions", () => {
  it.each([
    [{}, ["a1", "a2", "a3", "a4"]],
    [{ status: "blocked" as const }, ["a4"]],
    [{ statusGroup: "open" as const }, ["a1", "a2", "a4"]],
    [{ rag: "blue" as const }, ["a3"]],
    [{ owner: "Jo Adams" }, ["a1"]],
    [{ owner: NO_OWNER }, ["a2"]],
    [{ reportId: "r2" }, ["a4"]],
    [{ dueFrom: "2012-01-01", dueTo: "2012-02-01" }, ["a1", "a4"]],
    [{ search: "AUDIT" }, ["a1", "a2", "a3"]],
    [{ search: "audit lscb" }, ["a2"]],
    [{ search: "pEPs" }, ["a3"]],
    [{ search: "derby" }, ["a4"]],
    [{ search: "  " }, ["a1", "a2", "a3", "a4"]],
  ])("%o", (f, want) => {
    expect(filterActions(items, f).map((i) => i.id)).toEqual(want);
  });
  it("knows an empty filter", () => {
    expect(isFilterEmpty({ search: " " })).toBe(true);
    expect(isFilterEmpty({ rag: "red" })).toBe(false);
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
    const rows = groupRows(items, references(items), (it) => it.local_authority ?? "");
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
    const rows = groupRows([item({ timeframe: null })], new Map(), () => "R");
    expect(rows[2]).toEqual({ kind: "timeframe", label: "No timeframe given" });
  });
});

describe("owners", () => {
  it("lists each owner once, sorted", () => {
    expect(owners(items)).toEqual(["Jo Adams", "Mark Evans", "Priya Shah"]);
  });
});

describe("overdueReview", () => {
  it("lists open actions overdue or due soon, most overdue first, flagging stale ones", () => {
    const review = overdueReview(items, "2012-01-20");
    expect(review.map((r) => [r.item.id, r.daysOverdue, r.daysSinceUpdate, r.stale])).toEqual([
      ["a1", 6, 10, false],
      ["a4", -12, 80, true],
    ]);
  });
  it("counts an action never updated as stale", () => {
    const review = overdueReview([item({ last_update: null })], "2012-01-20");
    expect(review[0].stale).toBe(true);
    expect(review[0].daysSinceUpdate).toBeNull();
  });
});

describe("reminderCounts", () => {
  it("counts overdue and due within the week, open actions only", () => {
    expect(reminderCounts(items, "2012-01-20")).toEqual({ overdue: 1, dueThisWeek: 0 });
    expect(reminderCounts(items, "2012-01-26")).toEqual({ overdue: 1, dueThisWeek: 1 });
  });
});

describe("speed", () => {
  it("filters 10,000 actions quickly", () => {
    const many = Array.from({ length: 10_000 }, (_, i) => item({ id: `x${i}`, title: `Action ${i} ${i % 7 ? "audit" : "care leavers"}` }));
    filterActions(many, { search: "warm" });
    const t0 = performance.now();
    const found = filterActions(many, { search: "care leavers", statusGroup: "open" });
    const ms = performance.now() - t0;
    expect(found.length).toBe(1429);
    expect(ms).toBeLessThan(1000); // generous: a sanity bound, the browser test reports the figure
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
  it("filter the plan and are found by search", () => {
    expect(filterActions(led, { leadPartner: "Kestrelford Borough Council" }).map((a) => a.id)).toEqual(["s2"]);
    expect(filterActions(led, { search: "westmarch" }).map((a) => a.id)).toEqual(["s1"]);
    expect(isFilterEmpty({ leadPartner: "Kestrelford Borough Council" })).toBe(false);
  });
});
