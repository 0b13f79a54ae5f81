import nodemailer from "nodemailer";
import { env } from "../env";

/** `calendar`: an iCalendar invitation, sent as the message's text/calendar part (what calendar apps act on). */
export type MailMessage = {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  calendar?: { method: string; content: string } | null;
};
/** Sends one message; throws when the server refuses or cannot be reached. */
export type MailTransport = { send(message: MailMessage): Promise<void>; kind: "smtp" | "dev-mailbox" };

export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    kind: "smtp",
    async send(message) {
      // One recipient per message: the envelope is exactly the intended address, nothing more.
      const { calendar, ...mail } = message;
      await transporter.sendMail({
        ...mail,
        ...(calendar ? { icalEvent: { method: calendar.method, content: calendar.content } } : {}),
        envelope: { from: addressOf(message.from), to: [message.to] },
      });
    },
  };
}

/** Without an SMTP server (development), delivery means "kept in the outbox for the mailbox page". */
export const devMailboxTransport: MailTransport = { kind: "dev-mailbox", async send() {} };

export function configuredTransport(): MailTransport {
  const { SMTP_URL } = env();
  return SMTP_URL ? smtpTransport(SMTP_URL) : devMailboxTransport;
}

function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
}
