"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { apiFetch } from "@/lib/api/browser/client";

/** A signed-in invitee joins with one click, and lands in the workspace. */
export function JoinButton({ token, workspaceName }: { token: string; workspaceName: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hydrated = useHydrated();
  const router = useRouter();

  async function join() {
    setPending(true);
    setError(null);
    try {
      const joined = await apiFetch<{ workspace: { slug: string } }>("/api/v1/invitations/accept", { method: "POST", json: { token } });
      router.push(`/w/${joined.workspace.slug}`);
    } catch (e) {
      setError((e as Error).message);
      setPending(false);
    }
  }

  return (
    <div className="space-y-3">
      {error && <Alert>{error}</Alert>}
      <Button className="w-full" onClick={join} disabled={pending || !hydrated}>
        {pending ? "Joining…" : `Join ${workspaceName}`}
      </Button>
    </div>
  );
}
