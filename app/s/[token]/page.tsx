import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { SharedReportView } from "@/components/share/shared-report-view";
import type { SharedReport } from "@/lib/domain/share-links";
import { isAppError } from "@/lib/errors";
import { clientAddressOf } from "@/lib/runtime/client-address";
import { getSharedReport } from "@/lib/server/share-links/shared-report";

type Params = Promise<{ token: string }>;

/** Once a request: the metadata and the page read the same view (one view counted, one allowance used). */
const loadShared = cache(async (token: string): Promise<{ report: SharedReport; limited?: never } | { report: null; limited: string }> => {
  try {
    return { report: await getSharedReport({ token, address: clientAddressOf(await headers()) }) };
  } catch (e) {
    if (isAppError(e) && e.code === "not_found") notFound();
    if (isAppError(e) && e.code === "rate_limited") return { report: null, limited: e.message };
    throw e;
  }
});

/** What a pasted link previews as: the title, and the subtitle or the opening of the text. */
function descriptionOf(report: { subtitle: string | null; passages: { kind: string; text: string }[] }): string {
  const text = report.subtitle ?? report.passages.find((p) => p.kind === "paragraph")?.text ?? "";
  const words = text.replace(/\s+/g, " ").trim();
  return words.length > 200 ? `${words.slice(0, 199).trimEnd()}…` : words;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const loaded = await loadShared((await params).token);
  const robots = { index: false, follow: false };
  if (!loaded.report) return { title: "Too many views", robots };
  const { report } = loaded;
  const description = descriptionOf(report);
  return {
    title: report.title,
    description,
    robots,
    openGraph: { title: report.title, description, type: "article", siteName: "Marginalia" },
    twitter: { card: "summary", title: report.title, description },
  };
}

/** A read-only share link (`/s/{token}`): open to anyone holding it, signed in or not. */
export default async function SharedReportPage({ params }: { params: Params }) {
  const loaded = await loadShared((await params).token);
  if (!loaded.report) {
    return (
      <main className="mx-auto max-w-md px-4 py-24 text-center">
        <h1 className="font-serif text-2xl font-semibold">Too many views</h1>
        <p className="mt-2 text-stone-600 dark:text-stone-400">{loaded.limited}</p>
      </main>
    );
  }
  return <SharedReportView report={loaded.report} />;
}
