import type { Metadata } from "next";
import { TokenManager } from "@/components/settings/token-manager";
import { requireUser } from "@/lib/session";
import { listTokens } from "@/lib/server/tokens/tokens";
import { ALL } from "@/lib/server/pagination/keyset";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser();
  const { items: tokens } = await listTokens({ userId: user.id, page: ALL });
  return (
    <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">Settings</h1>
      <p className="mt-1 text-stone-600 dark:text-stone-400">Signed in as {user.name} ({user.email}).</p>
      <section className="mt-10" aria-labelledby="tokens">
        <h2 id="tokens" className="text-lg font-semibold">Personal access tokens</h2>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          Scripts use a token to call the API as you: send <code className="rounded bg-stone-200 px-1 dark:bg-stone-800">Authorization: Bearer &lt;token&gt;</code>.
          A token can do everything you can, so keep it secret. The endpoints are described in the project’s <code className="rounded bg-stone-200 px-1 dark:bg-stone-800">docs/api.md</code>.
        </p>
        <TokenManager initial={tokens.map((t) => ({ ...t, createdAt: t.createdAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null }))} />
      </section>
    </main>
  );
}
