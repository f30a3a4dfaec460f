import type { ReactNode } from "react";
import { Field } from "@/components/ui/field";
import { comparisonKey } from "@/lib/importers/normalize";
import type { MetaKey } from "./metadata";
import type { ImportFlow } from "./use-import-flow";

/** The report's details as the importer found them, each one a field the person can correct. */
export function MetadataFields({ flow }: { flow: ImportFlow }) {
  const { meta, preview, fieldErrors, busy } = flow;
  const field = (key: MetaKey, label: string, props: React.ComponentProps<"input"> = {}, hint?: ReactNode) => (
    <Field label={label} hint={hint} error={fieldErrors[key]}>
      {(p) => (
        <input
          {...p}
          {...props}
          name={key}
          value={meta[key]}
          onChange={(e) => flow.setMetaField(key, e.target.value)}
          disabled={busy !== null}
        />
      )}
    </Field>
  );
  const heading = preview?.titlePassage ?? null;
  const keepsHeading = heading !== null && meta.title.trim() !== "" && comparisonKey(meta.title) !== comparisonKey(heading);
  const titleHint = !preview?.title
    ? "No title was found. Give one, or the report will be called “Untitled report”."
    : keepsHeading
      ? `The document’s own heading “${heading}” will be kept as the first passage.`
      : undefined;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">{field("title", "Title", { maxLength: 300, dir: "auto" }, titleHint)}</div>
      <div className="sm:col-span-2">{field("subtitle", "Subtitle", { maxLength: 300, dir: "auto" })}</div>
      <div className="sm:col-span-2">{field("authors", "Authors (comma-separated)", { dir: "auto", autoComplete: "off" })}</div>
      {field("publisher", "Publisher", { maxLength: 200, dir: "auto" })}
      {field("publishedAt", "Publication date", { type: "date" })}
      {field("language", "Language (e.g. en, ar)", { maxLength: 20, autoComplete: "off", spellCheck: false })}
      {field("sourceUrl", "Source address", { type: "url", maxLength: 2000, inputMode: "url", spellCheck: false })}
      {field("place", "Place of publication", { maxLength: 200, dir: "auto" })}
      {field(
        "reportNumber",
        "Report number",
        { maxLength: 100, dir: "auto", autoComplete: "off" },
        preview?.reportNumber ? "Found on the first page." : undefined,
      )}
      {field("series", "Series", { maxLength: 300, dir: "auto" })}
      {field(
        "doi",
        "DOI",
        { maxLength: 300, autoComplete: "off", spellCheck: false },
        preview?.doi ? "Found on the first page." : "e.g. 10.1234/wp-2024-07",
      )}
      {field("accessedAt", "Date accessed", { type: "date" })}
    </div>
  );
}
