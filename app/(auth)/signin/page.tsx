import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; registered?: string }> }) {
  const { callbackUrl, registered } = await searchParams;
  // Only same-site paths: an open redirect would let a link send people elsewhere after sign-in.
  const next = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  return <SignInForm callbackUrl={next} registered={registered === "1"} />;
}
