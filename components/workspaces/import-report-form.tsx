"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { apiFetch } from "@/lib/api/client";
import { MAX_IMPORT_BYTES } from "@/lib/importers/types";

type Format = "text" | "markdown";

function formatFor(fileName: string): Format | null {
  if (/\.(md|markdown)$/i.test(fileName)) return "markdown";
  if (/\.txt$/i.test(fileName)) return "text";
  return null;
}

export function ImportReportForm({ workspaceId, workspaceSlug }: { workspaceId: string; workspaceSlug: string }) {
  const router = useRouter();
  const [format, setFormat] = useState<Format>("text");
  const [content, setContent] = useState("");
  const [title, setTitle] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onFile(e: React.ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    setError(null);
    const detected = formatFor(file.name);
    if (!detected) return setError("Choose a .txt or .md file. Word, PDF and web pages are coming soon.");
    if (file.size > MAX_IMPORT_BYTES) return setError("This file is larger than 5 MB. Split the report or remove images and try again.");
    setFormat(detected);
    setFileName(file.name);
    setContent(await file.text());
  }

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!content.trim()) return setError("Paste the report's text, or choose a .txt or .md file.");
    setPending(true);
    setError(null);
    try {
      const report = await apiFetch<{ id: string }>(`/api/v1/workspaces/${workspaceId}/reports`, {
        method: "POST",
        json: { format, content, ...(title.trim() ? { title: title.trim() } : {}) },
      });
      router.push(`/w/${workspaceSlug}/r/${report.id}`);
    } catch (err) {
      setError((err as Error).message);
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate>
      {error && <Alert>{error}</Alert>}
      <fieldset>
        <legend className="text-sm font-medium">Format</legend>
        <div className="mt-2 inline-flex rounded-md border border-stone-300 p-0.5 dark:border-stone-700">
          {(["text", "markdown"] as const).map((f) => (
            <label key={f} className={`cursor-pointer rounded px-3 py-1.5 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-amber-600 ${format === f ? "bg-stone-900 text-white dark:bg-stone-100 dark:text-stone-900" : ""}`}>
              <input type="radio" name="format" value={f} checked={format === f} onChange={() => setFormat(f)} className="sr-only" />
              {f === "text" ? "Plain text" : "Markdown"}
            </label>
          ))}
        </div>
      </fieldset>
      <Field label="Report text" hint={fileName ? `Loaded from ${fileName}. You can still edit it here.` : "Up to 5 MB."}>
        {(p) => (
          <textarea
            {...p}
            name="content"
            dir="auto"
            rows={14}
            value={content}
            onChange={(e) => setContent(e.target.value)}
            placeholder={format === "markdown" ? "# Report title\n\nFirst paragraph…" : "Report title\nMar 21, 2023\n\nFirst paragraph…"}
            className={`${p.className} font-serif text-base leading-relaxed`}
          />
        )}
      </Field>
      <Field label="Or upload a file" hint=".txt or .md">
        {(p) => <input {...p} type="file" accept=".txt,.md,.markdown,text/plain,text/markdown" onChange={onFile} className={`${p.className} file:mr-3 file:rounded file:border-0 file:bg-stone-200 file:px-3 file:py-1 dark:file:bg-stone-700`} />}
      </Field>
      <Field label="Title (optional)" hint="Leave empty to use the title found in the text.">
        {(p) => <input {...p} name="title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} dir="auto" />}
      </Field>
      <Button type="submit" disabled={pending}>{pending ? "Importing…" : "Import report"}</Button>
    </form>
  );
}
