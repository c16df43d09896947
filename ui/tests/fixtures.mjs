// Realistic mock data for the UI tests: the Rutland and Derby 2011 safeguarding and looked
// after children reports (their real recommendations), ~40 actions in every state, and a
// stateful mock of the Rust commands that runs inside the page (installBackend), so flows
// such as "mark complete → the dashboard's counts change" can be tested end to end.
import { REPORTS } from "./report-data.mjs";

export const AS_OF = "2012-01-20";

function addMonths(iso, months) {
  const [y, m, d] = iso.split("-").map(Number);
  const t = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
  t.setUTCDate(Math.min(d, last));
  return t.toISOString().slice(0, 10);
}
function addDays(iso, n) {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
const MONTHS = { Immediately: 0, "Within three months": 3, "Within six months": 6 };
const OWNERS = ["Jo Adams", "Priya Shah", "Mark Evans", "Designated Nurse (CCG)", "Head of Safeguarding", null];
const STATES = [
  ["completed", 100],
  ["in_progress", 60],
  ["not_started", 0],
  ["in_progress", 30],
  ["blocked", 10],
];
const EXTRA_ACTIONS = {
  // A second action under some recommendations, as a plan usually has.
  "rep-derby-2011:0": "Report monthly CP visit audit results to the DSCB performance sub-group",
  "rep-derby-2011:1": "Commission return interviews from the missing children's service",
  "rep-rutland-2011:2": "Agree a CAMHS waiting-time target with Leicestershire Partnership NHS Trust",
};

/** The data the mock backend starts from. `bulk` makes that many actions instead. */
export function sampleData({ bulk = 0, empty = false } = {}) {
  const reports = REPORTS.map((r, i) => ({
    id: r.id,
    kind: r.kind,
    local_authority: r.local_authority,
    inspection_start: r.inspection_start,
    inspection_end: r.inspection_end,
    published: r.published,
    received: addDays(r.published, -7),
    lead_inspector: r.lead_inspector,
    base_date: null,
    source_name: i === 0 ? "rutland-slac-2011.pdf" : "derby-slac-2011.pdf",
    source_sha256: `sha-${r.id}`,
    source_format: "pdf",
    imported_at: "2011-12-01T10:00:00Z",
    judgements: r.judgements,
    // 70 working days from receipt, worked out by hand for these two.
    action_plan_deadline: i === 0 ? "2012-02-22" : "2011-09-23",
  }));
  const recs = [];
  const actions = [];
  const updates = [];
  let n = 0;
  for (const r of REPORTS) {
    const end = r.inspection_end;
    r.recommendations.forEach((rec, position) => {
      const recId = `${r.id}-rec-${position + 1}`;
      const months = MONTHS[rec.timeframe] ?? 6;
      recs.push({
        id: recId,
        report_id: r.id,
        position,
        section: rec.section,
        timeframe: rec.timeframe,
        period: months === 0 ? { unit: "immediate" } : { unit: "months", amount: months },
        text: rec.text,
        paragraph: null,
      });
      const titles = [rec.text];
      if (EXTRA_ACTIONS[`${r.id}:${position}`]) titles.push(EXTRA_ACTIONS[`${r.id}:${position}`]);
      for (const title of titles) {
        const [status, progress] = STATES[n % STATES.length];
        const due = addMonths(end, months);
        const id = `act-${String(n + 1).padStart(3, "0")}`;
        actions.push({
          id,
          recommendation_id: recId,
          title,
          owner: OWNERS[n % OWNERS.length],
          partner_agency: null,
          due_date: due,
          due_date_source: "report",
          due_date_reason: null,
          status,
          progress,
          measure_of_success: null,
          rag_override: null,
          rag_override_reason: null,
          signed_off_by: null,
          signed_off_at: null,
          completed_on: status === "completed" ? addDays(due, -5) : null,
          created_at: "2011-12-01T10:00:00Z",
          updated_at: "2011-12-01T10:00:00Z",
          deleted_at: null,
        });
        if (n % 3 === 0)
          updates.push({
            id: `upd-${n}`,
            action_id: id,
            written_on: addDays(AS_OF, -10),
            author: "Jo Adams",
            note: "Audit tool agreed with team managers; first sample of 20 cases reviewed.",
            created_at: "2012-01-10T09:00:00Z",
          });
        if (n % 3 === 1)
          updates.push({
            id: `upd-${n}`,
            action_id: id,
            written_on: addDays(AS_OF, -45),
            author: "Priya Shah",
            note: "Draft procedure circulated to partners for comment.",
            created_at: "2011-12-06T09:00:00Z",
          });
        n++;
      }
    });
  }
  let list = actions;
  if (bulk) {
    list = [];
    for (let i = 0; i < bulk; i++) {
      const a = actions[i % actions.length];
      const [status, progress] = STATES[(i * 7) % STATES.length];
      list.push({
        ...a,
        id: `bulk-${i}`,
        status,
        progress,
        owner: OWNERS[(i * 3) % OWNERS.length],
        title: i % 97 === 0 ? `${a.title} (care leavers pathway ${i})` : a.title,
      });
    }
    // Keep each recommendation's actions together, as the core lists them.
    const order = new Map(recs.map((r, i) => [r.id, i]));
    list.sort((x, y) => order.get(x.recommendation_id) - order.get(y.recommendation_id));
  }
  return {
    asOf: AS_OF,
    user: "Sam Patel",
    dbPath: "/home/sam/.local/share/inspection-action-tracker/tracker.db",
    dataFolder: "/home/sam/.local/share/inspection-action-tracker",
    reports: empty ? [] : reports,
    recs: empty ? [] : recs,
    actions: empty ? [] : list,
    updates: empty || bulk ? [] : updates,
    evidence: empty
      ? []
      : [
          {
            id: "ev-1",
            action_id: "act-001",
            kind: "file",
            original_name: "CP-visit-audit-Dec-2011.xlsx",
            sha256: "abc",
            link: null,
            added_by: "Jo Adams",
            added_at: "2012-01-05T14:30:00Z",
          },
        ],
    history: [],
    reviews: [],
    nextInspection: null,
    settings: [
      { key: "user_name", value: "Sam Patel", is_default: false },
      { key: "base_date_rule", value: "last_day_of_inspection", is_default: true },
      { key: "open_ended", value: "12", is_default: true },
      { key: "amber_window_days", value: "30", is_default: true },
      { key: "amber_progress_below", value: "50", is_default: true },
      { key: "backups_keep", value: "10", is_default: true },
      { key: "backup_interval_hours", value: "24", is_default: true },
      { key: "reminders", value: "on", is_default: true },
    ],
    backups: [
      {
        path: "/home/sam/.local/share/inspection-action-tracker/backups/tracker-2012-01-19.db",
        name: "tracker-2012-01-19.db",
        modified: "2012-01-19T17:02:00Z",
        bytes: 1843200,
      },
      {
        path: "/home/sam/.local/share/inspection-action-tracker/backups/tracker-2012-01-12.db",
        name: "tracker-2012-01-12.db",
        modified: "2012-01-12T17:01:00Z",
        bytes: 1720320,
      },
    ],
    previews: {},
    created: [],
    opened: [],
    restored: [],
    samples: null,
    exports: [],
    existingFiles: [],
  };
}

/**
 * The mock backend, run in the page (so it must use nothing outside itself): it keeps
 * `data` as its database and answers the app's commands the way the Rust side does.
 */
export function installBackend(data) {
  const db = structuredClone(data);
  window.__mockDb = db;
  const day = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
  const between = (a, b) => Math.round((day(b) - day(a)) / 86400000);
  const plusDays = (iso, n) => new Date(day(iso) + n * 86400000).toISOString().slice(0, 10);
  const fail = (code, message) => {
    throw { code, message };
  };
  const live = () => db.actions.filter((a) => !a.deleted_at);
  const recOf = (a) => db.recs.find((r) => r.id === a.recommendation_id);
  const reportOf = (rec) => db.reports.find((r) => r.id === rec.report_id);
  const daysOverdue = (a, asOf) => (a.status !== "completed" && a.due_date && a.due_date < asOf ? between(a.due_date, asOf) : null);
  const rag = (a, asOf) => {
    if (a.rag_override) return a.rag_override;
    if (a.status === "completed") return "blue";
    if (!a.due_date) return "green";
    if (a.due_date < asOf) return "red";
    if (between(asOf, a.due_date) <= 30 || a.status === "blocked") return "amber";
    return "green";
  };
  // The core's bands (model/overdue.rs): [first, last] days overdue.
  const BANDS = { under_thirty_days: [1, 29], thirty_to_ninety_days: [30, 90], over_ninety_days: [91, Infinity] };
  const band = (days) => Object.keys(BANDS).find((b) => days >= BANDS[b][0] && days <= BANDS[b][1]) ?? null;
  // Computed once per call, not per action: the 10,000-action test lists them all.
  const lastUpdates = () => {
    const m = new Map();
    for (const u of db.updates) if (!m.has(u.action_id) || m.get(u.action_id) < u.written_on) m.set(u.action_id, u.written_on);
    return m;
  };
  const recById = () => new Map(db.recs.map((r) => [r.id, r]));
  const repById = () => new Map(db.reports.map((r) => [r.id, r]));
  // The core's reference ("3.2") and plan order, from the order actions were added.
  const places = () => {
    const reportRank = new Map(db.reports.map((r, i) => [r.id, i]));
    const recs = recById();
    const perRec = new Map();
    const ref = new Map();
    const keyed = live().map((a, made) => {
      const rec = recs.get(a.recommendation_id);
      const n = (perRec.get(rec.id) ?? 0) + 1;
      perRec.set(rec.id, n);
      ref.set(a.id, `${rec.position + 1}.${n}`);
      return [[reportRank.get(rec.report_id), rec.position, made], a.id];
    });
    keyed.sort(([x], [y]) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
    const order = new Map(keyed.map(([, id], i) => [id, i]));
    return { ref, order };
  };
  const item = (a, asOf, recs, reps, last, place = places()) => {
    const rec = recs.get(a.recommendation_id);
    const rep = reps.get(rec.report_id);
    return {
      id: a.id,
      report_id: rep.id,
      local_authority: rep.local_authority,
      recommendation_id: rec.id,
      recommendation_number: rec.position + 1,
      reference: place.ref.get(a.id),
      plan_order: place.order.get(a.id),
      recommendation: rec.text,
      section: rec.section,
      timeframe: rec.timeframe,
      title: a.title,
      owner: a.owner,
      due_date: a.due_date,
      due_date_source: a.due_date_source,
      status: a.status,
      progress: a.progress,
      rag: rag(a, asOf),
      days_overdue: daysOverdue(a, asOf),
      overdue_band: band(daysOverdue(a, asOf)),
      last_update: last.get(a.id) ?? null,
      lead_partner: a.lead_partner ?? null,
      closed_on: null,
      closed_reason: null,
      carried_to_report: a.carried_to_report ?? null,
      raised_before: (db.repeatLinks ?? []).some((l) => l.recommendation_id === rec.id && l.decision === "confirmed"),
    };
  };
  // ActionFilter as the core reads it (search: every word's start, in the action's title
  // and owner or its recommendation; the core also searches notes and a few more fields).
  const matches = (it, f, asOf) => {
    if (!f) return true;
    if (f.overdue || f.due_within_days != null) {
      if (it.status === "completed" || !it.due_date) return false;
      const end = f.due_within_days != null ? plusDays(asOf, f.due_within_days) : null;
      if (end === null && !(it.due_date < asOf)) return false;
      if (end !== null && f.overdue && !(it.due_date <= end)) return false;
      if (end !== null && !f.overdue && !(it.due_date >= asOf && it.due_date <= end)) return false;
    }
    if (f.open && it.status === "completed") return false;
    if (f.no_owner && (it.owner ?? "").trim()) return false;
    if (f.due_from && !(it.due_date && it.due_date >= f.due_from)) return false;
    if (f.due_to && !(it.due_date && it.due_date <= f.due_to)) return false;
    if (f.lead_partner && !(it.lead_partner ?? "").toLowerCase().includes(f.lead_partner.trim().toLowerCase())) return false;
    if (f.owner && (it.owner ?? "").toLowerCase() !== f.owner.trim().toLowerCase()) return false;
    if (f.report_id && it.report_id !== f.report_id) return false;
    if (f.section && !it.section.toLowerCase().includes(f.section.trim().toLowerCase())) return false;
    if (f.status && it.status !== f.status) return false;
    if (f.rag && it.rag !== f.rag) return false;
    if (f.overdue_band && it.overdue_band !== f.overdue_band) return false;
    if (f.raised_before != null && it.raised_before !== f.raised_before) return false;
    if (f.search != null) {
      const words = f.search
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
      if (!words.length) fail("invalid", `nothing to search for in "${f.search}": give at least one word`);
      const have = `${it.title} ${it.owner ?? ""} ${it.recommendation}`.toLowerCase().split(/[^\p{L}\p{N}]+/u);
      if (!words.every((w) => have.some((h) => h.startsWith(w)))) return false;
    }
    return true;
  };
  // In the core's order: soonest due first (none last), then authority, report, the
  // recommendation's place, the order actions were added.
  const listItems = (filter, asOf) => {
    const recs = recById();
    const reps = repById();
    const last = lastUpdates();
    const made = new Map(db.actions.map((a, i) => [a.id, i]));
    const key = (it) => [it.due_date === null ? 1 : 0, it.due_date ?? "", it.local_authority ?? "", it.report_id, it.recommendation_number, made.get(it.id)];
    const cmp = (x, y) => {
      const a = key(x);
      const b = key(y);
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
      return 0;
    };
    const place = places();
    return live()
      .map((a) => item(a, asOf, recs, reps, last, place))
      .filter((it) => matches(it, filter, asOf))
      .sort(cmp);
  };
  const counts = (actions, asOf) => {
    const c = {
      total: 0,
      not_started: 0,
      in_progress: 0,
      completed: 0,
      blocked: 0,
      red: 0,
      amber: 0,
      green: 0,
      blue: 0,
      overdue: 0,
      percent_complete: 0,
      due_after_next_inspection: 0,
    };
    for (const a of actions) {
      c.total++;
      c[a.status]++;
      c[rag(a, asOf)]++;
      if (daysOverdue(a, asOf)) c.overdue++;
    }
    c.percent_complete = c.total ? Math.round((c.completed / c.total) * 1000) / 10 : 0;
    return c;
  };
  const nextView = (asOf) => {
    if (db.nextInspection)
      return { earliest: db.nextInspection, latest: db.nextInspection, estimated: false, basis: "Date set by you", days_to: between(asOf, db.nextInspection) };
    if (!db.reports.length) return null;
    return {
      earliest: "2013-10-14",
      latest: "2014-10-14",
      estimated: true,
      basis: "Estimated: two to three years after the last full inspection",
      days_to: between(asOf, "2013-10-14"),
    };
  };
  const summary = () => {
    const asOf = db.asOf;
    const acts = live();
    return {
      as_of: asOf,
      overall: counts(acts, asOf),
      next_inspection: nextView(asOf),
      reports: db.reports.map((r) => ({
        report_id: r.id,
        local_authority: r.local_authority,
        kind: r.kind,
        source_name: r.source_name,
        inspection_end: r.inspection_end,
        received: r.received,
        action_plan_deadline: r.action_plan_deadline,
        next_inspection: nextView(asOf),
        judgements: r.judgements ?? [],
        counts: counts(
          acts.filter((a) => recOf(a).report_id === r.id),
          asOf,
        ),
        plan_state: (db.decisionsNeeded ?? []).some((d) => d.report_id === r.id) ? "awaiting_decision" : "current",
        overtaken_by: null,
        awaiting_decision: 0,
      })),
      awaiting_decision: (db.decisionsNeeded ?? []).reduce((n, d) => n + d.open_actions, 0),
      decisions_needed: db.decisionsNeeded ?? [],
    };
  };
  const detail = (id) => {
    const a = db.actions.find((x) => x.id === id) ?? fail("not_found", `There is no action with id ${id}.`);
    const rec = recOf(a);
    const { judgements, action_plan_deadline, ...report } = reportOf(rec);
    return {
      action: { ...a },
      recommendation: { ...rec },
      report,
      updates: db.updates.filter((u) => u.action_id === id),
      evidence: db.evidence.filter((e) => e.action_id === id),
      rag: rag(a, db.asOf),
      days_overdue: daysOverdue(a, db.asOf),
    };
  };
  let seq = 1;
  const record = (a, field, oldValue, newValue) => {
    db.history.push({
      seq: seq++,
      entity: "action",
      entity_id: a.id,
      field,
      old_value: oldValue == null ? null : String(oldValue),
      new_value: newValue == null ? null : String(newValue),
      who: db.user,
      at: "2012-01-20T10:15:00Z",
    });
  };
  window.__backend = {
    store_info: () => {
      // `damaged`: the core's error for a file it cannot open, until a backup is restored.
      if (db.damaged) fail(db.damaged.code, db.damaged.message);
      return {
        path: db.dbPath,
        schema_version: 3,
        reports: db.reports.length,
        recommendations: db.recs.length,
        actions: live().length,
        open_actions: live().filter((a) => a.status !== "completed").length,
      };
    },
    restore_over_damaged: ({ path }) => {
      if (!db.damaged) fail("invalid", "the database is open and working: restore a backup from Settings instead");
      db.damaged = null;
      db.restored.push(path);
      return null;
    },
    get_summary: () => summary(),
    burn_up: () => {
      const acts = live().filter((a) => a.due_date);
      if (!acts.length) return [];
      const first = acts.map((a) => a.due_date).sort()[0]; // ISO dates sort as text
      const out = [];
      for (let d = first; d <= db.asOf; d = plusDays(d, 1)) {
        out.push({ date: d, due: acts.filter((a) => a.due_date <= d).length, completed: acts.filter((a) => a.completed_on && a.completed_on <= d).length });
      }
      return out;
    },
    list_actions: ({ filter, asOf }) => listItems(filter, asOf ?? db.asOf),
    show_action: ({ id }) => detail(id),
    update_action: ({ id, change }) => {
      const a = db.actions.find((x) => x.id === id) ?? fail("not_found", `There is no action with id ${id}.`);
      switch (change.kind) {
        case "status":
          record(a, "status", a.status, change.status);
          a.status = change.status;
          a.completed_on = change.status === "completed" ? db.asOf : null;
          if (change.status === "completed") a.progress = 100;
          break;
        case "progress":
          if (change.progress < 0 || change.progress > 100) fail("invalid_progress", "Progress must be from 0 to 100.");
          record(a, "progress", a.progress, change.progress);
          a.progress = change.progress;
          break;
        case "owner":
        case "partner_agency":
        case "title":
        case "measure_of_success":
        case "mitigation":
        case "next_step":
          record(a, change.kind, a[change.kind], change[change.kind]);
          a[change.kind] = change[change.kind];
          // Saying what will be done ends a draft (core: plan::actions).
          if (change.kind === "title") a.draft = false;
          break;
        case "due_date":
          if (!change.reason) fail("reason_required", "A reason is required to change a due date.");
          a.original_due_date ??= a.due_date;
          record(a, "due_date", a.due_date, change.date);
          a.due_date = change.date;
          a.due_date_source = "override";
          a.due_date_reason = change.reason;
          break;
        case "rag_override":
          record(a, "rag_override", a.rag_override, change.rag);
          a.rag_override = change.rag;
          a.rag_override_reason = change.reason;
          break;
        case "sign_off":
          a.signed_off_by = db.user;
          a.signed_off_at = "2012-01-20T10:15:00Z";
          record(a, "signed_off_by", null, db.user);
          break;
      }
      return detail(id);
    },
    save_action: ({ id, changes }) => {
      for (const change of changes) window.__backend.update_action({ id, change });
      return detail(id);
    },
    add_action: ({ recommendationId, action }) => {
      const rec = db.recs.find((r) => r.id === recommendationId) ?? fail("not_found", "No such recommendation.");
      const id = `act-new-${db.actions.length + 1}`;
      const last = db.actions
        .map((a, i) => [a, i])
        .filter(([a]) => a.recommendation_id === rec.id)
        .pop();
      const row = {
        id,
        recommendation_id: rec.id,
        title: action.title,
        owner: action.owner,
        partner_agency: action.partner_agency,
        due_date: action.due_date ?? "2012-04-14",
        due_date_source: action.due_date ? "override" : "report",
        due_date_reason: null,
        status: "not_started",
        progress: 0,
        measure_of_success: action.measure_of_success,
        rag_override: null,
        rag_override_reason: null,
        signed_off_by: null,
        signed_off_at: null,
        completed_on: null,
        created_at: "2012-01-20T10:15:00Z",
        updated_at: "2012-01-20T10:15:00Z",
        deleted_at: null,
      };
      db.actions.splice(last ? last[1] + 1 : db.actions.length, 0, row);
      return detail(id);
    },
    add_update: ({ id, note, writtenOn }) => {
      db.updates.push({
        id: `upd-new-${db.updates.length}`,
        action_id: id,
        written_on: writtenOn ?? db.asOf,
        author: db.user,
        note,
        created_at: "2012-01-20T10:15:00Z",
      });
      return detail(id);
    },
    delete_action: ({ id }) => {
      const a = db.actions.find((x) => x.id === id);
      a.deleted_at = "2012-01-20T10:15:00Z";
      record(a, "deleted_at", null, a.deleted_at);
      return null;
    },
    restore_action: ({ id }) => {
      const a = db.actions.find((x) => x.id === id);
      a.deleted_at = null;
      record(a, "deleted_at", "2012-01-20T10:15:00Z", null);
      return null;
    },
    list_bin: () => db.actions.filter((a) => a.deleted_at),
    action_history: ({ id }) => db.history.filter((h) => h.entity_id === id),
    record_review: ({ id, review }) => {
      const a = db.actions.find((x) => x.id === id && !x.deleted_at) ?? fail("not_found", `There is no action with id ${id}.`);
      if (!review.outcome?.trim()) fail("invalid", "the review's outcome cannot be empty: say what was agreed");
      const r = {
        action_id: a.id,
        reviewed_by: review.reviewed_by?.trim() || db.user,
        reviewed_on: review.reviewed_on ?? db.asOf,
        outcome: review.outcome.trim(),
        next_review: review.next_review ?? null,
        recorded_by: db.user,
        recorded_at: "2012-01-20T10:15:00Z",
      };
      db.reviews.push(r);
      record(a, "reviewed_by", null, r.reviewed_by);
      record(a, "reviewed_on", null, r.reviewed_on);
      record(a, "review_outcome", null, r.outcome);
      record(a, "next_review", null, r.next_review);
      return r;
    },
    latest_reviews: () => [...new Map(db.reviews.map((r) => [r.action_id, r])).values()],
    update_actions: ({ ids, change }) => {
      // All or nothing, as the core's one transaction.
      const rows = ids.map((id) => db.actions.find((x) => x.id === id && !x.deleted_at) ?? fail("not_found", `There is no action with id ${id}.`));
      if (change.kind === "reschedule" && !change.reason?.trim()) fail("invalid", "the reason for changing the due date cannot be empty");
      for (const a of rows) {
        if (change.kind === "reassign") {
          record(a, "owner", a.owner, change.owner);
          a.owner = change.owner;
        } else {
          record(a, "due_date", a.due_date, change.date);
          a.due_date = change.date;
          a.due_date_source = "override";
          a.due_date_reason = change.reason;
        }
      }
      return rows.map((a) => ({ ...a }));
    },
    add_evidence_file: ({ id, path }) => {
      db.evidence.push({
        id: `ev-${db.evidence.length + 1}`,
        action_id: id,
        kind: "file",
        original_name: path.split(/[\\/]/).pop(),
        sha256: "x",
        link: null,
        added_by: db.user,
        added_at: "2012-01-20T10:15:00Z",
      });
      return detail(id);
    },
    add_evidence_link: ({ id, link }) => {
      db.evidence.push({
        id: `ev-${db.evidence.length + 1}`,
        action_id: id,
        kind: "link",
        original_name: null,
        sha256: null,
        link,
        added_by: db.user,
        added_at: "2012-01-20T10:15:00Z",
      });
      return detail(id);
    },
    set_evidence_summary: ({ evidenceId, summary }) => {
      const e = db.evidence.find((x) => x.id === evidenceId) ?? fail("not_found", `There is no evidence with id ${evidenceId}.`);
      e.summary = summary || null;
      return detail(e.action_id);
    },
    open_evidence: ({ evidenceId }) => {
      db.opened.push(evidenceId);
      return null;
    },
    preview_import: ({ path }) => db.previews[path] ?? fail("unreadable", `${path.split("/").pop()} could not be read: no text found (is it a scanned image?)`),
    create_plan: ({ input }) => {
      db.created.push(input);
      const id = `rep-new-${db.created.length}`;
      const r = input.report;
      const base = r.inspection_end ?? input.inspection_date;
      db.reports.push({
        id,
        kind: r.kind,
        local_authority: r.local_authority,
        inspection_start: r.inspection_start,
        inspection_end: r.inspection_end,
        published: r.published,
        received: null,
        lead_inspector: r.lead_inspector,
        base_date: input.inspection_date,
        source_name: input.path.split("/").pop(),
        source_sha256: input.sha256,
        source_format: "pdf",
        imported_at: "2012-01-20T10:15:00Z",
        judgements: r.judgements,
        action_plan_deadline: null,
      });
      r.recommendations.forEach((rec, i) => {
        const recId = `${id}-rec-${i + 1}`;
        db.recs.push({
          id: recId,
          report_id: id,
          position: i,
          section: rec.section,
          timeframe: rec.timeframe,
          period: rec.period,
          text: rec.text,
          paragraph: rec.paragraph,
        });
        const months = rec.period.unit === "immediate" ? 0 : rec.period.unit === "months" ? rec.period.amount : 12;
        const due = plusDays(base, 30 * months);
        db.actions.push({
          id: `${recId}-a`,
          recommendation_id: recId,
          title: rec.text,
          owner: null,
          partner_agency: null,
          due_date: due,
          due_date_source: "report",
          due_date_reason: null,
          status: "not_started",
          progress: 0,
          measure_of_success: null,
          rag_override: null,
          rag_override_reason: null,
          signed_off_by: null,
          signed_off_at: null,
          completed_on: null,
          created_at: "2012-01-20T10:15:00Z",
          updated_at: "2012-01-20T10:15:00Z",
          deleted_at: null,
        });
      });
      return {
        report_id: id,
        duplicate: false,
        source_name: input.path.split("/").pop(),
        local_authority: r.local_authority,
        recommendations: r.recommendations.length,
        actions: r.recommendations.length,
      };
    },
    load_samples: () => {
      const s = db.samples ?? fail("samples_missing", "The sample reports are not installed.");
      Object.assign(db, s.after);
      return s.result;
    },
    export_plan: ({ format, path, filter, asOf, force, fromHistory }) => {
      db.exports.push({ format, path, filter, asOf, force, fromHistory });
      if (!force && db.existingFiles.includes(path)) fail("file_exists", `${path} already exists; choose another name or let the save dialog replace it.`);
      const at = asOf ?? db.asOf;
      const n = listItems(filter, at).length;
      db.existingFiles.push(path);
      return { path, format, as_of: at, actions: n, bytes: 10_240 + 300 * n, warnings: [] };
    },
    // What the export dialog shows before saving (core: export::preview).
    export_preview: ({ filter, asOf, paper }) => {
      const items = listItems(filter, asOf ?? db.asOf);
      return {
        prepared_by: db.settings.find((x) => x.key === "user_name")?.value ?? "",
        previous_paper: paper?.since ?? db.previousPaper ?? null,
        default_ask: "The board is asked to note the progress made since the previous paper.",
        actions: items.length,
        warnings: items
          .filter((a) => a.draft || !a.owner)
          .map((a) => ({
            action_id: a.id,
            reference: a.reference ?? "1.1",
            local_authority: a.local_authority,
            title: a.title,
            draft: !!a.draft,
            no_owner: !a.owner,
          })),
      };
    },
    team_status: () => db.team ?? null,
    team_permissions: () => db.permissions ?? { role: null, read_only: false, notice: null, denied: {} },
    team_connect: ({ url }) => {
      if (!url.startsWith("postgres://")) fail("invalid", `${url} is not a PostgreSQL address; write it as postgres://NAME@HOST:PORT/DATABASE`);
      db.team = {
        server: url,
        user: url.slice(11).split("@")[0],
        role: "editor",
        last_sync: "2026-03-03T10:00:00.000Z",
        offline_since: null,
        pending: 0,
        refused: 0,
        conflicts: 0,
      };
      return db.team;
    },
    team_sync: () => ({ pushed: 0, pulled: 0, refused: 0, conflicts: 0 }),
    team_disconnect: () => {
      db.team = null;
    },
    action_notices: () => db.notices ?? [],
    get_settings: () => db.settings,
    set_setting: ({ key, value }) => {
      const s = db.settings.find((x) => x.key === key) ?? fail("unknown_setting", `There is no setting called ${key}.`);
      if (key === "amber_window_days" && Number(value) > 365) fail("invalid_setting", "The amber window must be at most 365 days.");
      if (key === "reminders") {
        const v = value.toLowerCase();
        if (["on", "true", "yes", "1"].includes(v)) value = "on";
        else if (["off", "false", "no", "0"].includes(v)) value = "off";
        else fail("invalid", `reminders must be on or off, not "${value}"`);
      }
      s.value = value;
      s.is_default = false;
      if (key === "user_name") db.user = value;
      return db.settings;
    },
    // All or none, as the core's one transaction.
    set_settings: ({ changes }) => {
      const before = structuredClone(db.settings);
      try {
        for (const c of changes) window.__backend.set_setting(c);
      } catch (e) {
        db.settings.splice(0, db.settings.length, ...before);
        throw e;
      }
      return db.settings;
    },
    set_plan_deadline: ({ reportId, date }) => {
      const r = db.reports.find((x) => x.id === reportId) ?? fail("not_found", `There is no report with id ${reportId}.`);
      if (r.kind !== "area_send") fail("invalid", "this report requires no priority action plan; nothing was changed");
      r.action_plan_deadline = date;
      return summary();
    },
    set_next_inspection: ({ date }) => {
      db.nextInspection = date;
      return summary();
    },
    data_folder: () => db.dataFolder,
    list_backups: () => db.backups,
    make_backup: () => {
      const b = { path: `${db.dataFolder}/backups/tracker-2012-01-20.db`, name: "tracker-2012-01-20.db", modified: "2012-01-20T10:20:00Z", bytes: 1900544 };
      db.backups.unshift(b);
      return b;
    },
    restore_backup: ({ path }) => {
      db.restored.push(path);
      return null;
    },
    // The timeline: `db.earlierPlans` are the plans a later report of the same authority
    // follows (PreviousPlanView), `db.decisions` what the person chose.
    previous_plans: ({ reportId }) => {
      const later = db.reports.find((r) => r.id === reportId) ?? fail("not_found", `There is no report with id ${reportId}.`);
      const decided = new Set((db.decisions ?? []).map((c) => c.action_id));
      return (db.earlierPlans ?? [])
        .filter((p) => p.local_authority === later.local_authority)
        .map((p) => ({ ...p, actions: p.actions.filter((a) => !decided.has(a.action_id)) }))
        .filter((p) => p.actions.length);
    },
    decide_previous: ({ reportId, choices }) => {
      db.decisions ??= [];
      const open = new Set(window.__backend.previous_plans({ reportId }).flatMap((p) => p.actions.map((a) => a.action_id)));
      for (const c of choices) if (!open.has(c.action_id)) fail("invalid", `action ${c.action_id} is not an open action of a plan that this report follows`);
      db.decisions.push(...choices);
      const left = window.__backend.previous_plans({ reportId });
      const n = (d) => choices.filter((c) => c.decision === d).length;
      return {
        carried: n("carried_forward"),
        completed: n("completed"),
        closed: n("closed_as_overtaken"),
        plans_closed: (db.earlierPlans ?? []).filter((p) => !left.some((l) => l.report_id === p.report_id)).map((p) => p.report_id),
      };
    },
    // `db.repeatSuggestions[position]`: the suggestions for a new report's recommendation.
    suggest_repeats: ({ reportId }) =>
      db.recs
        .filter((r) => r.report_id === reportId)
        .sort((a, b) => a.position - b.position)
        .map((r) => ({
          recommendation_id: r.id,
          text: r.text,
          suggestions: (db.repeatSuggestions?.[r.position] ?? []).filter(
            (s) => !(db.repeatLinks ?? []).some((l) => l.recommendation_id === r.id && l.earlier_id === s.recommendation_id && l.decision === "rejected"),
          ),
        })),
    repeat_links: ({ recommendationId }) => {
      const rec = db.recs.find((r) => r.id === recommendationId) ?? fail("not_found", `There is no recommendation with id ${recommendationId}.`);
      const links = (db.repeatLinks ?? [])
        .filter((l) => l.recommendation_id === rec.id || l.earlier_id === rec.id)
        .map((l) => {
          const earlier = l.recommendation_id === rec.id;
          const otherId = earlier ? l.earlier_id : l.recommendation_id;
          const other = db.recs.find((r) => r.id === otherId) ?? (db.earlierRecs ?? []).find((r) => r.id === otherId);
          return {
            recommendation_id: otherId,
            report_id: other?.report_id ?? "",
            report: other?.report ?? "Earlier inspection",
            text: other?.text ?? "",
            earlier,
            decision: l.decision,
            decided_by: db.user,
            decided_at: "2012-01-20T10:15:00Z",
          };
        });
      const suggestions = (db.repeatSuggestions?.[rec.position] ?? []).filter((s) => !links.some((l) => l.recommendation_id === s.recommendation_id));
      return { recommendation_id: rec.id, links, suggestions };
    },
    decide_repeat: ({ recommendationId, earlierId, confirmed }) => {
      db.repeatLinks ??= [];
      const decision = confirmed ? "confirmed" : "rejected";
      db.repeatLinks = db.repeatLinks.filter((l) => !(l.recommendation_id === recommendationId && l.earlier_id === earlierId));
      db.repeatLinks.push({ recommendation_id: recommendationId, earlier_id: earlierId, decision });
      return { recommendation_id: recommendationId, earlier_id: earlierId, decision, decided_by: db.user, decided_at: "2012-01-20T10:15:00Z" };
    },
  };
}

// --- an import preview -----------------------------------------------------------------

/** A short report text in the style of a 2011 Ofsted letter, with non-ASCII characters
 * (en dashes, curly quotes, £) before and inside recommendations, so byte offsets differ
 * from string indices. */
export const REPORT_TEXT = `Inspection of safeguarding and looked after children services

Rutland

Inspection dates: 3 – 14 October 2011
Reporting inspector Ian Young HMI
Published: 18 November 2011

Overall effectiveness
The council’s safeguarding services are adequate. Spending of £1.2m on early help has “begun to show impact”.

Areas for improvement

Safeguarding services

Immediately:
ensure that partners, including health services, are routinely engaged in, and contribute to, assessments of children and their families
ensure that only those cases with the most significant identified need proceed to core assessment.

Within three months:
together with Leicestershire Partnership NHS Trust, ensure that children and their families have easy access to, and benefit from, timely support from CAMHS; improve the quality of assessments, so that information is gathered effectively and analysed thoroughly
reduce the levels of re‑referrals to the duty and assessment team by increasing and improving use of the CAF.

Services for looked after children

Within six months:
improve the consistency of PEPs – personal education plans – for every child in care.
`;

function span(text, needle) {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`fixture text lacks: ${needle}`);
  const start = Buffer.byteLength(text.slice(0, at), "utf8");
  return { source_start: start, source_end: start + Buffer.byteLength(needle, "utf8") };
}

const PREVIEW_RECS = [
  [
    "Safeguarding services",
    "Immediately",
    0,
    "ensure that partners, including health services, are routinely engaged in, and contribute to, assessments of children and their families",
  ],
  ["Safeguarding services", "Immediately", 0, "ensure that only those cases with the most significant identified need proceed to core assessment."],
  [
    "Safeguarding services",
    "Within three months",
    3,
    "together with Leicestershire Partnership NHS Trust, ensure that children and their families have easy access to, and benefit from, timely support from CAMHS; improve the quality of assessments, so that information is gathered effectively and analysed thoroughly",
  ],
  [
    "Safeguarding services",
    "Within three months",
    3,
    "reduce the levels of re‑referrals to the duty and assessment team by increasing and improving use of the CAF.",
  ],
  ["Services for looked after children", "Within six months", 6, "improve the consistency of PEPs – personal education plans – for every child in care."],
];

/** What previewing the file would give; `dateless` drops every date, `duplicate` marks it. */
export function importPreview({ path = "/home/sam/Downloads/rutland-2011.pdf", dateless = false, duplicate = false } = {}) {
  return {
    path,
    source_name: path.split("/").pop(),
    sha256: `sha-of-${path}`,
    format: "pdf",
    text: REPORT_TEXT,
    report: {
      kind: "safeguarding_and_looked_after_children",
      local_authority: "Rutland",
      inspection_start: dateless ? null : "2011-10-03",
      inspection_end: dateless ? null : "2011-10-14",
      published: dateless ? null : "2011-11-18",
      lead_inspector: "Ian Young",
      judgements: [
        { section: "Safeguarding services", area: "Overall effectiveness", grade: "Adequate" },
        { section: "Safeguarding services", area: "Capacity for improvement", grade: "Adequate" },
        { section: "Services for looked after children", area: "Overall effectiveness", grade: "Good" },
      ],
      recommendations: PREVIEW_RECS.map(([section, timeframe, months, text]) => ({
        section,
        timeframe,
        period: months === 0 ? { unit: "immediate" } : { unit: "months", amount: months },
        text,
        paragraph: null,
        ...span(REPORT_TEXT, text),
      })),
    },
    duplicate_of: duplicate ? { report_id: "rep-rutland-2011", source_name: "rutland-slac-2011.pdf", imported_at: "2011-12-01T10:00:00Z" } : null,
  };
}
