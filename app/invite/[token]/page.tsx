import type { Metadata } from "next";
import { InvitationView } from "@/components/invitations/invitation-view";
import { getCurrentUser } from "@/lib/session";
import { getInvitationLink } from "@/lib/server/invitations/invitation-link";
import { passwordLoginEnabled, ssoButton } from "@/lib/server/sso/sso-settings";

export const metadata: Metadata = { title: "Invitation", robots: { index: false, follow: false } };

/** The page an invitation link opens, signed in or not: who invites you where, and how to join. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const viewer = await getCurrentUser();
  const link = await getInvitationLink({ token, viewerId: viewer?.id ?? null });
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <p className="mb-8 text-center font-serif text-3xl font-semibold tracking-tight">Marginalia</p>
        <InvitationView link={link} token={token} viewer={viewer} ways={{ sso: ssoButton(), passwordLogin: passwordLoginEnabled() }} />
      </div>
    </main>
  );
}
