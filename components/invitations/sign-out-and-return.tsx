"use client";

import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

/** Signs out and comes back to the same link, to register or sign in as the invited address. */
export function SignOutAndReturn({ path }: { path: string }) {
  return (
    <Button variant="secondary" className="w-full" onClick={() => signOut({ callbackUrl: path })}>
      Sign out and use this link
    </Button>
  );
}
