"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ApiError, apiFetch } from "@/lib/api/browser/client";
import { changePasswordSchema, PASSWORD_MIN } from "@/lib/validations/auth";
import { checkPasswordInBrowser } from "@/components/auth/check-password";

type Errors = Partial<Record<"currentPassword" | "newPassword" | "form", string>>;

/** Change password: the current one, then a new one that cannot be guessed. Every other session ends. */
export function PasswordForm({ person }: { person: { email: string; name: string } }) {
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    setDone(null);
    const parsed = changePasswordSchema.safeParse(Object.fromEntries(new FormData(formEl)));
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) next[issue.path[0] as keyof Errors] ??= issue.message;
      setErrors(next);
      return;
    }
    const weak = await checkPasswordInBrowser(parsed.data.newPassword, person);
    if (weak) {
      setErrors({ newPassword: weak });
      return;
    }
    setPending(true);
    setErrors({});
    try {
      const { endedSessions } = await apiFetch<{ endedSessions: number }>("/api/v1/me/password", { method: "PUT", json: parsed.data });
      formEl.reset();
      setDone(
        endedSessions > 0
          ? `Your password is changed, and you were signed out everywhere else (${endedSessions} ${endedSessions === 1 ? "session" : "sessions"}).`
          : "Your password is changed.",
      );
    } catch (err) {
      const issues =
        err instanceof ApiError ? ((err.details as { issues?: { path: string; message: string }[] } | undefined)?.issues ?? []) : [];
      const field = issues[0]?.path;
      setErrors(field === "currentPassword" || field === "newPassword" ? { [field]: issues[0].message } : { form: (err as Error).message });
    } finally {
      setPending(false);
    }
  }

  return (
    <form method="post" onSubmit={onSubmit} className="mt-4 max-w-md space-y-4" noValidate>
      {errors.form && <Alert>{errors.form}</Alert>}
      {done && <Alert tone="success">{done}</Alert>}
      <Field label="Current password" error={errors.currentPassword}>
        {(p) => <input {...p} name="currentPassword" type="password" autoComplete="current-password" required />}
      </Field>
      <Field
        label="New password"
        hint={`At least ${PASSWORD_MIN} characters, and hard to guess: a few uncommon words work well.`}
        error={errors.newPassword}
      >
        {(p) => <input {...p} name="newPassword" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN} />}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
