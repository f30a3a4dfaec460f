"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { apiFetch } from "@/lib/api/browser/client";
import { createWorkspaceSchema } from "@/lib/validations/workspace";

export function CreateWorkspaceForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const parsed = createWorkspaceSchema.safeParse({ name: new FormData(e.currentTarget).get("name") });
    if (!parsed.success) return setError(parsed.error.issues[0].message);
    setPending(true);
    setError(null);
    try {
      const ws = await apiFetch<{ slug: string }>("/api/v1/workspaces", { method: "POST", json: parsed.data });
      router.push(`/w/${ws.slug}`);
      router.refresh();
    } catch (err) {
      setError((err as Error).message);
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end" noValidate>
      <div className="flex-1">
        <Field label="Workspace name" error={error}>
          {(p) => <input {...p} name="name" placeholder="e.g. Policy desk" maxLength={80} required />}
        </Field>
      </div>
      <Button type="submit" disabled={pending || !hydrated}>
        {pending ? "Creating…" : "Create workspace"}
      </Button>
    </form>
  );
}
