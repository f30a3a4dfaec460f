import { STANCE_LABEL, STANCE_TEXT } from "@/components/annotations/kind-style";
import type { ReaderAnnotation } from "@/components/reader/types";
import { evidenceLink } from "@/lib/format/evidence";

/**
 * Who took which stance on a claim, and why: each member's stance, note and
 * evidence (a ¶ of a report as a link to the passage, a web address as
 * itself). The thread and the Claims view show the reasoning alike.
 */
export function StanceReasons({
  stances,
  here,
  className = "",
}: {
  stances: ReaderAnnotation["stances"];
  here: { slug: string; reportId: string } | null;
  className?: string;
}) {
  if (stances.length === 0) return null;
  return (
    <ul className={`space-y-1 text-xs text-stone-700 dark:text-stone-300 ${className}`} aria-label="Who took which stance">
      {stances.map((s) => {
        const link = here ? evidenceLink(s.evidence, here) : null;
        return (
          <li key={s.user.id} className="break-words">
            <span className="font-medium">{s.user.name}</span>{" "}
            <span className={STANCE_TEXT[s.stance]}>{STANCE_LABEL[s.stance].toLowerCase()}</span>
            {s.note && <span dir="auto"> — {s.note}</span>}
            {link && (
              <>
                {" · "}
                <span className="text-stone-500 dark:text-stone-400">evidence: </span>
                <a
                  href={link.href}
                  dir="auto"
                  className="break-all underline underline-offset-2 hover:text-stone-900 dark:hover:text-stone-100"
                  {...(link.external ? { target: "_blank", rel: "noopener noreferrer nofollow" } : {})}
                >
                  {link.label}
                </a>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
