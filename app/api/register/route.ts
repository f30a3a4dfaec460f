import type { NextRequest } from "next/server";
import { assertNotCrossOrigin } from "@/lib/api/server/origin";
import { readJson } from "@/lib/api/server/read-json";
import { errorResponse, json } from "@/lib/api/server/respond";
import { clientAddressOf } from "@/lib/runtime/client-address";
import { consumeRegistration } from "@/lib/server/rate-limit";
import { registerUser } from "@/lib/server/users/register-user";
import { registerSchema } from "@/lib/validations/auth";

export async function POST(req: NextRequest) {
  try {
    assertNotCrossOrigin(req);
    const input = await readJson(req, registerSchema, 16 * 1024);
    await consumeRegistration(clientAddressOf(req.headers));
    return json(await registerUser(input), 201);
  } catch (e) {
    return errorResponse(e);
  }
}
