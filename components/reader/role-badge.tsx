import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ROLE_HELP, ROLE_LABEL } from "@/lib/domain/role-words";
import type { RoleName } from "@/lib/domain/words";

/** Your role in the report's workspace, by its name: it links to the members page, where roles are explained. */
export function RoleBadge({ role, slug }: { role: RoleName; slug: string }) {
  return (
    <Link
      href={`/w/${slug}/members`}
      aria-label={`Your role: ${role}`}
      title={`${ROLE_LABEL[role]}: ${ROLE_HELP[role]}`}
      className="rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600"
    >
      <Badge tone={role === "owner" ? "amber" : "neutral"}>{role}</Badge>
    </Link>
  );
}
