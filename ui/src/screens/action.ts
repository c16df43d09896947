// One action: every field, due date override with a reason, dated updates, evidence and
// the change history.
import { api } from "../api";
import { h, button, field, select } from "../dom";
import { formatDate, formatDateTime, plural, STATUS_LABELS, RAG_LABELS, DUE_SOURCE_LABELS } from "../format";
import type { ActionDetail } from "../gen/ActionDetail";
import type { ActionChange } from "../gen/ActionChange";
import type { ActionStatus } from "../gen/ActionStatus";
import type { HistoryRow } from "../gen/HistoryRow";
import type { Rag } from "../gen/Rag";
import { errorBox, showError } from "../components/alert";
import { ragBadge, statusBadge, progressBar } from "../components/badges";
import { showToast } from "../components/toast";
import { confirmDialog } from "../components/modal";
import { addUpdateDialog } from "../components/update-dialog";
import { invalidate, replaceAction } from "../state";
import { pickEvidenceFile } from "../native";
import { navigate, type Route } from "../router";
import { guardLeaving } from "../unsaved";
import { dateInput, dateProblem, isoOf, setIso } from "../components/date-input";
import { showProblems, type Problem } from "../components/error-summary";
import { MOD, SAVE_KEYS } from "../shortcuts";
import { repeatPanel } from "../components/repeat-panel";
import { DRAFT_MARKER } from "../gen/labels";
import { offer, whyNot } from "../permissions";

export async function showAction(main: HTMLElement, route: Route): Promise<void> {
  const id = route.param ?? "";
  let detail: ActionDetail;
  try {
    detail = await api.showAction(id);
  } catch (e) {
    main.append(
      h("h2", { id: "screen-title", tabindex: "-1" }, "Action"),
      errorBox(e, "The action could not be loaded"),
      h("p", {}, h("a", { href: "#/plan" }, "Back to the action plan")),
    );
    return;
  }
  let history: HistoryRow[] | Error;
  try {
    history = await api.history(id);
  } catch (e) {
    history = e as Error;
  }
  main.append(actionView(detail, history));
  // Team mode: a change of this person's that another's overtook, said in words.
  const notices = await api.actionNotices(id).catch(() => [] as string[]);
  if (notices.length > 0) {
    main
      .querySelector("#screen-title")
      ?.after(h("div", { class: "notice", role: "note", "data-testid": "team-notices" }, ...notices.map((n) => h("p", {}, n))));
  }
}

export function actionView(initial: ActionDetail, initialHistory: HistoryRow[] | Error): HTMLElement {
  let d = initial;
  let history = initialHistory;
  /** After a save: a banner at the top of the page (GOV.UK's notification banner),
   * focused so it is read out. */
  let saved: { title: string; text: string } | null = null;
  const root = h("div", { class: "action-detail" });
  const errors = h("div", { class: "slot" });
  // Loaded once, beside the rest: a slow or failed suggestion never holds up the page.
  const repeats = repeatPanel(initial.recommendation.id);

  /** One edit from its own form (due date, RAG rating, sign-off), said in the banner. */
  async function apply(change: ActionChange, message: string) {
    errors.replaceChildren();
    try {
      d = await api.updateAction(d.action.id, change);
      saved = { title: "Success", text: message };
      await afterChange();
      return true;
    } catch (e) {
      showError(errors, e, "The change was not saved");
      render();
      return false;
    }
  }

  async function afterChange() {
    await replaceAction(d);
    try {
      history = await api.history(d.action.id);
    } catch (e) {
      history = e as Error;
    }
    render();
  }

  function render() {
    const a = d.action;
    const focusedId = (document.activeElement as HTMLElement | null)?.id;
    const banner = saved
      ? h(
          "div",
          { class: "success-banner", role: "alert", tabindex: "-1", "aria-labelledby": "saved-title", "data-testid": "success-banner" },
          h("h3", { id: "saved-title" }, saved.title),
          h("p", {}, saved.text),
        )
      : null;
    saved = null;
    root.replaceChildren(
      h(
        "p",
        { class: "breadcrumbs" },
        h("a", { href: "#/plan" }, "Action plan"),
        ` › ${d.report.local_authority ?? d.report.source_name} › ${d.recommendation.section}`,
      ),
      ...(banner ? [banner] : []),
      errors,
      h("h2", { id: "screen-title", tabindex: "-1" }, a.title),
      h(
        "p",
        { class: "badges" },
        ragBadge(d.rag),
        " ",
        statusBadge(a.status),
        " ",
        d.days_overdue ? h("span", { class: "badge overdue", "data-testid": "days-overdue" }, `${plural(d.days_overdue, "day")} overdue`) : null,
        a.rag_override ? h("span", { class: "meta" }, ` RAG set by hand: ${a.rag_override_reason ?? ""}`) : null,
      ),
      ...planNotes(a),
      h(
        "section",
        { class: "panel", "aria-labelledby": "rec-heading" },
        h("h3", { id: "rec-heading" }, "Recommendation"),
        h("blockquote", { class: "quote" }, d.recommendation.text),
        h(
          "p",
          { class: "meta" },
          [
            d.recommendation.section,
            d.recommendation.timeframe ?? "No timeframe given",
            d.recommendation.paragraph ? `paragraph ${d.recommendation.paragraph}` : null,
          ]
            .filter(Boolean)
            .join(" · "),
        ),
      ),
      repeats,
      h("div", { class: "two-col" }, fieldsPanel(), datesPanel()),
      updatesPanel(),
      evidencePanel(),
      historyPanel(),
      ...[removePanel()].filter((p): p is HTMLElement => p !== null),
    );
    if (banner) banner.focus();
    else if (focusedId) document.getElementById(focusedId)?.focus();
  }

  /** The bin: offered to those who may use it (disabled, with why, for an editor). */
  function removePanel(): HTMLElement | null {
    const remover = offer(
      "bin",
      button("Remove this action", () => void remove(), { class: "danger", "data-testid": "delete-action" }),
    );
    if (!remover) return null;
    return h(
      "section",
      { class: "panel", "aria-labelledby": "danger-heading" },
      h("h3", { id: "danger-heading" }, "Remove"),
      h("p", { class: "meta" }, "A removed action goes to the bin and can be restored."),
      remover,
    );
  }

  /** The details as text, for a person who may not change them (a viewer). */
  function detailsList(): HTMLElement {
    const a = d.action;
    const row = (label: string, value: string | null | undefined) => [h("dt", {}, label), h("dd", {}, value?.trim() ? value : "–")];
    return h(
      "section",
      { class: "panel", "aria-labelledby": "fields-heading" },
      h("h3", { id: "fields-heading" }, "Details"),
      h(
        "dl",
        { class: "summary-list", "data-testid": "details-list" },
        ...row("What will be done", a.title),
        ...row("Owner", a.owner),
        ...row("Partner agency", a.partner_agency),
        ...row("Measure of success", a.measure_of_success),
        ...row("Mitigation", a.mitigation),
        ...row("Next step", a.next_step),
        ...row("Status", STATUS_LABELS[a.status]),
        ...row("Progress", `${a.progress}%`),
      ),
      progressBar(a.progress),
      a.completed_on ? h("p", {}, `Completed on ${formatDate(a.completed_on)}.`) : null,
      a.signed_off_by ? h("p", { "data-testid": "signed-off" }, `Signed off by ${a.signed_off_by} on ${formatDateTime(a.signed_off_at)}.`) : null,
    );
  }

  function fieldsPanel(): HTMLElement {
    const a = d.action;
    if (whyNot("edit_actions")) return detailsList();
    const text = (id: string, value: string | null, multiline = false) => {
      const el = multiline ? h("textarea", { id, rows: "3" }) : h("input", { id, type: "text" });
      el.value = value ?? "";
      return el;
    };
    const title = text("d-title", a.title, true);
    const owner = text("d-owner", a.owner);
    const partner = text("d-partner", a.partner_agency);
    const measure = text("d-measure", a.measure_of_success, true);
    const mitigation = text("d-mitigation", a.mitigation, true);
    const nextStep = text("d-next-step", a.next_step, true);
    const status = select(Object.entries(STATUS_LABELS) as [string, string][], a.status, { id: "d-status" });
    const progress = h("input", { id: "d-progress", type: "number", min: "0", max: "100", step: "5" });
    progress.value = String(a.progress);
    const form = h("form", { novalidate: "", "data-save-shortcut": "", "data-testid": "details-form" });
    /** The fields whose value differs from the action's, each with its name in a sentence. */
    const edits = (): [string, ActionChange][] => {
      const blank = (v: string) => v.trim() || null;
      const p = Number(progress.value);
      const all: [string, ActionChange | null][] = [
        ["what will be done", title.value.trim() !== a.title ? { kind: "title", title: title.value.trim() } : null],
        ["owner", blank(owner.value) !== a.owner ? { kind: "owner", owner: blank(owner.value) } : null],
        ["partner agency", blank(partner.value) !== a.partner_agency ? { kind: "partner_agency", partner_agency: blank(partner.value) } : null],
        ["measure of success", blank(measure.value) !== a.measure_of_success ? { kind: "measure_of_success", measure_of_success: blank(measure.value) } : null],
        ["mitigation", blank(mitigation.value) !== (a.mitigation ?? null) ? { kind: "mitigation", mitigation: blank(mitigation.value) } : null],
        ["next step", blank(nextStep.value) !== (a.next_step ?? null) ? { kind: "next_step", next_step: blank(nextStep.value) } : null],
        ["status", status.value !== a.status ? { kind: "status", status: status.value as ActionStatus } : null],
        ["progress", p !== a.progress ? { kind: "progress", progress: p } : null],
      ];
      return all.filter((e): e is [string, ActionChange] => e[1] !== null);
    };
    /** "Save changes": true when nothing is left unsaved (saved, or nothing had changed). */
    const submit = async (): Promise<boolean> => {
      root.querySelector(".success-banner")?.remove(); // the last save's news is old now
      const problems: Problem[] = [];
      if (!title.value.trim()) problems.push({ field: title.id, message: "Enter what will be done" });
      const p = Number(progress.value);
      if (progress.value.trim() === "" || !Number.isInteger(p) || p < 0 || p > 100)
        problems.push({ field: progress.id, message: "Enter progress as a whole number from 0 to 100" });
      if (showProblems(errors, problems, root)) return false;
      const changed = edits();
      if (!changed.length) {
        saved = { title: "Nothing to save", text: "No field had changed." };
        render();
        return true;
      }
      const names = changed.map((e) => e[0]);
      const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : names[0];
      return saveChanges(
        changed.map((e) => e[1]),
        `${list[0].toUpperCase()}${list.slice(1)} saved.`,
      );
    };
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      void submit();
    });
    // Leaving the page or closing the window with changes unsaved asks first. Drawn again
    // after every change, so the newest form is the one asked about.
    guardLeaving({ dirty: () => form.isConnected && edits().length > 0, save: submit, what: "this action" });
    const signOff = a.signed_off_by
      ? h("p", { "data-testid": "signed-off" }, `Signed off by ${a.signed_off_by} on ${formatDateTime(a.signed_off_at)}.`)
      : a.status === "completed"
        ? button("Sign off", () => void apply({ kind: "sign_off" }, "Signed off."), { class: "secondary", "data-testid": "sign-off" })
        : h("p", { class: "meta" }, "Can be signed off once completed.");
    form.append(
      a.draft
        ? h(
            "p",
            { class: "draft-marker", "data-testid": "draft-marker" },
            h("strong", {}, "Draft"),
            ` — ${DRAFT_MARKER.replace(/^draft — /, "")}: the recommendation's words are copied in; rewrite them as the action the council will take.`,
          )
        : "",
      field("What will be done", title),
      field("Owner", owner, "A person, named."),
      field("Partner agency", partner),
      field("Measure of success", measure, "What will be different for children, and how it will be known."),
      field("Mitigation", mitigation, "If it is slipping: what is being done about it (the board paper quotes this)."),
      field("Next step", nextStep, "The next step, who takes it and when."),
      field("Status", status),
      field("Progress (%)", progress, "A whole number from 0 to 100."),
      progressBar(a.progress),
      h(
        "div",
        { class: "button-row" },
        h("button", { type: "submit", class: "primary", "data-testid": "save-changes", "aria-keyshortcuts": SAVE_KEYS }, "Save changes"),
        h("span", { class: "meta" }, `or ${MOD}+S`),
      ),
    );
    return h(
      "section",
      { class: "panel", "aria-labelledby": "fields-heading" },
      h("h3", { id: "fields-heading" }, "Details"),
      form,
      a.completed_on ? h("p", {}, `Completed on ${formatDate(a.completed_on)}.`) : null,
      signOff,
    );
  }

  /** True when saved; false (the reason shown at the top) when the core refused it. */
  async function saveChanges(changes: ActionChange[], message: string): Promise<boolean> {
    errors.replaceChildren();
    try {
      d = await api.saveAction(d.action.id, changes);
    } catch (e) {
      showError(errors, e, "The changes were not saved");
      errors.querySelector<HTMLElement>("[role=alert]")?.setAttribute("tabindex", "-1");
      errors.querySelector<HTMLElement>("[role=alert]")?.focus();
      return false;
    }
    saved = { title: "Success", text: message };
    await afterChange();
    return true;
  }

  function datesPanel(): HTMLElement {
    const a = d.action;
    // Re-scheduling stays visible: the date first set, and why it moved.
    const moved =
      a.original_due_date && a.original_due_date !== a.due_date
        ? h(
            "p",
            { "data-testid": "original-due" },
            `First set for ${formatDate(a.original_due_date)}; now ${formatDate(a.due_date)}${a.due_date_reason ? ` (${a.due_date_reason})` : ""}.`,
          )
        : null;
    const date = dateInput({ id: "d-due" });
    setIso(date, a.due_date);
    const reason = h("textarea", { id: "d-due-reason", rows: "2" });
    const form = h(
      "form",
      { class: "inline-form", novalidate: "", "data-testid": "due-form" },
      field("New due date", date),
      field("Reason for the change", reason, "Required: the history keeps it."),
      h("button", { type: "submit", class: "secondary" }, "Change due date"),
    );
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      root.querySelector(".success-banner")?.remove(); // the last save's news is old now
      const problems: Problem[] = [];
      if (!date.value.trim()) problems.push({ field: date.id, message: "Enter the new due date" });
      else if (dateProblem(date)) problems.push({ field: date.id, message: `New due date: ${dateProblem(date)}` });
      if (!reason.value.trim()) problems.push({ field: reason.id, message: "Enter the reason for changing the due date" });
      if (showProblems(errors, problems, root)) return;
      void apply({ kind: "due_date", date: isoOf(date), reason: reason.value.trim() }, `Due date changed to ${formatDate(isoOf(date))}.`);
    });
    const ragSel = select([["", "Automatic"], ...(Object.entries(RAG_LABELS) as [string, string][])], a.rag_override ?? "", { id: "d-rag" });
    const ragReason = h("input", { id: "d-rag-reason", type: "text" });
    ragReason.value = a.rag_override_reason ?? "";
    const ragForm = h(
      "form",
      { class: "inline-form", novalidate: "" },
      field("RAG rating", ragSel, "Set by hand only with a reason."),
      field("Reason", ragReason),
      h("button", { type: "submit", class: "secondary" }, "Save RAG rating"),
    );
    ragForm.addEventListener("submit", (ev) => {
      ev.preventDefault();
      root.querySelector(".success-banner")?.remove(); // the last save's news is old now
      const problems: Problem[] =
        ragSel.value && !ragReason.value.trim() ? [{ field: ragReason.id, message: "Enter the reason for setting the RAG rating by hand" }] : [];
      if (showProblems(errors, problems, root)) return;
      const rag = (ragSel.value || null) as Rag | null;
      void apply(
        { kind: "rag_override", rag, reason: ragReason.value.trim() },
        rag ? `RAG rating set to ${RAG_LABELS[rag]} by hand.` : "RAG rating back to automatic.",
      );
    });
    const ragOffered = offer("edit_actions", ragForm);
    return h(
      "section",
      { class: "panel", "aria-labelledby": "dates-heading" },
      h("h3", { id: "dates-heading" }, "Due date"),
      h("p", { class: "big", "data-testid": "due-date" }, a.due_date ? formatDate(a.due_date) : "No due date yet"),
      h("p", { class: "meta" }, `Due date ${DUE_SOURCE_LABELS[a.due_date_source]}${a.due_date_reason ? `: ${a.due_date_reason}` : "."}`),
      moved,
      offer("change_due_dates", form),
      h("h3", {}, "RAG rating"),
      ragOffered ? null : h("p", { "data-testid": "rag-set" }, a.rag_override ? `Set by hand: ${RAG_LABELS[a.rag_override]}` : "Automatic"),
      ragOffered,
    );
  }

  function updatesPanel(): HTMLElement {
    const updates = [...d.updates].sort((x, y) => (x.written_on < y.written_on ? 1 : x.written_on > y.written_on ? -1 : 0));
    return h(
      "section",
      { class: "panel", "aria-labelledby": "updates-heading" },
      h("h3", { id: "updates-heading" }, `Updates (${updates.length})`),
      offer(
        "edit_actions",
        button(
          "Add an update",
          async () => {
            const next = await addUpdateDialog(d.action.id, d.action.title);
            if (next) {
              d = next;
              await afterChange();
              showToast("Update added.");
            }
          },
          { class: "secondary", "data-testid": "add-update" },
        ),
      ),
      updates.length
        ? h(
            "ol",
            { class: "updates", "data-testid": "updates" },
            ...updates.map((u) => h("li", {}, h("p", { class: "meta" }, `${formatDate(u.written_on)} · ${u.author}`), h("p", {}, u.note))),
          )
        : h("p", { class: "meta" }, "No updates yet."),
    );
  }

  function evidencePanel(): HTMLElement {
    const slot = h("div", { class: "slot" });
    const link = h("input", { type: "url", id: "d-link", required: "", placeholder: "https://" });
    const linkForm = h(
      "form",
      { class: "inline-form row-form" },
      field("Link to evidence", link),
      h("button", { type: "submit", class: "secondary" }, "Add link"),
    );
    linkForm.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      try {
        d = await api.addEvidenceLink(d.action.id, link.value.trim());
        await afterChange();
        showToast("Link added.");
      } catch (e) {
        showError(slot, e, "The link was not added");
      }
    });
    const addFile = button(
      "Add a file…",
      async () => {
        slot.replaceChildren();
        try {
          const path = await pickEvidenceFile();
          if (!path) return;
          d = await api.addEvidenceFile(d.action.id, path);
          await afterChange();
          showToast("Evidence added.");
        } catch (e) {
          showError(slot, e, "The evidence was not added");
        }
      },
      { class: "secondary", "data-testid": "add-evidence" },
    );
    return h(
      "section",
      { class: "panel", "aria-labelledby": "evidence-heading" },
      h("h3", { id: "evidence-heading" }, `Evidence (${d.evidence.length})`),
      d.evidence.length
        ? h(
            "ul",
            { class: "evidence", "data-testid": "evidence" },
            ...d.evidence.map((ev) => {
              const name = ev.kind === "link" ? (ev.link ?? "link") : (ev.original_name ?? "file");
              // What it shows, in one line: the statement of action's evidence of impact.
              const readOnly = whyNot("edit_actions") !== null;
              const summary = h("input", { type: "text", id: `ev-summary-${ev.id}`, "data-testid": "evidence-summary" });
              summary.value = ev.summary ?? "";
              summary.addEventListener("change", async () => {
                slot.replaceChildren();
                try {
                  d = await api.setEvidenceSummary(ev.id, summary.value.trim());
                  render();
                } catch (e) {
                  showError(slot, e, "The summary was not saved");
                }
              });
              return h(
                "li",
                {},
                h("span", {}, name),
                h("span", { class: "meta" }, ` added by ${ev.added_by}, ${formatDateTime(ev.added_at)} `),
                readOnly
                  ? h("p", { "data-testid": "evidence-shows" }, ev.summary ? `Shows: ${ev.summary}` : "What it shows is not recorded.")
                  : field(`What ${name} shows (one line)`, summary),
                button(
                  "Open",
                  async () => {
                    slot.replaceChildren();
                    try {
                      await api.openEvidence(ev.id);
                    } catch (e) {
                      showError(slot, e, `${name} could not be opened`);
                    }
                  },
                  { class: "link-button", "aria-label": `Open ${name}` },
                ),
              );
            }),
          )
        : h("p", { class: "meta" }, "No evidence yet."),
      slot,
      offer("edit_actions", h("div", { class: "evidence-add" }, h("div", { class: "button-row" }, addFile), linkForm)),
    );
  }

  function historyPanel(): HTMLElement {
    return h(
      "section",
      { class: "panel", "aria-labelledby": "history-heading" },
      h("h3", { id: "history-heading" }, "Change history"),
      history instanceof Error
        ? errorBox(history, "The history could not be loaded")
        : history.length === 0
          ? h("p", { class: "meta" }, "No changes yet.")
          : h(
              "table",
              { class: "data-table", "data-testid": "history" },
              h("caption", { class: "sr-only" }, "Changes to this action, newest first"),
              h("thead", {}, h("tr", {}, ...["When", "Who", "What", "From", "To"].map((t) => h("th", { scope: "col" }, t)))),
              h(
                "tbody",
                {},
                ...[...history]
                  .sort((x, y) => y.seq - x.seq)
                  .map((r) =>
                    h(
                      "tr",
                      {},
                      h("td", {}, formatDateTime(r.at)),
                      h("td", {}, r.who),
                      h("td", {}, r.field.replace(/_/g, " ")),
                      h("td", {}, historyValue(r.field, r.old_value)),
                      h("td", {}, historyValue(r.field, r.new_value)),
                    ),
                  ),
              ),
            ),
    );
  }

  async function remove() {
    const ok = await confirmDialog("Remove this action?", `“${d.action.title}” will go to the bin. You can undo this.`, "Remove", true);
    if (!ok) return;
    const id = d.action.id;
    try {
      await api.deleteAction(id);
      invalidate();
      showToast("Action removed.", {
        undo: async () => {
          await api.restoreAction(id);
          invalidate();
          navigate(`#/action/${encodeURIComponent(id)}`);
        },
      });
      navigate("#/plan");
    } catch (e) {
      showError(errors, e, "The action was not removed");
    }
  }

  render();
  return root;
}

/** Where the action stands in the council's timeline: closed with its plan, or carried forward. */
function planNotes(a: ActionDetail["action"]): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (a.closed_on)
    out.push(
      h(
        "p",
        { class: "notice", "data-testid": "closed-note" },
        `Closed with its plan from ${formatDate(a.closed_on)}: ${a.closed_reason ?? "no reason recorded"}.`,
      ),
    );
  if (a.carried_to_report) out.push(h("p", { class: "notice", "data-testid": "carried-note" }, "Carried forward to a later inspection's plan: still open."));
  return out;
}

function historyValue(fieldName: string, v: string | null): string {
  if (v === null || v === "") return "–";
  if (fieldName === "status" && v in STATUS_LABELS) return STATUS_LABELS[v as ActionStatus];
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v);
  return v;
}
