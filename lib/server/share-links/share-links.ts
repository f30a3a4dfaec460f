import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import type { ShareLinkSummary } from "@/lib/domain/share-links";
import type { RoleName } from "@/lib/domain/words";
import { invalidField, notFound } from "@/lib/errors";
import { expiryInstant, type CreateShareLinkInput } from "@/lib/validations/share-link";
import { recordEvent } from "../events/events";
import { keysetArgs, newestFirst, keysetPage, mapPage, type PageOption } from "../pagination/keyset";
import type { Page } from "../pagination/page";
import { newSecret, seal, secretDigest, unseal } from "../secrets";
import { getReportAccessOrThrow, membershipJoinSql, requireRole } from "../workspaces/access";

/** The page a share link opens: `{appUrl}/s/{token}`, on the app's public address (NEXTAUTH_URL). */
export function shareLinkUrl(appUrl: string, token: string): string {
  return new URL(`/s/${token}`, appUrl).toString();
}

const select = {
  id: true,
  sealedToken: true,
  annotations: true,
  includeNotes: true,
  expiresAt: true,
  createdAt: true,
  viewCount: true,
  lastViewedAt: true,
  createdBy: { select: { name: true } },
} satisfies Prisma.ShareLinkSelect;

type Row = Prisma.ShareLinkGetPayload<{ select: typeof select }>;

/**
 * The token is kept sealed, not only hashed, so the list can hand the link out again (an
 * editor copies it as often as needed); a copy of the table alone opens nothing. A token
 * sealed under another NEXTAUTH_SECRET cannot be shown again: its url is empty, the link still works.
 */
function toSummary(row: Row, appUrl: string): ShareLinkSummary {
  const token = unseal(row.sealedToken);
  return {
    id: row.id,
    url: token ? shareLinkUrl(appUrl, token) : "",
    annotations: row.annotations,
    notes: row.includeNotes,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    viewCount: row.viewCount,
    lastViewedAt: row.lastViewedAt,
  };
}

/** Editors and owners make a read-only link to a report (viewers and annotators: 403; anyone outside: 404). */
export async function createShareLink(
  options: { userId: string; reportId: string; appUrl: string } & CreateShareLinkInput,
): Promise<ShareLinkSummary> {
  const expiresAt = options.expiresAt ? expiryInstant(options.expiresAt) : null;
  if (expiresAt && expiresAt.getTime() <= Date.now()) throw invalidField("expiresAt", "Expiry must be in the future.");
  const token = newSecret();
  return db.$transaction(async (tx) => {
    const { report, role } = await getReportAccessOrThrow(options, tx);
    requireRole(role, "editor", "share links to reports");
    const row = await tx.shareLink.create({
      data: {
        reportId: report.id,
        tokenHash: secretDigest(token),
        sealedToken: seal(token),
        annotations: options.annotations,
        includeNotes: options.annotations === "team" && options.notes,
        createdById: options.userId,
        expiresAt,
      },
      select,
    });
    await recordEvent(tx, {
      reportId: report.id,
      type: "share_link.created",
      itemType: "share_link",
      itemId: row.id,
      actorId: options.userId,
    });
    return toSummary(row, options.appUrl);
  });
}

const shareLinksKeyset = (reportId: string) => newestFirst(`share-links:${reportId}`);

/** A report's links that still stand (expired ones too, marked by their expiry; revoked ones are gone), with their view counts. */
export async function listShareLinks(options: {
  userId: string;
  reportId: string;
  appUrl: string;
  page: PageOption;
}): Promise<Page<ShareLinkSummary>> {
  const { report, role } = await getReportAccessOrThrow(options);
  requireRole(role, "editor", "see the report's share links");
  const keyset = shareLinksKeyset(report.id);
  const { orderBy, after, take } = keysetArgs(keyset, options.page);
  const rows = await db.shareLink.findMany({ where: { AND: [{ reportId: report.id, revokedAt: null }, after] }, orderBy, take, select });
  return mapPage(keysetPage(rows, keyset, options.page), (row) => toSummary(row, options.appUrl));
}

/**
 * Revokes a link: it opens nothing from this moment. The link is found only through a report
 * of a workspace the caller is in (else 404); editors and owners may revoke (else 403).
 */
export async function revokeShareLink(options: { userId: string; shareLinkId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const [link] = await tx.$queryRaw<{ reportId: string; role: RoleName }[]>`
      SELECT s.report_id AS "reportId", m.role::text AS role
      FROM share_links s JOIN reports r ON r.id = s.report_id
      ${membershipJoinSql(Prisma.sql`r.workspace_id`, options.userId)}
      WHERE s.id = ${options.shareLinkId} AND s.revoked_at IS NULL
      FOR UPDATE OF s`;
    if (!link) throw notFound("That share link");
    requireRole(link.role, "editor", "revoke share links");
    await tx.shareLink.update({ where: { id: options.shareLinkId }, data: { revokedAt: new Date() } });
    await recordEvent(tx, {
      reportId: link.reportId,
      type: "share_link.revoked",
      itemType: "share_link",
      itemId: options.shareLinkId,
      actorId: options.userId,
    });
  });
}
