import { Zip, ZipDeflate, strToU8 } from "fflate";
import { exportFileName, formatUtc } from "@/lib/exporters/common";
import { csvChunks } from "@/lib/exporters/csv";
import { toJsonLd } from "@/lib/exporters/jsonld";
import { toMarkdown } from "@/lib/exporters/markdown";
import type { ExportOptionsInput } from "@/lib/validations/export";
import { gatherReportExport, listWorkspaceReportIds } from "./gather";

export interface WorkspaceExport {
  fileName: string;
  /** The .zip, produced report by report as it is read. */
  stream: ReadableStream<Uint8Array>;
}

/**
 * Every report of a workspace, for backup or hand-over: one Markdown file per
 * report (notes and annotations), the same as W3C JSON-LD (which the
 * annotation import reads back), and one CSV of every annotation and reply.
 * Built one report at a time so memory holds one report, plus the CSV text.
 */
export async function exportWorkspace(options: { userId: string; workspaceId: string; origin: string; options: ExportOptionsInput }): Promise<WorkspaceExport> {
  const workspace = await listWorkspaceReportIds(options);
  const startedAt = new Date();
  const fileName = exportFileName(workspace.name, startedAt, "zip");

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
      const add = (name: string, text: string) => {
        const file = new ZipDeflate(name, { level: 6 });
        file.mtime = startedAt;
        zip.add(file);
        file.push(strToU8(text), true);
      };
      (async () => {
        const csv: string[] = [];
        const used = new Set<string>();
        const index: string[] = [`${workspace.name} — exported ${formatUtc(startedAt)}`, "", `${workspace.reports.length} report(s):`, ""];
        for (const { id } of workspace.reports) {
          const data = await gatherReportExport({ userId: options.userId, reportId: id, origin: options.origin, filters: {}, options: options.options });
          // Two reports with one title still get two files.
          let base = exportFileName(data.report.title, startedAt, "").replace(/\.$/, "");
          if (used.has(base)) base = `${base}-${id.slice(-6)}`;
          used.add(base);
          add(`reports/${base}.md`, toMarkdown(data));
          add(`jsonld/${base}.jsonld`, JSON.stringify(toJsonLd(data), null, 2));
          // Header (and BOM) once: only the first report's chunks keep theirs.
          const chunks = [...csvChunks([data])];
          csv.push(...(csv.length ? chunks.slice(1) : chunks));
          index.push(`- ${data.report.title}: reports/${base}.md (${data.annotations.length} annotation(s))`);
        }
        if (!csv.length) csv.push(...csvChunks([]));
        add("annotations.csv", csv.join(""));
        add("README.txt", `${index.join("\n")}\n\nannotations.csv holds every annotation and reply, one per row.\nThe .jsonld files are W3C Web Annotations: import them into a report to bring the annotations back.\n`);
        zip.end();
      })().catch((e) => controller.error(e));
    },
  });
  return { fileName, stream };
}
