import { describe, expect, it } from "vitest";
import { formatCount, plural } from "./format";

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
});
