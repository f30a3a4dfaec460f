import type { ImportPreview } from "@/lib/domain/imports";

/** The metadata a person can correct, as the form holds it (empty string = nothing). */
export interface Meta {
  title: string;
  subtitle: string;
  authors: string;
  publisher: string;
  publishedAt: string;
  language: string;
  sourceUrl: string;
  place: string;
  reportNumber: string;
  series: string;
  doi: string;
  accessedAt: string;
}
export type MetaKey = keyof Meta;

export const EMPTY_META: Meta = {
  title: "",
  subtitle: "",
  authors: "",
  publisher: "",
  publishedAt: "",
  language: "",
  sourceUrl: "",
  place: "",
  reportNumber: "",
  series: "",
  doi: "",
  accessedAt: "",
};

/** The citation details sent as they are typed (trimmed), and cleared with null when the importer had found one. */
const CITATION_KEYS = ["place", "reportNumber", "series", "doi", "accessedAt"] as const;

export function metaFrom(p: ImportPreview): Meta {
  return {
    title: p.title ?? "",
    subtitle: p.subtitle ?? "",
    authors: p.authors.join(", "),
    publisher: p.publisher ?? "",
    publishedAt: p.publishedAt ?? "",
    language: p.language ?? "",
    sourceUrl: p.sourceUrl ?? "",
    // The first page's DOI and report number, offered to keep or correct.
    place: p.place ?? "",
    reportNumber: p.reportNumber ?? "",
    series: p.series ?? "",
    doi: p.doi ?? "",
    accessedAt: p.accessedAt ?? "",
  };
}

export function splitAuthors(value: string): string[] {
  return value
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);
}

/** "EN", "pt_br" → "en", "pt-br": the server wants a lower-case primary subtag. */
function normaliseLanguage(value: string): string {
  const [first, ...rest] = value.trim().replace(/_/g, "-").split("-");
  return [first.toLowerCase(), ...rest].join("-");
}

/** A web address as typed, with https:// added when the scheme is missing. */
export function normaliseUrl(value: string): string {
  const v = value.trim();
  if (!v || /^[a-z][a-z0-9+.-]*:/i.test(v)) return v;
  return `https://${v.replace(/^\/+/, "")}`;
}

/**
 * The metadata to send as JSON: fields with a value, and `null` (or no
 * authors) for a field the importer found but the person cleared, so the
 * clearing sticks instead of falling back to what was found.
 */
export function metadataJson(meta: Meta, found: ImportPreview): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (meta.title.trim()) out.title = meta.title.trim();
  const nullable = [
    ["subtitle", meta.subtitle.trim(), found.subtitle],
    ["publisher", meta.publisher.trim(), found.publisher],
    ["publishedAt", meta.publishedAt.trim(), found.publishedAt],
    ["language", meta.language.trim() ? normaliseLanguage(meta.language) : "", found.language],
    ["sourceUrl", normaliseUrl(meta.sourceUrl), found.sourceUrl],
    ...CITATION_KEYS.map((key) => [key, meta[key].trim(), found[key]] as const),
  ] as const;
  for (const [key, value, detected] of nullable) {
    if (value) out[key] = value;
    else if (detected) out[key] = null;
  }
  const authors = splitAuthors(meta.authors);
  if (authors.length) out.authors = authors;
  else if (found.authors.length) out.authors = [];
  return out;
}

/** The metadata to send with an upload: only fields that have values. */
export function appendMetadata(form: FormData, meta: Meta) {
  const values: [MetaKey, string][] = [
    ["title", meta.title.trim()],
    ["subtitle", meta.subtitle.trim()],
    ["publisher", meta.publisher.trim()],
    ["publishedAt", meta.publishedAt.trim()],
    ["language", meta.language.trim() ? normaliseLanguage(meta.language) : ""],
    ["sourceUrl", normaliseUrl(meta.sourceUrl)],
    ["authors", splitAuthors(meta.authors).join(", ")],
    ...CITATION_KEYS.map((key) => [key, meta[key].trim()] as [MetaKey, string]),
  ];
  for (const [key, value] of values) if (value) form.append(key, value);
}
