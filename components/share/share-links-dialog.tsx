"use client";

import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import type { ShareAnnotationsName } from "@/lib/domain/share-links";
import { ShareLinkItem } from "./share-link-item";
import { useShareLinks } from "./use-share-links";

/** Today as "YYYY-MM-DD" in the browser's time zone: the earliest expiry the date box offers. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

const CHOICES: { value: ShareAnnotationsName; label: string; hint: string }[] = [
  { value: "none", label: "The text only", hint: "No annotations at all." },
  {
    value: "team",
    label: "The text with the team's annotations",
    hint: "Shared annotations, replies, stances and verdicts; never private ones.",
  },
];

/**
 * The report's Share button (editors and owners): a dialog that makes read-only links (the text,
 * or with the team's annotations and optionally the team notes, with an optional expiry) and
 * lists them with their views, to copy again or revoke.
 */
export function ShareLinksDialog({ reportId }: { reportId: string }) {
  const [open, setOpen] = useState(false);
  const [annotations, setAnnotations] = useState<ShareAnnotationsName>("team");
  const [notes, setNotes] = useState(false);
  const [expiresAt, setExpiresAt] = useState("");
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const { links, error, load, create, revoke } = useShareLinks(reportId);
  const ids = useId();

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setNotice(null);
    const made = await create({ annotations, notes: annotations === "team" && notes, expiresAt: expiresAt || null });
    setPending(false);
    if (!made) return;
    setExpiresAt("");
    const copied = await navigator.clipboard?.writeText(made.url).then(
      () => true,
      () => false,
    );
    setNotice(copied ? "Link created and copied: it is first in the list below." : "Link created: copy it from the list below.");
  }

  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        aria-haspopup="dialog"
        onClick={() => {
          setOpen(true);
          setNotice(null);
          void load();
        }}
      >
        Share…
      </Button>
      <Modal
        open={open}
        onClose={() => setOpen(false)}
        title="Share a read-only link"
        description="Anyone with a link reads this report without signing in. Private annotations, email addresses and the member list are never shown."
      >
        <form onSubmit={submit} className="space-y-4" aria-label="New share link">
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-stone-800 dark:text-stone-200">What the link shows</legend>
            {CHOICES.map((c) => (
              <label key={c.value} className="flex items-start gap-2 text-sm">
                <input
                  type="radio"
                  name="annotations"
                  value={c.value}
                  checked={annotations === c.value}
                  onChange={() => setAnnotations(c.value)}
                  className="mt-1 accent-amber-700"
                />
                <span>
                  {c.label}
                  <span className="block text-xs text-stone-500 dark:text-stone-400">{c.hint}</span>
                </span>
              </label>
            ))}
            <label className={`ms-6 flex items-center gap-2 text-sm ${annotations === "team" ? "" : "opacity-50"}`}>
              <input
                type="checkbox"
                checked={annotations === "team" && notes}
                disabled={annotations !== "team"}
                onChange={(e) => setNotes(e.target.checked)}
                className="accent-amber-700"
              />
              Include the team notes
            </label>
          </fieldset>
          <div className="space-y-1.5">
            <label htmlFor={`${ids}-expiry`} className="block text-sm font-medium text-stone-800 dark:text-stone-200">
              Expires on <span className="font-normal text-stone-500 dark:text-stone-400">(optional)</span>
            </label>
            <input
              id={`${ids}-expiry`}
              type="date"
              min={today()}
              value={expiresAt}
              onChange={(e) => setExpiresAt(e.target.value)}
              aria-describedby={`${ids}-expiry-hint`}
              className={`${controlClass} max-w-48`}
            />
            <p id={`${ids}-expiry-hint`} className="text-xs text-stone-500 dark:text-stone-400">
              The link works to the end of that day (UTC). Without a date it works until you revoke it.
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={pending}>
              {pending ? "Creating…" : "Create link"}
            </Button>
            <p role="status" className="text-sm text-stone-600 empty:hidden dark:text-stone-400">
              {notice}
            </p>
          </div>
        </form>
        {error && (
          <div className="mt-4">
            <Alert>{error}</Alert>
          </div>
        )}
        <section aria-labelledby={`${ids}-list`} className="mt-6 border-t border-stone-200 pt-4 dark:border-stone-800">
          <h3 id={`${ids}-list`} className="text-sm font-semibold">
            Links to this report
          </h3>
          {links === null ? (
            <p className="mt-2 text-sm text-stone-500 dark:text-stone-400" aria-busy="true">
              Loading links…
            </p>
          ) : links.length === 0 ? (
            <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">No links yet: create one above, then copy it and send it.</p>
          ) : (
            <ul className="divide-y divide-stone-200 dark:divide-stone-800" data-testid="share-links">
              {links.map((link) => (
                <ShareLinkItem key={link.id} link={link} onRevoke={revoke} />
              ))}
            </ul>
          )}
        </section>
      </Modal>
    </>
  );
}
