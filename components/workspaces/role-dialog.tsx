"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { ROLES, type RoleName } from "@/lib/domain/words";
import { TOUCH } from "./add-member-form";
import type { Member } from "./member-types";
import { ROLE_HELP, ROLE_LABEL } from "@/lib/domain/role-words";

/** Picks a member's new role; the last owner's other roles are offered but not selectable, with the reason. */
export function RoleDialog({
  member,
  isMe,
  lastOwner,
  onSave,
  onClose,
}: {
  member: Member;
  isMe: boolean;
  lastOwner: boolean;
  onSave: (role: RoleName) => Promise<boolean>;
  onClose: () => void;
}) {
  const [open, setOpen] = useState(true);
  const [saving, setSaving] = useState(false);
  const formId = useId();

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const role = new FormData(e.currentTarget).get("role") as RoleName | null;
    if (!role || role === member.role) return setOpen(false);
    setSaving(true);
    const saved = await onSave(role);
    setSaving(false);
    if (saved) setOpen(false);
  }

  return (
    <Modal
      open={open}
      onClose={onClose}
      title={isMe ? "Change your role" : `Change ${member.name}’s role`}
      description={isMe ? undefined : member.email}
      initialFocus="input[name=role]:checked"
      canClose={!saving}
      footer={
        <>
          <Button type="submit" form={formId} className={TOUCH} disabled={saving}>
            {saving ? "Saving…" : "Save role"}
          </Button>
          <Button variant="secondary" className={TOUCH} disabled={saving} onClick={() => setOpen(false)}>
            Cancel
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit}>
        <fieldset className="space-y-1">
          <legend className="sr-only">New role</legend>
          {ROLES.map((role) => {
            const disabled = lastOwner && role !== "owner";
            return (
              <label
                key={role}
                className={`flex min-h-11 cursor-pointer items-start gap-3 rounded-md px-3 py-2 hover:bg-stone-100 has-[:checked]:bg-amber-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-amber-600 dark:hover:bg-stone-800 dark:has-[:checked]:bg-amber-950/50 ${disabled ? "cursor-not-allowed opacity-60" : ""}`}
              >
                <input
                  type="radio"
                  name="role"
                  value={role}
                  defaultChecked={role === member.role}
                  disabled={disabled}
                  className="mt-1 accent-amber-700"
                />
                <span>
                  <span className="block font-medium">{ROLE_LABEL[role]}</span>
                  <span className="block text-sm text-stone-600 dark:text-stone-400">{ROLE_HELP[role]}</span>
                </span>
              </label>
            );
          })}
        </fieldset>
        {lastOwner ? (
          <p className="mt-3 text-sm text-stone-700 dark:text-stone-300">
            A workspace needs an owner: make someone else an owner first, then {isMe ? "you" : "they"} can take another role.
          </p>
        ) : (
          isMe &&
          member.role === "owner" && (
            <p className="mt-3 text-sm text-stone-700 dark:text-stone-300">
              With another role you can no longer manage members or invite people.
            </p>
          )
        )}
      </form>
    </Modal>
  );
}
