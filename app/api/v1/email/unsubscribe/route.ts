import type { NextRequest } from "next/server";
import { readBody } from "@/lib/api/server/read-json";
import { errorResponse, json } from "@/lib/api/server/respond";
import { AppError } from "@/lib/errors";
import { turnEmailOff } from "@/lib/server/email/settings";
import { userOfUnsubscribeToken } from "@/lib/server/email/unsubscribe";
import { parseInput } from "@/lib/validations/parse-input";
import { unsubscribeSchema } from "@/lib/validations/notification";

/**
 * One-click unsubscribe, without signing in: the link's signed token turns that person's email off.
 * A mail client POSTs `List-Unsubscribe=One-Click` (a form body) to the List-Unsubscribe address,
 * which carries the token in its query (RFC 8058); the /unsubscribe page POSTs `{ "token" }` as JSON.
 * No cookie is read, so no cross-site check applies: the token is the whole authority, and it can do
 * nothing but this.
 */
export async function POST(req: NextRequest) {
  try {
    let token = req.nextUrl.searchParams.get("token");
    const body = new TextDecoder().decode(await readBody(req, 4 * 1024, "The request body"));
    if (!token && /^application\/json\b/i.test(req.headers.get("content-type") ?? "")) {
      try {
        token = parseInput(unsubscribeSchema, JSON.parse(body)).token;
      } catch (e) {
        if (e instanceof SyntaxError) throw new AppError("bad_request", "The request body is not valid JSON.");
        throw e;
      }
    }
    const { token: checked } = parseInput(unsubscribeSchema, { token: token ?? "" });
    const userId = userOfUnsubscribeToken(checked);
    if (!userId) throw new AppError("not_found", "That unsubscribe link is not valid: open Settings to change your email.");
    await turnEmailOff(userId);
    return json({ email: "off" });
  } catch (e) {
    return errorResponse(e);
  }
}
