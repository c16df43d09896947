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
