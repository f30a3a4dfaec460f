import { Badge } from "@/components/ui/badge";
import { VERDICT_LABEL } from "@/lib/domain/words";
import { VERDICT_TONE } from "./kind-style";

type Verdict = keyof typeof VERDICT_LABEL;

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return <Badge tone={VERDICT_TONE[verdict]}>{`Verdict: ${VERDICT_LABEL[verdict]}`}</Badge>;
}

const TALLY = [
  { key: "supports", one: "supports", many: "support", className: "text-emerald-700 dark:text-emerald-400" },
  { key: "disputes", one: "disputes", many: "dispute", className: "text-red-700 dark:text-red-400" },
  { key: "needs_evidence", one: "needs evidence", many: "need evidence", className: "text-amber-800 dark:text-amber-300" },
] as const;

/** "2 support · 1 disputes · 0 need evidence", the counts coloured by stance. */
export function Tally({ tally }: { tally: Record<(typeof TALLY)[number]["key"], number> }) {
  return (
    <span className="inline-flex flex-wrap gap-x-3 gap-y-1 text-xs text-stone-600 dark:text-stone-400" data-testid="stance-tally">
      {TALLY.map((t) => (
        <span key={t.key}>
          <span className={`font-semibold tabular-nums ${t.className}`}>{tally[t.key]}</span> {tally[t.key] === 1 ? t.one : t.many}
        </span>
      ))}
    </span>
  );
}
