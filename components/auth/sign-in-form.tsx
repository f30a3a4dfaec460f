"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export function SignInForm({ callbackUrl, registered }: { callbackUrl: string; registered: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const res = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    }).catch(() => null);
    if (res?.ok && !res.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    if (!res) setError("Could not reach the server. Try again.");
    else if (res.status === 429) setError("Too many failed sign-ins for this account from your network. Wait a few minutes (at most 15), then try again.");
    else if (res.status === 503) setError("Marginalia cannot reach its database right now. Try again in a few seconds.");
    else setError("That email and password do not match an account. Check them and try again.");
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-5 rounded-xl border border-stone-200 bg-white p-6 shadow-sm dark:border-stone-800 dark:bg-stone-900" noValidate>
      <h1 className="text-lg font-semibold">Sign in</h1>
      {registered && <Alert tone="success">Your account is ready. Sign in to continue.</Alert>}
      {error && <Alert>{error}</Alert>}
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
  );
}
