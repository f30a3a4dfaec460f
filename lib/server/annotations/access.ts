import "server-only";
import { db, type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { AnnotationKindName, RoleName, VisibilityName } from "@/lib/domain/words";
import { reportWhere } from "../workspaces/access";
import { annotationVisibleWhere } from "./visibility";

export interface AnnotationAccess {
  annotation: {
    id: string;
    authorId: string;
    kind: AnnotationKindName;
    visibility: VisibilityName;
    body: string;
    claimSummary: string | null;
    version: number;
    status: "open" | "resolved";
    deletedAt: Date | null;
    reportId: string;
    assigneeId: string | null;
    /** Midnight UTC of the due day (a `date` column). */
    dueAt: Date | null;
  };
  role: RoleName;
  workspaceId: string;
}

/**
 * An annotation the user may see (in one of their workspaces; shared, or
 * their own), with their role there. Anything else is "not found".
 */
export async function getAnnotationAccessOrThrow(
  options: { userId: string; annotationId: string; includeDeleted?: boolean },
  client: Tx | typeof db = db,
): Promise<AnnotationAccess> {
  const row = await client.annotation.findFirst({
    where: {
      id: options.annotationId,
      report: reportWhere(options.userId),
      ...annotationVisibleWhere(options.userId),
      ...(options.includeDeleted ? {} : { deletedAt: null }),
    },
    select: {
      id: true,
      authorId: true,
      kind: true,
      visibility: true,
      body: true,
      claimSummary: true,
      version: true,
      status: true,
      deletedAt: true,
      reportId: true,
      assigneeId: true,
      dueAt: true,
      report: {
        select: {
          workspaceId: true,
          workspace: { select: { memberships: { where: { userId: options.userId }, select: { role: true } } } },
        },
      },
    },
  });
  if (!row) throw notFound("That annotation");
  const { report, ...annotation } = row;
  return { annotation, role: report.workspace.memberships[0].role, workspaceId: report.workspaceId };
}
