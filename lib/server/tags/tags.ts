import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError, invalidField, notFound } from "@/lib/errors";
import { TAG_COLORS, type CreateTagInput, type UpdateTagInput } from "@/lib/validations/tag";
import { isUniqueViolation } from "../prisma-errors";
import { keysetArgs, keysetPage, mapPage, type Keyset, type PageOption } from "../pagination/keyset";
import type { Page } from "../pagination/page";
import { getWorkspaceAccessOrThrow, requireRole, workspaceWhere } from "../workspaces/access";

export interface TagView {
  id: string;
  name: string;
  color: string;
  description: string;
  usageCount: number;
}

// Usage counts only what the whole team can see: no deleted or private annotations.
const COUNTED = { annotation: { deletedAt: null, visibility: "workspace" as const } };

/** How a tag is told apart from another: its name, trimmed and lower-cased. */
export const tagKey = (name: string) => name.trim().toLocaleLowerCase("en");

function pickColor(name: string): string {
  let h = 0;
  for (const ch of tagKey(name)) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return TAG_COLORS[h % TAG_COLORS.length];
}

const duplicate = (name: string) => new AppError("conflict", `A tag named “${name}” already exists in this workspace.`);

/**
 * By name ignoring case: the stored lower-cased `nameKey` (unique in a
 * workspace), so the keyset compares a plain column, not an expression; then id.
 */
const tagsKeyset = (workspaceId: string): Keyset => ({
  scope: `tags:${workspaceId}`,
  order: [
    ["nameKey", "asc", "string"],
    ["id", "asc", "string"],
  ],
});

export async function listTags(options: { userId: string; workspaceIdOrSlug: string; page: PageOption }): Promise<Page<TagView>> {
  const { workspace } = await getWorkspaceAccessOrThrow(options);
  const keyset = tagsKeyset(workspace.id);
  const { orderBy, after, take } = keysetArgs(keyset, options.page);
  const rows = await db.tag.findMany({
    where: { AND: [{ workspaceId: workspace.id }, after] },
    orderBy,
    take,
    select: {
      id: true,
      nameKey: true,
      name: true,
      color: true,
      description: true,
      _count: { select: { annotations: { where: COUNTED } } },
    },
  });
  return mapPage(keysetPage(rows, keyset, options.page), (t) => ({
    id: t.id,
    name: t.name,
    color: t.color,
    description: t.description,
    usageCount: t._count.annotations,
  }));
}

export async function createTag(options: { userId: string; workspaceIdOrSlug: string } & CreateTagInput): Promise<TagView> {
  return db.$transaction(async (tx) => {
    const { workspace, role } = await getWorkspaceAccessOrThrow(options, tx);
    requireRole(role, "editor", "manage the workspace's tags");
    try {
      const tag = await tx.tag.create({
        data: {
          workspaceId: workspace.id,
          name: options.name,
          nameKey: tagKey(options.name),
          color: options.color ?? pickColor(options.name),
          description: options.description ?? "",
        },
        select: { id: true, name: true, color: true, description: true },
      });
      return { ...tag, usageCount: 0 };
    } catch (e) {
      if (isUniqueViolation(e)) throw duplicate(options.name);
      throw e;
    }
  });
}

async function tagForEditorOrThrow(tx: Tx, userId: string, tagId: string) {
  const tag = await tx.tag.findFirst({ where: { id: tagId, workspace: workspaceWhere(userId) }, select: { id: true, workspaceId: true } });
  if (!tag) throw notFound("That tag");
  const { role } = await getWorkspaceAccessOrThrow({ userId, workspaceIdOrSlug: tag.workspaceId }, tx);
  requireRole(role, "editor", "manage the workspace's tags");
  return tag;
}

export async function updateTag(options: { userId: string; tagId: string } & UpdateTagInput): Promise<TagView> {
  return db.$transaction(async (tx) => {
    await tagForEditorOrThrow(tx, options.userId, options.tagId);
    try {
      const tag = await tx.tag.update({
        where: { id: options.tagId },
        data: {
          ...(options.name !== undefined ? { name: options.name, nameKey: tagKey(options.name) } : {}),
          ...(options.color !== undefined ? { color: options.color } : {}),
          ...(options.description !== undefined ? { description: options.description } : {}),
        },
        select: { id: true, name: true, color: true, description: true, _count: { select: { annotations: { where: COUNTED } } } },
      });
      const { _count, ...rest } = tag;
      return { ...rest, usageCount: _count.annotations };
    } catch (e) {
      if (isUniqueViolation(e) && options.name) throw duplicate(options.name);
      throw e;
    }
  });
}

/** Deletes a tag; annotations lose it, nothing else changes. */
export async function deleteTag(options: { userId: string; tagId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    await tagForEditorOrThrow(tx, options.userId, options.tagId);
    await tx.tag.delete({ where: { id: options.tagId } });
  });
}

/**
 * The ids of the named tags. Unknown names are created when the user may
 * (editors), else refused with a 422 naming them.
 */
export async function resolveTagIds(tx: Tx, options: { workspaceId: string; names: string[]; canCreate: boolean }): Promise<string[]> {
  const { idsByKey, skipped } = await findOrCreateTags(tx, options);
  if (skipped.length) {
    throw invalidField(
      "tags",
      `No tag named ${skipped.map((m) => `“${m}”`).join(", ")} in this workspace. Ask an editor to add it to the codebook.`,
    );
  }
  return [...idsByKey.values()];
}

/**
 * Tags by lower-cased name (for imported annotations, and for resolveTagIds).
 * Unknown names are added to the codebook when the caller may (editors);
 * otherwise they are left off and returned, so the caller can say which.
 * Two writers adding the same new tag at once get the same tag: the insert
 * skips a name another transaction has just added (waiting for it to commit),
 * and the names are read again after it.
 */
export async function findOrCreateTags(
  tx: Tx,
  options: { workspaceId: string; names: string[]; canCreate: boolean },
): Promise<{ idsByKey: Map<string, string>; skipped: string[] }> {
  const wanted = new Map(options.names.filter((n) => n.trim()).map((n) => [tagKey(n), n.trim()]));
  const idsByKey = new Map<string, string>();
  if (wanted.size === 0) return { idsByKey, skipped: [] };
  const read = async () => {
    const rows = await tx.tag.findMany({
      where: { workspaceId: options.workspaceId, nameKey: { in: [...wanted.keys()] } },
      select: { id: true, nameKey: true },
    });
    for (const t of rows) idsByKey.set(t.nameKey, t.id);
  };
  await read();
  const missing = [...wanted].filter(([k]) => !idsByKey.has(k));
  if (!missing.length) return { idsByKey, skipped: [] };
  if (!options.canCreate) return { idsByKey, skipped: missing.map(([, name]) => name) };
  await tx.tag.createMany({
    data: missing.map(([k, name]) => ({ workspaceId: options.workspaceId, name, nameKey: k, color: pickColor(name) })),
    skipDuplicates: true,
  });
  await read();
  return { idsByKey, skipped: [] };
}
