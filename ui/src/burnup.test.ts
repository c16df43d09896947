import { burnUpSummary } from "./components/burnup-chart";
import { describe, expect, it } from "vitest";
import { niceMax, scaleBurnUp, samplePoints } from "./burnup";

const box = { width: 100, height: 60, left: 10, right: 10, top: 5, bottom: 15 };

describe("burn-up scaling", () => {
  it.each([
    [0, 1],
    [1, 1],
    [3, 5],
    [7, 10],
    [36, 50],
    [42, 50],
    [101, 200],
    [10000, 10000],
  ])("rounds %d up to %d", (v, want) => {
    expect(niceMax(v)).toBe(want);
  });
  it("maps the first point to the left, the last to the right, zero to the bottom", () => {
    const s = scaleBurnUp(
      [
        { date: "2012-01-01", due: 0, completed: 0 },
        { date: "2012-01-02", due: 5, completed: 2 },
        { date: "2012-01-03", due: 10, completed: 10 },
      ],
      box,
    );
    expect(s.yMax).toBe(10);
    expect(s.due).toBe("10,45 50,25 90,5");
    expect(s.completed).toBe("10,45 50,37 90,5");
    expect(s.yTicks.map((t) => t.value)).toEqual([0, 2, 4, 6, 8, 10]);
  });
  it("centres a single point and gives whole-number ticks for small plans", () => {
    const s = scaleBurnUp([{ date: "2012-01-01", due: 2, completed: 1 }], box);
    expect(s.due).toBe("50,5");
    expect(s.completed).toBe("50,25");
    expect(s.yTicks.map((t) => t.value)).toEqual([0, 1, 2]);
  });
  it("samples long series to first, last and evenly between", () => {
    const points = Array.from({ length: 365 }, (_, i) => i);
    const s = samplePoints(points, 5);
    expect(s).toEqual([0, 91, 182, 273, 364]);
    expect(samplePoints([1, 2], 5)).toEqual([1, 2]);
  });
});

describe("burnUpSummary", () => {
  const points = [
    { date: "2011-06-01", due: 3, completed: 1 },
    { date: "2011-12-01", due: 10, completed: 6 },
    { date: "2012-04-14", due: 42, completed: 6 },
  ];

  it("says what was completed by the as-of date, not by the chart's last day", () => {
    expect(burnUpSummary(points, "2012-01-20")).toBe("By 20 Jan 2012, 6 of the 10 actions due were completed. By 14 Apr 2012, 42 will be due.");
  });

  it("says nothing of the future once the last due date has passed", () => {
    expect(burnUpSummary(points, "2012-05-01")).toBe("By 1 May 2012, 6 of the 42 actions due were completed.");
  });

  it("says when nothing was due yet", () => {
    expect(burnUpSummary(points, "2011-01-01")).toBe("No action was due by 1 Jan 2011. By 14 Apr 2012, 42 will be due.");
  });
});
