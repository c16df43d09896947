import { describe, expect, it } from "vitest";
import {
  formatCount,
  plural,
  formatDate,
  formatDateTime,
  daysBetween,
  addDays,
  relativeDays,
  formatBytes,
  formatPercent,
  parseIsoDate,
  parseTypedDate,
} from "./format";

describe("format", () => {
  it("groups thousands the British way", () => {
    expect(formatCount(10000)).toBe("10,000");
  });
  it("chooses singular or plural", () => {
    expect(plural(1, "report")).toBe("1 report");
    expect(plural(0, "report")).toBe("0 reports");
    expect(plural(2, "recommendation")).toBe("2 recommendations");
    expect(plural(BigInt(1), "action")).toBe("1 action");
  });
  it.each([
    ["2012-01-14", "14 Jan 2012"],
    ["2011-09-05", "5 Sep 2011"], // not "Sept"
    ["2024-12-31", "31 Dec 2024"],
    ["2011-10-14T09:30:00Z", "14 Oct 2011"],
    ["", ""],
    [null, ""],
    ["not a date", "not a date"],
  ])("formats %s as %s", (iso, want) => {
    expect(formatDate(iso)).toBe(want);
  });
  it.each([
    ["14/01/2012", "2012-01-14"],
    ["3/4/2012", "2012-04-03"], // day first: 3 April
    ["14-1-12", "2012-01-14"],
    ["14.01.2012", "2012-01-14"],
    [" 14 Jan 2012 ", "2012-01-14"],
    ["14 january 2012", "2012-01-14"],
    ["1st Sept 2011", "2011-09-01"],
    ["29 Feb 2012", "2012-02-29"],
    ["2012-01-14", "2012-01-14"],
  ])("reads the typed date %s as %s", (typed, want) => {
    expect(parseTypedDate(typed)).toBe(want);
  });
  it.each(["", "14/13/2012", "31/04/2012", "29 Feb 2011", "14 Ja 2012", "14 Foo 2012", "01/14/2012", "2012-02-30", "next week", "14/01"])(
    "refuses %s as a date",
    (typed) => {
      expect(parseTypedDate(typed)).toBeNull();
    },
  );
  it("rejects impossible dates", () => {
    expect(parseIsoDate("2012-13-01")).toBeNull();
  });
  it("formats stamps with the time", () => {
    expect(formatDateTime("2012-01-20T10:15:00")).toBe("20 Jan 2012, 10:15");
  });
  it("counts days across months, years and clock changes", () => {
    expect(daysBetween("2011-10-14", "2012-01-20")).toBe(98);
    expect(daysBetween("2012-03-24", "2012-03-26")).toBe(2);
    expect(daysBetween("2012-01-20", "2012-01-10")).toBe(-10);
    expect(addDays("2012-02-28", 1)).toBe("2012-02-29");
    expect(addDays("2012-01-20", 30)).toBe("2012-02-19");
  });
  it("says relative days in words", () => {
    expect(relativeDays(0)).toBe("today");
    expect(relativeDays(1)).toBe("in 1 day");
    expect(relativeDays(-3)).toBe("3 days ago");
  });
  it("sizes and percentages", () => {
    expect(formatBytes(512)).toBe("512 bytes");
    expect(formatBytes(1843200)).toBe("1.8 MB");
    expect(formatPercent(21.4)).toBe("21.4%");
    expect(formatPercent(50)).toBe("50%");
  });
});
