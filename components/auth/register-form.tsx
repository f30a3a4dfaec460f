"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ApiError, apiFetch } from "@/lib/api/browser/client";
import { checkPasswordInBrowser } from "./check-password";
import { signInWithPassword } from "./password-sign-in";
import { PASSWORD_MIN, registerSchema } from "@/lib/validations/auth";

type Errors = Partial<Record<"name" | "email" | "password" | "form", string>>;

/** What registering answers: the account, and the workspace an invitation took it to. */
type Registered = { id: string; joined?: { workspace: { slug: string } } };

/**
 * The sign-up form. With an invitation (on its link's page), the email is the
 * invitation's, the link's code goes with the form, and the new account lands
 * in the workspace it joined.
 */
export function RegisterForm({ invitation }: { invitation?: { token: string; email: string } } = {}) {
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const parsed = registerSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) next[issue.path[0] as keyof Errors] ??= issue.message;
      setErrors(next);
      return;
    }
    setPending(true);
    setErrors({});
    const weak = await checkPasswordInBrowser(parsed.data.password, parsed.data);
    if (weak) {
      setPending(false);
      setErrors({ password: weak });
      return;
    }
    try {
      const registered = await apiFetch<Registered>("/api/register", { method: "POST", json: parsed.data });
      const outcome = await signInWithPassword(parsed.data.email, parsed.data.password);
      const home = registered.joined ? `/w/${registered.joined.workspace.slug}` : "/";
      window.location.assign(outcome === "ok" ? home : `/signin?registered=1&callbackUrl=${encodeURIComponent(home)}`);
    } catch (err) {
      setPending(false);
      // A field the server refused (a guessable password) is named under that field.
      const issue =
        err instanceof ApiError ? (err.details as { issues?: { path: string; message: string }[] } | undefined)?.issues?.[0] : undefined;
      setErrors(
        issue && ["name", "email", "password"].includes(issue.path) ? { [issue.path]: issue.message } : { form: (err as Error).message },
      );
    }
  }

  return (
    <form
      method="post"
      onSubmit={onSubmit}
      className="space-y-5 rounded-xl border border-stone-200 bg-white p-6 shadow-sm dark:border-stone-800 dark:bg-stone-900"
      noValidate
    >
      {invitation ? (
        <h2 className="text-lg font-semibold">Create your account</h2>
      ) : (
        <h1 className="text-lg font-semibold">Create an account</h1>
      )}
      {errors.form && <Alert>{errors.form}</Alert>}
      <Field label="Name" error={errors.name}>
        {(p) => <input {...p} name="name" autoComplete="name" required autoFocus />}
      </Field>
      {invitation ? (
        <>
          <Field label="Email" hint="The invitation is for this address." error={errors.email}>
            {(p) => (
              <input
                {...p}
                name="email"
                type="email"
                autoComplete="email"
                readOnly
                value={invitation.email}
                className={`${p.className} bg-stone-100 dark:bg-stone-800`}
              />
            )}
          </Field>
          <input type="hidden" name="invitation" value={invitation.token} />
        </>
      ) : (
        <Field label="Email" error={errors.email}>
          {(p) => <input {...p} name="email" type="email" autoComplete="email" required />}
        </Field>
      )}
      <Field
        label="Password"
        hint={`At least ${PASSWORD_MIN} characters, and hard to guess: a few uncommon words work well.`}
        error={errors.password}
      >
        {(p) => <input {...p} name="password" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN} />}
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating your account…" : invitation ? "Create account and join" : "Create account"}
      </Button>
      <p className="text-center text-sm text-stone-600 dark:text-stone-400">
        Already have an account{invitation ? ` for ${invitation.email}` : ""}?{" "}
        <Link
          href={invitation ? `/signin?callbackUrl=${encodeURIComponent(`/invite/${invitation.token}`)}` : "/signin"}
          className="font-medium text-stone-900 underline underline-offset-2 dark:text-stone-100"
        >
          Sign in
        </Link>
      </p>
    </form>
  );
}
