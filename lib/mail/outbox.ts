import { renderEmail, type TemplateName, type TemplateProps } from "../../emails";
import type { Tx } from "../db/client";
import type { Locale } from "../i18n/locales";
import { emailSchema } from "../web/form-fields";

export type QueuedEmail<T extends TemplateName> = {
  organizationId: string | null;
  to: string;
  template: T;
  props: TemplateProps<T>;
  /** The recipient's language (lib/i18n/member-locale.ts), never the sender's. */
  locale: Locale;
  /** An iCalendar invitation to send with it (lib/sessions/ical.ts). */
  calendar?: { method: string; content: string };
};

// A subject or address with a line break could smuggle headers into the message.
const singleLine = (s: string) => s.replace(/[\r\n]+/g, " ").trim();

/**
 * Queues an email inside the caller's transaction: it is sent only if that transaction commits,
 * and it survives a crash between commit and send (the outbox worker picks it up).
 */
export async function queueEmail<T extends TemplateName>(tx: Tx, email: QueuedEmail<T>): Promise<string> {
  const to = emailSchema.parse(email.to);
  const rendered = await renderEmail(email.template, email.props, email.locale);
  const row = await tx.emailOutbox.create({
    data: {
      organizationId: email.organizationId,
      toAddress: to,
      subject: singleLine(rendered.subject),
      html: rendered.html,
      text: rendered.text,
      template: email.template,
      calendarMethod: email.calendar?.method ?? null,
      calendar: email.calendar?.content ?? null,
    },
    select: { id: true },
  });
  return row.id;
}

/**
 * Queues one email per recipient for a large batch (an import): the template is rendered once with a
 * placeholder link, which each recipient's own link replaces, and the rows go in with one statement.
 * Same guarantees as queueEmail: inside the caller's transaction, sent only after it commits.
 */
export async function queueEmailBatch<T extends TemplateName>(
  tx: Tx,
  email: {
    organizationId: string;
    template: T;
    props: TemplateProps<T> & { url: string };
    locale: Locale;
    recipients: { to: string; url: string }[];
  },
): Promise<number> {
  const PLACEHOLDER = "https://pathwise.invalid/link-placeholder";
  const rendered = await renderEmail(email.template, { ...email.props, url: PLACEHOLDER }, email.locale);
  const subject = singleLine(rendered.subject);
  const to = email.recipients.map((r) => emailSchema.parse(r.to));
  // One statement for the whole batch (see lib/imports/import.ts on createMany at this size).
  const count = await tx.$executeRaw`
    INSERT INTO "EmailOutbox" ("id", "organizationId", "toAddress", "subject", "html", "text", "template")
    SELECT gen_random_uuid(), ${email.organizationId}::uuid, t.a, ${subject}, t.h, t.x, ${email.template}
      FROM unnest(${to}::text[], ${email.recipients.map((r) => rendered.html.replaceAll(PLACEHOLDER, r.url))}::text[],
                  ${email.recipients.map((r) => rendered.text.replaceAll(PLACEHOLDER, r.url))}::text[]) AS t(a, h, x)`;
  return count;
}
