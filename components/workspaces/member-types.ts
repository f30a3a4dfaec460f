import type { CreatedInvitation, InvitationSummary } from "@/lib/domain/invitations";
import type { Jsonified } from "@/lib/domain/json";
import type { MemberSummary } from "@/lib/domain/people";

export type Member = Jsonified<MemberSummary>;
export type Invitation = Jsonified<InvitationSummary>;
export type NewInvitation = Jsonified<CreatedInvitation>;
