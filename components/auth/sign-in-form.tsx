"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { prepareSignIn, signInWithPassword, type SignInOutcome } from "./password-sign-in";
import { SsoButton } from "./sso-button";

const MESSAGES: Record<Exclude<SignInOutcome, "ok">, string> = {
  wrong: "That email and password do not match an account. Check them and try again.",
  rate_limited: "Too many failed sign-ins for this account from your network. Wait a few minutes (at most 15), then try again.",
  unavailable: "Marginalia cannot reach its database right now. Try again in a few seconds.",
  network: "Could not reach the server. Check your connection and try again.",
};

const card = "space-y-5 rounded-xl border border-stone-200 bg-white p-6 shadow-sm dark:border-stone-800 dark:bg-stone-900";

/**
 * The sign-in page's card: the organisation's single sign-on when configured,
 * the email and password form unless password sign-in is off, and the sentence
 * for a sign-in that came back refused (`notice`).
 */
export function SignInForm({
  callbackUrl,
  registered,
  sso,
  passwordLogin,
  notice,
}: {
  callbackUrl: string;
  registered: boolean;
  sso: { name: string } | null;
  passwordLogin: boolean;
  notice: string | null;
}) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  // The CSRF token is fetched as the page appears, so signing in is one request.
  useEffect(() => prepareSignIn(), []);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const outcome = await signInWithPassword(String(form.get("email") ?? ""), String(form.get("password") ?? ""));
    if (outcome === "ok") {
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setError(MESSAGES[outcome]);
  }

  const shownError = error ?? notice;
  return (
    <div className={card}>
      <h1 className="text-lg font-semibold">Sign in</h1>
      {registered && <Alert tone="success">Your account is ready. Sign in to continue.</Alert>}
      {shownError && <Alert>{shownError}</Alert>}
      {sso && (
        <SsoButton name={sso.name} callbackUrl={callbackUrl} variant={passwordLogin ? "secondary" : "primary"} autoFocus={!passwordLogin} />
      )}
      {sso && passwordLogin && (
        <div className="flex items-center gap-3 text-xs text-stone-500 dark:text-stone-400" aria-hidden="true">
          <span className="h-px flex-1 bg-stone-200 dark:bg-stone-700" />
          or with your email
          <span className="h-px flex-1 bg-stone-200 dark:bg-stone-700" />
        </div>
      )}
      {passwordLogin && (
        <form method="post" onSubmit={onSubmit} className="space-y-5" noValidate>
          <Field label="Email">{(p) => <input {...p} name="email" type="email" autoComplete="email" required autoFocus />}</Field>
          <Field label="Password">{(p) => <input {...p} name="password" type="password" autoComplete="current-password" required />}</Field>
          <Button type="submit" className="w-full" disabled={pending}>
            {pending ? "Signing in…" : "Sign in"}
          </Button>
          <p className="text-center text-sm text-stone-600 dark:text-stone-400">
            New here?{" "}
            <Link href="/register" className="font-medium text-stone-900 underline underline-offset-2 dark:text-stone-100">
              Create an account
            </Link>
          </p>
        </form>
      )}
      {!passwordLogin && sso && (
        <p className="text-sm text-stone-600 dark:text-stone-400">
          Use your {sso.name} account. The first time you sign in, Marginalia creates your account from it.
        </p>
      )}
      {!passwordLogin && !sso && (
        <p className="text-sm text-stone-600 dark:text-stone-400">
          Signing in is not set up on this server: password sign-in is off and no single sign-on is configured. Tell your administrator.
        </p>
      )}
    </div>
  );
}
