"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TOUCH } from "./add-member-form";
import { LocalTime } from "./local-time";
import type { Invitation } from "./member-types";

/** What became of an invitation's email, in a few words. */
const EMAIL_STATE = { pending: "email on its way", sent: "emailed", skipped: "not emailed", failed: "email could not be sent" } as const;

/** Invitations not yet used: when each expires, a new link for it, or revoke it. */
export function PendingInvitations({
  invitations,
  onRenew,
  onRevoke,
}: {
  invitations: Invitation[];
  onRenew: (invitation: Invitation) => void;
  onRevoke: (invitation: Invitation) => void;
}) {
  // When the page was opened: an invitation that expires while it is open is refused when used, as it should be.
  const [now] = useState(() => Date.now());
  if (invitations.length === 0) {
    return (
      <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">
        No pending invitations. Links you make with “Invite with a link” wait here until they are used.
      </p>
    );
  }
  return (
    <ul
      aria-label="Pending invitations"
      className="mt-3 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900"
    >
      {invitations.map((i) => {
        const expired = new Date(i.expiresAt).getTime() <= now;
        return (
          <li key={i.id} className="flex flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3">
            <div className="min-w-0 flex-1">
              <p className="font-medium break-all">{i.email}</p>
              <p className="text-sm text-stone-500 dark:text-stone-400">
                <span className={expired ? "font-medium text-red-700 dark:text-red-400" : undefined}>
                  {expired ? "Expired" : "Expires"} <LocalTime iso={i.expiresAt} />
                </span>{" "}
                · invited by {i.invitedBy.name}
                {i.emailState && <> · {EMAIL_STATE[i.emailState]}</>}
              </p>
            </div>
            <Badge tone={i.role === "owner" ? "amber" : "neutral"}>{i.role}</Badge>
            <div className="flex basis-full justify-end gap-2 sm:basis-auto">
              <Button variant="secondary" size="sm" className={TOUCH} onClick={() => onRenew(i)}>
                New link<span className="sr-only"> for {i.email}</span>
              </Button>
              <Button variant="ghost" size="sm" className={`${TOUCH} text-red-700 dark:text-red-400`} onClick={() => onRevoke(i)}>
                Revoke<span className="sr-only"> the invitation for {i.email}</span>
              </Button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
