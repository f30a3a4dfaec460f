/**
 * Email, end to end through a real SMTP server started here (smtp-server), its messages parsed back
 * (mailparser): the data is made through the API as users make it, and the job queue (pg-boss, in
 * the test database) runs in this process, one or two instances of it.
 */
import { simpleParser, type ParsedMail } from "mailparser";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mentionMarkdown } from "@/lib/markdown/mentions";
import { addMember, baseUrl, call, newAnnotation, newReport, newUser, newWorkspace, type TestUser } from "@/lib/testing/api";
import { createInvitation } from "../invitations/invitations";
import { query } from "@/lib/testing/db";
import { closeMailer } from "./mailer";
import { QUEUES, startJobs, type Jobs } from "../jobs/jobs";

const received: ParsedMail[] = [];
/** Addresses the SMTP server refuses for good (550), as a mailbox that does not exist. */
const refused = new Set<string>();
let smtp: SMTPServer;
let jobs: Jobs;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refused.has(address.address)) return callback(Object.assign(new Error("No such mailbox"), { responseCode: 550 }));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => received.push(mail))
        .finally(() => callback());
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  process.env.MAIL_FROM = "Marginalia <notifications@marginalia.test>";
  jobs = await startJobs({ databaseUrl: process.env.DATABASE_URL!, email: true, schedule: false, pollingIntervalSeconds: 0.5 });
}, 60_000);

afterAll(async () => {
  await jobs?.stop();
  closeMailer();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const to = (mail: ParsedMail) =>
  (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) => a.value.map((v) => v.address));
const mailsTo = (user: { email: string }) => received.filter((m) => to(m).includes(user.email));

async function until<T>(what: string, fn: () => T | undefined | false, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Runs the outbox's sweep with a delay of `delay` seconds, and lets the send jobs it made finish. */
async function sweep(delay: number): Promise<number> {
  process.env.MARGINALIA_EMAIL_DELAY_SECONDS = String(delay);
  const n = await jobs.sweepOutbox();
  // The send jobs are worked within pollingIntervalSeconds; wait until none is left waiting or running.
  for (let i = 0; i < 100; i++) {
    const [{ left }] = await query<{ left: number }>(
      `SELECT count(*)::int AS left FROM pgboss.job WHERE name = ANY($1) AND state IN ('created', 'retry', 'active')`,
      [[QUEUES.thread, QUEUES.invitation]],
    );
    if (left === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return n;
}

async function team() {
  const owner = await newUser("Rania Owner");
  const members = await Promise.all(["Bassel Reader", "Carla Reader"].map((name) => newUser(name)));
  const ws = await newWorkspace(owner, "Water policy desk");
  for (const m of members) await addMember(owner, ws.id, m, "annotator");
  const report = await newReport(owner, ws.id);
  return { owner, members, ws, report };
}

async function emailStates(userId: string): Promise<string[]> {
  return (
    await query<{ s: string }>(`SELECT email_state::text AS s FROM notifications WHERE user_id = $1 ORDER BY created_at`, [userId])
  ).map((r) => r.s);
}

describe("email: the outbox", () => {
  it("waits its delay, batches a thread's notifications into one message, and leaves out what was read in the app", async () => {
    const { owner, members, report } = await team();
    const [bassel, carla] = members;
    // Bassel also wants replies at once (by default they wait for the daily digest).
    const put = await call("PUT", "/api/v1/me/notification-settings", { as: bassel, json: { byKind: { reply: "instant" } } });
    expect(put.status).toBe(200);
    expect(put.body.byKind).toMatchObject({ mention: "instant", reply: "instant" });

    const thread = await newAnnotation(owner, report, {
      kind: "comment",
      body: `What does ${mentionMarkdown(bassel.id, bassel.name)} think?`,
    });
    for (const text of ["First follow-up", "Second follow-up"])
      expect((await call("POST", `/api/v1/annotations/${thread.id}/replies`, { as: owner, json: { body: text } })).status).toBe(201);
    // Carla is mentioned elsewhere, and reads it in the app before the email would go.
    await newAnnotation(owner, report, { kind: "comment", body: `Over to ${mentionMarkdown(carla.id, carla.name)}` }, 1);
    expect((await call("POST", "/api/v1/notifications/read", { as: carla, json: { all: true } })).status).toBe(200);

    // Within the delay nothing goes.
    await sweep(180);
    expect(mailsTo(bassel)).toHaveLength(0);
    await sweep(0);
    const [mail] = await until("Bassel's message", () => mailsTo(bassel).length > 0 && mailsTo(bassel));
    expect(mailsTo(bassel)).toHaveLength(1);
    expect(mail.subject).toContain("3 updates on a thread");
    expect(mail.text).toContain("Rania Owner mentioned you");
    expect(mail.text).toContain("Second follow-up");
    expect(mail.text!.indexOf("Second follow-up")).toBeLessThan(mail.text!.indexOf("First follow-up"));
    expect(mail.html).toContain(`?annotation=${thread.id}`);
    expect(mail.from?.text).toContain("notifications@marginalia.test");
    expect(await emailStates(bassel.id)).toEqual(["sent", "sent", "sent"]);
    // Carla read hers: no message, and it is set aside rather than kept waiting.
    expect(mailsTo(carla)).toHaveLength(0);
    expect(await emailStates(carla.id)).toEqual(["skipped"]);

    // A second sweep sends nothing again.
    await sweep(0);
    expect(mailsTo(bassel)).toHaveLength(1);
  }, 60_000);

  it("escapes what people wrote, and sends text and HTML with a one-click unsubscribe that works without signing in", async () => {
    const { owner, members, report } = await team();
    const [bassel] = members;
    await newAnnotation(owner, report, {
      kind: "comment",
      body: `<img src=x onerror=alert(1)> ${mentionMarkdown(bassel.id, bassel.name)}`,
    });
    await sweep(0);
    const [mail] = await until("the message", () => mailsTo(bassel).length > 0 && mailsTo(bassel));
    expect(mail.text).toBeTruthy();
    expect(mail.html).toBeTruthy();
    expect(mail.html).not.toContain("<img src=x");
    expect(mail.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    const headerLine = (key: string) => mail.headerLines.find((l) => l.key === key)?.line ?? "";
    expect(headerLine("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    const oneClick = /<([^>]+)>/.exec(headerLine("list-unsubscribe"))![1];
    expect(oneClick).toMatch(/\/api\/v1\/email\/unsubscribe\?token=/);

    // A forged token is refused and changes nothing.
    const forged = oneClick.replace(/token=[^.]+/, `token=${Buffer.from(owner.id).toString("base64url")}`);
    const bad = await fetch(forged, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(bad.status).toBe(404);
    expect((await call("GET", "/api/v1/me/notification-settings", { as: owner })).body.email).toBe("daily");

    // What a mail client does (RFC 8058): POST the form to the header's address, no cookie.
    const res = await fetch(oneClick, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(res.status).toBe(200);
    expect((await call("GET", "/api/v1/me/notification-settings", { as: bassel })).body.email).toBe("off");

    // Mentioned again: no message, and the notification is not kept waiting.
    await newAnnotation(owner, report, { kind: "comment", body: `Again, ${mentionMarkdown(bassel.id, bassel.name)}` }, 2);
    await sweep(0);
    expect(mailsTo(bassel)).toHaveLength(1);
    expect((await emailStates(bassel.id)).at(-1)).toBe("skipped");
  }, 60_000);

  it("reads right to left when the report is in Arabic", async () => {
    const owner = await newUser("رانيا");
    const reader = await newUser("باسل");
    const ws = await newWorkspace(owner, "مكتب السياسات");
    await addMember(owner, ws.id, reader, "annotator");
    const report = await newReport(
      owner,
      ws.id,
      "تقرير عن المياه\n\nتواجه المنطقة نقصاً حاداً في المياه الجوفية، ويتطلب ذلك إصلاحات عاجلة في إدارة الموارد.\n",
    );
    await newAnnotation(
      owner,
      report,
      { kind: "comment", body: `ما رأيك يا ${mentionMarkdown(reader.id, reader.name)}؟` },
      report.passages.length - 1,
    );
    await sweep(0);
    const [mail] = await until("the Arabic message", () => mailsTo(reader).length > 0 && mailsTo(reader));
    expect(mail.html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(mail.html).toMatch(/<blockquote dir="rtl"[^>]*>[\u0600-\u06FF]+<\/blockquote>/);
    expect(mail.text).toContain("تقرير عن المياه");
  }, 60_000);

  it("records a message the SMTP server refuses for good, and shows it in the settings", async () => {
    const { owner, members, report } = await team();
    const [bassel] = members;
    refused.add(bassel.email);
    await newAnnotation(owner, report, { kind: "comment", body: `${mentionMarkdown(bassel.id, bassel.name)} please check` });
    await sweep(0);
    const settings = await call("GET", "/api/v1/me/notification-settings", { as: bassel });
    expect(settings.body.failures).toHaveLength(1);
    expect(settings.body.failures[0]).toMatchObject({ kind: "instant" });
    expect(settings.body.failures[0].error).toMatch(/550|No such mailbox/);
    expect(await emailStates(bassel.id)).toEqual(["failed"]);
  }, 60_000);
});

describe("email: invitations", () => {
  it("sends an invitation's link to the invited address, keeping it only sealed until then", async () => {
    const { owner, ws } = await team();
    const address = `newcomer-${Date.now()}@test.local`;
    const created = await createInvitation({
      userId: owner.id,
      workspaceIdOrSlug: ws.id,
      appUrl: baseUrl(),
      email: address,
      role: "editor",
    });
    expect(created.emailed).toBe(true);
    const token = created.url.split("/").at(-1)!;
    const [before] = await query<{ sealed: string; state: string }>(
      `SELECT sealed_url AS sealed, email_state::text AS state FROM invitations WHERE id = $1`,
      [created.id],
    );
    expect(before.state).toBe("pending");
    expect(before.sealed).not.toContain(token);

    await sweep(180);
    const [mail] = await until("the invitation", () => mailsTo({ email: address }).length > 0 && mailsTo({ email: address }));
    expect(mail.subject).toBe(`Rania Owner invited you to ${ws.name} on Marginalia`);
    expect(mail.text).toContain(created.url);
    expect(mail.html).toContain(`href="${created.url}"`);
    expect(mail.text).toContain("as an editor");
    // No unsubscribe: the address may have no account.
    expect(mail.headerLines.some((l) => l.key === "list-unsubscribe")).toBe(false);
    const [after] = await query<{ sealed: string | null; state: string }>(
      `SELECT sealed_url AS sealed, email_state::text AS state FROM invitations WHERE id = $1`,
      [created.id],
    );
    expect(after).toEqual({ sealed: null, state: "sent" });
    const listed = await call("GET", `/api/v1/workspaces/${ws.id}/invitations`, { as: owner });
    expect(listed.body.invitations.find((i: { id: string }) => i.id === created.id)).toMatchObject({ emailState: "sent" });
    // The link works.
    expect((await fetch(created.url)).status).toBe(200);
  }, 60_000);
});

describe("jobs: due-date reminders", () => {
  it("the hourly due-soon job, run through the queue, reminds the assignee once, and the reminder is emailed at once", async () => {
    const { owner, members, report } = await team();
    const [bassel] = members;
    const thread = await newAnnotation(owner, report, { kind: "question", body: "Can you check the 2019 figures?" });
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
    const assigned = await call("PATCH", `/api/v1/annotations/${thread.id}`, {
      as: owner,
      json: { assigneeId: bassel.id, dueAt: tomorrow, version: thread.version },
    });
    expect(assigned.status).toBe(200);
    const dueSoon = () =>
      query(`SELECT 1 FROM notifications WHERE user_id = $1 AND type = 'due_soon' AND annotation_id = $2`, [bassel.id, thread.id]);
    await jobs.boss.send(QUEUES.dueSoon, {});
    for (let i = 0; i < 100 && (await dueSoon()).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await dueSoon()).toHaveLength(1);
    // Run again: nobody is reminded twice.
    await jobs.boss.send(QUEUES.dueSoon, {});
    await new Promise((r) => setTimeout(r, 1500));
    expect(await dueSoon()).toHaveLength(1);
    // Assignments and reminders are instant by default: one message for the thread, both in it.
    await sweep(0);
    const [mail] = await until("the reminder's email", () => mailsTo(bassel).length > 0 && mailsTo(bassel));
    expect(mailsTo(bassel)).toHaveLength(1);
    expect(mail.text).toContain("A question assigned to you is due soon");
    expect(mail.text).toContain("Rania Owner assigned you a question");
  }, 60_000);
});

describe("email: digests", () => {
  it("sends a daily digest at the chosen hour of the person's time zone, grouped by workspace and report, newest first", async () => {
    const { owner, members, ws, report } = await team();
    const [bassel] = members;
    const second = await newReport(
      owner,
      ws.id,
      "Second report on tariffs\n\nTariffs rose sharply in the last quarter across the region.\n",
    );
    // Replies go to the daily digest by default; 09:00 in Beirut is 07:00 UTC in December.
    expect(
      (await call("PUT", "/api/v1/me/notification-settings", { as: bassel, json: { digestHour: 9, timeZone: "Asia/Beirut" } })).status,
    ).toBe(200);
    const first = await newAnnotation(bassel, report, { kind: "comment", body: "Bassel's first thread" });
    const other = await newAnnotation(bassel, second, { kind: "comment", body: "Bassel's tariff thread" });
    await call("POST", `/api/v1/annotations/${first.id}/replies`, { as: owner, json: { body: "Older reply on the first report" } });
    await call("POST", `/api/v1/annotations/${other.id}/replies`, { as: owner, json: { body: "Reply on the tariffs report" } });
    await call("POST", `/api/v1/annotations/${first.id}/replies`, { as: owner, json: { body: "Newest reply on the first report" } });

    // Not at 08:00 Beirut, nor with the outbox (replies are not instant for Bassel).
    await sweep(0);
    expect(await jobs.sweepDigests(new Date("2026-12-07T06:00:00Z"))).toBeGreaterThanOrEqual(0);
    await new Promise((r) => setTimeout(r, 1500));
    expect(mailsTo(bassel)).toHaveLength(0);

    await jobs.sweepDigests(new Date("2026-12-07T07:00:00Z"));
    const [digest] = await until("the digest", () => mailsTo(bassel).length > 0 && mailsTo(bassel));
    expect(digest.subject).toBe("Your daily digest: 3 notifications on 2 reports");
    const text = digest.text!;
    // The report with the newest notification first; within it, newest first.
    expect(text.indexOf("Newest reply on the first report")).toBeLessThan(text.indexOf("Older reply on the first report"));
    expect(text.indexOf("Older reply on the first report")).toBeLessThan(text.indexOf("Reply on the tariffs report"));
    expect(text).toContain(`== ${ws.name} ==`);
    expect(digest.html).toContain("Second report on tariffs");
    expect(await emailStates(bassel.id)).toEqual(["sent", "sent", "sent"]);
  }, 60_000);
});

describe("email: two instances", () => {
  it("send each message once when both sweep at the same time", async () => {
    const second = await startJobs({ databaseUrl: process.env.DATABASE_URL!, email: true, schedule: false, pollingIntervalSeconds: 0.5 });
    try {
      const { owner, members, report } = await team();
      const threads = await Promise.all(
        [0, 1, 2].map((i) =>
          newAnnotation(
            owner,
            report,
            { kind: "comment", body: `Thread ${i} for ${members.map((m) => mentionMarkdown(m.id, m.name)).join(" and ")}` },
            i,
          ),
        ),
      );
      process.env.MARGINALIA_EMAIL_DELAY_SECONDS = "0";
      // Both instances' sweeps, through the queue, at once.
      await Promise.all([jobs.boss.send(QUEUES.outbox, {}), second.boss.send(QUEUES.outbox, {})]);
      await Promise.all([jobs.sweepOutbox(), second.sweepOutbox()]);
      const expected = members.length * threads.length;
      await until("every message", () => members.reduce((n, m) => n + mailsTo(m).length, 0) >= expected);
      // Time for any duplicate to arrive.
      await new Promise((r) => setTimeout(r, 3000));
      for (const m of members as TestUser[]) {
        const mails = mailsTo(m);
        expect(mails).toHaveLength(threads.length);
        // One message per thread: each links to a different one.
        const linked = mails.map((mail) => threads.find((t) => String(mail.html).includes(`annotation=${t.id}`))?.id);
        expect(new Set(linked)).toEqual(new Set(threads.map((t) => t.id)));
      }
    } finally {
      await second.stop();
    }
  }, 90_000);
});

describe("GET/PUT /api/v1/me/notification-settings", () => {
  it("answers the defaults to someone who never chose, keeps what is not sent, and refuses what is not a setting", async () => {
    const user = await newUser("Settings Person");
    const first = await call("GET", "/api/v1/me/notification-settings", { as: user });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      email: "daily",
      byKind: { mention: "instant", notes_mention: "instant", assignment: "instant", due_soon: "instant" },
      digestHour: 8,
      timeZone: "UTC",
      failures: [],
    });
    // The test server has no SMTP_URL: email is off there, and says so.
    expect(first.body.emailAvailable).toBe(false);

    const put = await call("PUT", "/api/v1/me/notification-settings", { as: user, json: { email: "weekly", byKind: { mention: null } } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ email: "weekly", digestHour: 8, timeZone: "UTC" });
    expect(put.body.byKind).toEqual({ notes_mention: "instant", assignment: "instant", due_soon: "instant" });

    for (const json of [
      { digestHour: 24 },
      { timeZone: "Mars/Olympus" },
      { email: "hourly" },
      { byKind: { mention: "off" } },
      { colour: "blue" },
    ]) {
      const bad = await call("PUT", "/api/v1/me/notification-settings", { as: user, json });
      expect(bad.status, JSON.stringify(json)).toBe(422);
      expect(bad.body.error.code).toBe("validation_failed");
    }
    expect((await call("GET", "/api/v1/me/notification-settings", { as: user })).body.email).toBe("weekly");
    expect((await call("GET", "/api/v1/me/notification-settings")).status).toBe(401);
  });
});
