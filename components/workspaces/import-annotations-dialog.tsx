"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ApiError } from "@/lib/api/browser/client";
import type { ImportResult } from "@/lib/domain/imports";
import { Modal } from "@/components/ui/modal";

/** The server's limit (app/api/v1/reports/[id]/annotations/import). */
const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT = ".json,.jsonld,application/json,application/ld+json";
const ORPHANS_SHOWN = 5;
const SKIPPED_SHOWN = 10;

type Phase =
  { name: "idle" } | { name: "uploading"; fraction: number | null } | { name: "placing" } | { name: "done"; result: ImportResult };

const count = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** "Imported 12 annotations and 30 replies: 10 placed exactly, 1 placed approximately, 1 not placed." */
export function importSummary(r: ImportResult): string {
  if (r.imported === 0) return "No annotations were imported.";
  const what = `Imported ${count(r.imported, "annotation", "annotations")}${r.replies > 0 ? ` and ${count(r.replies, "reply", "replies")}` : ""}`;
  const where = [
    r.anchored > 0 && `${r.anchored.toLocaleString("en")} placed exactly`,
    r.moved > 0 && `${r.moved.toLocaleString("en")} placed approximately`,
    r.orphaned > 0 && `${r.orphaned.toLocaleString("en")} not placed`,
  ].filter(Boolean);
  return `${what}: ${where.join(", ")}.`;
}

/** Words for a failure that came without a message of its own (a proxy's 413, a gateway timeout). */
function fallbackMessage(status: number): string {
  if (status === 413) return "The file is too large: annotation files can be up to 20 MB.";
  if (status === 403) return "Only annotators, editors and owners can import annotations into this report.";
  if (status === 0) return "Could not reach the server. Check your connection and try again.";
  return `The import failed (${status}). Try again in a moment.`;
}

/** Posts the file with upload progress (fetch cannot report it), resolving with the server's JSON. */
function upload(url: string, file: File, onProgress: (fraction: number | null) => void, onSent: () => void): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => onProgress(e.lengthComputable ? e.loaded / e.total : null);
    xhr.upload.onload = onSent;
    xhr.onload = () => {
      const body = xhr.response as { error?: { code?: string; message?: string } } | null;
      if (xhr.status >= 200 && xhr.status < 300 && body) return resolve(body as unknown as ImportResult);
      reject(new ApiError(body?.error?.message ?? fallbackMessage(xhr.status), xhr.status, body?.error?.code ?? "unknown"));
    };
    xhr.onerror = () => reject(new ApiError(fallbackMessage(0), 0, "network"));
    const form = new FormData();
    form.append("file", file);
    xhr.send(form);
  });
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "")} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** "Import annotations…": W3C Web Annotations (ours or another tool's) into this report, placed by their quotes. */
export function ImportAnnotationsDialog({ reportId, onImported }: { reportId: string; onImported?: () => void }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [phase, setPhase] = useState<Phase>({ name: "idle" });
  const [error, setError] = useState<string | null>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const formId = useId();
  const busy = phase.name === "uploading" || phase.name === "placing";

  function openDialog() {
    // After an import, the next one starts afresh.
    if (phase.name === "done") {
      setPhase({ name: "idle" });
      setFile(null);
      setInputKey((k) => k + 1);
    }
    setError(null);
    setOpen(true);
  }

  function choose(chosen: File | undefined) {
    setError(null);
    if (!chosen) return setFile(null);
    if (chosen.size > MAX_BYTES) {
      setFile(null);
      setInputKey((k) => k + 1);
      return setError(`${chosen.name} is ${formatSize(chosen.size)}: annotation files can be up to 20 MB.`);
    }
    if (chosen.size === 0) {
      setFile(null);
      setInputKey((k) => k + 1);
      return setError(`${chosen.name} is empty. Choose the file your annotation tool exported.`);
    }
    setFile(chosen);
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!file) return setError("Choose a .json or .jsonld file of annotations first.");
    setError(null);
    setPhase({ name: "uploading", fraction: 0 });
    try {
      const result = await upload(
        `/api/v1/reports/${encodeURIComponent(reportId)}/annotations/import`,
        file,
        (fraction) => setPhase({ name: "uploading", fraction }),
        () => setPhase({ name: "placing" }),
      );
      setPhase({ name: "done", result });
      if (result.imported > 0 || result.replies > 0) {
        if (onImported) onImported();
        else router.refresh();
      }
    } catch (err) {
      setPhase({ name: "idle" });
      setError(err instanceof ApiError ? err.message : "The import failed. Try again in a moment.");
    }
  }

  const done = phase.name === "done" ? phase.result : null;

  return (
    <>
      <Button ref={triggerRef} variant="secondary" size="sm" onClick={openDialog} aria-haspopup="dialog">
        Import annotations…
      </Button>
      <Modal
        open={open}
        onClose={() => {
          setOpen(false);
          triggerRef.current?.focus();
        }}
        canClose={!busy}
        title="Import annotations"
        description="Bring annotations made elsewhere into this report."
        footer={
          done ? (
            <Button onClick={() => setOpen(false)}>Done</Button>
          ) : (
            <>
              <Button type="submit" form={formId} disabled={busy || !file}>
                {busy ? "Importing…" : "Import"}
              </Button>
              <Button variant="ghost" onClick={() => setOpen(false)} disabled={busy}>
                Cancel
              </Button>
            </>
          )
        }
      >
        {done ? (
          <ImportSummary result={done} />
        ) : (
          <form id={formId} onSubmit={submit} noValidate aria-busy={busy} className="space-y-4">
            <div className="space-y-2 text-sm text-stone-700 dark:text-stone-300">
              <p>
                Choose a W3C Web Annotation file (JSON-LD), exported from Marginalia or from another tool, such as a Hypothesis JSON export.
              </p>
              <ul className="list-disc space-y-1 ps-5 marker:text-stone-400">
                <li>Each annotation is placed by the text it quotes, so the file can come from another copy of the report.</li>
                <li>What cannot be placed is kept under “Not placed”, for an editor to re-attach.</li>
                <li>Annotations by people who are not members of this workspace become yours, with the original author’s name kept.</li>
              </ul>
            </div>
            <Field label="Annotations file" hint="A .json or .jsonld file, up to 20 MB.">
              {(p) => (
                <input
                  {...p}
                  key={inputKey}
                  type="file"
                  name="file"
                  accept={ACCEPT}
                  disabled={busy}
                  onChange={(e) => choose(e.target.files?.[0])}
                  className={`${p.className} file:mr-3 file:rounded file:border-0 file:bg-stone-200 file:px-3 file:py-1 dark:file:bg-stone-700`}
                />
              )}
            </Field>
            {file && !busy && (
              <p className="text-sm text-stone-600 dark:text-stone-400">
                <span dir="auto" className="font-medium text-stone-800 dark:text-stone-200">
                  {file.name}
                </span>{" "}
                · {formatSize(file.size)}
              </p>
            )}
            {busy && <Progress phase={phase} />}
            {error && <Alert>{error}</Alert>}
          </form>
        )}
      </Modal>
    </>
  );
}

function Progress({ phase }: { phase: Phase }) {
  const fraction = phase.name === "uploading" ? phase.fraction : null;
  const percent = fraction === null ? null : Math.round(fraction * 100);
  const label = phase.name === "uploading" ? "Uploading the file" : "Placing the annotations";
  return (
    <div role="status" className="space-y-2 rounded-md border border-stone-200 px-4 py-3 dark:border-stone-800">
      <p className="text-sm text-stone-700 dark:text-stone-300">
        {phase.name === "uploading" ? `Uploading…${percent === null ? "" : ` ${percent}%`}` : "Placing the annotations in the text…"}
        <span className="text-stone-500 dark:text-stone-400"> A large file can take a little while; keep this open.</span>
      </p>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        className="relative h-1.5 w-full overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800"
      >
        {percent === null ? (
          <div className="absolute inset-y-0 left-0 w-full animate-pulse rounded-full bg-amber-600/70 dark:bg-amber-400/70" />
        ) : (
          <div
            className="absolute inset-y-0 left-0 rounded-full bg-amber-600 transition-[width] dark:bg-amber-400"
            style={{ width: `${percent}%` }}
          />
        )}
      </div>
    </div>
  );
}

function ImportSummary({ result }: { result: ImportResult }) {
  const moreOrphans = result.orphaned - Math.min(result.orphans.length, ORPHANS_SHOWN);
  return (
    // Focus moves here: the button that was pressed has given way to "Done".
    <div ref={(el) => el?.focus()} tabIndex={-1} className="space-y-4 text-sm outline-none">
      <Alert tone={result.imported > 0 ? "success" : "info"}>{importSummary(result)}</Alert>

      {result.orphaned > 0 && (
        <section aria-labelledby="import-orphans" className="space-y-2">
          <h3 id="import-orphans" className="font-medium text-stone-800 dark:text-stone-200">
            Not placed
          </h3>
          <p className="text-stone-600 dark:text-stone-400">
            Their quoted text was not found in this version of the report. They are kept under “Not placed” beside the report, where an
            editor can re-attach them.
          </p>
          {result.orphans.length > 0 && (
            <ul className="space-y-1.5">
              {result.orphans.slice(0, ORPHANS_SHOWN).map((o, i) => (
                <li
                  key={o.sourceId ?? i}
                  dir="auto"
                  className="line-clamp-2 border-s-2 border-stone-300 ps-3 font-serif text-stone-700 dark:border-stone-600 dark:text-stone-300"
                >
                  {o.quote ? `“${o.quote}”` : <span className="font-sans text-stone-500 italic">No quoted text</span>}
                </li>
              ))}
            </ul>
          )}
          {moreOrphans > 0 && <p className="text-stone-500 dark:text-stone-400">…and {count(moreOrphans, "more", "more")}.</p>}
        </section>
      )}

      {result.skipped.length > 0 && (
        <section aria-labelledby="import-skipped" className="space-y-2">
          <h3 id="import-skipped" className="font-medium text-stone-800 dark:text-stone-200">
            Left out of the file ({result.skipped.length.toLocaleString("en")})
          </h3>
          <ul className="space-y-1 text-stone-700 dark:text-stone-300">
            {result.skipped.slice(0, SKIPPED_SHOWN).map((s) => (
              <li key={s.index}>
                <span className="text-stone-500 tabular-nums dark:text-stone-400">Item {s.index + 1}:</span>{" "}
                <span dir="auto">{s.reason}</span>
              </li>
            ))}
          </ul>
          {result.skipped.length > SKIPPED_SHOWN && (
            <p className="text-stone-500 dark:text-stone-400">…and {count(result.skipped.length - SKIPPED_SHOWN, "more", "more")}.</p>
          )}
        </section>
      )}

      {result.skippedTags.length > 0 && (
        <section aria-labelledby="import-tags" className="space-y-1">
          <h3 id="import-tags" className="font-medium text-stone-800 dark:text-stone-200">
            Tags left off
          </h3>
          <p className="text-stone-600 dark:text-stone-400">
            These tags are not in the workspace’s codebook, and only editors can add to it:{" "}
            <span dir="auto" className="text-stone-800 dark:text-stone-200">
              {result.skippedTags.join(", ")}
            </span>
            .
          </p>
        </section>
      )}
    </div>
  );
}
