import { collabUrl, type PublicRequest } from "@/lib/collab/collab-url";
import { createCollabToken } from "@/lib/collab/token";
import type { CollabTicket } from "@/lib/domain/notes";
import { AppError } from "@/lib/errors";
import { getReportAccessOrThrow, hasRole } from "../workspaces/access";

export const COLLAB_TOKEN_TTL_SECONDS = 10 * 60;

/** Caret colours: distinct, and dark enough for white label text. */
const COLOURS = ["#b45309", "#0369a1", "#15803d", "#7e22ce", "#be123c", "#0f766e", "#a21caf", "#4d7c0f", "#c2410c", "#1d4ed8"];

export function caretColour(userId: string): string {
  let hash = 0;
  for (const ch of userId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return COLOURS[hash % COLOURS.length];
}

export async function getCollabTicket(options: {
  user: { id: string; name: string };
  reportId: string;
  request: PublicRequest;
}): Promise<CollabTicket> {
  const { report, role } = await getReportAccessOrThrow({ userId: options.user.id, reportId: options.reportId });
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret)
    throw new AppError("internal_error", "Co-editing is not configured on this server.", undefined, {
      cause: "NEXTAUTH_SECRET is not set",
    });
  const canWrite = hasRole(role, "annotator");
  const token = createCollabToken({ userId: options.user.id, reportId: report.id, canWrite }, secret, COLLAB_TOKEN_TTL_SECONDS);
  return {
    url: collabUrl(options.request),
    document: `notes:${report.id}`,
    token,
    expiresAt: Math.floor(Date.now() / 1000) + COLLAB_TOKEN_TTL_SECONDS,
    readOnly: !canWrite,
    user: { id: options.user.id, name: options.user.name, color: caretColour(options.user.id) },
  };
}
