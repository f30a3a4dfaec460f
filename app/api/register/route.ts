import type { NextRequest } from "next/server";
import { readJson } from "@/lib/api/read-json";
import { errorResponse, json } from "@/lib/api/respond";
import { registerUser } from "@/lib/server/users/register-user";
import { registerSchema } from "@/lib/validations/auth";

export async function POST(req: NextRequest) {
  try {
    const input = await readJson(req, registerSchema, 16 * 1024);
    return json(await registerUser(input), 201);
  } catch (e) {
    return errorResponse(e);
  }
}
