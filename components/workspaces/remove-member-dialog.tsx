"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { TOUCH } from "./add-member-form";
import type { Member } from "./member-types";

/** Asks before someone loses access: an owner removing a member, or a member leaving. */
export function RemoveMemberDialog({
  member,
  isMe,
  workspaceName,
  onConfirm,
  onClose,
}: {
  member: Member;
  isMe: boolean;
  workspaceName: string;
  onConfirm: () => Promise<boolean>;
  onClose: () => void;
}) {
  const [open, setOpen] = useState(true);
  const [working, setWorking] = useState(false);

  async function confirm() {
    setWorking(true);
    const done = await onConfirm();
    setWorking(false);
    if (done) setOpen(false);
  }

  return (
    <Modal
      open={open}
      onClose={onClose}
      title={isMe ? `Leave ${workspaceName}?` : `Remove ${member.name}?`}
      canClose={!working}
      initialFocus="[data-cancel]"
      footer={
        <>
          <Button variant="danger" className={TOUCH} disabled={working} onClick={confirm}>
            {working ? "Working…" : isMe ? "Leave workspace" : "Remove from workspace"}
          </Button>
          <Button variant="secondary" className={TOUCH} disabled={working} onClick={() => setOpen(false)} data-cancel>
            Cancel
          </Button>
        </>
      }
    >
      <p className="text-stone-700 dark:text-stone-300">
        {isMe
          ? `You lose access to ${workspaceName} at once. What you wrote stays. An owner can add you again.`
          : `${member.name} loses access to ${workspaceName} at once. What they wrote stays, under their name. You can add them again later.`}
      </p>
    </Modal>
  );
}
