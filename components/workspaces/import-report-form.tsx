"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { ApiError, apiFetch } from "@/lib/api/client";
import { MAX_FILE_BYTES, MAX_IMPORT_BYTES } from "@/lib/importers/types";
import type { ImportPreview } from "@/lib/server/reports/import-source";

type Source = "paste" | "file" | "url";
type TextFormat = "text" | "markdown";

type PreviewPassage = ImportPreview["passages"][number];


interface Imported {
  id: string;
}

/** The metadata a person can correct, as the form holds it (empty string = nothing). */
interface Meta {
  title: string;
  subtitle: string;
  authors: string;
  publisher: string;
  publishedAt: string;
  language: string;
  sourceUrl: string;
}
type MetaKey = keyof Meta;

const EMPTY_META: Meta = { title: "", subtitle: "", authors: "", publisher: "", publishedAt: "", language: "", sourceUrl: "" };

const SOURCES: { value: Source; label: string }[] = [
  { value: "paste", label: "Paste text" },
  { value: "file", label: "Upload a file" },
  { value: "url", label: "From a web address" },
];

const FILE_ACCEPT = ".docx,.pdf,.html,.htm,.md,.markdown,.txt";
const TEXT_ACCEPT = ".txt,.md,.markdown,text/plain,text/markdown";

const SOURCE_FORMAT_LABEL: Record<string, string> = {
  text: "Plain text",
  markdown: "Markdown",
  html: "Web page",
  docx: "Word document",
  pdf: "PDF",
  url: "Web address",
};

const KIND_LABEL: Record<string, string> = {
  quote: "Quote",
  list_item: "List item",
  footnote: "Footnote",
};

function textFormatFor(fileName: string): TextFormat | null {
  if (/\.(md|markdown)$/i.test(fileName)) return "markdown";
  if (/\.txt$/i.test(fileName)) return "text";
  return null;
}

function isSupportedFile(fileName: string): boolean {
  return /\.(docx|pdf|html?|md|markdown|txt)$/i.test(fileName);
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "")} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
}

function metaFrom(p: ImportPreview): Meta {
  return {
    title: p.title ?? "",
    subtitle: p.subtitle ?? "",
    authors: p.authors.join(", "),
    publisher: p.publisher ?? "",
    publishedAt: p.publishedAt ?? "",
    language: p.language ?? "",
    sourceUrl: p.sourceUrl ?? "",
  };
}

function splitAuthors(value: string): string[] {
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
function normaliseUrl(value: string): string {
  const v = value.trim();
  if (!v || /^[a-z][a-z0-9+.-]*:/i.test(v)) return v;
  return `https://${v.replace(/^\/+/, "")}`;
}

/**
 * The metadata to send as JSON: fields with a value, and `null` (or no
 * authors) for a field the importer found but the person cleared, so the
 * clearing sticks instead of falling back to what was found.
 */
function metadataJson(meta: Meta, found: ImportPreview): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (meta.title.trim()) out.title = meta.title.trim();
  const nullable = [
    ["subtitle", meta.subtitle.trim(), found.subtitle],
    ["publisher", meta.publisher.trim(), found.publisher],
    ["publishedAt", meta.publishedAt.trim(), found.publishedAt],
    ["language", meta.language.trim() ? normaliseLanguage(meta.language) : "", found.language],
    ["sourceUrl", normaliseUrl(meta.sourceUrl), found.sourceUrl],
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
function appendMetadata(form: FormData, meta: Meta) {
  const values: [MetaKey, string][] = [
    ["title", meta.title.trim()],
    ["subtitle", meta.subtitle.trim()],
    ["publisher", meta.publisher.trim()],
    ["publishedAt", meta.publishedAt.trim()],
    ["language", meta.language.trim() ? normaliseLanguage(meta.language) : ""],
    ["sourceUrl", normaliseUrl(meta.sourceUrl)],
    ["authors", splitAuthors(meta.authors).join(", ")],
  ];
  for (const [key, value] of values) if (value) form.append(key, value);
}

/** Plain words for a failure whose response carried no message of its own. */
function fallbackMessage(status: number): string {
  if (status === 413) return `The report is too large to import: files can be up to ${formatSize(MAX_FILE_BYTES)}, pasted text up to ${formatSize(MAX_IMPORT_BYTES)}.`;
  if (status === 415) return "This kind of file cannot be imported. Use .docx, .pdf, .html, .md or .txt.";
  if (status === 403) return "Only editors and owners can import reports into this workspace.";
  if (status >= 500) return "Something went wrong on our side while reading the report. Try again in a moment.";
  return "The report could not be imported. Check the source and try again.";
}

function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.code === "unknown" ? fallbackMessage(err.status) : err.message;
  return "Something went wrong. Try again.";
}

/** Field-level messages from a 422's `details.issues`, for the metadata fields. */
function fieldErrorsOf(err: unknown): Partial<Record<MetaKey, string>> {
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
async function postForm<T>(path: string, body: FormData, signal?: AbortSignal): Promise<T> {
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

function IndeterminateBar({ label }: { label: string }) {
  return (
    <>
      <style href="marginalia-indeterminate-bar" precedence="default">{`
        @keyframes marginalia-indeterminate { 0% { transform: translateX(-100%); } 100% { transform: translateX(250%); } }
      `}</style>
      <div
        role="progressbar"
        aria-label={label}
        aria-busy="true"
        className="relative h-1.5 w-full overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800"
      >
        <div className="absolute inset-y-0 left-0 w-2/5 rounded-full bg-amber-600 animate-[marginalia-indeterminate_1.4s_ease-in-out_infinite] motion-reduce:w-full motion-reduce:animate-pulse dark:bg-amber-400" />
      </div>
    </>
  );
}

function Segmented<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  hideLegend = false,
  full = false,
}: {
  legend: string;
  name: string;
  options: { value: T; label: string }[];
  value: T;
  onChange: (v: T) => void;
  hideLegend?: boolean;
  full?: boolean;
}) {
  return (
    <fieldset>
      <legend className={hideLegend ? "sr-only" : "text-sm font-medium text-stone-800 dark:text-stone-200"}>{legend}</legend>
      <div
        className={`${hideLegend ? "" : "mt-2"} ${full ? "grid w-full sm:inline-grid sm:w-auto" : "inline-grid"} rounded-md border border-stone-300 bg-white p-0.5 dark:border-stone-700 dark:bg-stone-900`}
        style={{ gridTemplateColumns: `repeat(${options.length}, minmax(0, 1fr))` }}
      >
        {options.map((o) => (
          <label
            key={o.value}
            className={`flex cursor-pointer items-center justify-center rounded px-3 py-1.5 text-center text-sm leading-tight has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-amber-600 ${
              value === o.value
                ? "bg-stone-900 text-white dark:bg-stone-100 dark:text-stone-900"
                : "text-stone-700 hover:bg-stone-100 dark:text-stone-300 dark:hover:bg-stone-800"
            }`}
          >
            <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} className="sr-only" />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function FileCard({ file, onRemove }: { file: File; onRemove: () => void }) {
  return (
    <div className="flex items-center justify-between gap-3 rounded-md border border-stone-200 bg-white px-3 py-2 dark:border-stone-800 dark:bg-stone-900">
      <div className="min-w-0">
        <p className="truncate text-sm font-medium" dir="auto" title={file.name}>
          {file.name}
        </p>
        <p className="text-xs text-stone-500 dark:text-stone-400">{formatSize(file.size)}</p>
      </div>
      <Button variant="ghost" size="sm" onClick={onRemove} aria-label={`Remove ${file.name}`}>
        Remove
      </Button>
    </div>
  );
}

function PassageRow({ passage }: { passage: PreviewPassage }) {
  const kind = passage.kind === "heading" ? `Heading${passage.level ? ` ${passage.level}` : ""}` : KIND_LABEL[passage.kind];
  return (
    <li className="flex gap-3 py-3">
      <span className="w-9 shrink-0 pt-1 text-right text-xs text-stone-500 tabular-nums dark:text-stone-400">
        <span aria-hidden="true">¶&nbsp;</span>
        <span className="sr-only">Paragraph </span>
        {passage.index}
      </span>
      <div className="min-w-0 flex-1">
        {(kind || passage.page !== null) && (
          <div className="mb-1 flex flex-wrap items-center gap-1.5">
            {kind && <Badge>{kind}</Badge>}
            {passage.page !== null && <span className="text-xs text-stone-500 dark:text-stone-400">Page {passage.page}</span>}
          </div>
        )}
        <p
          dir="auto"
          className={`line-clamp-3 font-serif leading-relaxed text-stone-800 dark:text-stone-200 ${
            passage.kind === "heading" ? "font-semibold" : passage.kind === "quote" ? "italic" : ""
          }`}
        >
          {passage.text}
        </p>
      </div>
    </li>
  );
}

export function ImportReportForm({ workspaceId, workspaceSlug }: { workspaceId: string; workspaceSlug: string }) {
  const router = useRouter();
  const endpoint = `/api/v1/workspaces/${workspaceId}/reports`;

  const [source, setSource] = useState<Source>("paste");
  const [format, setFormat] = useState<TextFormat>("text");
  const [content, setContent] = useState("");
  const [textFileName, setTextFileName] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileInputKey, setFileInputKey] = useState(0);
  const [url, setUrl] = useState("");

  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [meta, setMeta] = useState<Meta>(EMPTY_META);
  const [stage, setStage] = useState<"source" | "preview">("source");
  const [busy, setBusy] = useState<null | "preview" | "import">(null);
  const [error, setError] = useState<ReactNode>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<MetaKey, string>>>({});
  const [notice, setNotice] = useState<string | null>(null);

  const abortRef = useRef<AbortController | null>(null);
  const previewHeadingRef = useRef<HTMLHeadingElement>(null);
  const sourceRef = useRef<HTMLDivElement>(null);
  const focusAfter = useRef<"preview" | "source" | null>(null);

  useEffect(() => {
    if (focusAfter.current === "preview") previewHeadingRef.current?.focus();
    if (focusAfter.current === "source") sourceRef.current?.querySelector<HTMLInputElement>("input[name=source]:checked")?.focus();
    focusAfter.current = null;
  }, [stage]);

  useEffect(() => () => abortRef.current?.abort(), []);

  /** Any change to the source makes an earlier preview (and edits to it) stale. */
  function sourceChanged() {
    setPreview(null);
    setMeta(EMPTY_META);
    setFieldErrors({});
    setError(null);
    setNotice(null);
  }

  function pickSource(next: Source) {
    setSource(next);
    sourceChanged();
  }

  async function onTextFile(e: React.ChangeEvent<HTMLInputElement>) {
    const chosen = e.target.files?.[0];
    e.target.value = "";
    if (!chosen) return;
    sourceChanged();
    const detected = textFormatFor(chosen.name);
    if (!detected) {
      if (isSupportedFile(chosen.name)) {
        // A Word document, PDF or web page: read it as a file instead.
        acceptFile(chosen);
        setSource("file");
        setNotice(`${chosen.name} is not plain text, so it will be read as a file.`);
        return;
      }
      return setError("Choose a .txt or .md file here. For Word, PDF or web pages, use “Upload a file”.");
    }
    if (chosen.size > MAX_IMPORT_BYTES) {
      return setError(`This file is ${formatSize(chosen.size)}; text can be up to ${formatSize(MAX_IMPORT_BYTES)}. Split the report and try again.`);
    }
    setFormat(detected);
    setTextFileName(chosen.name);
    setContent(await chosen.text());
  }

  function acceptFile(chosen: File): boolean {
    if (!isSupportedFile(chosen.name)) {
      setFile(null);
      setError("This kind of file cannot be imported. Choose a Word document (.docx), a PDF, a web page (.html), Markdown (.md) or plain text (.txt).");
      return false;
    }
    if (chosen.size > MAX_FILE_BYTES) {
      setFile(null);
      setError(`This file is ${formatSize(chosen.size)}, over the ${formatSize(MAX_FILE_BYTES)} limit. Remove images or split the report, then try again.`);
      return false;
    }
    if (chosen.size === 0) {
      setFile(null);
      setError("This file is empty. Choose the file again, or check that it saved properly.");
      return false;
    }
    setFile(chosen);
    return true;
  }

  function onReportFile(e: React.ChangeEvent<HTMLInputElement>) {
    const chosen = e.target.files?.[0];
    sourceChanged();
    if (!chosen) return setFile(null);
    if (!acceptFile(chosen)) setFileInputKey((k) => k + 1);
  }

  function removeFile() {
    setFile(null);
    setFileInputKey((k) => k + 1);
    sourceChanged();
  }

  /** What is missing from the chosen source, in plain words; null when it is ready. */
  function sourceProblem(): string | null {
    if (source === "paste" && !content.trim()) return "Paste the report’s text, or choose a .txt or .md file.";
    if (source === "file" && !file) return "Choose the report’s file: .docx, .pdf, .html, .md or .txt.";
    if (source === "url") {
      const address = normaliseUrl(url);
      if (!address) return "Enter the web address of the report.";
      try {
        const parsed = new URL(address);
        if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error();
      } catch {
        return "That does not look like a web address. Enter it in full, for example https://example.org/report.";
      }
    }
    return null;
  }

  async function send<T>(dryRun: boolean, signal?: AbortSignal): Promise<T> {
    const path = dryRun ? `${endpoint}?dryRun=1` : endpoint;
    const withMeta = !dryRun && preview;
    if (source === "file") {
      const form = new FormData();
      form.append("file", file as File);
      if (withMeta) appendMetadata(form, meta);
      return postForm<T>(path, form, signal);
    }
    const base = source === "url" ? { format: "url", url: normaliseUrl(url) } : { format, content };
    return apiFetch<T>(path, { method: "POST", signal, json: { ...base, ...(withMeta ? metadataJson(meta, preview) : {}) } });
  }

  async function runPreview() {
    if (busy) return;
    const problem = sourceProblem();
    if (problem) return setError(problem);
    if (preview) {
      // Nothing changed since the last preview: show it again, with the edits kept.
      focusAfter.current = "preview";
      return setStage("preview");
    }
    const controller = new AbortController();
    abortRef.current = controller;
    setBusy("preview");
    setError(null);
    setNotice(null);
    setFieldErrors({});
    try {
      const found = await send<ImportPreview>(true, controller.signal);
      setPreview(found);
      setMeta(metaFrom(found));
      focusAfter.current = "preview";
      setStage("preview");
    } catch (err) {
      if (!controller.signal.aborted) setError(messageOf(err));
    } finally {
      if (abortRef.current === controller) abortRef.current = null;
      setBusy(null);
    }
  }

  function cancelPreview() {
    abortRef.current?.abort();
    setBusy(null);
  }

  async function runImport() {
    if (busy) return;
    const problem = sourceProblem();
    if (problem) {
      setStage("source");
      return setError(problem);
    }
    setBusy("import");
    setError(null);
    setFieldErrors({});
    try {
      const report = await send<Imported>(false);
      router.push(`/w/${workspaceSlug}/r/${report.id}`);
      // Stay busy until the report page replaces this one.
    } catch (err) {
      setError(messageOf(err));
      if (stage === "preview") setFieldErrors(fieldErrorsOf(err));
      setBusy(null);
    }
  }

  function back() {
    setError(null);
    setFieldErrors({});
    focusAfter.current = "source";
    setStage("source");
  }

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (stage === "preview") void runImport();
    else void runPreview();
  }

  function setMetaField(key: MetaKey, value: string) {
    setMeta((m) => ({ ...m, [key]: value }));
    if (fieldErrors[key]) setFieldErrors((f) => ({ ...f, [key]: undefined }));
  }

  const progress = busy && (
    <div role="status" className="space-y-2 rounded-md border border-stone-200 bg-white px-4 py-3 dark:border-stone-800 dark:bg-stone-900">
      <p className="text-sm text-stone-700 dark:text-stone-300">
        {busy === "preview" ? "Reading the report…" : "Importing the report…"}
        {source !== "paste" && <span className="text-stone-500 dark:text-stone-400"> Large files and slow sites can take a few seconds.</span>}
      </p>
      <IndeterminateBar label={busy === "preview" ? "Reading the report" : "Importing the report"} />
    </div>
  );

  const errorBox = error && <Alert>{error}</Alert>;

  if (stage === "preview" && preview) {
    const more = preview.passageCount - preview.passages.length;
    const sourceLabel =
      source === "file" && file ? `${file.name} (${formatSize(file.size)})` : source === "url" ? normaliseUrl(url) : textFileName ?? `Pasted ${format === "markdown" ? "Markdown" : "text"}, ${content.length.toLocaleString("en")} characters`;
    const metaField = (key: MetaKey, label: string, props: React.ComponentProps<"input"> = {}, hint?: ReactNode) => (
      <Field label={label} hint={hint} error={fieldErrors[key]}>
        {(p) => <input {...p} {...props} name={key} value={meta[key]} onChange={(e) => setMetaField(key, e.target.value)} disabled={busy !== null} />}
      </Field>
    );
    return (
      <form onSubmit={onSubmit} className="space-y-8" noValidate aria-busy={busy !== null}>
        <section aria-labelledby="import-preview-heading" className="space-y-5">
          <div>
            <h2 id="import-preview-heading" ref={previewHeadingRef} tabIndex={-1} className="text-xl font-semibold tracking-tight outline-none">
              Check what we found
            </h2>
            <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-stone-600 dark:text-stone-400">
              <Badge>{SOURCE_FORMAT_LABEL[preview.sourceFormat] ?? preview.sourceFormat}</Badge>
              <span className="min-w-0 truncate" dir="auto" title={sourceLabel}>
                {sourceLabel}
              </span>
              <span aria-hidden="true">·</span>
              <span>
                {preview.passageCount.toLocaleString("en")} {preview.passageCount === 1 ? "passage" : "passages"}
              </span>
            </p>
            <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">Correct the details if they are wrong or missing; nothing is saved until you import.</p>
          </div>

          <div className="grid gap-4 sm:grid-cols-2">
            <div className="sm:col-span-2">
              {metaField("title", "Title", { maxLength: 300, dir: "auto" }, preview.title ? undefined : "No title was found. Give one, or the report will be called “Untitled report”.")}
            </div>
            <div className="sm:col-span-2">{metaField("subtitle", "Subtitle", { maxLength: 300, dir: "auto" })}</div>
            <div className="sm:col-span-2">{metaField("authors", "Authors (comma-separated)", { dir: "auto", autoComplete: "off" })}</div>
            {metaField("publisher", "Publisher", { maxLength: 200, dir: "auto" })}
            {metaField("publishedAt", "Publication date", { type: "date" })}
            {metaField("language", "Language (e.g. en, ar)", { maxLength: 20, autoComplete: "off", spellCheck: false })}
            {metaField("sourceUrl", "Source address", { type: "url", maxLength: 2000, inputMode: "url", spellCheck: false })}
          </div>
        </section>

        <section aria-labelledby="import-passages-heading">
          <h3 id="import-passages-heading" className="text-sm font-medium text-stone-800 dark:text-stone-200">
            {preview.passages.length < preview.passageCount ? `The first ${preview.passages.length} passages` : "The passages"}
          </h3>
          {preview.passages.length === 0 ? (
            <div className="mt-3">
              <EmptyState title="No passages found">Go back and check the source: the report may be empty or a scanned image.</EmptyState>
            </div>
          ) : (
            <>
              <ol className="mt-2 divide-y divide-stone-200 rounded-md border border-stone-200 bg-white px-3 dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
                {preview.passages.map((p) => (
                  <PassageRow key={p.index} passage={p} />
                ))}
              </ol>
              {more > 0 && (
                <p className="mt-2 text-sm text-stone-500 dark:text-stone-400">
                  …and {more.toLocaleString("en")} more {more === 1 ? "passage" : "passages"}.
                </p>
              )}
            </>
          )}
        </section>

        <div className="space-y-4">
          {progress}
          {errorBox}
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={busy !== null}>
              {busy === "import" ? "Importing…" : "Import report"}
            </Button>
            <Button variant="secondary" onClick={back} disabled={busy !== null}>
              Back
            </Button>
          </div>
        </div>
      </form>
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate aria-busy={busy !== null}>
      <div ref={sourceRef}>
        <Segmented legend="Where is the report?" name="source" options={SOURCES} value={source} onChange={pickSource} full />
      </div>

      {source === "paste" && (
        <div className="space-y-6">
          <Segmented
            legend="Format"
            name="format"
            options={[
              { value: "text", label: "Plain text" },
              { value: "markdown", label: "Markdown" },
            ]}
            value={format}
            onChange={(f) => {
              setFormat(f);
              sourceChanged();
            }}
          />
          <Field
            label="Report text"
            hint={
              textFileName
                ? `Loaded from ${textFileName}. You can still edit it here.`
                : format === "markdown"
                  ? "Markdown headings, lists and quotes become passages of those kinds. Up to 5 MB."
                  : "Paste it as it comes from a web page or a document. The first line is taken as the title. Up to 5 MB."
            }
          >
            {(p) => (
              <textarea
                {...p}
                name="content"
                dir="auto"
                rows={14}
                value={content}
                onChange={(e) => {
                  setContent(e.target.value);
                  if (preview) sourceChanged();
                }}
                disabled={busy !== null}
                placeholder={format === "markdown" ? "# Report title\n\nFirst paragraph…" : "Report title\nMar 21, 2023\n\nFirst paragraph…"}
                className={`${p.className} font-serif text-base leading-relaxed`}
              />
            )}
          </Field>
          <Field label="Or upload a file" hint="A .txt or .md file; its text appears above for you to check.">
            {(p) => (
              <input
                {...p}
                type="file"
                accept={TEXT_ACCEPT}
                onChange={onTextFile}
                disabled={busy !== null}
                className={`${p.className} file:mr-3 file:rounded file:border-0 file:bg-stone-200 file:px-3 file:py-1 dark:file:bg-stone-700`}
              />
            )}
          </Field>
        </div>
      )}

      {source === "file" && (
        <div className="space-y-3">
          <Field
            label="Report file"
            hint={`A Word document (.docx), PDF, web page (.html), Markdown or plain text file, up to ${formatSize(MAX_FILE_BYTES)}. Scanned PDFs without a text layer cannot be read.`}
          >
            {(p) => (
              <input
                {...p}
                key={fileInputKey}
                type="file"
                name="file"
                accept={FILE_ACCEPT}
                onChange={onReportFile}
                disabled={busy !== null}
                className={`${p.className} file:mr-3 file:rounded file:border-0 file:bg-stone-200 file:px-3 file:py-1 dark:file:bg-stone-700`}
              />
            )}
          </Field>
          {file && <FileCard file={file} onRemove={removeFile} />}
        </div>
      )}

      {source === "url" && (
        <Field label="Web address" hint="A public web page or PDF. We fetch it once, now; pages behind a login cannot be read.">
          {(p) => (
            <input
              {...p}
              type="url"
              name="url"
              inputMode="url"
              autoComplete="url"
              spellCheck={false}
              placeholder="https://example.org/report"
              value={url}
              onChange={(e) => {
                setUrl(e.target.value);
                if (preview) sourceChanged();
              }}
              disabled={busy !== null}
            />
          )}
        </Field>
      )}

      <div className="space-y-4">
        {notice && <Alert tone="info">{notice}</Alert>}
        {progress}
        {errorBox}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={busy !== null}>
            {busy === "preview" ? "Reading…" : "Preview"}
          </Button>
          {busy === "preview" ? (
            <Button variant="ghost" onClick={cancelPreview}>
              Cancel
            </Button>
          ) : (
            <Button variant="secondary" onClick={() => void runImport()} disabled={busy !== null}>
              {busy === "import" ? "Importing…" : "Import report"}
            </Button>
          )}
        </div>
        <p className="text-xs text-stone-500 dark:text-stone-400">
          {preview
            ? "Your corrections from the preview will be used."
            : "Preview shows the title, authors, date and first passages we found, so you can correct them before importing."}
        </p>
      </div>
    </form>
  );
}
