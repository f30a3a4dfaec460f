import { z } from "zod";
import { emailField, roleField } from "./common";

/** How long an invitation link works. */
export const INVITATION_DAYS = 7;

/** Who is invited, and as what: the same fields as adding a member. */
export const createInvitationSchema = z.object({ email: emailField, role: roleField });
export type CreateInvitationInput = z.infer<typeof createInvitationSchema>;

/** The secret at the end of an invitation link (`/invite/{token}`): 32 random bytes, base64url. */
export const INVITATION_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const invitationToken = z
  .string({ error: "Invitation must be the code at the end of the invitation link." })
  .regex(INVITATION_TOKEN, "Invitation must be the code at the end of the invitation link.");

export const acceptInvitationSchema = z.object({ token: invitationToken });
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;
