"use client";

import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TOUCH } from "./add-member-form";
import type { Member } from "./member-types";
import { ROLE_HELP } from "@/lib/domain/role-words";

/** The workspace's people, each with their role and, for an owner (or yourself), what can be done. */
export function MemberList({
  members,
  meId,
  canManage,
  onChangeRole,
  onRemove,
}: {
  members: Member[];
  meId: string;
  canManage: boolean;
  onChangeRole: (member: Member) => void;
  onRemove: (member: Member) => void;
}) {
  const owners = members.filter((m) => m.role === "owner").length;
  return (
    <ul
      aria-label="Members"
      className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900"
    >
      {members.map((m) => {
        const me = m.userId === meId;
        const lastOwner = m.role === "owner" && owners <= 1;
        return (
          <li key={m.userId} className="flex flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3">
            <Avatar name={m.name} id={m.userId} size="md" />
            <div className="min-w-0 flex-1">
              <p className="truncate font-medium">
                {m.name}
                {me ? " (you)" : ""}
              </p>
              <p className="truncate text-sm text-stone-500 dark:text-stone-400">{m.email}</p>
            </div>
            <span title={ROLE_HELP[m.role]}>
              <Badge tone={m.role === "owner" ? "amber" : "neutral"}>{m.role}</Badge>
            </span>
            {(canManage || me) && (
              <div className="flex basis-full flex-wrap items-center justify-end gap-2 sm:basis-auto">
                {canManage && (
                  <Button variant="secondary" size="sm" className={TOUCH} onClick={() => onChangeRole(m)}>
                    Change role<span className="sr-only"> for {me ? "yourself" : m.name}</span>
                  </Button>
                )}
                {me ? (
                  lastOwner ? (
                    <span className="text-xs text-stone-500 dark:text-stone-400">Make someone else an owner to leave.</span>
                  ) : (
                    <Button variant="ghost" size="sm" className={TOUCH} onClick={() => onRemove(m)}>
                      Leave<span className="sr-only"> this workspace</span>
                    </Button>
                  )
                ) : (
                  <Button variant="ghost" size="sm" className={`${TOUCH} text-red-700 dark:text-red-400`} onClick={() => onRemove(m)}>
                    Remove<span className="sr-only"> {m.name}</span>
                  </Button>
                )}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
