import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { dueSentence, isOverdue, utcDay } from "@/lib/domain/assignments";
import type { AnnotationStatusName } from "@/lib/domain/words";

interface Props {
  assignee: { id: string; name: string };
  dueAt: string | null;
  status: AnnotationStatusName;
}

/**
 * Who a thread is assigned to and by when, on its card: the assignee's avatar
 * and name, the due date, and "Overdue" in words (red, but not by colour
 * alone) once the day has passed; "Done" once resolved.
 */
export function AssignmentLine({ assignee, dueAt, status }: Props) {
  const overdue = isOverdue({ status, dueAt }, utcDay());
  return (
    <p
      className="mt-2 flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 text-xs text-stone-600 dark:text-stone-400"
      data-testid="assignment"
    >
      <Avatar name={assignee.name} id={assignee.id} />
      <span className="min-w-0 truncate">
        <span className="sr-only">Assigned to </span>
        <span aria-hidden="true">→ </span>
        <span className="font-medium text-stone-800 dark:text-stone-200" dir="auto">
          {assignee.name}
        </span>
      </span>
      {dueAt && (
        <span className={overdue ? "font-medium text-red-700 dark:text-red-400" : undefined}>
          <time dateTime={dueAt}>{dueSentence(dueAt)}</time>
        </span>
      )}
      {overdue && <Badge tone="red">Overdue</Badge>}
      {status === "resolved" && <Badge tone="emerald">Done</Badge>}
    </p>
  );
}
