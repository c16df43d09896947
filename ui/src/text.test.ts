import { describe, expect, it } from "vitest";
import { byteOffsetsToIndices, byteToIndex, indexToByte, shortText, utf8Length } from "./text";

describe("byte offsets", () => {
  const text = "The council’s plan – £1.2m; 😀 then “done”.";
  it("round-trips every character boundary", () => {
    for (let i = 0; i <= text.length; i++) {
      // Skip the middle of the surrogate pair: not a character boundary.
      if (i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) < 0xdc00) continue;
      expect(byteToIndex(text, indexToByte(text, i))).toBe(i);
    }
  });
  it("finds a substring from the extractor's byte range", () => {
    const needle = "£1.2m";
    const start = indexToByte(text, text.indexOf(needle));
    const end = start + utf8Length(needle);
    const [s, e] = byteOffsetsToIndices(text, [start, end]);
    expect(text.slice(s, e)).toBe(needle);
  });
  it("answers offsets in any order", () => {
    const a = indexToByte(text, 5);
    const b = indexToByte(text, 30);
    expect(byteOffsetsToIndices(text, [b, a, b])).toEqual([30, 5, 30]);
  });
  it("maps an offset inside a character to its start, and past the end to the end", () => {
    const inside = indexToByte(text, text.indexOf("’")) + 1;
    expect(byteToIndex(text, inside)).toBe(text.indexOf("’"));
    expect(byteToIndex(text, 10_000)).toBe(text.length);
  });
  it("is plain for ASCII", () => {
    expect(byteOffsetsToIndices("abc", [0, 1, 3])).toEqual([0, 1, 3]);
  });
});

describe("shortText", () => {
  it("cuts at a word boundary, never mid-word, and marks the cut", () => {
    const t = "Ensure that all vulnerable children have timely access to appropriate school places";
    const s = shortText(t, 40);
    expect(s.endsWith("…")).toBe(true);
    expect(s.length).toBeLessThanOrEqual(40);
    const kept = s.slice(0, -1);
    expect(t.startsWith(kept)).toBe(true);
    expect(t[kept.length]).toBe(" ");
    expect(shortText("Short enough", 40)).toBe("Short enough");
  });
});
