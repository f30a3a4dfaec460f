import { apiRoute } from "@/lib/api/route";
import { getCollabTicket } from "@/lib/server/notes/collab-ticket";

/** Where and how to co-edit the notes: the collaboration server's address, the document and a short-lived token. */
export const GET = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? req.nextUrl.host;
  const protocol = (req.headers.get("x-forwarded-proto") ?? req.nextUrl.protocol).replace(/:$/, "").split(",")[0].trim();
  return getCollabTicket({ user, reportId: params.id, request: { protocol, host } });
});
