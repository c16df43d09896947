// Generated from core/src/labels.rs by core/tests/labels_ts.rs when `cargo test` runs; do not edit.
import type { ActionStatus } from "./ActionStatus";
import type { DueDateSource } from "./DueDateSource";
import type { OverdueBand } from "./OverdueBand";
import type { PlanState } from "./PlanState";
import type { Rag } from "./Rag";
import type { RagRule } from "./RagRule";
import type { ReportKind } from "./ReportKind";
import type { Timeframe } from "./Timeframe";

export const STATUS_LABELS: Record<ActionStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  completed: "Completed",
  blocked: "Blocked",
};
export const RAG_LABELS: Record<Rag, string> = {
  red: "Red",
  amber: "Amber",
  green: "Green",
  blue: "Blue",
};
export const KIND_LABELS: Record<ReportKind, string> = {
  joint_area_review: "Joint area review",
  contact_referral_assessment: "Contact, referral and assessment inspection",
  safeguarding_and_looked_after_children: "Safeguarding and looked after children inspection",
  looked_after_children: "Looked after children inspection",
  child_protection: "Child protection inspection",
  single_inspection_framework: "Single inspection framework inspection",
  ilacs: "ILACS inspection",
  focused_visit: "Focused visit",
  monitoring_visit: "Monitoring visit",
  area_send: "Area SEND inspection",
  other: "Inspection",
};
export const DUE_SOURCE_LABELS: Record<DueDateSource, string> = {
  report: "from the report's timeframe",
  default: "default for open-ended timeframes",
  next_inspection: "by the next inspection",
  override: "changed by hand",
  waiting: "waiting for a date",
};
export const OVERDUE_BAND_LABELS: Record<OverdueBand, string> = {
  under_thirty_days: "Overdue under 30 days",
  thirty_to_ninety_days: "Overdue 30 to 90 days",
  over_ninety_days: "Overdue more than 90 days",
};
export const PLAN_STATE_LABELS: Record<PlanState, string> = {
  current: "Current",
  awaiting_decision: "Awaiting a decision",
  closed: "Closed",
};
export const DECISION_LABELS: Record<"carried_forward" | "completed" | "closed_as_overtaken", string> = {
  carried_forward: "Carried forward",
  completed: "Completed",
  closed_as_overtaken: "Closed as overtaken",
};
export const RAISED_BEFORE = "Raised before";

/** The timeframes the review screen offers: the heading a pick gives, the value, its name. */
export const TIMEFRAME_CHOICES: { heading: string | null; period: Timeframe; label: string }[] = [
  { heading: "Immediately", period: {"unit":"immediate"}, label: "Immediately" },
  { heading: "Within one month", period: {"unit":"months","amount":1}, label: "Within one month" },
  { heading: "Within three months", period: {"unit":"months","amount":3}, label: "Within three months" },
  { heading: "Within six months", period: {"unit":"months","amount":6}, label: "Within six months" },
  { heading: "Within 12 months", period: {"unit":"months","amount":12}, label: "Within 12 months" },
  { heading: "For action in the longer term", period: {"unit":"longer_term"}, label: "For action in the longer term (no fixed length)" },
  { heading: null, period: {"unit":"unspecified"}, label: "No timeframe" },
];

/** A recommendation's own timeframe, named as core/src/labels.rs `timeframe_choice` names it. */
export function timeframeChoiceLabel(heading: string | null, period: Timeframe): string {
  if (heading === null) return "No timeframe";
  return period.unit === "longer_term" || period.unit === "unspecified" ? heading + " (no fixed length)" : heading;
}

/** What blue means, everywhere it is shown. */
export const BLUE_MEANS = "completed and evidenced (evidence attached and signed off)";
/** How a draft action is marked. */
export const DRAFT_MARKER = "draft — say what will be done";
/** The RAG conventions a council may pick (setting rag_rule). */
export const RAG_RULE_LABELS: Record<RagRule, string> = {
  due_date_and_progress: "By due date and progress",
  percent_complete: "By percentage complete",
  owner_risk: "By risk, as judged by the owner",
};
/** Each convention's key with the default settings: red, amber, green, blue. */
export const RAG_KEYS: Record<RagRule, string[]> = {
  due_date_and_progress: ["Red: past its due date and not completed", "Amber: blocked, or due within 14 days with less than 50% done", "Green: not overdue, not blocked and not near its due date with little done; or completed but not yet evidenced", "Blue: completed and evidenced (evidence attached and signed off)"],
  percent_complete: ["Red: less than 25% complete", "Amber: 25% to 74% complete", "Green: 75% or more complete, or completed but not yet evidenced", "Blue: completed and evidenced (evidence attached and signed off)"],
  owner_risk: ["Red: the owner judges it will not be delivered on time without help", "Amber: the owner judges there is a risk to delivery that they are managing", "Green: the owner judges it on track, or completed but not yet evidenced (an action its owner has not rated is rated by due date and progress)", "Blue: completed and evidenced (evidence attached and signed off)"],
};
/** A convention's key with these amber settings (core/src/labels.rs `rag_key`). */
export function ragKey(rule: RagRule, amberWindowDays: number, amberProgressBelow: number): string[] {
  const lines: Record<RagRule, string[]> = {
    due_date_and_progress: ["Red: past its due date and not completed", "Amber: blocked, or due within 9991 days with less than 98% done", "Green: not overdue, not blocked and not near its due date with little done; or completed but not yet evidenced", "Blue: completed and evidenced (evidence attached and signed off)"],
    percent_complete: ["Red: less than 25% complete", "Amber: 25% to 74% complete", "Green: 75% or more complete, or completed but not yet evidenced", "Blue: completed and evidenced (evidence attached and signed off)"],
    owner_risk: ["Red: the owner judges it will not be delivered on time without help", "Amber: the owner judges there is a risk to delivery that they are managing", "Green: the owner judges it on track, or completed but not yet evidenced (an action its owner has not rated is rated by due date and progress)", "Blue: completed and evidenced (evidence attached and signed off)"],
  };
  const days = amberWindowDays === 1 ? "1 day" : `${amberWindowDays} days`;
  return lines[rule].map((l) => l.replace("9991 days", days).replace("98%", `${amberProgressBelow}%`));
}
