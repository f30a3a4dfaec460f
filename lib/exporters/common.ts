/** Wording and small conversions every export format shares, so they all say the same thing. */
import type { StanceName } from "@/lib/domain/words";
import { mentionsAsText } from "@/lib/markdown/mentions";
import { tidyMarkdown } from "@/lib/markdown/tidy";
import { languageName } from "@/lib/format/language-name";
import type { ExportAnnotation, ExportCounterpart, ExportPassage, ExportReport } from "./types";

// Called twice per date, for tens of thousands of dates in a large export: cheaper than String#padStart.
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

const DAY_MS = 86_400_000;

/**
 * The UTC calendar date of a time in milliseconds: "2023-03-21". Computed from
 * the number (the days-to-civil algorithm of H. Hinnant's date library)
 * rather than with `getUTCFullYear()` and its kin: in the server, Next.js
 * replaces the global `Date` with a subclass-like wrapper, and the getters of
 * the dates it makes ran about 8 times slower (3.2 against 0.4 us for a date
 * and a time; a large export formats tens of thousands).
 */
function dayOf(ms: number): string {
  const z = Math.floor(ms / DAY_MS) + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const m5 = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * m5 + 2) / 5) + 1;
  const month = m5 < 10 ? m5 + 3 : m5 - 9;
  return `${yearOfEra + era * 400 + (month <= 2 ? 1 : 0)}-${pad(month)}-${pad(day)}`;
}

/** "2023-03-21": a calendar date, read in UTC. */
export function formatDay(date: Date): string {
  return dayOf(date.getTime());
}

/** "2026-11-18 14:05 UTC": exports say UTC so they read the same wherever they are opened. */
export function formatUtc(date: Date): string {
  const ms = date.getTime();
  const ofDay = ms - Math.floor(ms / DAY_MS) * DAY_MS;
  return `${dayOf(ms)} ${pad(Math.floor(ofDay / 3_600_000))}:${pad(Math.floor((ofDay % 3_600_000) / 60_000))} UTC`;
}

/**
 * "set by Edna Editor on 2026-11-20 10:00 UTC": who set a verdict, and when
 * ("" while nobody has). `name` writes the name as the format needs it.
 */
export function verdictSetText(
  a: Pick<ExportAnnotation, "verdictSetBy" | "verdictSetAt">,
  name: (text: string) => string = (text) => text,
): string {
  if (!a.verdictSetAt) return "";
  return `set${a.verdictSetBy ? ` by ${name(a.verdictSetBy.name)}` : ""} on ${formatUtc(a.verdictSetAt)}`;
}

/** A stance's note as the end of a sentence: "The table says 35%." (a full stop added when it has no closing mark). */
export function noteSentence(note: string): string {
  const text = note.trim().replace(/\s*\n\s*/g, " ");
  return /[.!?…:;"”»]$/.test(text) ? text : `${text}.`;
}

/** "1 supports · 2 disputes · 0 needs evidence" — the claim tally in words. */
export function tallyText(tally: Record<StanceName, number>): string {
  return `${tally.supports} supports · ${tally.disputes} disputes · ${tally.needs_evidence} needs evidence`;
}

/** The origin (scheme, host, port) the report's address lives at. */
export function originOf(report: ExportReport): string {
  return new URL(report.url).origin;
}

/**
 * A body as it should read outside the app: tidy Markdown (no `&lt;`, `\~` or
 * empty `&nbsp;` lines: lib/markdown/tidy.ts), mentions as "@Name", and links
 * to places in the app ("/w/…") made absolute, so they work from a file.
 */
export function bodyForExport(markdown: string, origin: string): string {
  // The editor's needless entities and escapes, and empty lines, go: the text reads as written.
  const text = mentionsAsText(tidyMarkdown(markdown));
  // Most bodies link nowhere in the app: no need to run the expression over them.
  if (!text.includes("](/")) return text;
  return text.replace(/\]\((\/(?!\/)[^)\s]*)\)/g, (_, href: string) => `](${origin}${href})`);
}

/** The address of a passage in the app: the reader scrolls to `#p-N`. */
export function passageUrl(report: ExportReport, passageIndex: number): string {
  return `${report.url}#p-${passageIndex}`;
}

/**
 * "grid-storage-and-the-winter-peak-2026-11-27.md": the title (letters of any
 * script kept) and the day of the export.
 */
export function exportFileName(title: string, exportedAt: Date, extension: string): string {
  const slug =
    title
      .normalize("NFKC")
      .toLocaleLowerCase("en")
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80)
      .replace(/-+$/, "") || "report";
  return `${slug}-${formatDay(exportedAt)}.${extension}`;
}

/** A Content-Disposition header for a download: an ASCII fallback plus the UTF-8 name (RFC 6266 / 5987). */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** "Assigned to Dana Doe, due 2026-12-12": an annotation's assignment as exports word it (null when unassigned). */
export function assignmentText(
  a: Pick<ExportAnnotation, "assignee" | "dueAt">,
  escape: (text: string) => string = (t) => t,
): string | null {
  if (!a.assignee) return null;
  return `Assigned to ${escape(a.assignee.name)}${a.dueAt ? `, due ${a.dueAt}` : ""}`;
}

/** The counterpart's passages aligned with one of the report's, under their label ("Arabic, ¶ 3:"); null when none are. */
export function counterpartPassages(
  counterpart: ExportCounterpart | undefined,
  passageId: string,
): { label: string; passages: ExportPassage[] } | null {
  const aligned = counterpart?.byPassage.get(passageId);
  if (!counterpart || !aligned?.length) return null;
  const lang = languageName(counterpart.language) ?? "Counterpart";
  return { label: `${lang}, ${aligned.map((p) => `¶ ${p.index}`).join(", ")}:`, passages: aligned };
}
