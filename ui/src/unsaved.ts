// Unsaved work: what is typed in the open screen's form that saves on request ("Save
// changes": Settings, an action's details) and not yet saved. One rule for it, asked both
// before leaving the screen (router.ts) and before the window closes (guardClosing), so the
// two can never disagree about whether there is anything to lose.
import { type Choice, choiceDialog, confirmDialog } from "./components/modal";
import { onCloseRequested } from "./native";

export interface UnsavedWork {
  /** Whether anything typed differs from what is stored. */
  dirty: () => boolean;
  /**
   * Saves it, as the form's "Save changes" does; false when it was not saved (a problem in
   * what was typed, or the core refused it), the reason shown on the screen.
   */
  save: () => Promise<boolean>;
  /** What the changes are to, for the questions: "the settings", "this action". */
  what: string;
}

let work: UnsavedWork | null = null;

/**
 * Work kept in memory while the person moves between screens (an import's reports read
 * but not yet stored: nothing is kept until "Create action plan"), so it is not lost by
 * leaving the screen, only by closing the window: what would be lost, in words, or null.
 */
let kept: (() => string | null) | null = null;

export function guardKeptWork(describe: () => string | null): void {
  kept = describe;
}

/** The open screen's form; replaced by the next screen's, cleared when a screen has none. */
export function guardLeaving(w: UnsavedWork): void {
  work = w;
}

/** Called by the router before it draws another screen. */
export function forgetUnsaved(): void {
  work = null;
}

export function hasUnsavedWork(): boolean {
  return work?.dirty() ?? false;
}

/** Before leaving the screen with unsaved work; true to leave and lose it. */
export function askToLeave(): Promise<boolean> {
  return confirmDialog(
    "Leave without saving?",
    `Your changes to ${work?.what ?? "this page"} have not been saved. Stay on this page and choose Save changes to keep them.`,
    "Leave without saving",
    true,
  );
}

type CloseAnswer = "save" | "discard" | "stay";
let asking = false;

/**
 * Whether the window may close now: at once with nothing unsaved; otherwise the person
 * chooses to save and close (a problem in what was typed keeps the window open, with the
 * screen's error summary), close without saving, or stay (Escape).
 */
export async function mayClose(): Promise<boolean> {
  const open = work;
  if (!open?.dirty()) return mayLoseKept();
  const answer = await askOnce<CloseAnswer>("Save your changes before closing?", `Your changes to ${open.what} have not been saved.`, [
    { value: "save", label: "Save changes and close", style: "primary" },
    { value: "discard", label: "Close without saving", style: "danger" },
    { value: "stay", label: "Stay", style: "secondary" },
  ]);
  if (answer === "stay") return false;
  if (answer !== "discard" && !(await open.save())) return false;
  return mayLoseKept();
}

/** With kept work (an import not yet stored), whether the person closes and loses it. */
async function mayLoseKept(): Promise<boolean> {
  const lost = kept?.() ?? null;
  if (!lost) return true;
  const answer = await askOnce<"discard" | "stay">("Close and lose the import?", lost, [
    { value: "discard", label: "Close and lose it", style: "danger" },
    { value: "stay", label: "Stay", style: "secondary" },
  ]);
  return answer === "discard";
}

/**
 * The question before closing (Escape = Stay). A second close request while one is open
 * (the close button pressed again) is "stay": the answer already asked for decides.
 */
async function askOnce<T extends string>(title: string, message: string, choices: Choice<T | "stay">[]): Promise<T | "stay"> {
  if (asking) return "stay";
  asking = true;
  try {
    return await choiceDialog<T | "stay">({ title, message, choices, escape: "stay", testid: "close-dialog" });
  } finally {
    asking = false;
  }
}

/** Asks before the window closes with unsaved work (see `mayClose`). */
export function guardClosing(): Promise<void> {
  return onCloseRequested(mayClose);
}
