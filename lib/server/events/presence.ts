import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { getReportAccessOrThrow, reportMemberSql } from "../workspaces/access";
import { PRESENCE_CHANNEL } from "./bus";

/** A page not heard from for this long has gone (closed, asleep, offline). */
export const PRESENCE_TTL_SECONDS = 30;

export interface PresentPerson {
  user: { id: string; name: string };
  /** The passage they are looking at (¶ number), when known. */
  passageIndex: number | null;
}

async function announce(reportId: string): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${PRESENCE_CHANNEL}, ${reportId})`;
}

/** A page says it is open on the report (and where); `leaving` when it closes. */
export async function reportPresence(options: {
  userId: string;
  reportId: string;
  sessionId: string;
  passageIndex: number | null;
  leaving?: boolean;
}): Promise<void> {
  const { report } = await getReportAccessOrThrow(options);
  if (options.leaving) {
    await db.presence.deleteMany({ where: { sessionId: options.sessionId, userId: options.userId } });
  } else {
    // A session id belongs to the user who first used it: another user's id changes nothing.
    await db.$executeRaw`
      INSERT INTO presence (session_id, report_id, user_id, passage_index, seen_at)
      VALUES (${options.sessionId}, ${report.id}, ${options.userId}, ${options.passageIndex}, now())
      ON CONFLICT (session_id) DO UPDATE SET report_id = EXCLUDED.report_id, passage_index = EXCLUDED.passage_index, seen_at = now()
      WHERE presence.user_id = EXCLUDED.user_id`;
  }
  await announce(report.id);
}

/** A stream closed: its page is gone. */
export async function endPresence(options: { userId: string; reportId: string; sessionId: string }): Promise<void> {
  const { count } = await db.presence.deleteMany({
    where: { sessionId: options.sessionId, userId: options.userId, reportId: options.reportId },
  });
  if (count) await announce(options.reportId);
}

/** Who has the report open now, one entry per person (their most recent page). */
export async function listPresence(reportId: string): Promise<PresentPerson[]> {
  const rows = await db.$queryRaw<{ id: string; name: string; passageIndex: number | null }[]>`
    SELECT DISTINCT ON (p.user_id) p.user_id AS id, u.name, p.passage_index AS "passageIndex"
    FROM presence p JOIN users u ON u.id = p.user_id
    WHERE p.report_id = ${reportId} AND p.seen_at > now() - make_interval(secs => ${PRESENCE_TTL_SECONDS})
      AND ${reportMemberSql(Prisma.sql`p.report_id`, Prisma.sql`p.user_id`)}
    ORDER BY p.user_id, p.seen_at DESC`;
  return rows
    .map((r) => ({ user: { id: r.id, name: r.name }, passageIndex: r.passageIndex }))
    .sort((a, b) => a.user.name.localeCompare(b.user.name));
}
