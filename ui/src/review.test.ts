import { describe, expect, it } from "vitest";
import type { Recommendation } from "./gen/Recommendation";
import { splitRecommendation, mergeRecommendations, defaultSplitPoint, needsDate, statedNext } from "./screens/review";
import { reminderText, remindersOn } from "./reminders";
import { parseHash } from "./router";

const rec: Recommendation = {
  section: "Safeguarding services",
  timeframe: "Within three months",
  period: { unit: "months", amount: 3 },
  paragraph: 12,
  text: "ensure timely support from CAMHS; improve the quality of assessments – so information is analysed",
  source_start: 100,
  source_end: 100 + new TextEncoder().encode("ensure timely support from CAMHS; improve the quality of assessments – so information is analysed").length,
  responsible_body: null,
};

describe("review edits", () => {
  it("splits at an index, dividing the byte range", () => {
    const at = rec.text.indexOf("improve");
    const [a, b] = splitRecommendation(rec, at)!;
    expect(a.text).toBe("ensure timely support from CAMHS;");
    expect(b.text).toBe("improve the quality of assessments – so information is analysed");
    expect(a.source_start).toBe(100);
    expect(a.source_end).toBe(100 + at);
    expect(b.source_start).toBe(a.source_end);
    expect(b.source_end).toBe(rec.source_end);
    expect(b.paragraph).toBeNull();
    expect(b.period).toEqual({ unit: "months", amount: 3 });
  });
  it("refuses a split that leaves one side empty", () => {
    expect(splitRecommendation(rec, 0)).toBeNull();
    expect(splitRecommendation(rec, rec.text.length)).toBeNull();
  });
  it("picks the sentence break nearest the middle", () => {
    expect(rec.text.slice(defaultSplitPoint(rec.text))).toMatch(/^improve/);
    expect(defaultSplitPoint("no break here")).toBe(-1);
  });
  it("merges two, spanning both ranges", () => {
    const m = mergeRecommendations(
      { ...rec, text: "first.", source_start: 10, source_end: 16 },
      { ...rec, text: " second.", source_start: 17, source_end: 25 },
    );
    expect(m).toMatchObject({ text: "first. second.", source_start: 10, source_end: 25, section: rec.section });
  });
  it("needs a date only when the report has none", () => {
    const r = {
      kind: "other",
      local_authority: null,
      inspection_start: null,
      inspection_end: null,
      published: null,
      lead_inspector: null,
      judgements: [],
      recommendations: [],
      previous_inspection_start: null,
      previous_inspection_end: null,
      next_inspection: null,
      priority_action_plan_required: false,
    } as const;
    expect(needsDate({ ...r, judgements: [], recommendations: [] })).toBe(true);
    expect(needsDate({ ...r, judgements: [], recommendations: [], published: "2011-11-18" })).toBe(false);
  });
});

describe("area SEND", () => {
  const r = {
    kind: "area_send",
    local_authority: "Kestrelford",
    inspection_start: null,
    inspection_end: "2025-03-07",
    published: null,
    lead_inspector: null,
    judgements: [],
    recommendations: [],
    previous_inspection_start: null,
    previous_inspection_end: null,
    priority_action_plan_required: true,
  } as const;
  it("says the stated next inspection in words", () => {
    expect(statedNext({ ...r, judgements: [], recommendations: [], next_inspection: { kind: "monitoring", within_months: 18 } })).toBe(
      "A monitoring inspection within about 18 months",
    );
    expect(statedNext({ ...r, judgements: [], recommendations: [], next_inspection: { kind: "full", within_months: 60 } })).toBe(
      "The next full inspection within about 5 years",
    );
    expect(statedNext({ ...r, judgements: [], recommendations: [], next_inspection: null })).toBeNull();
  });
});

describe("reminder text", () => {
  it.each([
    [0, 0, null],
    [3, 0, "3 actions overdue."],
    [1, 2, "1 action overdue and 2 actions due this week."],
    [0, 1, "1 action due this week."],
  ])("%d overdue, %d this week", (o, w, want) => {
    expect(reminderText(o, w)).toBe(want);
  });
});

describe("remindersOn", () => {
  const setting = (value: string) => [
    { key: "user_name", value: "Sam", is_default: false },
    { key: "reminders", value, is_default: false },
  ];
  it("reads the reminders setting, on unless off", () => {
    expect(remindersOn(setting("on"))).toBe(true);
    expect(remindersOn(setting("off"))).toBe(false);
    expect(remindersOn(setting("OFF"))).toBe(false);
    // A core without the setting: the default, on.
    expect(remindersOn([])).toBe(true);
  });
});

describe("routes", () => {
  it.each([
    ["", "dashboard", null, ""],
    ["#/plan?report=r1&q=care", "plan", null, "report=r1&q=care"],
    ["#/action/act%2F1", "action", "act/1", ""],
    ["#/settings", "settings", null, ""],
  ])("%s", (hash, name, param, query) => {
    const r = parseHash(hash);
    expect([r.name, r.param, r.query.toString()]).toEqual([name, param, query]);
  });
});
