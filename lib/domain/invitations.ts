import type { RoleName } from "./words";

export type InvitationState = "pending" | "expired" | "revoked" | "accepted";

/** What the page of a link shows: only to whoever holds the link's secret. */
export type InvitationLink =
  | { state: "unknown" }
  | {
      state: InvitationState;
      email: string;
      role: RoleName;
      expiresAt: Date;
      workspace: { id: string; slug: string; name: string };
      invitedBy: string;
      /** For a signed-in visitor: whether they are in the workspace already. */
      viewerIsMember: boolean;
    };

/** What the owner gets once, when they invite: the link itself is never stored, only its SHA-256. */
export interface CreatedInvitation {
  id: string;
  email: string;
  role: RoleName;
  url: string;
  expiresAt: Date;
  /** Whether the link also goes to the address by email (the server sends email): within a minute. */
  emailed: boolean;
}

/** An invitation not yet used or revoked (expired ones included: the owner sees them, to renew or revoke). */
export interface InvitationSummary {
  id: string;
  email: string;
  role: RoleName;
  createdAt: Date;
  expiresAt: Date;
  invitedBy: { id: string; name: string };
  /** Its email to the address: `pending` (on its way), `sent`, `failed`, or null when none was sent. */
  emailState: "pending" | "sent" | "skipped" | "failed" | null;
}
