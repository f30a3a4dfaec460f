"use client";

import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { ApiError, apiFetch } from "@/lib/api/browser/client";
import { ROLES, type RoleName } from "@/lib/domain/words";
import { INVITATION_DAYS } from "@/lib/validations/invitation";
import { addMemberSchema } from "@/lib/validations/workspace";
import type { Member } from "./member-types";

type Message = { tone: "error" | "success"; text: string; invite?: { email: string; role: RoleName } };

/** A thumb's width on touch screens. */
export const TOUCH = "pointer-coarse:h-11 pointer-coarse:px-4";

/**
 * Adds someone who has an account, or makes an invitation link for someone
 * who has none (offered by itself when the address is not registered).
 */
export function AddMemberForm({
  workspaceId,
  onAdded,
  onInvite,
}: {
  workspaceId: string;
  onAdded: (member: Member) => void;
  onInvite: (email: string, role: RoleName) => Promise<void>;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [pending, setPending] = useState<"add" | "invite" | null>(null);
  const hydrated = useHydrated();

  function read() {
    const parsed = addMemberSchema.safeParse(Object.fromEntries(new FormData(formRef.current!)));
    if (!parsed.success) setMessage({ tone: "error", text: parsed.error.issues[0].message });
    return parsed.success ? parsed.data : null;
  }

  async function run(action: "add" | "invite", work: () => Promise<void>) {
    setPending(action);
    setMessage(null);
    try {
      await work();
    } finally {
      setPending(null);
    }
  }

  async function add(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const input = read();
    if (!input) return;
    await run("add", async () => {
      try {
        const m = await apiFetch<Member>(`/api/v1/workspaces/${workspaceId}/members`, { method: "POST", json: input });
        onAdded(m);
        setMessage({ tone: "success", text: `${m.name} was added as ${m.role}.` });
        formRef.current?.reset();
      } catch (err) {
        const notRegistered = err instanceof ApiError && (err.details as { reason?: string } | undefined)?.reason === "not_registered";
        setMessage(
          notRegistered
            ? { tone: "error", text: `No one has registered with ${input.email} yet.`, invite: input }
            : { tone: "error", text: (err as Error).message },
        );
      }
    });
  }

  async function invite(input: { email: string; role: RoleName } | null) {
    if (!input) return;
    await run("invite", async () => {
      try {
        await onInvite(input.email, input.role);
        formRef.current?.reset();
      } catch (err) {
        setMessage({ tone: "error", text: (err as Error).message });
      }
    });
  }

  return (
    <form ref={formRef} onSubmit={add} className="mt-4 space-y-4" noValidate>
      {message && (
        <Alert tone={message.tone}>
          {message.text}
          {message.invite && (
            <>
              {" "}
              They can join with a link that creates their account.{" "}
              <Button
                variant="secondary"
                size="sm"
                className={`mt-2 ${TOUCH}`}
                disabled={pending !== null}
                onClick={() => invite(message.invite!)}
              >
                Invite them with a link
              </Button>
            </>
          )}
        </Alert>
      )}
      <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
        <Field label="Email">
          {(p) => <input {...p} name="email" type="email" required placeholder="colleague@example.org" autoComplete="off" />}
        </Field>
        <Field label="Role">
          {(p) => (
            <select {...p} name="role" defaultValue="annotator">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" className={TOUCH} disabled={pending !== null || !hydrated}>
          {pending === "add" ? "Adding…" : "Add member"}
        </Button>
        <Button variant="secondary" className={TOUCH} disabled={pending !== null || !hydrated} onClick={() => invite(read())}>
          {pending === "invite" ? "Making a link…" : "Invite with a link"}
        </Button>
      </div>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        <strong className="font-medium">Add member</strong> adds someone who already has an account.{" "}
        <strong className="font-medium">Invite with a link</strong> makes a link you send yourself: it works once, for that address, for{" "}
        {INVITATION_DAYS} days.
      </p>
    </form>
  );
}
