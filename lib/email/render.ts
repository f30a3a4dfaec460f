import { notificationSentence } from "@/lib/domain/notifications";
import type { NotificationView } from "@/lib/domain/notifications";
import { isRightToLeft } from "@/lib/format/text-direction";

/**
 * The emails' text and HTML, made from notifications as the notifications page shows them. User text
 * (names, titles, quotes, excerpts) is only ever escaped into the HTML, never read as markup; each
 * block takes the direction of its own text (an Arabic quote right to left in an English email), and a
 * message about an Arabic report reads right to left as a whole.
 */

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export interface EmailLinks {
  /** The app's public address (NEXTAUTH_URL), without a trailing slash: notification links are made absolute with it. */
  appUrl: string;
  /** The signed one-click unsubscribe link. */
  unsubscribeUrl: string;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function dirOf(text: string): "rtl" | "ltr" {
  return isRightToLeft(text) ? "rtl" : "ltr";
}

const absolute = (links: EmailLinks, href: string) => `${links.appUrl}${href}`;

function itemText(n: NotificationView): string {
  return [`${notificationSentence(n)}.`, n.excerpt ? `  ${n.excerpt}` : ""].filter(Boolean).join("\n");
}

function itemHtml(links: EmailLinks, n: NotificationView): string {
  const excerpt = n.excerpt ? `<p dir="${dirOf(n.excerpt)}" style="margin:4px 0 0;color:#374151">${escapeHtml(n.excerpt)}</p>` : "";
  return `<div style="margin:0 0 14px"><p style="margin:0"><a href="${escapeHtml(absolute(links, n.href))}" style="color:#1d4ed8">${escapeHtml(notificationSentence(n))}</a></p>${excerpt}</div>`;
}

function quoteHtml(quote: string): string {
  return `<blockquote dir="${dirOf(quote)}" style="margin:0 0 14px;padding:6px 12px;border-inline-start:3px solid #d1d5db;color:#4b5563">${escapeHtml(quote)}</blockquote>`;
}

function page(links: EmailLinks, dir: "rtl" | "ltr", title: string, inner: string, footer = notificationFooterHtml(links)): string {
  return `<!doctype html>
<html lang="${dir === "rtl" ? "ar" : "en"}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body dir="${dir}" style="margin:0;padding:24px;background:#f9fafb;font-family:system-ui,-apple-system,'Segoe UI',Tahoma,sans-serif;font-size:15px;line-height:1.5;color:#111827">
<div style="max-width:600px;margin:0 auto;background:#ffffff;border:1px solid #e5e7eb;border-radius:8px;padding:20px 24px">
${inner}
<hr style="border:none;border-top:1px solid #e5e7eb;margin:20px 0 12px">
${footer}
</div></body></html>`;
}

function notificationFooterHtml(links: EmailLinks): string {
  return `<p dir="ltr" style="margin:0;font-size:13px;color:#6b7280">Marginalia · <a href="${escapeHtml(links.appUrl)}/settings#email" style="color:#6b7280">Email settings</a> · <a href="${escapeHtml(links.unsubscribeUrl)}" style="color:#6b7280">Unsubscribe from all email</a></p>`;
}

function footerText(links: EmailLinks): string {
  return `—\nEmail settings: ${links.appUrl}/settings#email\nUnsubscribe from all email: ${links.unsubscribeUrl}\n`;
}

/** One thread's notifications, newest first, in one message (the outbox's batch). */
export function renderThreadEmail(links: EmailLinks, items: NotificationView[]): RenderedEmail {
  const newest = items[0];
  const report = newest.report.title;
  const quote = newest.annotation?.quote ?? "";
  const subject =
    items.length === 1
      ? `${notificationSentence(newest)} · ${report}`
      : `${items.length} updates on a ${newest.annotation ? "thread" : "report's team notes"} · ${report}`;
  const where = `${newest.workspace.name} · ${report}`;
  const text = [
    where,
    quote ? `\n“${quote}”` : "",
    "",
    ...items.map(itemText),
    "",
    `Open it: ${absolute(links, newest.href)}`,
    "",
    footerText(links),
  ].join("\n");
  const inner = [
    `<p dir="${dirOf(where)}" style="margin:0 0 12px;font-size:13px;color:#6b7280">${escapeHtml(newest.workspace.name)} · <strong style="color:#111827">${escapeHtml(report)}</strong></p>`,
    quote ? quoteHtml(quote) : "",
    ...items.map((n) => itemHtml(links, n)),
    `<p style="margin:16px 0 0"><a href="${escapeHtml(absolute(links, newest.href))}" style="display:inline-block;background:#1d4ed8;color:#ffffff;text-decoration:none;padding:8px 14px;border-radius:6px">Open in Marginalia</a></p>`,
  ].join("\n");
  return { subject, text, html: page(links, dirOf(report || quote), subject, inner) };
}

/**
 * A digest: the notifications grouped by workspace, then report (each group in the order of its newest),
 * newest first within, each with its quote, what happened, the excerpt and a link.
 */
export function renderDigest(links: EmailLinks, period: "daily" | "weekly", items: NotificationView[]): RenderedEmail {
  const workspaces = new Map<string, { name: string; reports: Map<string, { title: string; items: NotificationView[] }> }>();
  for (const n of items) {
    const w = workspaces.get(n.workspace.id) ?? { name: n.workspace.name, reports: new Map() };
    workspaces.set(n.workspace.id, w);
    const r = w.reports.get(n.report.id) ?? { title: n.report.title, items: [] };
    w.reports.set(n.report.id, r);
    r.items.push(n);
  }
  const reportCount = [...workspaces.values()].reduce((sum, w) => sum + w.reports.size, 0);
  const subject = `Your ${period} digest: ${items.length} notification${items.length === 1 ? "" : "s"} on ${reportCount} report${reportCount === 1 ? "" : "s"}`;
  const text: string[] = [subject, ""];
  const inner: string[] = [`<h1 style="font-size:18px;margin:0 0 16px">${escapeHtml(subject)}</h1>`];
  for (const w of workspaces.values()) {
    text.push(`== ${w.name} ==`);
    inner.push(`<h2 dir="${dirOf(w.name)}" style="font-size:15px;margin:18px 0 8px;color:#6b7280">${escapeHtml(w.name)}</h2>`);
    for (const r of w.reports.values()) {
      text.push(`\n${r.title}`);
      inner.push(`<h3 dir="${dirOf(r.title)}" style="font-size:16px;margin:10px 0 8px">${escapeHtml(r.title)}</h3>`);
      for (const n of r.items) {
        const quote = n.annotation?.quote;
        text.push(`${quote ? `  “${quote}”\n` : ""}  ${itemText(n).replace(/\n/g, "\n  ")}\n  ${absolute(links, n.href)}`);
        inner.push(`${quote ? quoteHtml(quote) : ""}${itemHtml(links, n)}`);
      }
    }
    text.push("");
  }
  text.push(footerText(links));
  const first = items[0];
  return { subject, text: text.join("\n"), html: page(links, dirOf(first?.report.title ?? ""), subject, inner.join("\n")) };
}

export interface InvitationEmail {
  email: string;
  workspaceName: string;
  inviterName: string;
  /** "an editor", "a viewer" … */
  asRole: string;
  url: string;
  expiresAt: Date;
}

/** An invitation's link, to the invited address (who may have no account yet: no settings, no unsubscribe). */
export function renderInvitation(appUrl: string, invitation: InvitationEmail): RenderedEmail {
  const { workspaceName, inviterName } = invitation;
  const subject = `${inviterName} invited you to ${workspaceName} on Marginalia`;
  const expires = invitation.expiresAt.toUTCString().replace(/ GMT$/, " UTC");
  const text = [
    `${inviterName} invited you to join “${workspaceName}” on Marginalia as ${invitation.asRole}, to read and annotate reports with the team.`,
    "",
    `Accept the invitation: ${invitation.url}`,
    "",
    `The link works once, for ${invitation.email}, until ${expires}.`,
    "",
    "—",
    `If you did not expect this, ignore it: nothing happens unless the link is opened and accepted. ${appUrl}`,
    "",
  ].join("\n");
  const inner = [
    `<p style="margin:0 0 12px">${escapeHtml(inviterName)} invited you to join <strong dir="${dirOf(workspaceName)}">${escapeHtml(workspaceName)}</strong> on Marginalia as ${escapeHtml(invitation.asRole)}, to read and annotate reports with the team.</p>`,
    `<p style="margin:16px 0"><a href="${escapeHtml(invitation.url)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;text-decoration:none;padding:8px 14px;border-radius:6px">Accept the invitation</a></p>`,
    `<p style="margin:0;font-size:13px;color:#6b7280">The link works once, for ${escapeHtml(invitation.email)}, until ${escapeHtml(expires)}.</p>`,
  ].join("\n");
  const footer = `<p dir="ltr" style="margin:0;font-size:13px;color:#6b7280">If you did not expect this, ignore it: nothing happens unless the link is opened and accepted.</p>`;
  return { subject, text, html: page({ appUrl, unsubscribeUrl: "" }, dirOf(workspaceName), subject, inner, footer) };
}
