// Unsaved work: what is typed in the open screen's form that saves on request ("Save
// changes": Settings, an action's details) and not yet saved. One rule for it, asked both
// before leaving the screen (router.ts) and before the window closes (guardClosing), so the
// two can never disagree about whether there is anything to lose.
import { choiceDialog, confirmDialog } from "./components/modal";
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
  // A second request while the question is open (the close button pressed again) waits
  // for the answer already being asked for.
  if (asking) return false;
  asking = true;
  let answer: CloseAnswer;
  try {
    answer = await choiceDialog<CloseAnswer>({
      title: "Save your changes before closing?",
      message: `Your changes to ${open.what} have not been saved.`,
      choices: [
        { value: "save", label: "Save changes and close", style: "primary" },
        { value: "discard", label: "Close without saving", style: "danger" },
        { value: "stay", label: "Stay", style: "secondary" },
      ],
      escape: "stay",
      testid: "close-dialog",
    });
  } finally {
    asking = false;
  }
  if (answer === "stay") return false;
  if (answer !== "discard" && !(await open.save())) return false;
  return mayLoseKept();
}

/** With kept work (an import not yet stored), whether the person closes and loses it. */
async function mayLoseKept(): Promise<boolean> {
  const lost = kept?.() ?? null;
  if (!lost) return true;
  if (asking) return false;
  asking = true;
  try {
    const answer = await choiceDialog<"discard" | "stay">({
      title: "Close and lose the import?",
      message: lost,
      choices: [
        { value: "discard", label: "Close and lose it", style: "danger" },
        { value: "stay", label: "Stay", style: "secondary" },
      ],
      escape: "stay",
      testid: "close-dialog",
    });
    return answer === "discard";
  } finally {
    asking = false;
  }
}

/** Asks before the window closes with unsaved work (see `mayClose`). */
export function guardClosing(): Promise<void> {
  return onCloseRequested(mayClose);
}
