/**
 * References in every format, made by citation-js from CSL-JSON: BibTeX, RIS,
 * CSL-JSON, and text or HTML in a CSL style bundled with the app (APA and Harvard
 * ship with @citation-js/plugin-csl; Chicago author-date is styles/chicago-author-date.csl).
 * Nothing is downloaded: a style or locale it lacks is an error, never a fetch.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Cite, plugins } from "@citation-js/core";
import "@citation-js/plugin-csl";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import { DEFAULT_CITATION_STYLE, type CitationFormatName, type CitationStyleName } from "@/lib/domain/citations";
import type { CslItem } from "./csl";

/** Our style names, and the template each is registered under in citation-js. */
const TEMPLATE: Record<CitationStyleName, string> = { "chicago-author-date": "chicago-author-date", apa: "apa", harvard: "harvard1" };

let configured = false;
function configure(): void {
  if (configured) return;
  const csl = plugins.config.get("@csl") as { styles: { add(name: string, xml: string): void; has(name: string): boolean } };
  if (!csl.styles.has("chicago-author-date")) {
    // Read from the repository (the app runs from its root, as migrations are found: lib/db/migrate.ts).
    csl.styles.add(
      "chicago-author-date",
      readFileSync(path.join(process.cwd(), "lib", "citations", "styles", "chicago-author-date.csl"), "utf8"),
    );
  }
  // Arabic, Persian and every other script stay as they are (UTF-8), rather than being dropped for want of a LaTeX command.
  (plugins.config.get("@bibtex") as { format: { asciiOnly: boolean } }).format.asciiOnly = false;
  configured = true;
}

/** One bibliography of the items, in `format` (and for text, `style`). */
export function formatCitations(items: CslItem[], format: CitationFormatName, style: CitationStyleName = DEFAULT_CITATION_STYLE): string {
  configure();
  if (format === "csl-json") return `${JSON.stringify(items, null, 2)}\n`;
  if (items.length === 0) return "";
  const cite = new Cite(items);
  if (format === "bibtex") return cite.format("bibtex", { format: "text" });
  if (format === "ris") return `${cite.format("ris", { format: "text" }).trim()}\n`;
  return formatReference(items, style, "text");
}

/** The formatted reference list, in plain text or HTML (citeproc's, escaped by it: no user markup passes). */
export function formatReference(items: CslItem[], style: CitationStyleName, as: "text" | "html"): string {
  configure();
  if (items.length === 0) return "";
  const out = new Cite(items).format("bibliography", { format: as, template: TEMPLATE[style], lang: "en-US" });
  return as === "text" ? `${out.trim()}\n` : out;
}
