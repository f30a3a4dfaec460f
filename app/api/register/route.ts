import type { NextRequest } from "next/server";
import { assertNotCrossOrigin } from "@/lib/api/server/origin";
import { readJson } from "@/lib/api/server/read-json";
import { errorResponse, json } from "@/lib/api/server/respond";
import { clientAddressOf } from "@/lib/runtime/client-address";
import { AppError } from "@/lib/errors";
import { consumeRegistration } from "@/lib/server/rate-limit";
import { passwordLoginEnabled } from "@/lib/server/sso/sso-settings";
import { registerUser } from "@/lib/server/users/register-user";
import { registerSchema } from "@/lib/validations/auth";

/** Registering with a password; 403 when password sign-in is off (MARGINALIA_PASSWORD_LOGIN=0): accounts then come from single sign-on. */
export async function POST(req: NextRequest) {
  try {
    assertNotCrossOrigin(req);
    if (!passwordLoginEnabled())
      throw new AppError("forbidden", "Creating an account with a password is turned off here: sign in with your organisation’s account.");
    const input = await readJson(req, registerSchema, 16 * 1024);
    await consumeRegistration(clientAddressOf(req.headers));
    return json(await registerUser(input), 201);
  } catch (e) {
    return errorResponse(e);
  }
}
