import { expect } from "@playwright/test";
import { E2E_SERVER } from "../../support/e2e-database";
import type { ReceivedMail } from "../../support/mail-capture";

const MAILBOX = E2E_SERVER.mailbox;

/** The app's URL under test (APP_URL of the e2e server): links in mails start with it. */
export const APP_URL = E2E_SERVER.url;

/** Waits for the app's SMTP server to receive a mail to `to` whose subject matches, and returns the newest. */
export function receivedMail(to: string, subject: RegExp): Promise<ReceivedMail> {
  return receivedMatching(to, subject, (m) => m.subject);
}

/**
 * Waits for a notification email to `to` that tells `about` (in its subject or anywhere in its text): one
 * member's notifications of a window come in one email (lib/notifications/coalesce.ts), whose subject
 * names only the first.
 */
export function notificationMail(to: string, about: RegExp): Promise<ReceivedMail> {
  return receivedMatching(to, about, (m) => `${m.subject}\n${m.text}`);
}

async function receivedMatching(to: string, subject: RegExp, part: (m: ReceivedMail) => string): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(
      async () => {
        const messages = (await (await fetch(MAILBOX)).json()) as ReceivedMail[];
        found = messages.filter((m) => m.recipients.includes(to) && subject.test(part(m))).at(-1);
        return found !== undefined;
      },
      { message: `a mail to ${to} with subject ${subject}`, timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

/** Every mail the app's SMTP server has received for `to` so far. */
export async function mailsTo(to: string): Promise<ReceivedMail[]> {
  const messages = (await (await fetch(MAILBOX)).json()) as ReceivedMail[];
  return messages.filter((m) => m.recipients.includes(to));
}

/** The subjects of every mail the app's SMTP server has received for `to` so far. */
export async function subjectsTo(to: string): Promise<string[]> {
  return (await mailsTo(to)).map((m) => m.subject);
}

/** The first link in a mail's text part that starts with `prefix`. */
export function linkIn(mail: ReceivedMail, prefix: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const link = new RegExp(`${escaped}[^\\s\\])>"]+`).exec(mail.text)?.[0];
  expect(link, `a link starting ${prefix} in "${mail.text}"`).toBeTruthy();
  return link!;
}
