import { json } from "@/lib/api/server/respond";
import { checkReadiness } from "@/lib/db/health";
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from "@/lib/db/unavailable";

export const dynamic = "force-dynamic";

/** Readiness: the database answers and every migration is applied; else 503 with what is wrong. */
export async function GET() {
  const readiness = await checkReadiness().catch(() => ({ status: "unavailable" as const, problems: ["the readiness check failed"] }));
  if (readiness.status === "ok") return json(readiness);
  const response = json(readiness, 503);
  response.headers.set("Retry-After", String(UNAVAILABLE_RETRY_AFTER_SECONDS));
  return response;
}
