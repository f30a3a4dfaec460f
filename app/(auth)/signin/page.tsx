import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { signInErrorMessage } from "@/lib/domain/sign-in";
import { passwordLoginEnabled, ssoButton } from "@/lib/server/sso/sso-settings";
import { safeRedirectPath } from "@/lib/validations/redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; registered?: string; error?: string }>;
}) {
  const { callbackUrl, registered, error } = await searchParams;
  // Only paths on this site: an open redirect would let a link send people elsewhere after sign-in.
  return (
    <SignInForm
      callbackUrl={safeRedirectPath(callbackUrl)}
      registered={registered === "1"}
      sso={ssoButton()}
      passwordLogin={passwordLoginEnabled()}
      notice={signInErrorMessage(typeof error === "string" ? error : null)}
    />
  );
}
