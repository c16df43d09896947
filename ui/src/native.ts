// Native features through the official Tauri plugins. Each wrapper fails gracefully: when
// a plugin is missing or refused, the caller gets a clear error (or nothing happens for
// background features) and the app keeps working.
import { open, save } from "@tauri-apps/plugin-dialog";
import { isPermissionGranted, requestPermission, sendNotification } from "@tauri-apps/plugin-notification";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { errorMessage } from "./components/alert";

export const REPORT_EXTENSIONS = ["pdf", "docx", "html", "htm", "txt", "md"];

/** The native file picker for reports (several at once); [] when cancelled. */
export async function pickReportFiles(): Promise<string[]> {
  try {
    const picked = await open({
      title: "Choose inspection reports",
      multiple: true,
      directory: false,
      filters: [{ name: "Inspection reports", extensions: REPORT_EXTENSIONS }],
    });
    if (!picked) return [];
    return Array.isArray(picked) ? picked : [picked];
  } catch (e) {
    throw new Error(`The file picker could not be opened: ${errorMessage(e)}`);
  }
}

/** The native file picker for one evidence file; null when cancelled. */
export async function pickEvidenceFile(): Promise<string | null> {
  try {
    const picked = await open({ title: "Choose an evidence file", multiple: false, directory: false });
    if (Array.isArray(picked)) return picked[0] ?? null;
    return picked;
  } catch (e) {
    throw new Error(`The file picker could not be opened: ${errorMessage(e)}`);
  }
}

export interface SaveOptions {
  title: string;
  /** The file name offered (the system's dialog picks the folder). */
  defaultName: string;
  /** The file-type filter: its name and extensions (without dots). */
  filterName: string;
  extensions: string[];
}

/**
 * The native save dialog; null when cancelled. The dialog asks about replacing a file that
 * exists, so the path it returns may be written over.
 */
export async function chooseSavePath(options: SaveOptions): Promise<string | null> {
  try {
    return await save({
      title: options.title,
      defaultPath: options.defaultName,
      filters: [{ name: options.filterName, extensions: options.extensions }],
    });
  } catch (e) {
    throw new Error(`The save dialog could not be opened: ${errorMessage(e)}`);
  }
}

/** A desktop notification; false when not allowed or not available. */
export async function notify(title: string, body: string): Promise<boolean> {
  try {
    let granted = await isPermissionGranted();
    if (!granted) granted = (await requestPermission()) === "granted";
    if (!granted) return false;
    sendNotification({ title, body });
    return true;
  } catch (e) {
    console.warn("notification failed:", errorMessage(e));
    return false;
  }
}

export interface DropHandlers {
  over: (active: boolean) => void;
  drop: (paths: string[]) => void;
}

/** Files dragged onto the window (Tauri gives their paths). No-op outside Tauri. */
export async function onFileDrop(handlers: DropHandlers): Promise<void> {
  try {
    await getCurrentWebview().onDragDropEvent((event) => {
      const p = event.payload;
      if (p.type === "enter" || p.type === "over") handlers.over(true);
      else if (p.type === "leave") handlers.over(false);
      else if (p.type === "drop") {
        handlers.over(false);
        if (p.paths.length) handlers.drop(p.paths);
      }
    });
  } catch (e) {
    console.warn("drag and drop is not available:", errorMessage(e));
  }
}

/**
 * The window's close requests (its close button, Alt+F4, ⌘W, the taskbar's Close): each
 * waits for `mayClose`, and the window closes only when it resolves true. A `mayClose` that
 * fails closes it all the same: a person is never kept in a window they cannot close.
 * No-op outside Tauri.
 */
export async function onCloseRequested(mayClose: () => Promise<boolean>): Promise<void> {
  try {
    const win = getCurrentWindow();
    await win.onCloseRequested(async (event) => {
      // Decided here, after the question, not by the API as soon as this handler returns.
      event.preventDefault();
      let close = true;
      try {
        close = await mayClose();
      } catch (e) {
        console.warn("the question before closing failed:", errorMessage(e));
      }
      if (close) await win.destroy();
    });
  } catch (e) {
    console.warn("the window's close cannot be guarded:", errorMessage(e));
  }
}
