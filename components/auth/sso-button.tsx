"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SSO_PROVIDER_ID } from "@/lib/domain/sign-in";
import { startSingleSignOn } from "./sso-sign-in";

/** "Sign in with {the organisation's provider}": off to the provider, and back to `callbackUrl` once signed in. */
export function SsoButton({
  name,
  callbackUrl,
  variant = "primary",
  autoFocus = false,
}: {
  name: string;
  callbackUrl: string;
  variant?: "primary" | "secondary";
  autoFocus?: boolean;
}) {
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  async function onClick() {
    setPending(true);
    setFailed(false);
    await startSingleSignOn(SSO_PROVIDER_ID, callbackUrl);
    setPending(false);
    setFailed(true);
  }

  return (
    <div className="space-y-3">
      {failed && <Alert>Could not reach the server. Check your connection and try again.</Alert>}
      <Button variant={variant} className="w-full" onClick={onClick} disabled={pending} autoFocus={autoFocus}>
        {pending ? `Opening ${name}…` : `Sign in with ${name}`}
      </Button>
    </div>
  );
}
