"use client";

import { useEffect, useRef } from "react";
import { PreviewStep } from "./import/preview-step";
import { SourceStep } from "./import/source-step";
import { useImportFlow } from "./import/use-import-flow";

/**
 * The import page: choose the source, preview what the importer found (details,
 * and every passage to keep, remove, merge or use as a detail), then import.
 */
export function ImportReportForm({ workspaceId, workspaceSlug }: { workspaceId: string; workspaceSlug: string }) {
  const flow = useImportFlow({ workspaceId, workspaceSlug });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const sourceRef = useRef<HTMLDivElement>(null);
  const shown = useRef(flow.stage);

  // Focus follows the step: the preview's heading, or back on the chosen source.
  useEffect(() => {
    if (shown.current === flow.stage) return;
    shown.current = flow.stage;
    if (flow.stage === "preview") headingRef.current?.focus();
    else sourceRef.current?.querySelector<HTMLInputElement>("input[name=source]:checked")?.focus();
  }, [flow.stage]);

  if (flow.stage === "preview" && flow.preview) return <PreviewStep flow={flow} preview={flow.preview} headingRef={headingRef} />;
  return <SourceStep flow={flow} sourceRef={sourceRef} />;
}
