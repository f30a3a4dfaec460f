import { Button } from "@/components/ui/button";
import { describeChoices, passagesAfter, type ChoiceAction, type PassageChoices } from "./passage-choices";

/** What the import will do with the passages, in words, read out when it changes. */
export function ChoicesSummary({
  total,
  choices,
  dispatch,
}: {
  total: number;
  choices: PassageChoices;
  dispatch: (action: ChoiceAction) => void;
}) {
  const lines = describeChoices(choices);
  const kept = passagesAfter(total, choices);
  return (
    <div
      data-testid="preview-summary"
      aria-live="polite"
      className="rounded-md border border-stone-200 bg-stone-50 px-4 py-3 text-sm text-stone-700 dark:border-stone-800 dark:bg-stone-900/60 dark:text-stone-300"
    >
      {lines.length === 0 ? (
        <p>
          All {total.toLocaleString("en")} {total === 1 ? "passage" : "passages"} will be imported. Remove what does not belong to the
          report, or use a passage as its authors, date or subtitle, with the buttons beside each one.
        </p>
      ) : (
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div>
            <ul className="list-disc space-y-0.5 pl-5">
              {lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <p className="mt-1 font-medium text-stone-800 dark:text-stone-200">
              {kept.toLocaleString("en")} {kept === 1 ? "passage" : "passages"} will be imported.
            </p>
          </div>
          <Button variant="ghost" size="sm" onClick={() => dispatch({ type: "reset" })}>
            Undo all
          </Button>
        </div>
      )}
    </div>
  );
}
