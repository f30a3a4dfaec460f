import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { db, sqlQuery } from "@/lib/db";
import { AppError, invalidField, notFound } from "@/lib/errors";
import { quoteFromPosition, validatePosition } from "@/lib/anchoring";
import type { AnnotationView } from "@/lib/domain/annotation";
import { newMentionIds } from "@/lib/markdown/mentions";
import type { CreateAnnotationInput } from "@/lib/validations/annotation";
import type { RoleName } from "@/lib/domain/words";
import { notify } from "../notifications/notify";
import { resolveTagIds } from "../tags/tags";
import { getReportAccessOrThrow, hasRole, reportAccessSql, requireRole, rolesAtLeast, type ReportAccess } from "../workspaces/access";
import { announceLater, recordEvent, recordEventSql, type NewEvent } from "../events/events";
import { noteTokenUse } from "../tokens/tokens";
import { readAnnotationViews } from "./read-views";
import { toAnnotationView, type AnnotationRow } from "./view";
import { checkBodySize } from "./annotations";

type CreateOptions = { userId: string; reportId: string } & CreateAnnotationInput;

/** The annotation to store, as the columns say it: checked against the role, the passage and its text. */
export type NewAnnotation = Pick<AnnotationView, "reportId" | "passageId" | "kind" | "visibility" | "body" | "claimSummary" | "start" | "end" | "quote" | "prefix" | "suffix"> & {
  authorId: string;
};
/** The same, before it is known who writes it. */
type NewAnnotationOfAnyone = Omit<NewAnnotation, "authorId">;
type PassageToAnnotate = { id: string; text: string; index: number };

/** What a request asks for, checked against the passage's text: its size, its place and its quote. */
function annotationFromInput(input: CreateAnnotationInput, reportId: string, passage: { id: string; text: string } | undefined): NewAnnotationOfAnyone {
  const body = input.body?.trim() ?? "";
  checkBodySize(body);
  if (!passage) throw invalidField("passageId", "passageId does not name a passage of this report.");
  const position = { start: input.start, end: input.end };
  const problem = validatePosition(passage.text, position);
  if (problem) throw invalidField(problem.field, problem.message);
  const selector = quoteFromPosition(passage.text, position);
  if (input.quote !== undefined && input.quote !== selector.exact) {
    throw invalidField("quote", `The quote does not match the passage text at those offsets, which is “${selector.exact}”.`);
  }
  const kind = input.kind ?? (body ? "comment" : "highlight");
  return {
    reportId,
    passageId: passage.id,
    kind,
    visibility: input.visibility ?? "workspace",
    body,
    claimSummary: kind === "claim" ? input.claimSummary || null : null,
    ...position,
    quote: selector.exact,
    prefix: selector.prefix,
    suffix: selector.suffix,
  };
}

/** Everything a new annotation must pass before it is written, in the order the API reports problems. */
function checkNewAnnotation(options: CreateOptions, access: ReportAccess, passage: { id: string; text: string } | undefined): NewAnnotation {
  requireRole(access.role, "annotator", "annotate reports");
  return { ...annotationFromInput(options, access.report.id, passage), authorId: options.userId };
}

const createdEvent = (id: string, a: NewAnnotation): NewEvent => ({
  reportId: a.reportId,
  type: "annotation.created",
  itemType: "annotation",
  itemId: id,
  actorId: a.authorId,
  onlyUserId: a.visibility === "private" ? a.authorId : null,
});

/** Mentions in a private note tell no one anything (see createAnnotation). */
const mentionsOf = (a: NewAnnotationOfAnyone) => (a.visibility === "workspace" ? newMentionIds(a.body) : []);

/**
 * Creates an annotation. The common case (no tags, nobody mentioned) is one
 * read and one statement; tags and mentions take a transaction.
 */
export async function createAnnotation(options: CreateOptions): Promise<AnnotationView> {
  if (options.tags?.length) return createInTransaction(options);
  // A report re-versioned or a membership changed between the read and the write: read again, and answer by what holds now.
  for (let attempt = 0; attempt < 3; attempt++) {
    const { access, passage } = await readForCreate(options);
    const annotation = checkNewAnnotation(options, access, passage);
    if (mentionsOf(annotation).length) return createInTransaction(options);
    const written = await insertAnnotationIfCurrent(annotation, { version: access.report.version, passageIndex: passage!.index }, { userId: options.userId });
    if (written) return written.view;
  }
  throw new AppError("conflict", "The report changed while the annotation was being saved. Try again.");
}

/** The report, the caller's role and the passage in the report's current version, in one query. */
async function readForCreate(options: CreateOptions): Promise<{ access: ReportAccess; passage?: PassageToAnnotate }> {
  const [row] = await sqlQuery<{ id: string; version: number; workspaceId: string; role: RoleName; passageId: string | null; passageText: string | null; passageIndex: number }>(Prisma.sql`
    SELECT x.*, p.id AS "passageId", p.text AS "passageText", p.index AS "passageIndex"
    FROM (${reportAccessSql(options)}) x
    LEFT JOIN passages p ON p.id = ${options.passageId} AND p.report_id = x.id AND p.version = x.version`, { prepare: "annotation-create-read" });
  if (!row) throw notFound("That report");
  const { role, passageId, passageText, passageIndex, ...report } = row;
  return { access: { report, role }, passage: passageId !== null && passageText !== null ? { id: passageId, text: passageText, index: passageIndex } : undefined };
}

/** Who writes: a user already known, or whoever holds a personal access token, found in the statement itself. */
export type Writer = { userId: string } | { tokenHash: string };

const writerSql = (writer: Writer) =>
  "userId" in writer
    ? Prisma.sql`SELECT u.id AS user_id, u.name AS user_name, NULL::text AS token_id, NULL::timestamp AS last_used_at FROM users u WHERE u.id = ${writer.userId}`
    : Prisma.sql`SELECT u.id AS user_id, u.name AS user_name, t.id AS token_id, t.last_used_at FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ${writer.tokenHash}`;

/**
 * Writes the annotation and its event in one statement (the event is
 * announced with NOTIFY once that has committed), only if the report is still
 * at `at.version` and the writer may annotate it; returns its view (and, for
 * a token, the token's last use), or null when nothing was written. The view is made from what was written,
 * without reading back what a new annotation cannot have yet. The report and
 * membership rows are share-locked: a new version or a revoked membership
 * committed meanwhile is seen (the re-check runs on the newest rows), and one
 * that comes after waits until this has committed.
 */
export async function insertAnnotationIfCurrent(
  a: NewAnnotationOfAnyone,
  at: { version: number; passageIndex: number },
  writer: Writer,
): Promise<{ view: AnnotationView; token: { id: string; lastUsedAt: Date | null } | null } | null> {
  const id = randomUUID();
  // As SQL, so the statement's text is the same for a private annotation (its event is for its author alone) and a shared one.
  const author = Prisma.sql`(SELECT author_id FROM inserted)`;
  const audience = Prisma.sql`(SELECT author_id FROM inserted WHERE visibility = 'private')`;
  const [row] = await sqlQuery<WrittenRow>(Prisma.sql`
    WITH writer AS (${writerSql(writer)}), allowed AS (
      SELECT w.user_id FROM writer w
      JOIN memberships m ON m.user_id = w.user_id
      JOIN reports r ON r.workspace_id = m.workspace_id
      WHERE r.id = ${a.reportId} AND r.version = ${at.version} AND m.role::text = ANY(${rolesAtLeast("annotator")}::text[])
      FOR SHARE OF r, m
    ), inserted AS (
      INSERT INTO annotations (id, report_id, passage_id, author_id, kind, visibility, body, claim_summary, start, "end", quote, prefix, suffix, created_at, updated_at)
      SELECT ${id}, ${a.reportId}, ${a.passageId}, allowed.user_id, ${a.kind}::"AnnotationKind", ${a.visibility}::"Visibility", ${a.body}, ${a.claimSummary},
             ${a.start}::int, ${a.end}::int, ${a.quote}, ${a.prefix}, ${a.suffix}, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM allowed
      RETURNING id, author_id, visibility, status, anchor_status, verdict, version, created_at, updated_at
    ), event AS (${recordEventSql(
      { reportId: a.reportId, type: "annotation.created", itemType: "annotation", itemId: id, actorId: author, onlyUserId: audience },
      Prisma.sql`WHERE EXISTS (SELECT 1 FROM inserted)`,
      { announce: "by-caller" },
    )})
    SELECT (SELECT id::text FROM event) AS "eventId", i.status::text AS status, i.anchor_status::text AS "anchorStatus", i.verdict::text AS verdict, i.version,
           i.created_at AS "createdAt", i.updated_at AS "updatedAt", w.user_id AS "authorId", w.user_name AS "authorName",
           w.token_id AS "tokenId", w.last_used_at AS "tokenLastUsedAt"
    FROM inserted i CROSS JOIN writer w`, { prepare: "userId" in writer ? "annotation-create-write" : "annotation-create-write-token" });
  if (!row) return null;
  // Announced once committed (the statement was its own transaction), not inside it: see announceLater.
  announceLater(row.eventId);
  // What a new annotation has: its own fields, and nothing under it yet (no tags, stances or replies).
  const view = toAnnotationView({
    id,
    reportId: a.reportId,
    passageId: a.passageId,
    kind: a.kind,
    visibility: a.visibility,
    body: a.body,
    claimSummary: a.claimSummary,
    start: a.start,
    end: a.end,
    quote: a.quote,
    prefix: a.prefix,
    suffix: a.suffix,
    status: row.status,
    anchorStatus: row.anchorStatus,
    verdict: row.verdict,
    verdictSetBy: null,
    verdictSetAt: null,
    version: row.version,
    resolvedAt: null,
    editedAt: null,
    importedCreator: null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    author: { id: row.authorId, name: row.authorName },
    passage: { index: at.passageIndex },
    tags: [],
    stances: [],
    _count: { replies: 0 },
  });
  return { view, token: row.tokenId ? { id: row.tokenId, lastUsedAt: row.tokenLastUsedAt } : null };
}

type WrittenRow = Pick<AnnotationRow, "status" | "anchorStatus" | "verdict" | "version" | "createdAt" | "updatedAt"> & {
  eventId: string;
  authorId: string;
  authorName: string;
  tokenId: string | null;
  tokenLastUsedAt: Date | null;
};

/** Passages never change once written (a new version of a report writes new ones): their text is kept, up to this many characters in all. */
const PASSAGE_CACHE_CHARS = 8_000_000;
type CachedPassage = PassageToAnnotate & { reportId: string; version: number };
const passageCache = new Map<string, CachedPassage>();
let passageCacheChars = 0;

async function passageById(id: string): Promise<CachedPassage | undefined> {
  const hit = passageCache.get(id);
  if (hit) {
    // Most recently used last: the first key is the one to drop.
    passageCache.delete(id);
    passageCache.set(id, hit);
    return hit;
  }
  const [row] = await sqlQuery<CachedPassage>(
    Prisma.sql`SELECT id, report_id AS "reportId", version, index, text FROM passages WHERE id = ${id}`,
    { prepare: "passage-by-id" },
  );
  if (!row) return undefined;
  passageCache.set(id, row);
  passageCacheChars += row.text.length;
  for (const [key, old] of passageCache) {
    if (passageCacheChars <= PASSAGE_CACHE_CHARS) break;
    passageCache.delete(key);
    passageCacheChars -= old.text.length;
  }
  return row;
}

/**
 * The API's most common write, a plain annotation sent with a personal
 * access token, in one statement: the token, the caller's role, the report's
 * version, the insert and its event together, the passage's text from memory.
 * Returns null, having written nothing, for anything else (tags, mentions,
 * a check that fails, a token that does not match); the caller then answers
 * through `createAnnotation`, which gives each of those its own answer.
 */
export async function createAnnotationWithToken(options: { tokenHash: string; reportId: string; input: CreateAnnotationInput }): Promise<AnnotationView | null> {
  const { input, reportId } = options;
  if (input.tags?.length) return null;
  const passage = await passageById(input.passageId);
  if (!passage || passage.reportId !== reportId) return null;
  let annotation: NewAnnotationOfAnyone;
  try {
    annotation = annotationFromInput(input, reportId, passage);
  } catch (e) {
    if (e instanceof AppError) return null;
    throw e;
  }
  if (mentionsOf(annotation).length) return null;
  const written = await insertAnnotationIfCurrent(annotation, { version: passage.version, passageIndex: passage.index }, { tokenHash: options.tokenHash });
  if (!written) return null;
  if (written.token) await noteTokenUse(written.token);
  return written.view;
}

/** With tags (which an editor may create) or mentions (notifications to members): one interactive transaction. */
async function createInTransaction(options: CreateOptions): Promise<AnnotationView> {
  return db.$transaction(async (tx) => {
    const access = await getReportAccessOrThrow(options, tx);
    // Share-locks the report, as insertAnnotationIfCurrent does: a new version waits, or is seen (no passage then).
    const [passage] = await tx.$queryRaw<{ id: string; text: string }[]>`
      SELECT p.id, p.text FROM passages p JOIN reports r ON r.id = p.report_id AND r.version = p.version
      WHERE p.id = ${options.passageId} AND r.id = ${access.report.id}
      FOR SHARE OF r`;
    const a = checkNewAnnotation(options, access, passage);
    const tagIds = options.tags?.length
      ? await resolveTagIds(tx, { workspaceId: access.report.workspaceId, names: options.tags, canCreate: hasRole(access.role, "editor") })
      : [];
    const { id } = await tx.annotation.create({
      data: { ...a, tags: { create: tagIds.map((tagId) => ({ tagId })) } },
      select: { id: true },
    });
    await recordEvent(tx, createdEvent(id, a));
    await notify(tx, { type: "mention", actorId: a.authorId, workspaceId: access.report.workspaceId, reportId: a.reportId, annotationId: id, recipientIds: mentionsOf(a) });
    return (await readAnnotationViews([id], tx)).get(id)!;
  });
}
