import { describe, expect, it } from "vitest";
import { groupJudgements, headlineJudgements, gradeTone } from "./judgements";

const slac = [
  { section: "Safeguarding services", area: "Overall effectiveness", grade: "Adequate" },
  { section: "Safeguarding services", area: "Capacity for improvement", grade: "Good" },
  { section: "Services for looked after children", area: "Overall effectiveness", grade: "Good" },
  { section: "Services for looked after children", area: "Being healthy", grade: "Outstanding" },
];
const ilacs = [
  { section: "", area: "The impact of leaders on social work practice with children and families", grade: "Requires improvement to be good" },
  { section: "", area: "Overall effectiveness", grade: "Requires improvement to be good" },
];

describe("groupJudgements", () => {
  it("groups by section in report order", () => {
    expect(groupJudgements(slac).map((g) => [g.section, g.items.map((j) => j.area)])).toEqual([
      ["Safeguarding services", ["Overall effectiveness", "Capacity for improvement"]],
      ["Services for looked after children", ["Overall effectiveness", "Being healthy"]],
    ]);
  });
  it("keeps a section that comes back in its first place", () => {
    const mixed = [slac[0], slac[2], slac[1]];
    expect(groupJudgements(mixed).map((g) => g.items.length)).toEqual([2, 1]);
  });
  it("is empty for none", () => {
    expect(groupJudgements([])).toEqual([]);
  });
});

describe("headlineJudgements", () => {
  it("names overall grades by section when there are several", () => {
    expect(headlineJudgements(slac)).toEqual([
      { label: "Safeguarding services", grade: "Adequate" },
      { label: "Services for looked after children", grade: "Good" },
    ]);
  });
  it("names the area when there is one section", () => {
    expect(headlineJudgements(ilacs)).toEqual([{ label: "Overall effectiveness", grade: "Requires improvement to be good" }]);
  });
  it("is empty without an overall judgement", () => {
    expect(headlineJudgements([slac[1]])).toEqual([]);
  });
});

describe("gradeTone", () => {
  it.each([
    ["Outstanding", "outstanding"],
    ["Good", "good"],
    ["Adequate", "adequate"],
    ["Requires improvement to be good", "improve"],
    ["requires improvement", "improve"],
    ["Inadequate", "inadequate"],
    ["Not judged", "other"],
  ])("%s", (grade, tone) => {
    expect(gradeTone(grade)).toBe(tone);
  });
});
