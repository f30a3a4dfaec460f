"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

interface Result {
  version: number;
  anchored: number;
  moved: number;
  orphaned: number;
}

const ACCEPT = ".docx,.pdf,.html,.htm,.md,.markdown,.txt";

/** Uploads a revised text; every annotation is re-anchored and the counts are shown. */
export function NewVersionForm({ reportId, readerHref }: { reportId: string; readerHref: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!file) return setError("Choose the revised report first: a .docx, .pdf, .html, .md or .txt file.");
    if (file.size > 25 * 1024 * 1024) return setError("This file is larger than 25 MB. Save it without images and try again.");
    setPending(true);
    setError(null);
    try {
      const form = new FormData();
      form.append("file", file);
      const res = await fetch(`/api/v1/reports/${reportId}/versions`, { method: "POST", body: form });
      const data = await res.json().catch(() => null);
      if (!res.ok) throw new Error(data?.error?.message ?? `The upload failed (${res.status}). Try again.`);
      setResult(data as Result);
    } catch (err) {
      setError(err instanceof TypeError ? "Could not reach the server. Check your connection and try again." : (err as Error).message);
    } finally {
      setPending(false);
    }
  }

  if (result) {
    return (
      <div className="space-y-3" data-testid="version-result">
        <Alert tone="success">
          Version {result.version} is in: {result.anchored}{" "}
          {result.anchored === 1 ? "annotation kept its place" : "annotations kept their place"}, {result.moved} moved with edited text,{" "}
          {result.orphaned} could not be placed.
        </Alert>
        <p className="text-sm">
          <Link href={readerHref} className="font-medium underline underline-offset-2">
            Read version {result.version}
          </Link>
          {result.orphaned > 0 && " — the orphans are listed at the top of the sidebar, where an editor can re-attach them."}
        </p>
      </div>
    );
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      {error && <Alert>{error}</Alert>}
      <Field
        label="Revised report"
        hint="Word, PDF, web page, Markdown or text, up to 25 MB. Annotations are moved to the new text; nothing is deleted."
      >
        {(p) => (
          <input
            {...p}
            type="file"
            accept={ACCEPT}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            className={`${p.className} file:mr-3 file:rounded file:border-0 file:bg-stone-200 file:px-3 file:py-1 dark:file:bg-stone-700`}
          />
        )}
      </Field>
      {pending && (
        <div role="status" className="space-y-1 text-sm text-stone-600 dark:text-stone-400">
          Reading the new version and re-anchoring annotations…
          <div className="h-1 overflow-hidden rounded bg-stone-200 dark:bg-stone-800">
            <div className="h-full w-1/3 animate-pulse rounded bg-amber-500" />
          </div>
        </div>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Uploading…" : "Upload new version"}
      </Button>
    </form>
  );
}
