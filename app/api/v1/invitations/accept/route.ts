import { readJson } from "@/lib/api/server/read-json";
import { apiRoute } from "@/lib/api/server/route";
import { acceptInvitation } from "@/lib/server/invitations/accept-invitation";
import { acceptInvitationSchema } from "@/lib/validations/invitation";

export const POST = apiRoute(async ({ req, user }) => {
  const { token } = await readJson(req, acceptInvitationSchema, 4 * 1024);
  return acceptInvitation({ userId: user.id, email: user.email, token });
});
