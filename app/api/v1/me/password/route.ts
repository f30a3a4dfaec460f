import { readJson } from "@/lib/api/server/read-json";
import { apiRoute } from "@/lib/api/server/route";
import { clientAddressOf } from "@/lib/runtime/client-address";
import { changePassword } from "@/lib/server/users/change-password";
import { changePasswordSchema } from "@/lib/validations/auth";

/** Changes the password and ends every other session; this one stays signed in. */
export const PUT = apiRoute(
  async ({ req, user, sessionId }) => {
    const input = await readJson(req, changePasswordSchema, 4 * 1024);
    return changePassword({ userId: user.id, sessionId: sessionId!, clientAddress: clientAddressOf(req.headers), input });
  },
  { sessionOnly: true },
);
