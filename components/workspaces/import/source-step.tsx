import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { MAX_FILE_BYTES } from "@/lib/importers/types";
import { FileCard } from "./file-card";
import { ImportProgress } from "./import-progress";
import { formatSize } from "./messages";
import { Segmented } from "./segmented";
import type { ImportFlow } from "./use-import-flow";
import type { Source } from "./use-import-source";

const SOURCES: { value: Source; label: string }[] = [
  { value: "paste", label: "Paste text" },
  { value: "file", label: "Upload a file" },
  { value: "url", label: "From a web address" },
];

const FILE_ACCEPT = ".docx,.pdf,.html,.htm,.md,.markdown,.txt";
const TEXT_ACCEPT = ".txt,.md,.markdown,text/plain,text/markdown";
const FILE_INPUT = "file:mr-3 file:rounded file:border-0 file:bg-stone-200 file:px-3 file:py-1 dark:file:bg-stone-700";

/** The first step: where the report is (pasted, a file or a web address), then Preview or Import. */
export function SourceStep({ flow, sourceRef }: { flow: ImportFlow; sourceRef: React.RefObject<HTMLDivElement | null> }) {
  const { source: s, busy } = flow;
  const disabled = busy !== null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void flow.showPreview();
      }}
      className="space-y-6"
      noValidate
      aria-busy={disabled}
    >
      <div ref={sourceRef}>
        <Segmented legend="Where is the report?" name="source" options={SOURCES} value={s.source} onChange={s.pickSource} full />
      </div>

      {s.source === "paste" && (
        <div className="space-y-6">
          <Segmented
            legend="Format"
            name="format"
            options={[
              { value: "text", label: "Plain text" },
              { value: "markdown", label: "Markdown" },
            ]}
            value={s.format}
            onChange={s.pickFormat}
          />
          <Field
            label="Report text"
            hint={
              s.textFileName
                ? `Loaded from ${s.textFileName}. You can still edit it here.`
                : s.format === "markdown"
                  ? "Markdown headings, lists and quotes become passages of those kinds; bold, italics and links are kept. Up to 5 MB."
                  : "Paste it as it comes from a web page or a document. The first line is taken as the title. Up to 5 MB."
            }
          >
            {(p) => (
              <textarea
                {...p}
                name="content"
                dir="auto"
                rows={14}
                value={s.content}
                onChange={(e) => s.editContent(e.target.value)}
                disabled={disabled}
                placeholder={
                  s.format === "markdown" ? "# Report title\n\nFirst paragraph…" : "Report title\nMar 21, 2023\n\nFirst paragraph…"
                }
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
                onChange={s.onTextFile}
                disabled={disabled}
                className={`${p.className} ${FILE_INPUT}`}
              />
            )}
          </Field>
        </div>
      )}

      {s.source === "file" && (
        <div className="space-y-3">
          <Field
            label="Report file"
            hint={`A Word document (.docx), PDF, web page (.html), Markdown or plain text file, up to ${formatSize(MAX_FILE_BYTES)}. Scanned PDFs without a text layer cannot be read.`}
          >
            {(p) => (
              <input
                {...p}
                key={s.fileInputKey}
                type="file"
                name="file"
                accept={FILE_ACCEPT}
                onChange={s.onReportFile}
                disabled={disabled}
                className={`${p.className} ${FILE_INPUT}`}
              />
            )}
          </Field>
          {s.file && <FileCard file={s.file} onRemove={s.removeFile} />}
        </div>
      )}

      {s.source === "url" && (
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
              value={s.url}
              onChange={(e) => s.editUrl(e.target.value)}
              disabled={disabled}
            />
          )}
        </Field>
      )}

      <div className="space-y-4">
        {flow.notice && <Alert tone="info">{flow.notice}</Alert>}
        {(busy === "preview" || busy === "import") && <ImportProgress busy={busy} slow={s.source !== "paste"} />}
        {flow.error && <Alert>{flow.error}</Alert>}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={disabled}>
            {busy === "preview" ? "Reading…" : "Preview"}
          </Button>
          {busy === "preview" ? (
            <Button variant="ghost" onClick={flow.cancelPreview}>
              Cancel
            </Button>
          ) : (
            <Button variant="secondary" onClick={() => void flow.runImport()} disabled={disabled}>
              {busy === "import" ? "Importing…" : "Import report"}
            </Button>
          )}
        </div>
        <p className="text-xs text-stone-500 dark:text-stone-400">
          {flow.preview
            ? "Your corrections from the preview will be used."
            : "Preview shows the title, authors, date and every passage we found, so you can correct them and remove what does not belong before importing."}
        </p>
      </div>
    </form>
  );
}
