"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { isInstitution, type Creator } from "@/lib/domain/citations";

/** One author row as the form holds it: a person (family and given names) or an institution (its name). */
export interface CreatorRow {
  key: number;
  kind: "person" | "institution";
  family: string;
  given: string;
  literal: string;
}

let nextKey = 0;
export const creatorRow = (creator?: Creator): CreatorRow => ({
  key: ++nextKey,
  kind: creator && isInstitution(creator) ? "institution" : "person",
  family: creator && !isInstitution(creator) ? creator.family : "",
  given: creator && !isInstitution(creator) ? (creator.given ?? "") : "",
  literal: creator && isInstitution(creator) ? creator.literal : "",
});

/** The rows as the API takes them: empty rows left out, a person without a given name kept without one. */
export function creatorsOfRows(rows: CreatorRow[]): Creator[] {
  return rows.flatMap((row): Creator[] => {
    if (row.kind === "institution") return row.literal.trim() ? [{ literal: row.literal.trim() }] : [];
    const family = row.family.trim();
    const given = row.given.trim();
    if (!family) return given ? [{ family: given }] : [];
    return [given ? { family, given } : { family }];
  });
}

/**
 * The authors as a reference needs them: each a person (family name, given
 * names) or an institution (its whole name, never split), in order, added and
 * removed with buttons. Right-to-left names are typed right to left.
 */
export function CreatorsField({ rows, onChange }: { rows: CreatorRow[]; onChange: (rows: CreatorRow[]) => void }) {
  const id = useId();
  const update = (key: number, patch: Partial<CreatorRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <fieldset className="space-y-2" aria-describedby={`${id}-hint`}>
      <legend className="text-sm font-medium text-stone-800 dark:text-stone-200">Authors</legend>
      <p id={`${id}-hint`} className="text-xs text-stone-500 dark:text-stone-400">
        A person is cited by family name (“Haddad, Rana”); an institution by its whole name.
      </p>
      {rows.length === 0 && <p className="text-sm text-stone-500 italic dark:text-stone-400">No authors yet.</p>}
      <ol className="space-y-2">
        {rows.map((row, i) => (
          <li
            key={row.key}
            data-testid="creator-row"
            className="grid grid-cols-2 gap-2 rounded-md border border-stone-200 p-2 sm:grid-cols-[9rem_1fr_1fr_auto] sm:border-0 sm:p-0 dark:border-stone-800"
          >
            <select
              aria-label={`Author ${i + 1} is`}
              className={`${controlClass} col-span-2 sm:col-span-1`}
              value={row.kind}
              onChange={(e) => update(row.key, { kind: e.target.value as CreatorRow["kind"] })}
            >
              <option value="person">A person</option>
              <option value="institution">An institution</option>
            </select>
            {row.kind === "person" ? (
              <>
                <input
                  aria-label={`Author ${i + 1}: family name`}
                  placeholder="Family name"
                  className={controlClass}
                  dir="auto"
                  maxLength={200}
                  value={row.family}
                  onChange={(e) => update(row.key, { family: e.target.value })}
                />
                <input
                  aria-label={`Author ${i + 1}: given names`}
                  placeholder="Given names"
                  className={controlClass}
                  dir="auto"
                  maxLength={200}
                  value={row.given}
                  onChange={(e) => update(row.key, { given: e.target.value })}
                />
              </>
            ) : (
              <input
                aria-label={`Author ${i + 1}: name of the institution`}
                placeholder="Name of the institution"
                className={`${controlClass} col-span-2`}
                dir="auto"
                maxLength={200}
                value={row.literal}
                onChange={(e) => update(row.key, { literal: e.target.value })}
              />
            )}
            <Button
              variant="ghost"
              size="sm"
              className="col-span-2 justify-self-end sm:col-span-1 sm:self-center"
              aria-label={`Remove author ${i + 1}`}
              onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
            >
              Remove
            </Button>
          </li>
        ))}
      </ol>
      <Button variant="secondary" size="sm" onClick={() => onChange([...rows, creatorRow()])} disabled={rows.length >= 50}>
        Add author
      </Button>
    </fieldset>
  );
}
