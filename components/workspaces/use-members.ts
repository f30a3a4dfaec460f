"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { apiFetch } from "@/lib/api/browser/client";
import type { RoleName } from "@/lib/domain/words";
import { aRole } from "@/lib/domain/role-words";
import type { Invitation, Member, NewInvitation } from "./member-types";

export type Notice = { tone: "success" | "error"; text: string };

/**
 * The members page's lists and what an owner (or a member leaving) does to
 * them. Each change is applied to the lists from the API's answer, so the page
 * shows it at once, without waiting for the server to render the page again.
 */
export function useMembers(options: {
  workspaceId: string;
  me: { id: string; name: string };
  initialMembers: Member[];
  initialInvitations: Invitation[];
}) {
  const { workspaceId } = options;
  const meId = options.me.id;
  const router = useRouter();
  const [members, setMembers] = useState(options.initialMembers);
  const [invitations, setInvitations] = useState(options.initialInvitations);
  const [fresh, setFresh] = useState<NewInvitation | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const base = `/api/v1/workspaces/${workspaceId}`;

  const fail = (e: unknown) => setNotice({ tone: "error", text: (e as Error).message });

  const added = useCallback((member: Member) => {
    setMembers((list) => [...list.filter((m) => m.userId !== member.userId), member]);
    // The address has an account now: an open invitation for it is moot.
    setInvitations((list) => list.filter((i) => i.email !== member.email));
  }, []);

  async function changeRole(member: Member, role: RoleName): Promise<boolean> {
    try {
      const updated = await apiFetch<Member>(`${base}/members/${member.userId}`, { method: "PATCH", json: { role } });
      setMembers((list) => list.map((m) => (m.userId === updated.userId ? updated : m)));
      setNotice({
        tone: "success",
        text: member.userId === meId ? `You are now ${aRole(updated.role)}.` : `${updated.name} is now ${aRole(updated.role)}.`,
      });
      // Stepping down changes what this page may show you.
      if (member.userId === meId) router.refresh();
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  }

  async function remove(member: Member): Promise<boolean> {
    try {
      await apiFetch(`${base}/members/${member.userId}`, { method: "DELETE" });
      if (member.userId === meId) {
        // Home, with the workspace gone from the switcher too.
        router.push("/");
        router.refresh();
        return true;
      }
      setMembers((list) => list.filter((m) => m.userId !== member.userId));
      setNotice({ tone: "success", text: `${member.name} was removed.` });
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  }

  /** Makes a link (shown once, in `fresh`); a refusal is thrown, for the form to show beside its fields. */
  async function invite(email: string, role: RoleName): Promise<void> {
    const created = await apiFetch<NewInvitation>(`${base}/invitations`, { method: "POST", json: { email, role } });
    setFresh(created);
    setNotice(null);
    // Inviting an address again replaces its earlier link.
    const listed: Invitation = {
      id: created.id,
      email: created.email,
      role: created.role,
      expiresAt: created.expiresAt,
      createdAt: new Date().toISOString(),
      invitedBy: { id: meId, name: options.me.name },
      emailState: created.emailed ? "pending" : null,
    };
    setInvitations((list) => [listed, ...list.filter((i) => i.email !== created.email)]);
  }

  async function revoke(invitation: Invitation): Promise<void> {
    try {
      await apiFetch(`${base}/invitations/${invitation.id}`, { method: "DELETE" });
      setInvitations((list) => list.filter((i) => i.id !== invitation.id));
      if (fresh?.id === invitation.id) setFresh(null);
      setNotice({ tone: "success", text: `The invitation for ${invitation.email} was revoked.` });
    } catch (e) {
      fail(e);
    }
  }

  return { members, invitations, fresh, notice, setNotice, added, changeRole, remove, invite, revoke };
}
