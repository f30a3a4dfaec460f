import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { MemberSummary } from "@/lib/domain/people";
import { AppError } from "@/lib/errors";
import type { AddMemberInput, ChangeRoleInput, CreateWorkspaceInput } from "@/lib/validations/workspace";
import type { RoleName } from "@/lib/domain/words";
import { isUniqueViolation } from "../prisma-errors";
import { keysetArgs, keysetPage, mapPage, type Keyset, type PageOption } from "../pagination/keyset";
import type { Page } from "../pagination/page";
import { getWorkspaceAccessOrThrow, requireRole, workspaceWhere } from "./access";
import { assertKeepsAnOwner, lockMemberAndOwners } from "./owners";
import { releaseAssignments } from "../assignments/release";
import { canBeAssigned } from "@/lib/domain/assignments";

export interface WorkspaceSummary {
  id: string;
  slug: string;
  name: string;
  role: RoleName;
  reportCount: number;
  memberCount: number;
}

export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return slug || "workspace";
}

export async function createWorkspace(options: { userId: string } & CreateWorkspaceInput) {
  const base = slugify(options.name);
  // A taken slug gets a short random suffix; retry a few times on the rare clash.
  for (let attempt = 0; attempt < 5; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${randomBytes(3).toString("hex")}`;
    try {
      return await db.workspace.create({
        data: { name: options.name, slug, memberships: { create: { userId: options.userId, role: "owner" } } },
        select: { id: true, slug: true, name: true },
      });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
  }
  throw new AppError("conflict", "Could not find a free address for this workspace. Try another name.");
}

/** By name, then oldest first for equal names, then id: each user's own list. */
const workspacesKeyset = (userId: string): Keyset => ({
  scope: `workspaces:${userId}`,
  order: [
    ["name", "asc", "string"],
    ["createdAt", "asc", "date"],
    ["id", "asc", "string"],
  ],
});

export async function listWorkspaces(options: { userId: string; page: PageOption }): Promise<Page<WorkspaceSummary>> {
  const keyset = workspacesKeyset(options.userId);
  const { orderBy, after, take } = keysetArgs(keyset, options.page);
  const rows = await db.workspace.findMany({
    where: { AND: [workspaceWhere(options.userId), after] },
    orderBy,
    take,
    select: {
      id: true,
      slug: true,
      name: true,
      createdAt: true,
      memberships: { where: { userId: options.userId }, select: { role: true } },
      _count: { select: { reports: true, memberships: true } },
    },
  });
  return mapPage(keysetPage(rows, keyset, options.page), (w) => ({
    id: w.id,
    slug: w.slug,
    name: w.name,
    role: w.memberships[0].role,
    reportCount: w._count.reports,
    memberCount: w._count.memberships,
  }));
}

const memberSelect = { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } } as const;

function toMemberSummary(m: { role: RoleName; createdAt: Date; user: { id: string; name: string; email: string } }): MemberSummary {
  return { userId: m.user.id, name: m.user.name, email: m.user.email, role: m.role, joinedAt: m.createdAt };
}

/** Oldest membership first (the order people joined in), then the membership's id. */
const membersKeyset = (workspaceId: string): Keyset => ({
  scope: `members:${workspaceId}`,
  order: [
    ["createdAt", "asc", "date"],
    ["id", "asc", "string"],
  ],
});

export async function listMembers(options: { userId: string; workspaceIdOrSlug: string; page: PageOption }): Promise<Page<MemberSummary>> {
  const { workspace } = await getWorkspaceAccessOrThrow(options);
  const keyset = membersKeyset(workspace.id);
  const { orderBy, after, take } = keysetArgs(keyset, options.page);
  const rows = await db.membership.findMany({
    where: { AND: [{ workspaceId: workspace.id }, after] },
    orderBy,
    take,
    select: { id: true, ...memberSelect },
  });
  return mapPage(keysetPage(rows, keyset, options.page), toMemberSummary);
}

export async function addMember(options: { userId: string; workspaceIdOrSlug: string } & AddMemberInput): Promise<MemberSummary> {
  return db.$transaction(async (tx) => {
    const { workspace, role } = await getWorkspaceAccessOrThrow(options, tx);
    requireRole(role, "owner", "add members");
    const user = await tx.user.findUnique({ where: { email: options.email }, select: { id: true } });
    if (!user) {
      const message = `No one has registered with ${options.email} yet. Invite them with a link instead, or ask them to create an account first.`;
      // `reason` lets a client offer the invitation without reading the message.
      throw new AppError("validation_failed", message, { issues: [{ path: "email", message }], reason: "not_registered" });
    }
    try {
      return toMemberSummary(
        await tx.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: options.role }, select: memberSelect }),
      );
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError("conflict", `${options.email} is already a member of this workspace.`);
      throw e;
    }
  });
}

/**
 * An owner removes a member (or a member leaves). The last owner cannot go:
 * a workspace always has someone who can manage it. Their live streams on any
 * instance close within seconds (they check membership as they run). Their
 * open assigned threads are unassigned, and Activity says so.
 */
export async function removeMember(options: { userId: string; workspaceIdOrSlug: string; memberId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const { workspace, role } = await getWorkspaceAccessOrThrow(options, tx);
    if (options.memberId !== options.userId) requireRole(role, "owner", "remove members");
    assertKeepsAnOwner(await lockMemberAndOwners(tx, workspace.id, options.memberId), null);
    await tx.membership.delete({ where: { workspaceId_userId: { workspaceId: workspace.id, userId: options.memberId } } });
    await releaseAssignments(tx, {
      workspaceId: workspace.id,
      memberId: options.memberId,
      actorId: options.userId,
      reason: "member_removed",
    });
  });
}

/**
 * An owner gives a member another role; the last owner keeps theirs. A member
 * made a viewer can no longer be assigned work: their open threads are
 * unassigned, and Activity says so.
 */
export async function changeMemberRole(
  options: { userId: string; workspaceIdOrSlug: string; memberId: string } & ChangeRoleInput,
): Promise<MemberSummary> {
  return db.$transaction(async (tx) => {
    const { workspace, role } = await getWorkspaceAccessOrThrow(options, tx);
    requireRole(role, "owner", "change members' roles");
    const before = await lockMemberAndOwners(tx, workspace.id, options.memberId);
    assertKeepsAnOwner(before, options.role);
    const m = await tx.membership.update({
      where: { workspaceId_userId: { workspaceId: workspace.id, userId: options.memberId } },
      data: { role: options.role },
      select: memberSelect,
    });
    // After the membership's change, which waits for an assignment being made to them (it locks the row):
    // that one is committed by now, and released here with the rest.
    if (canBeAssigned(before.role) && !canBeAssigned(options.role)) {
      await releaseAssignments(tx, {
        workspaceId: workspace.id,
        memberId: options.memberId,
        actorId: options.userId,
        reason: "member_demoted",
      });
    }
    return toMemberSummary(m);
  });
}
