import { describe, expect, it } from "vitest";
import { teamStatusText } from "./team";
import type { TeamView } from "./gen/TeamView";

const base: TeamView = {
  server: "postgres://ann@db/team",
  user: "ann",
  role: "editor",
  last_sync: "2026-03-03T10:00:00.000Z",
  offline_since: null,
  pending: 0,
  refused: 0,
  conflicts: 0,
};

describe("the header's team status", () => {
  it("says nothing for a database used alone", () => {
    expect(teamStatusText(null, false)).toBeNull();
  });
  it("is in step with nothing waiting", () => {
    expect(teamStatusText(base, false)).toBe("In step");
  });
  it("counts the changes waiting", () => {
    expect(teamStatusText({ ...base, pending: 3 }, false)).toBe("3 changes waiting");
    expect(teamStatusText({ ...base, pending: 1 }, false)).toBe("1 change waiting");
  });
  it("says since when it is offline, in local time", () => {
    const at = new Date(2026, 2, 3, 10, 42).toISOString();
    expect(teamStatusText({ ...base, offline_since: at, pending: 2 }, false)).toBe("Offline since 10:42");
  });
  it("says a copy is read-only when the core allows no change", () => {
    expect(teamStatusText({ ...base, role: "viewer" }, true)).toBe("Read-only as viewer");
    expect(teamStatusText({ ...base, role: "editor" }, false)).toBe("In step");
  });
});
