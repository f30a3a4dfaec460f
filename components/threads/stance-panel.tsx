"use client";

import { usePathname } from "next/navigation";
import { useId, useState } from "react";
import { useDraft } from "@/components/drafts/use-draft";
import { Tally } from "@/components/annotations/claim-badges";
import { STANCE_LABEL } from "@/components/annotations/kind-style";
import { StanceReasons } from "@/components/annotations/stance-reasons";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ReaderAnnotation, ReaderPassage } from "@/components/reader/types";
import { apiFetch } from "@/lib/api/browser/client";
import { STANCES, VERDICTS, VERDICT_LABEL, type StanceName } from "@/lib/domain/words";
import { placeOfPath } from "@/lib/format/evidence";
import { useApiAction } from "./use-api-action";

interface Props {
  annotation: ReaderAnnotation;
  meId: string;
  canTakeStance: boolean;
  canSetVerdict: boolean;
  passages: ReaderPassage[];
  onChange: (a: ReaderAnnotation) => void;
}

/** Evidence typed as "¶ 12" (a passage of this report) or a web address. */
function parseEvidence(text: string, passages: ReaderPassage[]) {
  const t = text.trim();
  if (!t) return { evidence: undefined };
  const para = /^¶?\s*(\d+)$/.exec(t);
  if (para) {
    const passage = passages.find((p) => p.index === Number(para[1]));
    return passage ? { evidence: { passageId: passage.id } } : { error: `There is no ¶ ${para[1]} in this report.` };
  }
  if (/^https?:\/\/\S+$/i.test(t)) return { evidence: { url: t } };
  return { error: "Evidence is a web address (https://…) or a paragraph number such as ¶ 12." };
}

interface StanceDraft {
  stance: StanceName;
  note: string;
  evidence: string;
}

export function StancePanel({ annotation: a, meId, canTakeStance, canSetVerdict, passages, onChange }: Props) {
  const mine = a.stances.find((s) => s.user.id === meId);
  // The note and evidence being written are kept in the browser until saved or
  // cancelled, and come back (the form open) after a reload or a crash. The
  // panel is made in the browser only (a card opened), so reading the draft
  // while rendering cannot differ from a server render.
  const draft = useDraft<StanceDraft>(canTakeStance ? `stance:${a.id}` : null);
  const kept = draft.initial;
  const [note, setNote] = useState(kept?.note ?? mine?.note ?? "");
  const initialEvidence =
    mine?.evidence?.url ?? (mine?.evidence?.passageId ? `¶ ${passages.find((p) => p.id === mine.evidence!.passageId)?.index ?? ""}` : "");
  const [evidence, setEvidence] = useState(kept?.evidence ?? initialEvidence);
  const [detailsOpen, setDetailsOpen] = useState(kept !== null);
  // The stance the form saves: the one taken, else the first.
  const [chosen, setChosen] = useState<StanceName>(kept?.stance ?? mine?.stance ?? "supports");
  const { pending, error, setError, run } = useApiAction();
  const here = placeOfPath(usePathname());
  const formId = useId();

  function keep(next: Partial<StanceDraft>) {
    const value = { stance: chosen, note, evidence, ...next };
    draft.save(value.note.trim() || value.evidence.trim() ? value : null);
  }
  function choose(stance: StanceName) {
    setChosen(stance);
    keep({ stance });
  }
  function closeDetails(discard: boolean) {
    if (discard) {
      draft.clear();
      setNote(mine?.note ?? "");
      setEvidence(initialEvidence);
    }
    setDetailsOpen(false);
  }

  async function take(stance: StanceName, withDetails: boolean) {
    const parsed = parseEvidence(evidence, passages);
    if (withDetails && parsed.error) return setError(parsed.error);
    const body = withDetails
      ? { stance, ...(note.trim() ? { note: note.trim() } : {}), ...(parsed.evidence ? { evidence: parsed.evidence } : {}) }
      : {
          stance,
          ...(mine?.note ? { note: mine.note } : {}),
          ...(mine?.evidence ? { evidence: Object.fromEntries(Object.entries(mine.evidence).filter(([, v]) => v)) } : {}),
        };
    const updated = await run(() => apiFetch<ReaderAnnotation>(`/api/v1/annotations/${a.id}/stance`, { method: "PUT", json: body }));
    if (updated) {
      onChange(updated);
      if (withDetails) draft.clear();
      setDetailsOpen(false);
    }
  }

  return (
    <section aria-label="Stances and verdict" className="space-y-2 rounded-md bg-stone-50 p-2 dark:bg-stone-950">
      {error && <Alert>{error}</Alert>}
      {canTakeStance && (
        <div role="group" aria-label="Your stance" className="flex flex-wrap gap-1">
          {STANCES.map((s) => (
            <button
              key={s}
              type="button"
              disabled={pending}
              aria-pressed={mine?.stance === s}
              // With the note and evidence open, the stance clicked is saved with what they hold: nothing typed is dropped.
              onClick={() => {
                if (detailsOpen) choose(s);
                void take(s, detailsOpen);
              }}
              className="rounded-full border border-stone-300 px-2.5 py-0.5 text-xs font-medium text-stone-700 hover:bg-white aria-pressed:border-stone-900 aria-pressed:bg-stone-900 aria-pressed:text-white dark:border-stone-700 dark:text-stone-300 dark:hover:bg-stone-900 dark:aria-pressed:border-stone-100 dark:aria-pressed:bg-stone-100 dark:aria-pressed:text-stone-900"
            >
              {STANCE_LABEL[s]}
            </button>
          ))}
          <button
            type="button"
            className="ml-auto text-xs text-stone-500 underline-offset-2 hover:underline dark:text-stone-400"
            aria-expanded={detailsOpen}
            onClick={() => setDetailsOpen((o) => !o)}
          >
            Note and evidence
          </button>
        </div>
      )}
      {detailsOpen && (
        <form
          aria-label="Your note and evidence"
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            void take(chosen, true);
          }}
          onKeyDown={(e) => {
            if (e.key === "Escape") closeDetails(false);
          }}
        >
          <fieldset className="flex flex-wrap gap-x-3 gap-y-1 text-xs">
            <legend className="mb-1 font-medium">Stance</legend>
            {STANCES.map((s) => (
              <label key={s} className="inline-flex items-center gap-1">
                <input
                  type="radio"
                  name={`${formId}-stance`}
                  value={s}
                  checked={chosen === s}
                  onChange={() => choose(s)}
                  className="accent-stone-900 dark:accent-stone-100"
                />
                {STANCE_LABEL[s]}
              </label>
            ))}
          </fieldset>
          <label className="block text-xs font-medium">
            Note
            <textarea
              value={note}
              onChange={(e) => {
                setNote(e.target.value);
                keep({ note: e.target.value });
              }}
              rows={2}
              maxLength={2000}
              dir="auto"
              className="mt-1 block w-full rounded border border-stone-300 bg-white px-2 py-1 text-sm font-normal dark:border-stone-700 dark:bg-stone-900"
            />
          </label>
          <label className="block text-xs font-medium">
            Evidence (a link, or a paragraph such as ¶ 3)
            <input
              value={evidence}
              onChange={(e) => {
                setEvidence(e.target.value);
                keep({ evidence: e.target.value });
              }}
              placeholder="https://… or ¶ 3"
              className="mt-1 block w-full rounded border border-stone-300 bg-white px-2 py-1 text-sm font-normal dark:border-stone-700 dark:bg-stone-900"
            />
          </label>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" size="sm" disabled={pending} aria-busy={pending}>
              {pending ? "Saving…" : "Save"}
            </Button>
            <Button size="sm" variant="ghost" disabled={pending} onClick={() => closeDetails(true)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      <Tally tally={a.tally} />
      <StanceReasons stances={a.stances} here={here} />
      {canSetVerdict && (
        <label className="flex items-center gap-2 text-xs font-medium">
          Verdict
          <select
            value={a.verdict}
            disabled={pending}
            onChange={async (e) => {
              const updated = await run(() =>
                apiFetch<ReaderAnnotation>(`/api/v1/annotations/${a.id}/verdict`, { method: "PUT", json: { verdict: e.target.value } }),
              );
              if (updated) onChange(updated);
            }}
            className="rounded border border-stone-300 bg-white px-1.5 py-0.5 text-xs dark:border-stone-700 dark:bg-stone-900"
          >
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {VERDICT_LABEL[v]}
              </option>
            ))}
          </select>
        </label>
      )}
    </section>
  );
}
