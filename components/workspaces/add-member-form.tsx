"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { apiFetch } from "@/lib/api/client";
import { ROLES } from "@/lib/validations/common";
import { addMemberSchema } from "@/lib/validations/workspace";

export function AddMemberForm({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const parsed = addMemberSchema.safeParse(Object.fromEntries(new FormData(formEl)));
    if (!parsed.success) return setMessage({ tone: "error", text: parsed.error.issues[0].message });
    setPending(true);
    setMessage(null);
    try {
      const m = await apiFetch<{ name: string; role: string }>(`/api/v1/workspaces/${workspaceId}/members`, { method: "POST", json: parsed.data });
      setMessage({ tone: "success", text: `${m.name} was added as ${m.role}.` });
      formEl.reset();
      router.refresh();
    } catch (err) {
      setMessage({ tone: "error", text: (err as Error).message });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="mt-4 space-y-4" noValidate>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
        <Field label="Email">{(p) => <input {...p} name="email" type="email" required placeholder="colleague@example.org" />}</Field>
        <Field label="Role">
          {(p) => (
            <select {...p} name="role" defaultValue="annotator">
              {ROLES.map((r) => (
                <option key={r} value={r}>{r}</option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Button type="submit" disabled={pending}>{pending ? "Adding…" : "Add member"}</Button>
    </form>
  );
}
