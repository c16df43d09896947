// The only module that talks to the Rust side. Every command's argument and result types
// come from src/gen (generated from the Rust types by ts-rs), so the two cannot drift.
import { invoke } from "@tauri-apps/api/core";
import type { StoreInfo } from "./gen/StoreInfo";
import type { ErrorReport } from "./gen/ErrorReport";

/** An error the core returned, with its stable code and a message for a person. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    const report = e as Partial<ErrorReport>;
    if (report && typeof report.message === "string") {
      throw new ApiError(report.code ?? "unknown", report.message);
    }
    throw new ApiError("unknown", String(e));
  }
}

export const api = {
  storeInfo: () => call<StoreInfo>("store_info"),
};
