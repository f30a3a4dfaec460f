import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { codePointLength, quoteFromPosition, reanchorAll, sliceCodePoints, type AnchorTarget } from "@/lib/anchoring";
import type { ImportResult } from "@/lib/domain/imports";
import {
  ImportFormatError,
  parseAnnotationImport,
  type ParsedAnnotation,
  type ParsedCreator,
  type ParsedImport,
} from "@/lib/importers/annotations-jsonld";
import { AppError } from "@/lib/errors";
import { PASSAGE_SEPARATOR } from "@/lib/exporters/types";
import { CLAIM_SUMMARY_MAX } from "@/lib/validations/annotation";
import { emailSha1 } from "../export/gather";
import { findOrCreateTags } from "../tags/tags";
import { getReportAccessOrThrow, hasRole, requireRole } from "../workspaces/access";
import { recordEvent } from "../events/events";

const CONTEXT = 32;
const ORPHANS_LISTED = 50;

/** Another tool's context may run across paragraphs: keep the part inside the quote's own passage. */
function trimContext(prefix: string, suffix: string): { prefix: string; suffix: string } {
  const before = prefix.split(/\r?\n/).pop() ?? "";
  const after = suffix.split(/\r?\n/)[0] ?? "";
  const n = codePointLength(before);
  return {
    prefix: sliceCodePoints(before, Math.max(0, n - CONTEXT), n),
    suffix: sliceCodePoints(after, 0, Math.min(CONTEXT, codePointLength(after))),
  };
}

function creatorText(creator: ParsedCreator): string {
  const name = creator.name?.trim();
  const account = creator.account?.trim();
  if (name && account && name !== account) return `${name} (${account})`;
  return name || account || "an unknown author";
}

function oneLine(summary: string | null): string | null {
  if (!summary) return null;
  const line = summary.replace(/\s+/g, " ").trim();
  return line ? sliceCodePoints(line, 0, Math.min(CLAIM_SUMMARY_MAX, codePointLength(line))) : null;
}

function notInFuture(date: Date | null, now: Date): Date {
  return date && date.getTime() <= now.getTime() ? date : now;
}

/**
 * Imports W3C Web Annotations (ours or another tool's) into a report, in one
 * transaction: each is anchored by its quote and context (the position only
 * hints where to look), fuzzily when the text differs; what finds no place is
 * kept as an orphan. Authors who are members (matched by e-mail SHA-1) stay
 * the authors; anyone else's annotations become the importer's, with the
 * original creator kept as text.
 */
export async function importAnnotations(options: {
  userId: string;
  reportId: string;
  readFile: () => Promise<unknown>;
}): Promise<ImportResult> {
  // Who may import is settled before the file is read: a stranger learns nothing from its errors.
  const access = await getReportAccessOrThrow(options);
  requireRole(access.role, "annotator", "import annotations");
  const input = await options.readFile();
  let parsed: ParsedImport;
  try {
    parsed = parseAnnotationImport(input);
  } catch (e) {
    if (e instanceof ImportFormatError)
      throw new AppError("validation_failed", e.message, { issues: [{ path: "file", message: e.message }] });
    throw e;
  }
  return db.$transaction(
    async (tx) => {
      const { report, role } = await getReportAccessOrThrow(options, tx);
      requireRole(role, "annotator", "import annotations");
      const now = new Date();
      const passages = await tx.passage.findMany({
        where: { reportId: report.id, version: report.version },
        select: { id: true, index: true, text: true },
        orderBy: { index: "asc" },
      });

      // Where each passage starts in the report read as one text (JSON-LD positions count from there).
      const starts: number[] = [];
      let offset = 0;
      for (const p of passages) {
        starts.push(offset);
        offset += codePointLength(p.text) + PASSAGE_SEPARATOR.length;
      }
      const hintFor = (a: ParsedAnnotation): { passageIndex: number; start: number } => {
        const byHint = a.passageHint !== null ? passages.findIndex((p) => p.index === a.passageHint) : -1;
        if (byHint >= 0)
          return { passageIndex: passages[byHint].index, start: a.position ? Math.max(0, a.position.start - starts[byHint]) : 0 };
        if (a.position) {
          let i = starts.length - 1;
          while (i > 0 && starts[i] > a.position.start) i -= 1;
          if (i >= 0) return { passageIndex: passages[i].index, start: a.position.start - starts[i] };
        }
        return { passageIndex: passages[0]?.index ?? 1, start: 0 };
      };

      const anchorable = parsed.annotations.map((a) => (a.quote && a.quote.exact.trim() ? a.quote : null));
      const targets: AnchorTarget[] = [];
      const targetOf: number[] = [];
      parsed.annotations.forEach((a, i) => {
        const quote = anchorable[i];
        if (!quote) return;
        const context = trimContext(quote.prefix, quote.suffix);
        const hint = hintFor(a);
        targetOf[i] = targets.length;
        targets.push({
          quote: quote.exact,
          ...context,
          passageIndex: hint.passageIndex,
          start: hint.start,
          end: hint.start + codePointLength(quote.exact),
        });
      });
      const results = reanchorAll(targets, passages);
      const textOf = new Map(passages.map((p) => [p.id, p.text]));

      // Members, by the SHA-1 of their e-mail address.
      const members = await tx.membership.findMany({
        where: { workspaceId: report.workspaceId },
        select: { user: { select: { id: true, email: true } } },
      });
      const memberBySha = new Map(members.map((m) => [emailSha1(m.user.email), m.user.id]));
      const authorOf = (creator: ParsedCreator) => {
        const member = creator.emailSha1 ? memberBySha.get(creator.emailSha1.toLowerCase()) : undefined;
        return member ? { authorId: member, importedCreator: null } : { authorId: options.userId, importedCreator: creatorText(creator) };
      };

      const tagNames = parsed.annotations.flatMap((a) => a.tags);
      const { idsByKey, skipped: skippedTags } = await findOrCreateTags(tx, {
        workspaceId: report.workspaceId,
        names: tagNames,
        canCreate: hasRole(role, "editor"),
      });
      const canJudge = hasRole(role, "editor");

      const result: ImportResult = {
        imported: 0,
        anchored: 0,
        moved: 0,
        orphaned: 0,
        replies: 0,
        skipped: [...parsed.skipped],
        skippedTags,
        orphans: [],
      };
      const annotationRows = [];
      const tagRows: { annotationId: string; tagId: string }[] = [];
      const replyRows = [];
      for (const [i, a] of parsed.annotations.entries()) {
        const id = randomUUID();
        const placedAt = targetOf[i] === undefined ? null : results[targetOf[i]];
        let place: {
          passageId: string;
          start: number;
          end: number;
          quote: string;
          prefix: string;
          suffix: string;
          status: "anchored" | "moved" | "orphaned";
        };
        if (placedAt && placedAt.status !== "orphaned" && placedAt.passageId && placedAt.start !== null && placedAt.end !== null) {
          const selector = quoteFromPosition(textOf.get(placedAt.passageId)!, { start: placedAt.start, end: placedAt.end });
          place = {
            passageId: placedAt.passageId,
            start: placedAt.start,
            end: placedAt.end,
            quote: selector.exact,
            prefix: selector.prefix,
            suffix: selector.suffix,
            status: placedAt.status,
          };
        } else {
          // An orphan keeps its quote; it sits at the start of the text until someone re-attaches it.
          const quote = a.quote ?? { exact: "", prefix: "", suffix: "" };
          place = {
            passageId: passages[0].id,
            start: 0,
            end: 0,
            quote: quote.exact,
            ...trimContext(quote.prefix, quote.suffix),
            status: "orphaned",
          };
          if (result.orphans.length < ORPHANS_LISTED) result.orphans.push({ sourceId: a.sourceId, quote: quote.exact });
        }
        result[place.status] += 1;
        result.imported += 1;

        let author = authorOf(a.creator);
        const visibility = a.visibility ?? "workspace";
        // A private annotation is only ever its importer's own.
        if (visibility === "private" && author.authorId !== options.userId)
          author = { authorId: options.userId, importedCreator: creatorText(a.creator) };
        const resolved = a.status === "resolved";
        annotationRows.push({
          id,
          reportId: report.id,
          passageId: place.passageId,
          start: place.start,
          end: place.end,
          quote: place.quote,
          prefix: place.prefix,
          suffix: place.suffix,
          anchorStatus: place.status,
          kind: a.kind,
          visibility,
          body: a.body.trim(),
          claimSummary: a.kind === "claim" ? oneLine(a.claimSummary) : null,
          verdict: a.kind === "claim" && canJudge && a.verdict ? a.verdict : "unverified",
          status: resolved ? ("resolved" as const) : ("open" as const),
          resolvedAt: resolved ? now : null,
          resolvedById: resolved ? options.userId : null,
          ...author,
          createdAt: notInFuture(a.created, now),
        });
        const seen = new Set<string>();
        for (const name of a.tags) {
          const tagId = idsByKey.get(name.trim().toLocaleLowerCase("en"));
          if (tagId && !seen.has(tagId)) {
            seen.add(tagId);
            tagRows.push({ annotationId: id, tagId });
          }
        }
        for (const r of a.replies) {
          replyRows.push({
            id: randomUUID(),
            annotationId: id,
            body: r.body.trim(),
            ...authorOf(r.creator),
            createdAt: notInFuture(r.created, now),
          });
          result.replies += 1;
        }
      }
      // Thousands of rows stay a few round trips.
      const CHUNK = 1_000;
      for (let i = 0; i < annotationRows.length; i += CHUNK) await tx.annotation.createMany({ data: annotationRows.slice(i, i + CHUNK) });
      for (let i = 0; i < tagRows.length; i += CHUNK) await tx.annotationTag.createMany({ data: tagRows.slice(i, i + CHUNK) });
      for (let i = 0; i < replyRows.length; i += CHUNK) await tx.reply.createMany({ data: replyRows.slice(i, i + CHUNK) });
      if (result.imported)
        await recordEvent(tx, {
          reportId: report.id,
          type: "annotations.imported",
          itemType: "report",
          itemId: report.id,
          actorId: options.userId,
        });
      return result;
    },
    { timeout: 120_000 },
  );
}
