import { buttonClass } from "@/components/ui/button";
import { workspaceExportUrl } from "./export-url";

/** Every report of the workspace in one .zip: a plain link, the browser does the download with the session cookie. */
export function WorkspaceExportButton({ workspaceId }: { workspaceId: string }) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <a
        href={workspaceExportUrl(workspaceId)}
        download
        className={buttonClass("secondary", "sm")}
        aria-describedby={`export-${workspaceId}-help`}
      >
        Export workspace (.zip)
      </a>
      <p id={`export-${workspaceId}-help`} className="text-xs text-stone-500 dark:text-stone-400">
        A Markdown and a JSON-LD file for each report, and one CSV of every annotation shared with the team.
      </p>
    </div>
  );
}
