import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { roleAtLeast, rolesAtLeast, type RoleName } from "@/lib/domain/words";

/** The ranking is lib/domain's; the server's callers know it by these names. */
export const hasRole = roleAtLeast;
export { rolesAtLeast };

/** What a member without the role is told (403): they know the workspace exists. */
export function requireRole(role: RoleName, atLeast: RoleName, action: string): void {
  if (!hasRole(role, atLeast)) {
    throw new AppError("forbidden", `Your role (${role}) cannot ${action}. Ask a workspace owner for ${atLeast} access.`);
  }
}

/** Workspaces the user belongs to: the filter every workspace read starts from. */
export function workspaceWhere(userId: string): Prisma.WorkspaceWhereInput {
  if (!userId) throw new Error("workspaceWhere needs a user id");
  return { memberships: { some: { userId } } };
}

/** Reports in workspaces the user belongs to. */
export function reportWhere(userId: string): Prisma.ReportWhereInput {
  return { workspace: workspaceWhere(userId) };
}

export interface WorkspaceAccess {
  workspace: { id: string; slug: string; name: string };
  role: RoleName;
}

/**
 * The workspace (by id or slug) and the user's role in it. A workspace the
 * user is not in is "not found", exactly like one that does not exist.
 */
export async function getWorkspaceAccessOrThrow(
  options: { userId: string; workspaceIdOrSlug: string },
  client: Tx | typeof db = db,
): Promise<WorkspaceAccess> {
  const key = options.workspaceIdOrSlug;
  const select = { role: true, workspace: { select: { id: true, slug: true, name: true } } } as const;
  // An id wins over a slug, so a key can never name two workspaces.
  const membership =
    (await client.membership.findFirst({ where: { userId: options.userId, workspaceId: key }, select })) ??
    (await client.membership.findFirst({ where: { userId: options.userId, workspace: { slug: key } }, select }));
  if (!membership) throw notFound("That workspace");
  return { workspace: membership.workspace, role: membership.role };
}

/**
 * The user's membership of a workspace, as a join on `memberships m` (so `m.role` can be read):
 * `workspaceId` and a `user` given as SQL are expressions (columns of the statement); a user
 * given as a string is an id, bound as a parameter. With `minRole`, only a membership with at
 * least that role joins. Every hand-written membership check starts from this.
 */
export function membershipJoinSql(workspaceId: Prisma.Sql, user: string | Prisma.Sql, minRole?: RoleName): Prisma.Sql {
  if (user === "") throw new Error("membershipJoinSql needs a user id");
  const role = minRole ? Prisma.sql` AND m.role::text = ANY(${rolesAtLeast(minRole)}::text[])` : Prisma.empty;
  return Prisma.sql`JOIN memberships m ON m.workspace_id = ${workspaceId} AND m.user_id = ${user}${role}`;
}

/** Whether the user belongs to the workspace of report `reportId` (an SQL expression, e.g. `n.report_id`), for a WHERE. */
export function reportMemberSql(reportId: Prisma.Sql, user: string | Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM reports r ${membershipJoinSql(Prisma.sql`r.workspace_id`, user)} WHERE r.id = ${reportId})`;
}

export interface ReportAccess {
  report: { id: string; version: number; workspaceId: string };
  role: RoleName;
}

/** The report (id, version, workspaceId) and the user's role in its workspace: no row for a report they cannot see. */
export function reportAccessSql(options: { userId: string; reportId: string }): Prisma.Sql {
  if (!options.userId) throw new Error("reportAccessSql needs a user id");
  return Prisma.sql`
    SELECT r.id, r.version, r.workspace_id AS "workspaceId", m.role::text AS role
    FROM reports r ${membershipJoinSql(Prisma.sql`r.workspace_id`, options.userId)}
    WHERE r.id = ${options.reportId}`;
}

/**
 * Which of `userIds` can see report `reportId`, and each one's role: one query for many people
 * (a report's live streams check their readers together). Users left out of the map cannot see it.
 */
export async function reportAccessOfUsers(reportId: string, userIds: string[]): Promise<Map<string, ReportAccess>> {
  const rows = await db.$queryRaw<{ userId: string; id: string; version: number; workspaceId: string; role: RoleName }[]>`
    SELECT u.id AS "userId", r.id, r.version, r.workspace_id AS "workspaceId", m.role::text AS role
    FROM unnest(${userIds}::text[]) AS u(id)
    JOIN reports r ON r.id = ${reportId}
    ${membershipJoinSql(Prisma.sql`r.workspace_id`, Prisma.sql`u.id`)}`;
  return new Map(rows.map(({ userId, role, ...report }) => [userId, { report, role }]));
}

/** A report the user can see (by its workspace) and their role there; otherwise "not found". */
export async function getReportAccessOrThrow(
  options: { userId: string; reportId: string },
  client: Tx | typeof db = db,
): Promise<ReportAccess> {
  // One query, on the path of every write: the report and the user's membership of its workspace.
  const [row] = await client.$queryRaw<{ id: string; version: number; workspaceId: string; role: RoleName }[]>(reportAccessSql(options));
  if (!row) throw notFound("That report");
  const { role, ...report } = row;
  return { report, role };
}
