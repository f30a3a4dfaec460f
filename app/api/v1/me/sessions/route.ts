import { apiRoute } from "@/lib/api/server/route";
import { endAllSessions, listSessions } from "@/lib/server/sessions/sessions";

/** Where the user is signed in: one entry per browser session, this one marked `current`. */
export const GET = apiRoute(
  async ({ user, sessionId }) => ({ sessions: await listSessions({ userId: user.id, currentSessionId: sessionId ?? undefined }) }),
  { sessionOnly: true },
);

/** Sign out everywhere: every session of the user ends, this one too. */
export const DELETE = apiRoute(async ({ user }) => ({ endedSessions: await endAllSessions({ userId: user.id }) }), { sessionOnly: true });
