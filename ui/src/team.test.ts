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
    expect(teamStatusText(null)).toBeNull();
  });
  it("is in step with nothing waiting", () => {
    expect(teamStatusText(base)).toBe("In step");
  });
  it("counts the changes waiting", () => {
    expect(teamStatusText({ ...base, pending: 3 })).toBe("3 changes waiting");
    expect(teamStatusText({ ...base, pending: 1 })).toBe("1 change waiting");
  });
  it("says since when it is offline, in local time", () => {
    const at = new Date(2026, 2, 3, 10, 42).toISOString();
    expect(teamStatusText({ ...base, offline_since: at, pending: 2 })).toBe("Offline since 10:42");
  });
  it("says a viewer's copy is read-only", () => {
    expect(teamStatusText({ ...base, role: "viewer" })).toBe("Read-only as viewer");
  });
});
