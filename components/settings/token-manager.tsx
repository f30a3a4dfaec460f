"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { apiFetch } from "@/lib/api/browser/client";

interface Token {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

const fmt = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

export function TokenManager({ initial }: { initial: Token[] }) {
  const [tokens, setTokens] = useState(initial);
  const [fresh, setFresh] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function create(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    setPending(true);
    setError(null);
    try {
      const name = String(new FormData(formEl).get("name") ?? "");
      const { token, ...summary } = await apiFetch<Token & { token: string }>("/api/v1/tokens", { method: "POST", json: { name } });
      setTokens((t) => [summary, ...t]);
      setFresh(token);
      formEl.reset();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setPending(false);
    }
  }

  async function revoke(id: string) {
    try {
      await apiFetch(`/api/v1/tokens/${id}`, { method: "DELETE" });
      setTokens((t) => t.filter((x) => x.id !== id));
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <div className="mt-4 space-y-6">
      {error && <Alert>{error}</Alert>}
      {fresh && (
        <Alert tone="success">
          <p className="font-medium">Copy your new token now. You will not see it again.</p>
          <code
            data-testid="new-token"
            className="mt-2 block overflow-x-auto rounded bg-white px-2 py-1 font-mono text-xs text-stone-900 dark:bg-stone-900 dark:text-stone-100"
          >
            {fresh}
          </code>
        </Alert>
      )}
      <form onSubmit={create} className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex-1">
          <Field label="Token name">{(p) => <input {...p} name="name" placeholder="e.g. Export script" maxLength={100} />}</Field>
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </Button>
      </form>
      {tokens.length === 0 ? (
        <EmptyState title="No tokens yet">Create one when a script needs to read or write through the API.</EmptyState>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
          {tokens.map((t) => (
            <li key={t.id} className="flex items-center gap-3 px-4 py-3">
              <div className="min-w-0 flex-1">
                <p className="font-medium">{t.name}</p>
                <p className="text-sm text-stone-500 dark:text-stone-400">
                  <code>{t.prefix}…</code> · created {fmt.format(new Date(t.createdAt))} ·{" "}
                  {t.lastUsedAt ? `last used ${fmt.format(new Date(t.lastUsedAt))}` : "never used"}
                </p>
              </div>
              <Button variant="secondary" size="sm" onClick={() => revoke(t.id)} aria-label={`Revoke token ${t.name}`}>
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
