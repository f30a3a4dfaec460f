import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { db, sqlQuery } from "@/lib/db";
import { AppError, invalidField, notFound } from "@/lib/errors";
import { quoteFromPosition, validatePosition } from "@/lib/anchoring";
import type { AnnotationView } from "@/lib/domain/annotation";
import { newMentionIds } from "@/lib/markdown/mentions";
import type { CreateAnnotationInput } from "@/lib/validations/annotation";
import type { RoleName } from "@/lib/domain/words";
import { notify, notifySql } from "../notifications/notify";
import { resolveTagIds, tagKey } from "../tags/tags";
import { getReportAccessOrThrow, hasRole, membershipJoinSql, reportAccessSql, requireRole, type ReportAccess } from "../workspaces/access";
import { announceLater, recordEvent, recordEventSql, type NewEvent } from "../events/events";
import { noteTokenUse, tokenHash } from "../tokens/tokens";
import { signInFirst, userOfCredentials, type Credentials } from "../sessions/caller";
import { noteSessionUse } from "../sessions/sessions";
import { readAnnotationViews } from "./read-views";
import { toAnnotationView, type AnnotationRow } from "./view";
import { checkBodySize } from "./annotations";

type CreateOptions = { userId: string; reportId: string } & CreateAnnotationInput;

/** The annotation to store, as the columns say it: checked against the role, the passage and its text. */
export type NewAnnotation = Pick<
  AnnotationView,
  "reportId" | "passageId" | "kind" | "visibility" | "body" | "claimSummary" | "start" | "end" | "quote" | "prefix" | "suffix"
> & {
  authorId: string;
};
/** The same, before it is known who writes it. */
type NewAnnotationOfAnyone = Omit<NewAnnotation, "authorId">;
type PassageToAnnotate = { id: string; text: string; index: number };

/** What a request asks for, checked against the passage's text: its size, its place and its quote. */
function annotationFromInput(
  input: CreateAnnotationInput,
  reportId: string,
  passage: { id: string; text: string } | undefined,
): NewAnnotationOfAnyone {
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
function checkNewAnnotation(
  options: CreateOptions,
  access: ReportAccess,
  passage: { id: string; text: string } | undefined,
): NewAnnotation {
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

/** Who writes: a user the caller has already checked, or credentials checked by the write itself (see createAnnotation). */
export type Writer = { userId: string } | Credentials;

/**
 * Creates an annotation: the one road for every caller (the API route, the
 * app server's own host for this POST, the browser's session cookie and a
 * personal access token alike). What the request carries chooses the road:
 *
 * - an annotation whose tags are all in the codebook (or that has none) is
 *   one statement (insertAnnotationIfCurrent): the writer (the user, or the
 *   token or session the credentials name, checked there and then, so a
 *   session signed out a moment ago writes nothing), the role, the report's
 *   version, the insert, its tags, the notifications of the members it
 *   mentions and its event together; the passage's text comes from memory
 *   (passageById);
 * - a tag that is not in the codebook yet (which an editor may create) takes
 *   one interactive transaction (createInTransaction).
 *
 * Anything that does not pass at once (a check that fails, a report
 * re-versioned meanwhile, credentials that name nobody) is worked out again
 * step by step (createAsUser), which gives each failure its own answer in
 * the API's order: 401, then 404 for a stranger, 403, 422, 409.
 */
export async function createAnnotation(options: { writer: Writer; reportId: string } & CreateAnnotationInput): Promise<AnnotationView> {
  const { writer, ...input } = options;
  const written = await writeAtOnce(writer, input);
  if (written) return written;
  const user = "token" in writer || "sessionId" in writer ? await userOfCredentials(writer) : { id: writer.userId };
  if (!user) throw signInFirst();
  return createAsUser({ ...input, userId: user.id });
}

/** The step-by-step road: each check in its order, then the one statement, or the transaction for a new tag. */
async function createAsUser(options: CreateOptions): Promise<AnnotationView> {
  // A report re-versioned or a membership changed between the read and the write: read again, and answer by what holds now.
  for (let attempt = 0; attempt < 3; attempt++) {
    const { access, passage } = await readForCreate(options);
    const annotation = checkNewAnnotation(options, access, passage);
    const written = await insertAnnotationIfCurrent(
      annotation,
      { version: access.report.version, passageIndex: passage!.index },
      { userId: options.userId },
      { tags: options.tags },
    );
    if (written) return written;
    // A tag not in the codebook: created (by an editor) or refused in the transaction.
    if (options.tags?.length) return createInTransaction(options);
  }
  throw new AppError("conflict", "The report changed while the annotation was being saved. Try again.");
}

/** The report, the caller's role and the passage in the report's current version, in one query. */
async function readForCreate(options: CreateOptions): Promise<{ access: ReportAccess; passage?: PassageToAnnotate }> {
  const [row] = await sqlQuery<{
    id: string;
    version: number;
    workspaceId: string;
    role: RoleName;
    passageId: string | null;
    passageText: string | null;
    passageIndex: number;
  }>(
    Prisma.sql`
    SELECT x.*, p.id AS "passageId", p.text AS "passageText", p.index AS "passageIndex"
    FROM (${reportAccessSql(options)}) x
    LEFT JOIN passages p ON p.id = ${options.passageId} AND p.report_id = x.id AND p.version = x.version`,
    { prepare: "annotation-create-read" },
  );
  if (!row) throw notFound("That report");
  const { role, passageId, passageText, passageIndex, ...report } = row;
  return {
    access: { report, role },
    passage: passageId !== null && passageText !== null ? { id: passageId, text: passageText, index: passageIndex } : undefined,
  };
}

/** The writer as a row (`user_id`, `user_name`), found in the statement that writes; nothing when the credentials name nobody. */
function writerSql(writer: Writer): Prisma.Sql {
  if ("token" in writer) {
    return Prisma.sql`SELECT u.id AS user_id, u.name AS user_name, t.id AS credential_id, t.last_used_at AS last_used_at
      FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ${tokenHash(writer.token)}`;
  }
  if ("sessionId" in writer) {
    // As userOfSession reads it: the session open, and the cookie's user its user.
    return Prisma.sql`SELECT u.id AS user_id, u.name AS user_name, s.id AS credential_id, s.last_seen_at AS last_used_at
      FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ${writer.sessionId} AND s.user_id = ${writer.userId} AND s.expires_at > now()`;
  }
  return Prisma.sql`SELECT u.id AS user_id, u.name AS user_name, NULL::text AS credential_id, NULL::timestamp AS last_used_at FROM users u WHERE u.id = ${writer.userId}`;
}

/** After a write, what the credentials' own rows record of their use (each at most every so often). */
async function noteCredentialUse(writer: Writer, row: WrittenRow): Promise<void> {
  if (!row.credentialId) return;
  if ("token" in writer) await noteTokenUse({ id: row.credentialId, lastUsedAt: row.lastUsedAt });
  else if ("sessionId" in writer && row.lastUsedAt) noteSessionUse({ id: row.credentialId, lastSeenAt: row.lastUsedAt });
}

/**
 * Writes the annotation and its event in one statement (the event is
 * announced with NOTIFY once that has committed), only if the report is still
 * at `at.version` and the writer may annotate it; returns its view, or null
 * when nothing was written. The view is made from what was written,
 * without reading back what a new annotation cannot have yet. The report and
 * membership rows are share-locked: a new version or a revoked membership
 * committed meanwhile is seen (the re-check runs on the newest rows), and one
 * that comes after waits until this has committed.
 *
 * Its tags (`also.tags`) are written with it when every one of them is in
 * the workspace's codebook (else nothing is written: creating a tag, or
 * refusing one, is the transaction's), and the members its body mentions are
 * notified in it too; the statement has those parts only when the request
 * carries them.
 */
export async function insertAnnotationIfCurrent(
  a: NewAnnotationOfAnyone,
  at: { version: number; passageIndex: number },
  writer: Writer,
  also: { tags?: string[] } = {},
): Promise<AnnotationView | null> {
  const id = randomUUID();
  const tagKeys = [...new Set((also.tags ?? []).map(tagKey))];
  const mentioned = mentionsOf(a);
  // As SQL, so the statement's text is the same for a private annotation (its event is for its author alone) and a shared one.
  const author = Prisma.sql`(SELECT author_id FROM inserted)`;
  const audience = Prisma.sql`(SELECT author_id FROM inserted WHERE visibility = 'private')`;
  const [row] = await sqlQuery<WrittenRow>(
    Prisma.sql`
    WITH writer AS (${writerSql(writer)}), allowed AS (
      SELECT w.user_id, r.workspace_id FROM writer w
      JOIN reports r ON r.id = ${a.reportId} AND r.version = ${at.version}
      ${membershipJoinSql(Prisma.sql`r.workspace_id`, Prisma.sql`w.user_id`, "annotator")}
      ${tagKeys.length ? Prisma.sql`WHERE (SELECT count(*) FROM tags t WHERE t.workspace_id = r.workspace_id AND t.name_key = ANY(${tagKeys}::text[])) = ${tagKeys.length}` : Prisma.empty}
      FOR SHARE OF r, m
    ), inserted AS (
      INSERT INTO annotations (id, report_id, passage_id, author_id, kind, visibility, body, claim_summary, start, "end", quote, prefix, suffix, created_at, updated_at)
      SELECT ${id}, ${a.reportId}, ${a.passageId}, allowed.user_id, ${a.kind}::"AnnotationKind", ${a.visibility}::"Visibility", ${a.body}, ${a.claimSummary},
             ${a.start}::int, ${a.end}::int, ${a.quote}, ${a.prefix}, ${a.suffix}, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM allowed
      RETURNING id, author_id, visibility, status, anchor_status, verdict, version, created_at, updated_at
    )${
      tagKeys.length
        ? Prisma.sql`, tagged AS (
      INSERT INTO annotation_tags (annotation_id, tag_id)
      SELECT i.id, t.id FROM inserted i CROSS JOIN allowed JOIN tags t ON t.workspace_id = allowed.workspace_id AND t.name_key = ANY(${tagKeys}::text[])
      RETURNING tag_id
    )`
        : Prisma.empty
    }${
      mentioned.length
        ? Prisma.sql`, told AS (${notifySql({
            type: "mention",
            actorId: author,
            workspaceId: Prisma.sql`(SELECT workspace_id FROM allowed)`,
            reportId: a.reportId,
            annotationId: Prisma.sql`(SELECT id FROM inserted)`,
            recipientIds: mentioned,
          })})`
        : Prisma.empty
    }, event AS (${recordEventSql(
      { reportId: a.reportId, type: "annotation.created", itemType: "annotation", itemId: id, actorId: author, onlyUserId: audience },
      Prisma.sql`WHERE EXISTS (SELECT 1 FROM inserted)`,
      { announce: "by-caller" },
    )})
    SELECT (SELECT id::text FROM event) AS "eventId", i.status::text AS status, i.anchor_status::text AS "anchorStatus", i.verdict::text AS verdict, i.version,
           i.created_at AS "createdAt", i.updated_at AS "updatedAt", w.user_id AS "authorId", w.user_name AS "authorName",
           w.credential_id AS "credentialId", w.last_used_at AS "lastUsedAt",
           ${tagKeys.length ? Prisma.sql`(SELECT json_agg(t.name ORDER BY t.name_key) FROM tags t WHERE t.id IN (SELECT tag_id FROM tagged))` : Prisma.sql`'[]'::json`} AS tags
    FROM inserted i CROSS JOIN writer w`,
    // One prepared statement for each shape: the writer's credentials, and whether tags and mentions come along.
    {
      prepare: `annotation-create-write-${"token" in writer ? "token" : "sessionId" in writer ? "session" : "user"}${tagKeys.length ? "-tags" : ""}${mentioned.length ? "-mentions" : ""}`,
    },
  );
  if (!row) return null;
  await noteCredentialUse(writer, row);
  // Announced once committed (the statement was its own transaction), not inside it: see announceLater.
  announceLater(row.eventId);
  // What a new annotation has: its own fields and tags, and nothing under it yet (no stances or replies).
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
    assignee: null,
    assignedAt: null,
    dueAt: null,
    version: row.version,
    resolvedAt: null,
    editedAt: null,
    importedCreator: null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    author: { id: row.authorId, name: row.authorName },
    passage: { index: at.passageIndex },
    tags: row.tags.map((name) => ({ tag: { name } })),
    stances: [],
    _count: { replies: 0 },
  });
  return view;
}

type WrittenRow = Pick<AnnotationRow, "status" | "anchorStatus" | "verdict" | "version" | "createdAt" | "updatedAt"> & {
  eventId: string;
  authorId: string;
  authorName: string;
  credentialId: string | null;
  lastUsedAt: Date | null;
  tags: string[];
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
 * The write at once: checked against the passage (its text from memory), then
 * written in one statement with the writer, its role and the tags checked there.
 * Null, having written nothing, when anything does not pass (a check that fails,
 * credentials that name nobody, a tag not in the codebook, a report re-versioned):
 * the caller then takes the step-by-step road, which answers each of those.
 */
async function writeAtOnce(writer: Writer, input: CreateAnnotationInput & { reportId: string }): Promise<AnnotationView | null> {
  const passage = await passageById(input.passageId);
  if (!passage || passage.reportId !== input.reportId) return null;
  let annotation: NewAnnotationOfAnyone;
  try {
    annotation = annotationFromInput(input, input.reportId, passage);
  } catch (e) {
    if (e instanceof AppError) return null;
    throw e;
  }
  return insertAnnotationIfCurrent(annotation, { version: passage.version, passageIndex: passage.index }, writer, { tags: input.tags });
}

/** With a tag that is not in the codebook yet (which an editor may create): one interactive transaction. */
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
    await notify(tx, {
      type: "mention",
      actorId: a.authorId,
      workspaceId: access.report.workspaceId,
      reportId: a.reportId,
      annotationId: id,
      recipientIds: mentionsOf(a),
    });
    return (await readAnnotationViews([id], tx)).get(id)!;
  });
}
