import "server-only";
import { db } from "@/lib/db";
import { invalidField, notFound } from "@/lib/errors";
import { quoteFromPosition, validatePosition } from "@/lib/anchoring";
import { reanchorAll, type AnchorTarget } from "@/lib/anchoring/reanchor";
import type { AnnotationView } from "@/lib/domain/annotation";
import type { ImportPreview } from "@/lib/domain/imports";
import { getAnnotationAccessOrThrow } from "../annotations/access";
import { readAnnotationView, readAnnotationViews } from "../annotations/read-views";
import { annotationVisibleWhere } from "../annotations/visibility";
import { getReportAccessOrThrow, reportWhere, requireRole } from "../workspaces/access";
import type { ImportChoicesInput } from "@/lib/validations/import";
import { chosenImport, parseImportRequest, previewOf, type ImportRequest, type PreviewPage } from "./import-source";
import { passageRows } from "./reports";
import { audienceOf, recordEvent } from "../events/events";
import { keysetArgs, keysetPage, mapPage, type Keyset, type PageOption } from "../pagination/keyset";
import type { Page } from "../pagination/page";

export interface VersionResult {
  version: number;
  anchored: number;
  moved: number;
  orphaned: number;
}

/**
 * Adds a new version of a report's text and re-anchors every annotation to it:
 * exact quote first, then a fuzzy match scored by context and position. Each
 * one ends anchored, moved or orphaned; earlier anchors are kept, so earlier
 * versions still read as they were. Nothing is deleted.
 */
export async function createReportVersion(options: {
  userId: string;
  reportId: string;
  request: ImportRequest;
  /** Passages to leave out or merge, by the dry run's numbers; passages used as details are left out (a version keeps the report's details). */
  choices?: ImportChoicesInput;
  dryRun?: boolean;
  previewPage?: PreviewPage;
}): Promise<VersionResult | ImportPreview> {
  const { role } = await getReportAccessOrThrow(options);
  requireRole(role, "editor", "upload new versions of reports");
  const parsed = await parseImportRequest(options.request);
  const chosen = chosenImport(parsed.report, options.choices ?? {}, undefined);
  if (options.dryRun) return previewOf(parsed, options.previewPage);

  return db.$transaction(
    async (tx) => {
      // Locks the report row: two uploads at once become two versions, one after the other.
      const [locked] = await tx.$queryRaw<{ version: number }[]>`SELECT version FROM reports WHERE id = ${options.reportId} FOR UPDATE`;
      const previous = locked.version;
      const version = previous + 1;
      await tx.passage.createMany({ data: passageRows(options.reportId, version, chosen.passages) });
      const passages = await tx.passage.findMany({
        where: { reportId: options.reportId, version },
        select: { id: true, index: true, text: true },
        orderBy: { index: "asc" },
      });

      // Every annotation, deleted ones too (a restore should find its place), anchored where it was last.
      const annotations = await tx.annotation.findMany({
        where: { reportId: options.reportId },
        select: {
          id: true,
          passageId: true,
          start: true,
          end: true,
          quote: true,
          prefix: true,
          suffix: true,
          anchorStatus: true,
          visibility: true,
          deletedAt: true,
          passage: { select: { index: true } },
        },
      });
      await tx.annotationAnchor.createMany({
        data: annotations.map((a) => ({
          annotationId: a.id,
          version: previous,
          passageId: a.anchorStatus === "orphaned" ? null : a.passageId,
          start: a.anchorStatus === "orphaned" ? null : a.start,
          end: a.anchorStatus === "orphaned" ? null : a.end,
          quote: a.quote,
          prefix: a.prefix,
          suffix: a.suffix,
          status: a.anchorStatus,
        })),
        skipDuplicates: true,
      });

      const targets: AnchorTarget[] = annotations.map((a) => ({
        quote: a.quote,
        prefix: a.prefix,
        suffix: a.suffix,
        passageIndex: a.passage.index,
        start: a.start,
        end: a.end,
      }));
      const results = reanchorAll(targets, passages);
      const textOf = new Map(passages.map((p) => [p.id, p.text]));
      // Counted over what the whole team can see: private and deleted notes stay invisible here too.
      const counts = { anchored: 0, moved: 0, orphaned: 0 };
      const rows: {
        id: string;
        passageId: string;
        start: number;
        end: number;
        quote: string;
        prefix: string;
        suffix: string;
        status: string;
      }[] = [];
      results.forEach((r, i) => {
        const a = annotations[i];
        if (a.visibility === "workspace" && !a.deletedAt) counts[r.status] += 1;
        if (r.status === "orphaned" || r.passageId === null || r.start === null || r.end === null) {
          rows.push({
            id: a.id,
            passageId: a.passageId,
            start: a.start,
            end: a.end,
            quote: a.quote,
            prefix: a.prefix,
            suffix: a.suffix,
            status: "orphaned",
          });
          return;
        }
        const selector = quoteFromPosition(textOf.get(r.passageId)!, { start: r.start, end: r.end });
        rows.push({
          id: a.id,
          passageId: r.passageId,
          start: r.start,
          end: r.end,
          quote: selector.exact,
          prefix: selector.prefix,
          suffix: selector.suffix,
          status: r.status,
        });
      });
      // One statement for all of them: thousands of annotations stay one round trip.
      if (rows.length) {
        await tx.$executeRaw`
          UPDATE annotations AS a SET
            passage_id = v.passage_id, start = v.start, "end" = v."end",
            quote = v.quote, prefix = v.prefix, suffix = v.suffix,
            anchor_status = v.status::"AnchorStatus"
          FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.passageId)}::text[], ${rows.map((r) => r.start)}::int[],
                      ${rows.map((r) => r.end)}::int[], ${rows.map((r) => r.quote)}::text[], ${rows.map((r) => r.prefix)}::text[],
                      ${rows.map((r) => r.suffix)}::text[], ${rows.map((r) => r.status)}::text[])
            AS v(id, passage_id, start, "end", quote, prefix, suffix, status)
          WHERE a.id = v.id`;
      }
      await tx.report.update({ where: { id: options.reportId }, data: { version, sourceFormat: parsed.format } });
      await tx.reportVersion.create({
        data: { reportId: options.reportId, version, sourceFormat: parsed.format, createdById: options.userId, ...counts },
      });
      await recordEvent(tx, {
        reportId: options.reportId,
        type: "report.versioned",
        itemType: "report",
        itemId: options.reportId,
        actorId: options.userId,
      });
      return { version, ...counts };
    },
    { timeout: 120_000 },
  );
}

export interface VersionSummary {
  version: number;
  sourceFormat: string;
  createdAt: Date;
  anchored: number;
  moved: number;
  orphaned: number;
}

/** Newest version first; the version number is unique in a report, the id only makes the order total by rule. */
const versionsKeyset = (reportId: string): Keyset => ({
  scope: `versions:${reportId}`,
  order: [
    ["version", "desc", "number"],
    ["id", "desc", "string"],
  ],
});

export async function listReportVersions(options: { userId: string; reportId: string; page: PageOption }): Promise<Page<VersionSummary>> {
  const report = await db.report.findFirst({ where: { id: options.reportId, ...reportWhere(options.userId) }, select: { id: true } });
  if (!report) throw notFound("That report");
  const keyset = versionsKeyset(report.id);
  const { orderBy, after, take } = keysetArgs(keyset, options.page);
  const rows = await db.reportVersion.findMany({
    where: { AND: [{ reportId: report.id }, after] },
    orderBy,
    take,
    select: { id: true, version: true, sourceFormat: true, createdAt: true, anchored: true, moved: true, orphaned: true },
  });
  return mapPage(keysetPage(rows, keyset, options.page), (v) => ({
    version: v.version,
    sourceFormat: v.sourceFormat,
    createdAt: v.createdAt,
    anchored: v.anchored,
    moved: v.moved,
    orphaned: v.orphaned,
  }));
}

/** Oldest first, then by id. */
const orphansKeyset = (reportId: string): Keyset => ({
  scope: `orphans:${reportId}`,
  order: [
    ["createdAt", "asc", "date"],
    ["id", "asc", "string"],
  ],
});

/**
 * Annotations that lost their place in the current version, with their
 * original quote, a page at a time; `total` counts all of them (that the
 * caller can see), for the reader's "Orphans · N".
 */
export async function listOrphans(options: {
  userId: string;
  reportId: string;
  page: PageOption;
}): Promise<Page<AnnotationView> & { total: number }> {
  const report = await db.report.findFirst({ where: { id: options.reportId, ...reportWhere(options.userId) }, select: { id: true } });
  if (!report) throw notFound("That report");
  const keyset = orphansKeyset(report.id);
  const { orderBy, after, take } = keysetArgs(keyset, options.page);
  const orphaned = { reportId: report.id, anchorStatus: "orphaned", deletedAt: null, ...annotationVisibleWhere(options.userId) } as const;
  const [rows, total] = await Promise.all([
    db.annotation.findMany({ where: { AND: [orphaned, after] }, orderBy, take, select: { id: true, createdAt: true } }),
    db.annotation.count({ where: orphaned }),
  ]);
  const page = keysetPage(rows, keyset, options.page);
  const views = await readAnnotationViews(page.items.map((row) => row.id));
  return { ...mapPage(page, (row) => views.get(row.id)!), total };
}

export async function reattachAnnotation(options: {
  userId: string;
  annotationId: string;
  passageId: string;
  start: number;
  end: number;
}): Promise<AnnotationView> {
  return db.$transaction(async (tx) => {
    const { annotation, role } = await getAnnotationAccessOrThrow(options, tx);
    requireRole(role, "editor", "re-attach annotations");
    const report = await tx.report.findUniqueOrThrow({ where: { id: annotation.reportId }, select: { version: true } });
    const passage = await tx.passage.findFirst({
      where: { id: options.passageId, reportId: annotation.reportId, version: report.version },
      select: { id: true, text: true },
    });
    if (!passage) throw invalidField("passageId", "passageId does not name a passage of the report's current version.");
    const problem = validatePosition(passage.text, options);
    if (problem) throw invalidField(problem.field, problem.message);
    const selector = quoteFromPosition(passage.text, options);
    await tx.annotation.update({
      where: { id: annotation.id },
      data: {
        passageId: passage.id,
        start: options.start,
        end: options.end,
        quote: selector.exact,
        prefix: selector.prefix,
        suffix: selector.suffix,
        anchorStatus: "anchored",
        version: { increment: 1 },
      },
      select: { id: true },
    });
    await recordEvent(tx, {
      reportId: annotation.reportId,
      type: "annotation.updated",
      itemType: "annotation",
      itemId: annotation.id,
      actorId: options.userId,
      onlyUserId: audienceOf(annotation),
    });
    return readAnnotationView(annotation.id, tx);
  });
}
