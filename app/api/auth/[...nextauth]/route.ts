import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { assertNotCrossOrigin } from "@/lib/api/server/origin";
import { errorResponse, json } from "@/lib/api/server/respond";
import { authOptionsFor } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { clientAddressOf } from "@/lib/runtime/client-address";
import { rateLimited, signInWaitMs } from "@/lib/server/rate-limit";
import { passwordLoginEnabled } from "@/lib/server/sso/sso-settings";

type Context = { params: Promise<{ nextauth: string[] }> };

/** NextAuth, with options made for this request (its device and address go into the session's row). */
function handle(req: NextRequest, context: Context): Promise<Response> {
  const options = authOptionsFor({ userAgent: req.headers.get("user-agent"), clientAddress: clientAddressOf(req.headers) });
  return NextAuth(req, context, options) as Promise<Response>;
}

export const GET = handle;

/**
 * NextAuth's posts (sign in, sign out), after checks of ours: a browser on
 * another site is refused (NextAuth's CSRF token guards these too); with
 * password sign-in turned off (MARGINALIA_PASSWORD_LOGIN=0) a password gets
 * 403; and a client that has used up its sign-in attempts gets 429 with
 * Retry-After, in a body NextAuth's client also understands (`url` with
 * `error=RateLimited`).
 */
export async function POST(req: NextRequest, context: Context) {
  try {
    assertNotCrossOrigin(req);
    if (req.nextUrl.pathname.endsWith("/callback/credentials")) {
      if (!passwordLoginEnabled())
        throw new AppError("forbidden", "Signing in with a password is turned off here: sign in with your organisation’s account.");
      const form = await req
        .clone()
        .formData()
        .catch(() => null);
      const email = form?.get("email");
      const waitMs = typeof email === "string" ? await signInWaitMs({ address: clientAddressOf(req.headers), email }) : 0;
      if (waitMs > 0) {
        const error = rateLimited("Too many failed sign-ins for this account from your network.", waitMs);
        const response = json({ ...error.toBody(), url: new URL("/signin?error=RateLimited", req.nextUrl.origin).toString() }, 429);
        response.headers.set("Retry-After", String(Math.ceil(waitMs / 1000)));
        return response;
      }
    }
  } catch (e) {
    return errorResponse(e);
  }
  return handle(req, context);
}
