// A report's judgements for the dashboard's cards: grouped by section, the headline
// ("Overall effectiveness") picked out, and each grade's tone for its badge.
import type { Judgement } from "./gen/Judgement";

export interface JudgementGroup {
  /** The section's name ("" when the report has none). */
  section: string;
  items: Judgement[];
}

/** By section, sections in the order they first come, judgements in report order. */
export function groupJudgements(judgements: readonly Judgement[]): JudgementGroup[] {
  const groups = new Map<string, JudgementGroup>();
  for (const j of judgements) {
    const section = j.section.trim();
    let g = groups.get(section);
    if (!g) {
      g = { section, items: [] };
      groups.set(section, g);
    }
    g.items.push(j);
  }
  return [...groups.values()];
}

export interface Headline {
  /** The section when the report has several, else the area ("Overall effectiveness"). */
  label: string;
  grade: string;
}

/** The overall-effectiveness grades: one per section, named by section when several. */
export function headlineJudgements(judgements: readonly Judgement[]): Headline[] {
  const several = groupJudgements(judgements).length > 1;
  return judgements
    .filter((j) => /\boverall effectiveness\b|^inspection outcome$/i.test(j.area))
    .map((j) => ({ label: several && j.section.trim() ? j.section.trim() : j.area, grade: j.grade }));
}

export type GradeTone = "outstanding" | "good" | "adequate" | "improve" | "inadequate" | "other";

/** The badge's tone for a grade word (always shown in words too, never colour alone). */
export function gradeTone(grade: string): GradeTone {
  const g = grade.trim().toLowerCase();
  if (g.startsWith("outstanding")) return "outstanding";
  if (g.startsWith("good")) return "good";
  if (g.startsWith("requires improvement")) return "improve";
  if (g.startsWith("adequate")) return "adequate";
  if (g.startsWith("inadequate")) return "inadequate";
  // Area SEND outcomes, best to worst.
  if (g.startsWith("typically positive")) return "good";
  if (g.startsWith("inconsistent")) return "improve";
  if (g.startsWith("widespread")) return "inadequate";
  return "other";
}
