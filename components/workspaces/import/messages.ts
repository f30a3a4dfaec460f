import { ApiError } from "@/lib/api/browser/client";
import { MAX_FILE_BYTES, MAX_IMPORT_BYTES } from "@/lib/importers/types";
import { EMPTY_META, type MetaKey } from "./metadata";

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "")} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
}

/** Plain words for a failure whose response carried no message of its own. */
export function fallbackMessage(status: number): string {
  if (status === 413)
    return `The report is too large to import: files can be up to ${formatSize(MAX_FILE_BYTES)}, pasted text up to ${formatSize(MAX_IMPORT_BYTES)}.`;
  if (status === 415) return "This kind of file cannot be imported. Use .docx, .pdf, .html, .md or .txt.";
  if (status === 403) return "Only editors and owners can import reports into this workspace.";
  if (status >= 500) return "Something went wrong on our side while reading the report. Try again in a moment.";
  return "The report could not be imported. Check the source and try again.";
}

export function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.code === "unknown" ? fallbackMessage(err.status) : err.message;
  return "Something went wrong. Try again.";
}

/** Field-level messages from a 422's `details.issues`, for the metadata fields. */
export function fieldErrorsOf(err: unknown): Partial<Record<MetaKey, string>> {
  if (!(err instanceof ApiError)) return {};
  const issues = (err.details as { issues?: { path?: string; message?: string }[] } | undefined)?.issues ?? [];
  const out: Partial<Record<MetaKey, string>> = {};
  for (const issue of issues) {
    const key = issue.path?.split(".")[0] as MetaKey | undefined;
    if (key && key in EMPTY_META && issue.message && !out[key]) out[key] = issue.message;
  }
  return out;
}

/** POSTs multipart/form-data and reads the API's error shape, like `apiFetch` does for JSON. */
export async function postForm<T>(path: string, body: FormData, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { method: "POST", body, signal });
  } catch {
    throw new ApiError("Could not reach the server. Check your connection and try again.", 0, "network");
  }
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const err = data?.error;
    throw new ApiError(err?.message ?? fallbackMessage(res.status), res.status, err?.code ?? "unknown", err?.details);
  }
  return data as T;
}
