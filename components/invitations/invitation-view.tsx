import Link from "next/link";
import type { ReactNode } from "react";
import { RegisterForm } from "@/components/auth/register-form";
import { SsoButton } from "@/components/auth/sso-button";
import { ButtonLink } from "@/components/ui/button";
import { ROLE_HELP, aRole } from "@/lib/domain/role-words";
import type { InvitationLink } from "@/lib/domain/invitations";
import { INVITATION_DAYS } from "@/lib/validations/invitation";
import type { PublicUser } from "@/lib/domain/people";
import { JoinButton } from "./join-button";
import { SignOutAndReturn } from "./sign-out-and-return";

const card = "space-y-4 rounded-xl border border-stone-200 bg-white p-6 shadow-sm dark:border-stone-800 dark:bg-stone-900";
const muted = "text-sm text-stone-600 dark:text-stone-400";

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className={card}>
      <h1 className="text-lg font-semibold text-balance">{title}</h1>
      {children}
    </section>
  );
}

/** How a visitor without a session can join: the organisation's single sign-on, a new password account, or both. */
export interface JoinWays {
  sso: { name: string } | null;
  passwordLogin: boolean;
}

/** What a link's page says, for every state of the invitation and of the visitor. */
export function InvitationView({
  link,
  token,
  viewer,
  ways = { sso: null, passwordLogin: true },
}: {
  link: InvitationLink;
  token: string;
  viewer: PublicUser | null;
  ways?: JoinWays;
}) {
  if (link.state === "unknown") {
    return (
      <Card title="This invitation link does not work">
        <p className={muted}>
          Check that you copied the whole link. If it still does not work, ask the person who invited you for a new one.
        </p>
        <ButtonLink href="/" variant="secondary" className="w-full">
          Go to Marginalia
        </ButtonLink>
      </Card>
    );
  }
  const { workspace, invitedBy } = link;
  const open = (
    <ButtonLink href={`/w/${workspace.slug}`} className="w-full">
      Open {workspace.name}
    </ButtonLink>
  );
  if (link.state === "accepted") {
    return (
      <Card title="This invitation has already been used">
        <p className={muted}>
          An invitation link works once.{" "}
          {viewer && link.viewerIsMember
            ? `You are a member of ${workspace.name}.`
            : `If you joined ${workspace.name} with it, sign in to continue.`}
        </p>
        {!viewer && (
          <ButtonLink href={`/signin?callbackUrl=${encodeURIComponent(`/w/${workspace.slug}`)}`} className="w-full">
            Sign in
          </ButtonLink>
        )}
        {viewer && link.viewerIsMember && open}
      </Card>
    );
  }
  if (link.state === "revoked") {
    return (
      <Card title="This invitation was withdrawn">
        <p className={muted}>
          An owner of {workspace.name} withdrew it, or sent a newer link in its place. If you still need to join, ask {invitedBy} for a new
          link.
        </p>
      </Card>
    );
  }
  if (link.state === "expired") {
    return (
      <Card title="This invitation has expired">
        <p className={muted}>
          Invitation links work for {INVITATION_DAYS} days. Ask {invitedBy}, or another owner of {workspace.name}, for a new one.
        </p>
      </Card>
    );
  }
  const invited = (
    <p className="text-stone-700 dark:text-stone-300">
      {invitedBy} invited you to {workspace.name} as {aRole(link.role)}: {ROLE_HELP[link.role]}.
    </p>
  );
  if (viewer && viewer.email !== link.email) {
    return (
      <Card title="This invitation is for someone else">
        <p className={muted}>
          It was sent to <strong className="font-medium text-stone-900 dark:text-stone-100">{link.email}</strong>. You are signed in as{" "}
          <strong className="font-medium text-stone-900 dark:text-stone-100">{viewer.email}</strong>.
        </p>
        <p className={muted}>To join as {link.email}, sign out, then register or sign in with that address here.</p>
        <SignOutAndReturn path={`/invite/${token}`} />
        <p className={muted}>
          Or{" "}
          <Link href="/" className="underline underline-offset-2">
            go back to your workspaces
          </Link>
          .
        </p>
      </Card>
    );
  }
  // After the link's state and address: a used link, or someone else's, says so first.
  if (viewer && link.viewerIsMember) {
    return (
      <Card title={`You are in ${workspace.name}`}>
        <p className={muted}>You are already a member of this workspace: nothing to accept.</p>
        {open}
      </Card>
    );
  }
  if (viewer) {
    return (
      <Card title={`Join ${workspace.name}`}>
        {invited}
        <JoinButton token={token} workspaceName={workspace.name} />
      </Card>
    );
  }
  return (
    <div className="space-y-6">
      <section className="space-y-2 text-center">
        <h1 className="font-serif text-2xl font-semibold tracking-tight text-balance">Join {workspace.name}</h1>
        {invited}
      </section>
      {ways.sso && (
        <section className={card} aria-label={`Join with ${ways.sso.name}`}>
          <p className={muted}>
            Sign in with your {ways.sso.name} account for {link.email}; you come back here to join.
          </p>
          {/* Back to this page once signed in, where joining is one click. */}
          <SsoButton name={ways.sso.name} callbackUrl={`/invite/${token}`} variant={ways.passwordLogin ? "secondary" : "primary"} />
        </section>
      )}
      {ways.passwordLogin && <RegisterForm invitation={{ token, email: link.email }} />}
      {!ways.passwordLogin && !ways.sso && (
        <p className={muted}>Joining is not possible on this server yet: no way of signing in is set up. Tell {invitedBy}.</p>
      )}
    </div>
  );
}
