import "server-only";
import { randomBytes } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { db, sqlQuery } from "@/lib/db";
import type { PublicUser } from "@/lib/domain/people";
import { notFound } from "@/lib/errors";
import { describeUserAgent } from "@/lib/format/user-agent";

/** How long a sign-in lasts: the session cookie's lifetime and its row's. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
/** `last_seen_at` is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 5 * 60_000;

export interface SessionSummary {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string | null;
  /** The user agent in words ("Firefox on Windows"). */
  device: string;
  clientAddress: string | null;
  current: boolean;
}

/** A new session for a sign-in; its id goes into the session cookie. Expired sessions of the user are cleared on the way. */
export async function createSession(options: {
  userId: string;
  userAgent?: string | null;
  clientAddress?: string | null;
}): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await db.$transaction([
    db.session.deleteMany({ where: { userId: options.userId, expiresAt: { lt: new Date() } } }),
    db.session.create({
      data: {
        id,
        userId: options.userId,
        expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
        userAgent: options.userAgent?.slice(0, 300) || null,
        clientAddress: options.clientAddress?.slice(0, 64) || null,
      },
    }),
  ]);
  return id;
}

/**
 * The user of a session cookie, or null when the session has ended (signed
 * out, signed out everywhere, password changed) or expired. One query, as
 * the user lookup it replaces was: the session check costs no extra round trip.
 */
export async function userOfSession(options: { userId: string; sessionId: unknown }): Promise<PublicUser | null> {
  if (typeof options.sessionId !== "string" || !options.sessionId) return null;
  const [row] = await sqlQuery<PublicUser & { lastSeenAt: Date }>(
    Prisma.sql`SELECT u.id, u.email, u.name, s.last_seen_at AS "lastSeenAt"
      FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id = ${options.sessionId} AND s.user_id = ${options.userId} AND s.expires_at > now()`,
    { prepare: "session-user" },
  );
  if (!row) return null;
  noteSessionUse({ id: options.sessionId, lastSeenAt: row.lastSeenAt });
  return { id: row.id, email: row.email, name: row.name };
}

/** Records a session's use (Settings shows when each device was last seen), at most every few minutes; not awaited. */
export function noteSessionUse(session: { id: string; lastSeenAt: Date }): void {
  if (Date.now() - session.lastSeenAt.getTime() <= TOUCH_EVERY_MS) return;
  void sqlQuery(Prisma.sql`UPDATE sessions SET last_seen_at = now() WHERE id = ${session.id}`).catch(() => undefined);
}

/** Whether a session is still open (NextAuth's own session endpoint asks). */
export async function isSessionOpen(sessionId: unknown): Promise<boolean> {
  if (typeof sessionId !== "string" || !sessionId) return false;
  return (await db.session.count({ where: { id: sessionId, expiresAt: { gt: new Date() } } })) > 0;
}

/** The places a user is signed in, most recently used first. */
export async function listSessions(options: { userId: string; currentSessionId?: string }): Promise<SessionSummary[]> {
  const rows = await db.session.findMany({
    where: { userId: options.userId, expiresAt: { gt: new Date() } },
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true, clientAddress: true },
    orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
  });
  return rows.map((r) => ({ ...r, device: describeUserAgent(r.userAgent), current: r.id === options.currentSessionId }));
}

/** Signing out: the session named by the cookie ends for good. */
export async function endSessionById(sessionId: unknown): Promise<void> {
  if (typeof sessionId !== "string" || !sessionId) return;
  await db.session.deleteMany({ where: { id: sessionId } });
}

/** Ends one of the user's own sessions (Settings: "Sign out" beside a device). */
export async function endSession(options: { userId: string; sessionId: string }): Promise<void> {
  const { count } = await db.session.deleteMany({ where: { id: options.sessionId, userId: options.userId } });
  if (count === 0) throw notFound("That session");
}

/** "Sign out everywhere", or every session but this one (after a password change). Returns how many ended. */
export async function endAllSessions(options: { userId: string; exceptSessionId?: string }): Promise<number> {
  const { count } = await db.session.deleteMany({
    where: { userId: options.userId, ...(options.exceptSessionId ? { id: { not: options.exceptSessionId } } : {}) },
  });
  return count;
}
