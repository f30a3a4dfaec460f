import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeRedirectPath } from "@/lib/validations/redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; registered?: string }> }) {
  const { callbackUrl, registered } = await searchParams;
  // Only paths on this site: an open redirect would let a link send people elsewhere after sign-in.
  return <SignInForm callbackUrl={safeRedirectPath(callbackUrl)} registered={registered === "1"} />;
}
