"use client";

import Link from "next/link";
import { useId, useRef, useState } from "react";
import { activeCount, type Filters } from "@/components/annotations/filters";
import { useStoredChoice } from "@/components/reader/use-stored-choice";
import { Button, buttonClass } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { TextInput } from "@/components/ui/field";
import { ANNOTATION_KINDS, KIND_LABEL, VERDICTS, VERDICT_LABEL, isOneOf } from "@/lib/domain/words";
import { dateRangeProblem, exportUrl, printUrl, type ExportChoices } from "./export-url";

type Target = "markdown" | "docx" | "csv" | "jsonld" | "print";

const TARGETS: readonly [Target, ...Target[]] = ["markdown", "docx", "csv", "jsonld", "print"];

const TARGET_TEXT: Record<Target, { label: string; help: string; action: string }> = {
  markdown: {
    label: "Markdown (.md)",
    help: "Plain text with headings: reads well anywhere, pastes into notes and wikis.",
    action: "Download Markdown",
  },
  docx: { label: "Word (.docx)", help: "A formatted document to edit, share or send on.", action: "Download Word document" },
  csv: { label: "CSV (spreadsheet)", help: "One row per annotation, for Excel, Google Sheets or analysis.", action: "Download CSV" },
  jsonld: {
    label: "W3C JSON-LD (for other annotation tools)",
    help: "Standard Web Annotations with their quotes, to import into another report or tool.",
    action: "Download JSON-LD",
  },
  print: {
    label: "Printable page (save as PDF)",
    help: "Opens a clean page in a new tab; print it or save it as PDF from there.",
    action: "Open printable page",
  },
};

const STATUSES = [
  { value: "open", label: "Open" },
  { value: "resolved", label: "Resolved" },
];

interface Props {
  reportId: string;
  slug: string;
  members: { id: string; name: string }[];
  tags: { name: string; color: string | null }[];
  /** The reader's filters (from its URL): the export starts from them. */
  initialFilters: Filters;
  /** The report's translation's language name ("Arabic"), when it has one: its passages can go under each ¶. */
  counterpartLanguage?: string | null;
}

/** The sidebar's filters as export choices: tags in the codebook's spelling; "only me" brings private annotations along. */
function choicesFrom(filters: Filters, tags: Props["tags"]): ExportChoices {
  const codebook = new Map(tags.map((t) => [t.name.toLocaleLowerCase("en"), t.name]));
  const visibility = filters.visibility ?? [];
  const includePrivate = visibility.includes("private");
  return {
    kind: (filters.kind ?? []).filter((k) => isOneOf(ANNOTATION_KINDS, k)),
    verdict: (filters.verdict ?? []).filter((v) => isOneOf(VERDICTS, v)),
    status: (filters.status ?? []).filter((s) => s === "open" || s === "resolved"),
    tag: [...new Set((filters.tag ?? []).map((t) => codebook.get(t.toLocaleLowerCase("en")) ?? t))],
    author: filters.author ?? [],
    assignee: (filters.assignee ?? []).filter((a) => a === "me"),
    due: (filters.due ?? []).filter((d) => d === "overdue"),
    visibility: includePrivate && !visibility.includes("workspace") ? ["private"] : [],
    from: "",
    to: "",
    includeReplies: true,
    includePrivate,
  };
}

/** "Export…": the report's annotations as a file, or as a page to print, with the sidebar's filters to start from. */
export function ExportDialog({ reportId, slug, members, tags, initialFilters, counterpartLanguage = null }: Props) {
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useStoredChoice<Target>("marginalia.export-format", TARGETS);
  const seededFrom = useRef(JSON.stringify(initialFilters));
  const [choices, setChoices] = useState<ExportChoices>(() => choicesFrom(initialFilters, tags));
  const [origin, setOrigin] = useState("");
  const [started, setStarted] = useState<string | null>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const ids = useId();

  function openDialog() {
    // The sidebar may have changed since the last time: start again from it, or keep the edits made here.
    const current = JSON.stringify(initialFilters);
    if (current !== seededFrom.current) {
      seededFrom.current = current;
      setChoices(choicesFrom(initialFilters, tags));
    }
    setOrigin(window.location.origin);
    setStarted(null);
    setOpen(true);
  }

  function update(patch: Partial<ExportChoices>) {
    setChoices((c) => ({ ...c, ...patch }));
    setStarted(null);
  }

  const dateProblem = dateRangeProblem(choices.from, choices.to);
  const href = target === "print" ? printUrl(slug, reportId, choices) : exportUrl(reportId, target, choices);
  const filtered =
    activeCount({
      kind: choices.kind,
      verdict: choices.verdict,
      status: choices.status,
      tag: choices.tag,
      author: choices.author,
      assignee: choices.assignee,
      due: choices.due,
    }) > 0 ||
    !!choices.from ||
    !!choices.to;
  const memberIds = new Set(members.map((m) => m.id));
  const tagKeys = new Set(tags.map((t) => t.name.toLocaleLowerCase("en")));
  const onlyPrivate = !!choices.includePrivate && choices.visibility?.length === 1 && choices.visibility[0] === "private";

  return (
    <>
      <Button ref={triggerRef} variant="secondary" size="sm" onClick={openDialog} aria-haspopup="dialog">
        Export…
      </Button>
      <Modal
        open={open}
        onClose={() => {
          setOpen(false);
          triggerRef.current?.focus();
        }}
        title="Export annotations"
        description="This report’s notes and annotations, as a file or a page to print."
        initialFocus={`input[name="${ids}-format"]:checked`}
        footer={
          <>
            {dateProblem ? (
              <Button disabled aria-describedby={`${ids}-dates-error`}>
                {TARGET_TEXT[target].action}
              </Button>
            ) : target === "print" ? (
              <a
                href={href}
                target="_blank"
                rel="noopener"
                className={buttonClass("primary")}
                onClick={() => setStarted("The printable page opened in a new tab.")}
              >
                {TARGET_TEXT.print.action}
                <span className="sr-only"> (opens in a new tab)</span>
              </a>
            ) : (
              <a
                href={href}
                download
                className={buttonClass("primary")}
                onClick={() =>
                  setStarted(
                    "Your download has started. A large report can take a few seconds; your browser shows the file when it is ready.",
                  )
                }
              >
                {TARGET_TEXT[target].action}
              </a>
            )}
            <Button variant="ghost" onClick={() => setOpen(false)}>
              Close
            </Button>
          </>
        }
      >
        <fieldset>
          <legend className="text-sm font-medium text-stone-800 dark:text-stone-200">Format</legend>
          <div className="mt-2 space-y-1.5">
            {TARGETS.map((t) => (
              <label
                key={t}
                className="flex cursor-pointer gap-3 rounded-md border border-stone-200 px-3 py-2 hover:bg-stone-50 has-checked:border-stone-900 has-checked:bg-stone-50 has-focus-visible:outline-2 has-focus-visible:outline-amber-600 dark:border-stone-800 dark:hover:bg-stone-800/60 dark:has-checked:border-stone-300 dark:has-checked:bg-stone-800/60"
              >
                <input
                  type="radio"
                  name={`${ids}-format`}
                  value={t}
                  checked={target === t}
                  onChange={() => {
                    setTarget(t);
                    setStarted(null);
                  }}
                  aria-describedby={`${ids}-${t}-help`}
                  className="mt-1 accent-stone-900 focus:outline-none dark:accent-stone-100"
                />
                <span>
                  <span className="block text-sm font-medium text-stone-900 dark:text-stone-100">{TARGET_TEXT[t].label}</span>
                  <span id={`${ids}-${t}-help`} className="block text-xs text-stone-600 dark:text-stone-400">
                    {TARGET_TEXT[t].help}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        <section aria-labelledby={`${ids}-filters`} className="mt-6">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 id={`${ids}-filters`} className="text-sm font-medium text-stone-800 dark:text-stone-200">
              Which annotations
            </h3>
            {filtered && (
              <button
                type="button"
                onClick={() => update({ kind: [], verdict: [], status: [], tag: [], author: [], assignee: [], due: [], from: "", to: "" })}
                className="text-xs text-stone-600 underline underline-offset-2 hover:text-stone-900 dark:text-stone-400 dark:hover:text-stone-100"
              >
                Clear filters
              </button>
            )}
          </div>
          <p className="mt-0.5 text-xs text-stone-500 dark:text-stone-400">
            Starts from the sidebar’s filters.{" "}
            {filtered
              ? "Only annotations that match every group are exported."
              : "With no filters, every annotation shared with the team is exported."}
          </p>
          <div className="mt-3 grid gap-x-6 gap-y-4 sm:grid-cols-2">
            <CheckGroup
              legend="Kind"
              options={ANNOTATION_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] }))}
              selected={choices.kind ?? []}
              onChange={(kind) => update({ kind })}
            />
            <CheckGroup
              legend="Verdict"
              hint="Claims only."
              options={VERDICTS.map((v) => ({ value: v, label: VERDICT_LABEL[v] }))}
              selected={choices.verdict ?? []}
              onChange={(verdict) => update({ verdict })}
            />
            <CheckGroup legend="Status" options={STATUSES} selected={choices.status ?? []} onChange={(status) => update({ status })} />
            <CheckGroup
              legend="Assigned"
              options={[
                { value: "me", label: "Assigned to me" },
                { value: "overdue", label: "Overdue" },
              ]}
              selected={[...(choices.assignee ?? []), ...(choices.due ?? [])]}
              onChange={(values) => update({ assignee: values.filter((v) => v === "me"), due: values.filter((v) => v === "overdue") })}
            />
            <CheckGroup
              legend="Author"
              empty="No members to choose from."
              options={[
                ...members.map((m) => ({ value: m.id, label: m.name })),
                ...(choices.author ?? []).filter((id) => !memberIds.has(id)).map((id) => ({ value: id, label: "A former member" })),
              ]}
              selected={choices.author ?? []}
              onChange={(author) => update({ author })}
            />
            <div className="sm:col-span-2">
              <CheckGroup
                legend="Tag"
                empty="This workspace has no tags yet."
                options={[
                  ...tags.map((t) => ({ value: t.name, label: t.name, color: t.color })),
                  ...(choices.tag ?? []).filter((t) => !tagKeys.has(t.toLocaleLowerCase("en"))).map((t) => ({ value: t, label: t })),
                ]}
                selected={choices.tag ?? []}
                onChange={(tag) => update({ tag })}
              />
            </div>
            <fieldset className="sm:col-span-2">
              <legend className="text-xs font-semibold tracking-wide text-stone-500 uppercase dark:text-stone-400">Written between</legend>
              <div className="mt-1.5 flex flex-wrap items-end gap-3">
                <label className="block text-sm text-stone-700 dark:text-stone-300">
                  From
                  <TextInput
                    type="date"
                    value={choices.from ?? ""}
                    max={choices.to || undefined}
                    onChange={(e) => update({ from: e.target.value })}
                    aria-invalid={dateProblem ? true : undefined}
                    aria-describedby={`${ids}-dates-hint${dateProblem ? ` ${ids}-dates-error` : ""}`}
                    className="mt-1 w-40"
                  />
                </label>
                <label className="block text-sm text-stone-700 dark:text-stone-300">
                  To
                  <TextInput
                    type="date"
                    value={choices.to ?? ""}
                    min={choices.from || undefined}
                    onChange={(e) => update({ to: e.target.value })}
                    aria-invalid={dateProblem ? true : undefined}
                    aria-describedby={`${ids}-dates-hint${dateProblem ? ` ${ids}-dates-error` : ""}`}
                    className="mt-1 w-40"
                  />
                </label>
              </div>
              <p id={`${ids}-dates-hint`} className="mt-1 text-xs text-stone-500 dark:text-stone-400">
                Both days included, in UTC. Leave empty for any time.
              </p>
              {dateProblem && (
                <p id={`${ids}-dates-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">
                  {dateProblem}
                </p>
              )}
            </fieldset>
          </div>
          <div className="mt-4 space-y-2 text-sm text-stone-800 dark:text-stone-200">
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={choices.includeReplies ?? true}
                onChange={(e) => update({ includeReplies: e.target.checked })}
                className="h-4 w-4 accent-stone-900 dark:accent-stone-100"
              />
              Include replies
            </label>
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={!!choices.includePrivate}
                onChange={(e) => update({ includePrivate: e.target.checked, visibility: [] })}
                aria-describedby={`${ids}-private-hint`}
                className="h-4 w-4 accent-stone-900 dark:accent-stone-100"
              />
              Include my private annotations
            </label>
            <p id={`${ids}-private-hint`} className="ms-6 text-xs text-stone-500 dark:text-stone-400">
              Only yours: other people’s private annotations are never exported.
            </p>
            {choices.includePrivate && (
              <label className="ms-6 flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={onlyPrivate}
                  onChange={(e) => update({ visibility: e.target.checked ? ["private"] : [] })}
                  className="h-4 w-4 accent-stone-900 dark:accent-stone-100"
                />
                Only my private annotations
              </label>
            )}
            {counterpartLanguage && (target === "markdown" || target === "docx" || target === "print") && (
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={!!choices.includeCounterpart}
                  onChange={(e) => update({ includeCounterpart: e.target.checked })}
                  className="h-4 w-4 accent-stone-900 dark:accent-stone-100"
                />
                Quote the {counterpartLanguage} passage under each ¶
              </label>
            )}
          </div>
        </section>

        <p role="status" className="mt-4 text-sm text-stone-600 empty:hidden dark:text-stone-400">
          {started}
        </p>

        <details className="mt-4 rounded-md border border-stone-200 px-3 py-2 text-sm dark:border-stone-800">
          <summary className="cursor-pointer text-stone-700 dark:text-stone-300">Address for scripts</summary>
          <ScriptAddress url={`${origin}${href}`} api={target !== "print"} />
        </details>
      </Modal>
    </>
  );
}

function CheckGroup({
  legend,
  hint,
  empty,
  options,
  selected,
  onChange,
}: {
  legend: string;
  hint?: string;
  empty?: string;
  options: { value: string; label: string; color?: string | null }[];
  selected: string[];
  onChange: (values: string[]) => void;
}) {
  const toggle = (value: string, on: boolean) => onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <fieldset>
      <legend className="text-xs font-semibold tracking-wide text-stone-500 uppercase dark:text-stone-400">
        {legend}
        {hint && <span className="ms-1.5 font-normal tracking-normal normal-case">{hint}</span>}
      </legend>
      {options.length === 0 ? (
        <p className="mt-1.5 text-sm text-stone-500 dark:text-stone-400">{empty}</p>
      ) : (
        <div className="mt-1.5 flex max-h-36 flex-wrap gap-x-4 gap-y-1.5 overflow-y-auto p-0.5">
          {options.map((o) => (
            <label key={o.value} className="flex min-w-0 items-center gap-2 text-sm text-stone-800 dark:text-stone-200">
              <input
                type="checkbox"
                checked={selected.includes(o.value)}
                onChange={(e) => toggle(o.value, e.target.checked)}
                className="h-4 w-4 shrink-0 accent-stone-900 dark:accent-stone-100"
              />
              {o.color !== undefined && (
                <span
                  aria-hidden="true"
                  className="h-2 w-2 shrink-0 rounded-full"
                  style={{ backgroundColor: o.color && /^#[0-9a-f]{6}$/i.test(o.color) ? o.color : "#57534e" }}
                />
              )}
              <span dir="auto" className="truncate">
                {o.label}
              </span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

/** The export's address, to copy into a script; scripts sign in with a personal access token. */
function ScriptAddress({ url, api }: { url: string; api: boolean }) {
  const [copied, setCopied] = useState<string | null>(null);
  async function copy(text: string, what: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`${what} copied.`);
    } catch {
      setCopied("Could not copy: select the text and copy it yourself.");
    }
  }
  const curl = `curl -OJ -H "Authorization: Bearer $MARGINALIA_TOKEN" "${url}"`;
  return (
    <div className="mt-2 space-y-2">
      <div className="flex items-start gap-2">
        <code className="block min-w-0 flex-1 rounded bg-stone-100 px-2 py-1.5 font-mono text-xs break-all text-stone-800 select-all dark:bg-stone-800 dark:text-stone-200">
          {url}
        </code>
        <Button variant="secondary" size="sm" onClick={() => void copy(url, "Address")}>
          Copy
        </Button>
      </div>
      {api ? (
        <>
          <p className="text-xs text-stone-600 dark:text-stone-400">
            From a script, send a{" "}
            <Link href="/settings" className="underline underline-offset-2">
              personal access token
            </Link>
            ; the file keeps its name with <code className="font-mono">-OJ</code>:
          </p>
          <div className="flex items-start gap-2">
            <code className="block min-w-0 flex-1 rounded bg-stone-100 px-2 py-1.5 font-mono text-xs break-all text-stone-800 select-all dark:bg-stone-800 dark:text-stone-200">
              {curl}
            </code>
            <Button variant="secondary" size="sm" onClick={() => void copy(curl, "Command")}>
              Copy
            </Button>
          </div>
        </>
      ) : (
        <p className="text-xs text-stone-600 dark:text-stone-400">
          A page of the app, for people signed in. For scripts, choose a file format.
        </p>
      )}
      <p aria-live="polite" className="text-xs text-stone-600 empty:hidden dark:text-stone-400">
        {copied}
      </p>
    </div>
  );
}
