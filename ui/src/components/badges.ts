// RAG and status shown with words as well as colour (colour alone fails WCAG 1.4.1).
import { h } from "../dom";
import { RAG_LABELS, STATUS_LABELS } from "../format";
import type { Rag } from "../gen/Rag";
import type { ActionStatus } from "../gen/ActionStatus";

export function ragBadge(rag: Rag): HTMLElement {
  return h("span", { class: `badge rag rag-${rag}` }, RAG_LABELS[rag]);
}

export function statusBadge(status: ActionStatus): HTMLElement {
  return h("span", { class: `badge status status-${status}` }, STATUS_LABELS[status]);
}

/** A progress bar with its value in words for screen readers. */
export function progressBar(percent: number, label = "Progress"): HTMLElement {
  const bar = h("span", { class: "progress-fill" });
  bar.style.width = `${Math.max(0, Math.min(100, percent))}%`;
  return h(
    "span",
    { class: "progress", role: "progressbar", "aria-valuemin": "0", "aria-valuemax": "100", "aria-valuenow": String(percent), "aria-label": label },
    h("span", { class: "progress-track" }, bar),
    h("span", { class: "progress-text" }, `${percent}%`),
  );
}
