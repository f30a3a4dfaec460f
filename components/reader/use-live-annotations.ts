"use client";

import { useState } from "react";
import { isAssignmentEvent } from "@/lib/domain/assignments";
import type { ReaderAnnotations } from "./use-reader-annotations";
import { useLiveReport, type LiveChange } from "./use-live-report";
import type { useOrphans } from "./use-orphans";

export type ReportChange = "versioned" | "updated";

/**
 * Others' changes to the report, as they happen: annotations read afresh and
 * put in place, open threads told to read their replies again, and a notice
 * when the report itself changed. Only the current version is live.
 */
export function useLiveAnnotations({
  reportId,
  meId,
  initialEventId,
  store,
  orphans,
}: {
  reportId: string;
  meId: string;
  initialEventId: string | null;
  store: ReaderAnnotations;
  orphans: ReturnType<typeof useOrphans>;
}) {
  // Bumped per annotation when someone else changed its thread: an open thread reads its replies again.
  const [threadRefresh, setThreadRefresh] = useState<Record<string, number>>({});
  const [reportChanged, setReportChanged] = useState<ReportChange | null>(null);

  function onChange(change: LiveChange) {
    const mine = change.actorId === meId;
    if (isAssignmentEvent(change.type)) {
      void store.refresh(change.itemId, false);
      return;
    }
    switch (change.type) {
      case "annotation.created":
      case "annotation.restored":
        void store.refresh(change.itemId, !mine);
        break;
      case "annotation.updated":
      case "annotation.resolved":
      case "annotation.reopened":
      case "stance.changed":
      case "verdict.changed":
        void store.refresh(change.itemId, false);
        break;
      case "annotation.deleted":
        store.remove(change.itemId);
        orphans.remove(change.itemId);
        break;
      case "reply.created":
      case "reply.updated":
      case "reply.deleted":
      case "reply.restored": {
        const parent = change.parentId;
        if (!parent) break;
        void store.refresh(parent, false);
        if (!mine) setThreadRefresh((r) => ({ ...r, [parent]: (r[parent] ?? 0) + 1 }));
        break;
      }
      case "annotations.imported":
        void store.reload();
        break;
      case "report.versioned":
        setReportChanged("versioned");
        break;
      case "report.updated":
        if (!mine) setReportChanged((c) => c ?? "updated");
        break;
    }
  }

  const live = useLiveReport({ reportId, afterId: initialEventId ?? "0", onChange, enabled: initialEventId !== null });
  return { status: live.status, others: live.people.filter((p) => p.user.id !== meId), threadRefresh, reportChanged };
}
