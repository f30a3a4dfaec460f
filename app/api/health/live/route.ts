import { json } from "@/lib/api/server/respond";

export const dynamic = "force-dynamic";

/** Liveness: the process answers. It needs nothing else, so a database outage never gets the app restarted. */
export function GET() {
  return json({ status: "ok" });
}
