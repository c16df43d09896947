import { describe, expect, it } from "vitest";
import { defaultFileName, exportFilter, outcomeMessage, slugify, withExtension, FORMATS, formatInfo } from "./export";
import { NO_OWNER } from "./actions";

describe("defaultFileName", () => {
  it.each([
    ["board-paper", "inspection-action-plan-board-paper-2026-11-23.docx"],
    ["statement", "inspection-action-plan-statement-of-action-2026-11-23.docx"],
    ["xlsx", "inspection-action-plan-2026-11-23.xlsx"],
    ["csv", "inspection-action-plan-2026-11-23.csv"],
    ["ics", "inspection-action-plan-due-dates-2026-11-23.ics"],
  ] as const)("%s", (format, name) => {
    expect(defaultFileName(format, "2026-11-23")).toBe(name);
  });
  it("names the report when the export is of one", () => {
    expect(defaultFileName("board-paper", "2012-01-20", "Derby City")).toBe("inspection-action-plan-derby-city-board-paper-2012-01-20.docx");
    expect(defaultFileName("csv", "2012-01-20", "  ")).toBe("inspection-action-plan-2012-01-20.csv");
  });
});

describe("slugify", () => {
  it("keeps ASCII letters and digits, hyphen-joined", () => {
    expect(slugify("Bath & North East Somerset")).toBe("bath-north-east-somerset");
    expect(slugify("Ynys Môn – 2011")).toBe("ynys-mon-2011");
    expect(slugify("St. Helens’")).toBe("st-helens");
  });
});

describe("formats", () => {
  it("has the five the core writes, each with its extension", () => {
    expect(FORMATS.map((f) => [f.format, f.extension])).toEqual([
      ["board-paper", "docx"],
      ["statement", "docx"],
      ["xlsx", "xlsx"],
      ["csv", "csv"],
      ["ics", "ics"],
    ]);
    expect(formatInfo("ics").label).toBe("Calendar (.ics)");
  });
});

describe("exportFilter", () => {
  it("is empty for no filters", () => {
    expect(exportFilter({})).toEqual({ filter: {}, applied: [] });
  });
  it("takes every filter the plan offers, as the plan sends it to the core", () => {
    const m = exportFilter({ status: "blocked", rag: "red", owner: "Jo Adams", reportId: "rep-derby-2011", search: " CAMHS tier " }, () => "Derby");
    expect(m.filter).toEqual({ status: "blocked", rag: "red", owner: "Jo Adams", report_id: "rep-derby-2011", search: "CAMHS tier" });
    expect(m.applied).toEqual(["status: Blocked", "RAG: Red", "owner: Jo Adams", "report: Derby", "words: “CAMHS tier”"]);
  });
  it("takes open, no owner and a due range", () => {
    const m = exportFilter({ statusGroup: "open", owner: NO_OWNER, search: "–", dueFrom: "2011-11-01", dueTo: "2011-11-30" });
    expect(m.filter).toEqual({ open: true, no_owner: true, due_from: "2011-11-01", due_to: "2011-11-30" });
    expect(m.applied).toEqual(["open (not completed)", "due 1 Nov 2011 to 30 Nov 2011", "owner: no owner yet"]);
    expect(exportFilter({ dueFrom: "2012-01-20" }).applied).toEqual(["due from 20 Jan 2012"]);
    expect(exportFilter({ dueTo: "2012-01-20" }).applied).toEqual(["due by 20 Jan 2012"]);
  });
});

describe("withExtension", () => {
  it("keeps a path with the extension, in any case", () => {
    expect(withExtension("/home/sam/board.docx", "docx")).toEqual({ path: "/home/sam/board.docx", added: false });
    expect(withExtension("C:\\Users\\sam\\Board.DOCX", "docx")).toEqual({ path: "C:\\Users\\sam\\Board.DOCX", added: false });
  });
  it("adds it when missing", () => {
    expect(withExtension("/home/sam/board", "docx")).toEqual({ path: "/home/sam/board.docx", added: true });
    expect(withExtension("/home/sam.docx/plan", "csv")).toEqual({ path: "/home/sam.docx/plan.csv", added: true });
  });
});

describe("outcomeMessage", () => {
  it("names the format, the number of actions and the path", () => {
    expect(outcomeMessage({ path: "/home/sam/board.docx", format: "board-paper", as_of: "2012-01-20", actions: 42, bytes: 20480, warnings: [] })).toBe(
      "Board paper saved: 42 actions, /home/sam/board.docx",
    );
    expect(outcomeMessage({ path: "/tmp/a.ics", format: "ics", as_of: "2012-01-20", actions: 1, bytes: 300, warnings: [] })).toBe(
      "Calendar saved: 1 action, /tmp/a.ics",
    );
  });
});
