import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deliverDueEmails, MAX_ATTEMPTS } from "../../lib/mail/deliver";
import { queueEmail } from "../../lib/mail/outbox";
import { smtpTransport } from "../../lib/mail/transport";
import { createOrganization } from "../factories";
import { isolatedDatabase } from "../support/db";
import { startSmtpServer } from "../support/smtp";

const FROM = "Pathwise <no-reply@pathwise.test>";
let isolated: Awaited<ReturnType<typeof isolatedDatabase>>;
let db: typeof isolated.db;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let organizationId: string;

const resetEmail = (to: string) => ({
  organizationId,
  to,
  template: "password-reset" as const,
  props: { firstName: "Ada", url: "https://app.example/reset/abc", expiresInMinutes: 60 },
  locale: "en" as const,
});

// The outbox is read whole, so these tests get a database of their own; each test starts with no
// mail pending (earlier tests' leftovers are settled) and a fresh inbox.
beforeAll(async () => {
  isolated = await isolatedDatabase("pathwise_outbox");
  db = isolated.db;
  smtp = await startSmtpServer();
  organizationId = (await createOrganization(db)).id;
});
afterAll(async () => {
  await smtp.close();
  await isolated.drop();
});
beforeEach(async () => {
  await db.emailOutbox.updateMany({ where: { status: "PENDING" }, data: { status: "FAILED" } });
  smtp.messages.length = 0;
  smtp.refuse(false);
});

describe("outbox delivery through a real SMTP server", () => {
  it("sends a committed message to exactly its recipient, as HTML and plain text", async () => {
    const id = await db.$transaction((tx) => queueEmail(tx, resetEmail("Ada@Example.test")));

    const report = await deliverDueEmails(db, smtpTransport(smtp.url), { from: FROM });

    expect(report).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.messages).toHaveLength(1);
    const [message] = smtp.messages;
    expect(message.recipients).toEqual(["ada@example.test"]);
    expect(message.from).toBe("no-reply@pathwise.test");
    expect(message.raw).toMatch(/^Subject: Reset your Pathwise password\r?$/m);
    expect(message.raw).toContain("text/plain");
    expect(message.raw).toContain("text/html");
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("SENT");
    expect(row.sentAt).not.toBeNull();
  });

  it("never sends mail queued inside a transaction that rolled back", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await queueEmail(tx, resetEmail("rolled-back@example.test"));
        throw new Error("the change failed after queueing its mail");
      }),
    ).rejects.toThrow("the change failed");

    const report = await deliverDueEmails(db, smtpTransport(smtp.url), { from: FROM });

    expect(report.sent).toBe(0);
    expect(smtp.messages).toHaveLength(0);
    expect(await db.emailOutbox.count({ where: { toAddress: "rolled-back@example.test" } })).toBe(0);
  });

  it("keeps a refused message, backs off, and sends it when the server accepts again", async () => {
    const id = await db.$transaction((tx) => queueEmail(tx, resetEmail("retry@example.test")));
    smtp.refuse(true);

    const refused = await deliverDueEmails(db, smtpTransport(smtp.url), { from: FROM });
    expect(refused).toEqual({ sent: 0, retried: 1, failed: 0 });
    const waiting = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(waiting.status).toBe("PENDING");
    expect(waiting.attempts).toBe(1);
    expect(waiting.lastError).toMatch(/451/);
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);

    // Not due yet: a delivery run now leaves it alone.
    smtp.refuse(false);
    expect((await deliverDueEmails(db, smtpTransport(smtp.url), { from: FROM })).sent).toBe(0);

    // Its backoff has passed.
    await db.emailOutbox.update({ where: { id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
    const retried = await deliverDueEmails(db, smtpTransport(smtp.url), { from: FROM });
    expect(retried.sent).toBe(1);
    expect(smtp.messages.map((m) => m.recipients)).toEqual([["retry@example.test"]]);
    expect((await db.emailOutbox.findUniqueOrThrow({ where: { id } })).attempts).toBe(2);
  });

  it("gives up after the last attempt but keeps the message and its error", async () => {
    const id = await db.$transaction((tx) => queueEmail(tx, resetEmail("gives-up@example.test")));
    await db.emailOutbox.update({ where: { id }, data: { attempts: MAX_ATTEMPTS - 1 } });
    smtp.refuse(true);

    const report = await deliverDueEmails(db, smtpTransport(smtp.url), { from: FROM });

    expect(report.failed).toBe(1);
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("FAILED");
    expect(row.lastError).toMatch(/451/);
  });

  it("delivers mail a previous process queued but never sent, once, even with two senders at once", async () => {
    // Queued and committed by a "process" that then died before sending.
    await db.$transaction(async (tx) => {
      for (let i = 0; i < 20; i++) await queueEmail(tx, resetEmail(`crash-${i}@example.test`));
    });

    const [a, b] = await Promise.all([
      deliverDueEmails(db, smtpTransport(smtp.url), { from: FROM }),
      deliverDueEmails(db, smtpTransport(smtp.url), { from: FROM }),
    ]);

    expect(a.sent + b.sent).toBe(20);
    const recipients = smtp.messages.flatMap((m) => m.recipients).sort();
    expect(recipients).toHaveLength(20);
    expect(new Set(recipients).size).toBe(20);
  });

  it("refuses a recipient address that could inject headers", async () => {
    await expect(db.$transaction((tx) => queueEmail(tx, resetEmail("victim@example.test\r\nBcc: evil@example.test")))).rejects.toThrow(
      /Fields\.validEmail/,
    );
    expect(await db.emailOutbox.count({ where: { toAddress: { contains: "evil" } } })).toBe(0);
    // Positive control: the address alone is queued.
    const id = await db.$transaction((tx) => queueEmail(tx, resetEmail("victim@example.test")));
    expect((await db.emailOutbox.findUniqueOrThrow({ where: { id } })).toAddress).toBe("victim@example.test");
  });
});
