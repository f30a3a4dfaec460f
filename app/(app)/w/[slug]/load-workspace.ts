import { notFound } from "next/navigation";
import { cache } from "react";
import { isAppError } from "@/lib/errors";
import { requireUser } from "@/lib/session";
import { getWorkspaceAccessOrThrow } from "@/lib/server/workspaces/access";
import { isIdLike } from "@/lib/validations/common";

/** The workspace of a page's URL, or the 404 page for anyone not in it. */
export const loadWorkspace = cache(async (slug: string) => {
  const user = await requireUser();
  if (!isIdLike(slug)) notFound();
  try {
    return await getWorkspaceAccessOrThrow({ userId: user.id, workspaceIdOrSlug: slug });
  } catch (e) {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  }
});
