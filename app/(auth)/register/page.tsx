import type { Metadata } from "next";
import { RegisterForm } from "@/components/auth/register-form";
import { SsoButton } from "@/components/auth/sso-button";
import { passwordLoginEnabled, ssoButton } from "@/lib/server/sso/sso-settings";

export const metadata: Metadata = { title: "Create an account" };

export default function RegisterPage() {
  if (passwordLoginEnabled()) return <RegisterForm />;
  // Password sign-in off (MARGINALIA_PASSWORD_LOGIN=0): accounts come from the organisation's sign-in.
  const sso = ssoButton();
  return (
    <div className="space-y-5 rounded-xl border border-stone-200 bg-white p-6 shadow-sm dark:border-stone-800 dark:bg-stone-900">
      <h1 className="text-lg font-semibold">Create an account</h1>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        {sso
          ? `Accounts here come from ${sso.name}: sign in with it, and Marginalia creates your account the first time.`
          : "Accounts cannot be created on this server: password sign-in is off and no single sign-on is configured. Tell your administrator."}
      </p>
      {sso && <SsoButton name={sso.name} callbackUrl="/" autoFocus />}
    </div>
  );
}
