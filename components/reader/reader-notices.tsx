import { Alert } from "@/components/ui/alert";
import type { LiveStatus } from "./use-live-report";
import type { ReportChange } from "./use-live-annotations";

/** Above the text: access lost, the report changed under the reader, or something that failed. */
export function ReaderNotices({
  liveStatus,
  reportChanged,
  onRefresh,
  error,
}: {
  liveStatus: LiveStatus;
  reportChanged: ReportChange | null;
  onRefresh: () => void;
  error: string | null;
}) {
  return (
    <>
      {liveStatus === "revoked" && (
        <div className="mb-6">
          <Alert>You no longer have access to this workspace. What is on this page will not be updated.</Alert>
        </div>
      )}
      {reportChanged && (
        <p
          role="status"
          className="mb-6 flex flex-wrap items-center justify-between gap-2 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-950 dark:border-sky-900 dark:bg-sky-950/60 dark:text-sky-100"
        >
          {reportChanged === "versioned" ? "A new version of this report was uploaded." : "The report’s details were changed."}
          <button type="button" className="font-medium underline" onClick={onRefresh}>
            {reportChanged === "versioned" ? "Read the new version" : "Show them"}
          </button>
        </p>
      )}
      {error && (
        <div className="mb-6">
          <Alert>{error}</Alert>
        </div>
      )}
    </>
  );
}
