"use client";

import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { AddMemberForm } from "./add-member-form";
import { InvitationLinkPanel } from "./invitation-link-panel";
import { MemberList } from "./member-list";
import type { Invitation, Member } from "./member-types";
import { PendingInvitations } from "./pending-invitations";
import { RemoveMemberDialog } from "./remove-member-dialog";
import { RoleDialog } from "./role-dialog";
import { useMembers } from "./use-members";

/** The members page below its header: the list, and for owners adding, inviting, changing roles and removing. */
export function MembersManager({
  workspace,
  me,
  canManage,
  initialMembers,
  initialInvitations,
}: {
  workspace: { id: string; name: string };
  me: { id: string; name: string };
  canManage: boolean;
  initialMembers: Member[];
  initialInvitations: Invitation[];
}) {
  const state = useMembers({ workspaceId: workspace.id, me, initialMembers, initialInvitations });
  const [changing, setChanging] = useState<Member | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  // A row that disappears takes the focus with it: the message about it gets it instead.
  const focusNotice = () => requestAnimationFrame(() => noticeRef.current?.focus());
  const owners = state.members.filter((m) => m.role === "owner").length;

  return (
    <>
      <div ref={noticeRef} tabIndex={-1} className="mt-6 empty:hidden focus:outline-none">
        {state.notice && <Alert tone={state.notice.tone}>{state.notice.text}</Alert>}
      </div>
      <div className="mt-6">
        <MemberList members={state.members} meId={me.id} canManage={canManage} onChangeRole={setChanging} onRemove={setRemoving} />
      </div>
      {canManage ? (
        <>
          <section className="mt-10" aria-labelledby="add-member">
            <h2 id="add-member" className="text-lg font-semibold">
              Add a member
            </h2>
            <AddMemberForm workspaceId={workspace.id} onAdded={state.added} onInvite={state.invite} />
            {state.fresh && <InvitationLinkPanel key={state.fresh.id} invitation={state.fresh} />}
          </section>
          <section className="mt-10" aria-labelledby="pending-invitations">
            <h2 id="pending-invitations" className="text-lg font-semibold">
              Pending invitations
            </h2>
            <PendingInvitations
              invitations={state.invitations}
              onRenew={(i) => state.invite(i.email, i.role).catch((e: Error) => state.setNotice({ tone: "error", text: e.message }))}
              onRevoke={(i) => state.revoke(i).then(focusNotice)}
            />
          </section>
        </>
      ) : (
        <p className="mt-6 text-sm text-stone-600 dark:text-stone-400">Only owners add members, invite people and change roles.</p>
      )}
      {changing && (
        <RoleDialog
          member={changing}
          isMe={changing.userId === me.id}
          lastOwner={changing.role === "owner" && owners <= 1}
          onSave={(role) => state.changeRole(changing, role)}
          onClose={() => setChanging(null)}
        />
      )}
      {removing && (
        <RemoveMemberDialog
          member={removing}
          isMe={removing.userId === me.id}
          workspaceName={workspace.name}
          onConfirm={() => state.remove(removing)}
          onClose={() => {
            if (!state.members.some((m) => m.userId === removing.userId)) focusNotice();
            setRemoving(null);
          }}
        />
      )}
    </>
  );
}
