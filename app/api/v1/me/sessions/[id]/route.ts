import { apiRoute } from "@/lib/api/server/route";
import { endSession } from "@/lib/server/sessions/sessions";

/** Signs one of the user's sessions out (a lost laptop, a shared computer). */
export const DELETE = apiRoute<{ id: string }>(
  async ({ user, params }) => {
    await endSession({ userId: user.id, sessionId: params.id });
    return new Response(null, { status: 204 });
  },
  { sessionOnly: true },
);
