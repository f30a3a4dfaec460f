import type { ExportFormat } from "@/lib/validations/export";

/**
 * What a person chose in the export dialog, as the export API reads it: the
 * sidebar's filters (repeated values mean "any of"), a date range in UTC days,
 * and whether replies and one's own private annotations come along.
 */
export interface ExportChoices {
  kind?: string[];
  verdict?: string[];
  status?: string[];
  tag?: string[];
  author?: string[];
  visibility?: string[];
  /** `me`: threads assigned to the exporter. */
  assignee?: string[];
  /** `overdue`: open threads past their due date. */
  due?: string[];
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  /** YYYY-MM-DD, inclusive. */
  to?: string;
  /** Defaults to true. */
  includeReplies?: boolean;
  /** Defaults to false: only ever the caller's own private annotations. */
  includePrivate?: boolean;
  /** Defaults to false: the translation's passage quoted under each ¶ (Markdown). */
  includeCounterpart?: boolean;
}

/** The order parameters appear in, so the same choices always give the same address. */
const LIST_KEYS = ["kind", "verdict", "status", "tag", "author", "visibility", "assignee", "due"] as const;

function distinct(values: string[] | undefined): string[] {
  const seen = new Set<string>();
  for (const v of values ?? []) {
    const t = v.trim();
    if (t) seen.add(t);
  }
  return [...seen];
}

/**
 * The query of an export (or of the printable page) for these choices.
 * Defaults are left out to keep the address short. Without private
 * annotations only shared ones are exported, so a visibility filter would
 * either change nothing or empty the export: it is sent only with them.
 */
export function exportParams(choices: ExportChoices): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of LIST_KEYS) {
    if (key === "visibility" && !choices.includePrivate) continue;
    for (const value of distinct(choices[key])) params.append(key, value);
  }
  const from = choices.from?.trim();
  const to = choices.to?.trim();
  if (from) params.set("from", from);
  if (to) params.set("to", to);
  if (choices.includeReplies === false) params.set("includeReplies", "false");
  if (choices.includePrivate) params.set("includePrivate", "true");
  if (choices.includeCounterpart) params.set("includeCounterpart", "true");
  return params;
}

/** The API address that downloads one report's annotations in a format, e.g. `/api/v1/reports/r1/export?format=csv&kind=claim`. */
export function exportUrl(reportId: string, format: ExportFormat, choices: ExportChoices = {}): string {
  const query = exportParams(choices).toString();
  return `/api/v1/reports/${encodeURIComponent(reportId)}/export?format=${format}${query ? `&${query}` : ""}`;
}

/** The printable page for the same choices (the app's page, not the API: it is printed or saved as PDF by the browser). */
export function printUrl(slug: string, reportId: string, choices: ExportChoices = {}): string {
  const query = exportParams(choices).toString();
  return `/w/${encodeURIComponent(slug)}/r/${encodeURIComponent(reportId)}/print${query ? `?${query}` : ""}`;
}

/** The API address of a whole workspace's export (.zip). */
export function workspaceExportUrl(workspaceId: string, choices: Pick<ExportChoices, "includeReplies" | "includePrivate"> = {}): string {
  const query = exportParams(choices).toString();
  return `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/export${query ? `?${query}` : ""}`;
}

/** The first problem with a date range, in words, or null: the server would refuse it (422). */
export function dateRangeProblem(from: string | undefined, to: string | undefined): string | null {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (from && (!day.test(from) || Number.isNaN(Date.parse(from)))) return "“From” is not a date.";
  if (to && (!day.test(to) || Number.isNaN(Date.parse(to)))) return "“To” is not a date.";
  if (from && to && from > to) return "“From” must be on or before “To”.";
  return null;
}
