import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { EmailSettings } from "@/components/settings/email-settings";
import { PasswordForm } from "@/components/settings/password-form";
import { SessionList } from "@/components/settings/session-list";
import { TokenManager } from "@/components/settings/token-manager";
import { PageHeader } from "@/components/ui/page-header";
import { toClientJson } from "@/lib/client-json";
import { getCurrentSession } from "@/lib/session";
import { ALL } from "@/lib/server/pagination/keyset";
import { listSessions } from "@/lib/server/sessions/sessions";
import { listTokens } from "@/lib/server/tokens/tokens";
import { emailSettingsView } from "@/lib/server/email/settings";
import { ssoButton } from "@/lib/server/sso/sso-settings";
import { getSignInMethods } from "@/lib/server/users/get-user";

export const metadata: Metadata = { title: "Settings" };

const code = "rounded bg-stone-200 px-1 dark:bg-stone-800";

export default async function SettingsPage() {
  const current = await getCurrentSession();
  if (!current) redirect("/signin");
  const { user, sessionId } = current;
  const [{ items: tokens }, sessions, emailSettings, signInMethods] = await Promise.all([
    listTokens({ userId: user.id, page: ALL }),
    listSessions({ userId: user.id, currentSessionId: sessionId }),
    emailSettingsView(user.id),
    getSignInMethods(user.id),
  ]);
  const ssoName = ssoButton()?.name ?? "your organisation’s single sign-on";
  return (
    <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <PageHeader title="Settings" description={`Signed in as ${user.name} (${user.email}).`} />
      <section className="mt-10" aria-labelledby="password">
        <h2 id="password" className="text-lg font-semibold">
          Password
        </h2>
        {signInMethods.hasPassword ? (
          <>
            <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
              Changing it signs you out on every other device.
              {signInMethods.identityIssuers.length > 0 && ` You can also sign in with ${ssoName}.`}
            </p>
            <PasswordForm person={{ email: user.email, name: user.name }} />
          </>
        ) : (
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400" data-testid="sso-only-account">
            You sign in with {ssoName}, so this account has no password to change. Your organisation manages your sign-in: change your
            password there.
          </p>
        )}
      </section>
      <section className="mt-12" aria-labelledby="sessions">
        <h2 id="sessions" className="text-lg font-semibold">
          Where you are signed in
        </h2>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">Sign out a device you no longer use, or one you do not recognise.</p>
        <SessionList
          initial={toClientJson(
            sessions.map((s) => ({
              id: s.id,
              device: s.device,
              clientAddress: s.clientAddress,
              createdAt: s.createdAt,
              lastSeenAt: s.lastSeenAt,
              current: s.current,
            })),
          )}
        />
      </section>
      <section className="mt-12 scroll-mt-20" id="email" aria-labelledby="email-heading">
        <h2 id="email-heading" className="text-lg font-semibold">
          Email
        </h2>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          What you are notified of in the app can also reach you by email. Every email has a link to stop them all.
        </p>
        <EmailSettings initial={toClientJson(emailSettings)} />
      </section>
      <section className="mt-12" aria-labelledby="tokens">
        <h2 id="tokens" className="text-lg font-semibold">
          Personal access tokens
        </h2>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          Scripts use a token to call the API as you: send <code className={code}>Authorization: Bearer &lt;token&gt;</code>. A token can do
          everything you can, so keep it secret. The endpoints are described in the project’s <code className={code}>docs/api.md</code>.
        </p>
        <TokenManager
          initial={tokens.map((t) => ({ ...t, createdAt: t.createdAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null }))}
        />
      </section>
    </main>
  );
}
