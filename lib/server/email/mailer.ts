import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import type { RenderedEmail } from "@/lib/email/render";

/**
 * Sending mail: Nodemailer over SMTP_URL (e.g. smtps://user:pass@smtp.example.org:465, or
 * smtp://127.0.0.1:2525). Without SMTP_URL email is off and nothing else changes.
 */
export function emailConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.SMTP_URL?.trim());
}

/** The app's public address, for the links in messages (NEXTAUTH_URL), without a trailing slash. */
export function appUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}

/** MAIL_FROM, or "Marginalia <marginalia@{the app's host}>". */
export function mailFrom(env: NodeJS.ProcessEnv = process.env): string {
  return env.MAIL_FROM?.trim() || `Marginalia <marginalia@${new URL(appUrl(env)).hostname}>`;
}

let transport: { url: string; transporter: Transporter } | null = null;

function transporter(): Transporter {
  const url = process.env.SMTP_URL?.trim();
  if (!url) throw new Error("SMTP_URL is not set: email is off.");
  if (transport?.url !== url) {
    transport?.transporter.close();
    // A pool: a burst of messages reuses a few connections rather than one handshake each (unless SMTP_URL says otherwise).
    const pooled = new URL(url);
    if (!pooled.searchParams.has("pool")) pooled.searchParams.set("pool", "true");
    if (!pooled.searchParams.has("maxConnections")) pooled.searchParams.set("maxConnections", "2");
    transport = { url, transporter: nodemailer.createTransport(pooled.toString()) };
  }
  return transport.transporter;
}

export interface Outgoing extends RenderedEmail {
  to: string;
  /** One-click unsubscribe (RFC 8058): the header and its POST form. None for an invitation (its address may have no account). */
  oneClickUnsubscribe?: string;
  /** The thread a message is about, so mail clients thread a thread's emails together. */
  threadKey?: string;
}

export async function sendEmail(message: Outgoing): Promise<void> {
  const domain = new URL(appUrl()).hostname;
  await transporter().sendMail({
    from: mailFrom(),
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: {
      ...(message.oneClickUnsubscribe
        ? { "List-Unsubscribe": `<${message.oneClickUnsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
        : {}),
      "Auto-Submitted": "auto-generated",
      ...(message.threadKey ? { References: `<${message.threadKey}@${domain}>` } : {}),
    },
  });
}

/** Whether the SMTP server refused for good (a 5xx answer, or an address it will never take): retrying would not help. */
export function isPermanentFailure(error: unknown): boolean {
  const e = error as { responseCode?: number; code?: string };
  return (typeof e?.responseCode === "number" && e.responseCode >= 500 && e.responseCode < 600) || e?.code === "EENVELOPE";
}

/** Closes the pooled connections (tests, and a server stopping). */
export function closeMailer(): void {
  transport?.transporter.close();
  transport = null;
}
