"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { TOUCH } from "./add-member-form";
import { LocalTime } from "./local-time";
import type { NewInvitation } from "./member-types";
import { aRole } from "@/lib/domain/role-words";

/** A new invitation's link, shown this once, with a Copy button: the owner sends it themselves. */
export function InvitationLinkPanel({ invitation }: { invitation: NewInvitation }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "by-hand" | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(invitation.url);
      setCopied("yes");
    } catch {
      // No clipboard (a page not served over https, or permission refused): the link is selected for the keyboard's copy.
      input.current?.select();
      setCopied("by-hand");
    }
  }

  return (
    <section
      aria-labelledby="new-invitation"
      className="mt-6 rounded-lg border border-emerald-200 bg-emerald-50 p-4 dark:border-emerald-900 dark:bg-emerald-950/40"
    >
      <h3 id="new-invitation" className="font-medium text-emerald-950 dark:text-emerald-100">
        Invitation link for <span className="break-all">{invitation.email}</span>
      </h3>
      <p className="mt-1 text-sm text-emerald-950 dark:text-emerald-100">
        {invitation.emailed ? "We are emailing it to them (within a minute); you can also send it yourself." : "Send it to them yourself."}{" "}
        It adds them as {aRole(invitation.role)}, works once, and expires <LocalTime iso={invitation.expiresAt} />. This is the only time
        the link is shown: for a new one, use “New link”.
      </p>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row">
        <label htmlFor="invitation-link" className="sr-only">
          Invitation link
        </label>
        <input
          ref={input}
          id="invitation-link"
          readOnly
          value={invitation.url}
          onFocus={(e) => e.currentTarget.select()}
          className={`${controlClass} min-w-0 flex-1 font-mono text-xs`}
        />
        <Button onClick={copy} className={TOUCH}>
          Copy link
        </Button>
      </div>
      <p role="status" className="mt-2 min-h-5 text-sm text-emerald-950 dark:text-emerald-100">
        {copied === "yes"
          ? "Copied. Paste it into an email or a chat message."
          : copied === "by-hand"
            ? "The link is selected: press Ctrl+C (⌘C on a Mac) to copy it."
            : ""}
      </p>
    </section>
  );
}
