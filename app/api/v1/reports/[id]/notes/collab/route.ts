import { apiRoute } from "@/lib/api/server/route";
import { publicRequest } from "@/lib/collab/collab-url";
import { getCollabTicket } from "@/lib/server/notes/collab-ticket";

/** Where and how to co-edit the notes: the collaboration server's address, the document and a short-lived token. */
export const GET = apiRoute<{ id: string }>(async ({ req, user, params }) =>
  getCollabTicket({ user, reportId: params.id, request: publicRequest(req) }),
);
