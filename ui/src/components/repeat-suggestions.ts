// Repeat findings: an earlier recommendation of the same authority that a new one may ask
// for again, with the terms they share as the reason, and Confirm / Not the same buttons.
// Used at review (after a later report is imported) and on the recommendation's page.
import { api } from "../api";
import { h, button } from "../dom";
import type { RepeatSuggestion } from "../gen/RepeatSuggestion";
import { errorBox } from "./alert";
import { offer } from "../permissions";

/** "shares: care plans, timescales, health assessments" */
export function sharesText(terms: readonly string[]): string {
  return terms.length ? `shares: ${terms.join(", ")}` : "no words in common";
}

/**
 * One suggestion for `recommendationId`, with buttons that record the decision; after one
 * is pressed the row says what was recorded (and `onDecided` runs).
 */
export function suggestionRow(recommendationId: string, s: RepeatSuggestion, onDecided?: (confirmed: boolean) => void): HTMLElement {
  const status = h("p", { class: "meta", role: "status", "data-testid": "repeat-status" });
  const row = h(
    "li",
    { class: "repeat-suggestion", "data-testid": "repeat-suggestion", "data-earlier": s.recommendation_id },
    h("p", { class: "repeat-text" }, s.text),
    h("p", { class: "meta", "data-testid": "repeat-shares" }, `${sharesText(s.shared_terms)} · score ${s.score.toFixed(2)}`),
  );
  const decide = async (confirmed: boolean) => {
    for (const b of buttons.querySelectorAll("button")) b.disabled = true;
    try {
      await api.decideRepeat(recommendationId, s.recommendation_id, confirmed);
      status.textContent = confirmed ? "Confirmed: raised before." : "Recorded: not the same finding; it will not be suggested again.";
      row.dataset.decision = confirmed ? "confirmed" : "rejected";
      buttons.remove();
      onDecided?.(confirmed);
    } catch (e) {
      status.replaceChildren(errorBox(e, "The decision was not saved"));
      for (const b of buttons.querySelectorAll("button")) b.disabled = false;
    }
  };
  const buttons = h(
    "div",
    { class: "button-row" },
    button("Confirm: raised before", () => void decide(true), { class: "secondary small", "data-testid": "confirm-repeat" }),
    button("Not the same", () => void decide(false), { class: "secondary small", "data-testid": "reject-repeat" }),
  );
  // Deciding is managing the plan: a viewer sees the suggestion only, an editor the
  // buttons disabled with why.
  const offered = offer("decide_repeats", buttons);
  if (offered) row.append(offered);
  row.append(status);
  return row;
}
