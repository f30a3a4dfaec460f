import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { ImportPreview } from "@/lib/domain/imports";
import { ChoicesSummary } from "./choices-summary";
import { ImportProgress } from "./import-progress";
import { MetadataFields } from "./metadata-fields";
import { PreviewPassages } from "./preview-passages";
import type { ImportFlow } from "./use-import-flow";

const SOURCE_FORMAT_LABEL: Record<string, string> = {
  text: "Plain text",
  markdown: "Markdown",
  html: "Web page",
  docx: "Word document",
  pdf: "PDF",
  url: "Web address",
};

/** The second step: what was found, to correct and clean before anything is stored. */
export function PreviewStep({
  flow,
  preview,
  headingRef,
}: {
  flow: ImportFlow;
  preview: ImportPreview;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}) {
  const { busy, passages } = flow;
  const sourceLabel = flow.source.label();
  const more = preview.passageCount - passages.length;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void flow.runImport();
      }}
      className="space-y-8"
      noValidate
      aria-busy={busy !== null}
    >
      <section aria-labelledby="import-preview-heading" className="space-y-5">
        <div>
          <h2 id="import-preview-heading" ref={headingRef} tabIndex={-1} className="text-xl font-semibold tracking-tight outline-none">
            Check what we found
          </h2>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-stone-600 dark:text-stone-400">
            <Badge>{SOURCE_FORMAT_LABEL[preview.sourceFormat] ?? preview.sourceFormat}</Badge>
            <span className="max-w-full min-w-0 truncate" dir="auto" title={sourceLabel}>
              {sourceLabel}
            </span>
            <span aria-hidden="true">·</span>
            <span>
              {preview.passageCount.toLocaleString("en")} {preview.passageCount === 1 ? "passage" : "passages"}
            </span>
          </p>
          <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
            Correct the details if they are wrong or missing; nothing is saved until you import.
          </p>
        </div>
        <MetadataFields flow={flow} />
      </section>

      <section aria-labelledby="import-passages-heading" className="space-y-3">
        <div>
          <h3 id="import-passages-heading" className="text-sm font-medium text-stone-800 dark:text-stone-200">
            The passages
          </h3>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            Remove what is not the report (a stray byline, “Related articles”, a newsletter box), join a paragraph split in two, or use a
            passage as a detail. In the list, the arrow keys move between passages and their buttons.
          </p>
        </div>
        <ChoicesSummary total={preview.passageCount} choices={flow.choices} dispatch={flow.dispatch} />
        {passages.length === 0 ? (
          <EmptyState title="No passages found">Go back and check the source: the report may be empty or a scanned image.</EmptyState>
        ) : (
          <PreviewPassages
            passages={passages}
            total={preview.passageCount}
            choices={flow.choices}
            dispatch={flow.dispatch}
            onUse={flow.takeDetailFrom}
          />
        )}
        {more > 0 && (
          <div className="flex flex-wrap items-center gap-3">
            <p className="text-sm text-stone-600 dark:text-stone-400">
              Showing {passages.length.toLocaleString("en")} of {preview.passageCount.toLocaleString("en")} passages.
            </p>
            <Button variant="secondary" size="sm" onClick={() => void flow.loadMore()} disabled={busy !== null}>
              {busy === "more" ? "Loading…" : `Show ${Math.min(more, preview.passageLimit).toLocaleString("en")} more`}
            </Button>
          </div>
        )}
      </section>

      <div className="space-y-4">
        {busy === "import" && <ImportProgress busy="import" slow={flow.source.source !== "paste"} />}
        {flow.error && <Alert>{flow.error}</Alert>}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={busy !== null}>
            {busy === "import" ? "Importing…" : "Import report"}
          </Button>
          <Button variant="secondary" onClick={flow.back} disabled={busy !== null}>
            Back
          </Button>
        </div>
      </div>
    </form>
  );
}
