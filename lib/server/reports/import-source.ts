import type { ImportPreview, SourceFormat } from "@/lib/domain/imports";
import { AppError, invalidField } from "@/lib/errors";
import { detectLanguage } from "@/lib/importers/detect-language";
import { formatFromFileName, importFile } from "@/lib/importers/import-file";
import { applyImportChoices, hasChoices, type ChosenImport, type ImportChoices } from "@/lib/importers/import-choices";
import { comparisonKey } from "@/lib/importers/normalize";
import { ImportError, type ImportedReport } from "@/lib/importers/types";
import type { ImportJsonInput } from "@/lib/validations/import";
import { creatorFromName } from "@/lib/domain/citations";
import { findIdentifiers } from "@/lib/importers/identifiers";
import { fetchUrl } from "./fetch-url";

/** What a person sent: pasted text, a web address, or an uploaded file. */
export type ImportRequest = { kind: "json"; input: ImportJsonInput } | { kind: "file"; name: string; type: string; data: Buffer };

export interface ParsedSource {
  format: SourceFormat;
  report: ImportedReport;
}

const STATUS_FOR = { too_large: "payload_too_large", unsupported: "unsupported_media_type" } as const;

function formatForContentType(type: string): SourceFormat | null {
  const t = type.split(";")[0].trim().toLowerCase();
  if (t === "application/pdf") return "pdf";
  if (t === "text/html" || t === "application/xhtml+xml") return "html";
  if (t === "text/markdown") return "markdown";
  if (t === "text/plain") return "text";
  return null;
}

/**
 * Turns an import request into passages and metadata. Web addresses are
 * fetched here, so callers must check access first: a stranger must not make
 * the server fetch anything.
 */
export async function parseImportRequest(request: ImportRequest): Promise<ParsedSource> {
  let format: SourceFormat;
  let data: Buffer;
  let url: string | undefined;
  if (request.kind === "file") {
    const detected = formatFromFileName(request.name, request.type);
    if (!detected)
      throw new AppError("unsupported_media_type", "This kind of file cannot be imported. Use .docx, .pdf, .html, .md or .txt.");
    format = detected;
    data = request.data;
  } else if (request.input.format === "url") {
    if (!request.input.url) throw invalidField("url", "Give the web address of the report.");
    const page = await fetchUrl(request.input.url);
    const detected = formatForContentType(page.contentType);
    if (!detected)
      throw new AppError(
        "unsupported_media_type",
        `That address serves ${page.contentType || "an unknown kind of file"}, which cannot be imported. Use a web page or a PDF.`,
      );
    format = detected;
    data = page.body;
    url = page.url;
  } else {
    if (request.input.content === undefined) throw invalidField("content", "Content is required: the report's text.");
    if (request.input.content.trim() === "") throw invalidField("content", "The text is empty. Paste the report's text, or upload a file.");
    format = request.input.format;
    data = Buffer.from(request.input.content, "utf8");
  }
  try {
    const report = await importFile(format, data, { url });
    const text = report.passages.map((p) => p.text).join("\n");
    return { format, report: { ...report, language: report.language ?? detectLanguage(text), sourceUrl: report.sourceUrl ?? url ?? null } };
  } catch (e) {
    if (e instanceof ImportError) {
      const code = STATUS_FOR[e.reason as keyof typeof STATUS_FOR] ?? "validation_failed";
      throw new AppError(code, e.message, {
        issues: [{ path: request.kind === "file" ? "file" : "content", message: e.message }],
        reason: e.reason,
      });
    }
    throw e;
  }
}

/** A page of the preview's passages: `passageOffset` passages skipped, then at most `passageLimit`. */
export interface PreviewPage {
  offset: number;
  limit: number;
}

export const DEFAULT_PREVIEW_PAGE: PreviewPage = { offset: 0, limit: 500 };

/** What the importer found, for a person to check before saving: every passage, a page at a time. */
/** What a reference needs that the source may say: the authors read as people or institutions, and the first page's DOI and report number. */
export function citationDetailsFound(report: ImportedReport) {
  return {
    creators: (report.authors ?? []).map(creatorFromName),
    place: null,
    series: null,
    accessedAt: null,
    ...findIdentifiers(report.passages),
  };
}

export function previewOf({ format, report }: ParsedSource, page: PreviewPage = DEFAULT_PREVIEW_PAGE): ImportPreview {
  return {
    sourceFormat: format,
    title: report.title,
    subtitle: report.subtitle ?? null,
    authors: report.authors ?? [],
    publisher: report.publisher ?? null,
    publishedAt: report.publishedAt,
    language: report.language ?? null,
    sourceUrl: report.sourceUrl ?? null,
    ...citationDetailsFound(report),
    titlePassage: report.titlePassage?.text ?? null,
    passageCount: report.passages.length,
    passageOffset: page.offset,
    passageLimit: page.limit,
    passages: report.passages.slice(page.offset, page.offset + page.limit).map((p, i) => ({
      index: page.offset + i + 1,
      kind: p.kind,
      level: p.level,
      text: p.text,
      page: p.page ?? null,
      listNumber: p.listNumber ?? null,
      marks: p.marks ?? [],
    })),
  };
}

/**
 * The passages and details to store: the person's choices applied to the dry run's
 * passages (a 422 naming each choice at fault, else), then the heading the title was
 * read from put back in front when the title sent differs from it.
 */
export function chosenImport(report: ImportedReport, choices: ImportChoices, title: string | undefined): ChosenImport {
  const chosen = hasChoices(choices) ? applyImportChoices(report.passages, choices) : { passages: report.passages };
  if ("issues" in chosen) {
    throw new AppError("validation_failed", chosen.issues[0].message, { issues: chosen.issues });
  }
  const heading = report.titlePassage;
  if (title !== undefined && heading && comparisonKey(title) !== comparisonKey(heading.text)) {
    return { ...chosen, passages: [heading, ...chosen.passages] };
  }
  return chosen;
}
