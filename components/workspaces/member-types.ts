import type { InvitationSummary, CreatedInvitation } from "@/lib/server/invitations/invitations";
import type { MemberSummary } from "@/lib/server/workspaces/workspaces";

/** What the server's types look like once they reach the browser as JSON (dates as ISO strings). */
type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends object ? Json<T[K]> : T[K] };

export type Member = Json<MemberSummary>;
export type Invitation = Json<InvitationSummary>;
export type NewInvitation = Json<CreatedInvitation>;
