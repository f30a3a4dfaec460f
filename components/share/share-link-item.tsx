"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ShareLinkJson } from "./use-share-links";

const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });

/** "Text and team annotations, with the team notes" */
export function sharedWhat(link: Pick<ShareLinkJson, "annotations" | "notes">): string {
  if (link.annotations === "none") return "Text only";
  return link.notes ? "Text, team annotations and team notes" : "Text and team annotations";
}

function expiry(expiresAt: string | null): { text: string; expired: boolean } {
  if (!expiresAt) return { text: "No expiry", expired: false };
  const at = new Date(expiresAt);
  return at.getTime() <= Date.now()
    ? { text: `Expired ${day.format(at)}`, expired: true }
    : { text: `Until ${day.format(at)}`, expired: false };
}

/** One link in the dialog's list: what it shares, its views and expiry, its address to copy, and revoking it (asked twice). */
export function ShareLinkItem({ link, onRevoke }: { link: ShareLinkJson; onRevoke: (id: string) => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ends = expiry(link.expiresAt);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied("Link copied.");
    } catch {
      setCopied("Could not copy: select the link and copy it yourself.");
    }
  }

  return (
    <li data-testid="share-link" data-share-link-id={link.id} className="space-y-2 py-3">
      <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <span className="font-medium">{sharedWhat(link)}</span>
        <span className="text-stone-500 dark:text-stone-400">
          {" · "}
          <span data-testid="share-link-views">{link.viewCount === 1 ? "1 view" : `${link.viewCount} views`}</span>
          {" · "}
          <span className={ends.expired ? "text-red-700 dark:text-red-400" : undefined}>{ends.text}</span>
        </span>
      </div>
      {link.url ? (
        <div className="flex items-start gap-2">
          <code className="block min-w-0 flex-1 rounded bg-stone-100 px-2 py-1.5 font-mono text-xs break-all text-stone-800 select-all dark:bg-stone-800 dark:text-stone-200">
            {link.url}
          </code>
          <Button variant="secondary" size="sm" onClick={() => void copy()} aria-label="Copy link">
            Copy
          </Button>
        </div>
      ) : (
        <p className="text-xs text-stone-600 dark:text-stone-400">
          This link was made before the server&apos;s secret changed: it cannot be shown again.
        </p>
      )}
      <p aria-live="polite" className="text-xs text-stone-600 empty:hidden dark:text-stone-400">
        {copied}
      </p>
      <div className="flex flex-wrap items-center gap-2 text-xs text-stone-500 dark:text-stone-400">
        <span>
          Made{" "}
          {link.createdBy ? (
            <>
              by <span dir="auto">{link.createdBy.name}</span>{" "}
            </>
          ) : null}
          on {day.format(new Date(link.createdAt))}
        </span>
        {confirming ? (
          <span role="group" aria-label="Confirm revoking" className="ms-auto flex items-center gap-2">
            <span className="text-stone-700 dark:text-stone-300">Revoke? Anyone who has it will find nothing.</span>
            <Button
              variant="danger"
              size="sm"
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                await onRevoke(link.id);
                setBusy(false);
              }}
            >
              Revoke link
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
              Keep
            </Button>
          </span>
        ) : (
          <Button variant="ghost" size="sm" className="ms-auto" onClick={() => setConfirming(true)}>
            Revoke…
          </Button>
        )}
      </div>
    </li>
  );
}
