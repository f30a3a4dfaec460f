import type { Metadata } from "next";
import { UnsubscribeConfirm } from "@/components/email/unsubscribe-confirm";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false, follow: false } };

/**
 * Where an email's "Unsubscribe" link opens, signed in or not: one button that turns email off.
 * Opening the page changes nothing (link checkers open every link); the button does.
 */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <p className="mb-8 text-center font-serif text-3xl font-semibold tracking-tight">Marginalia</p>
        <UnsubscribeConfirm token={typeof token === "string" ? token : ""} />
      </div>
    </main>
  );
}
