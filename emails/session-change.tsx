import { displayTime, zoneName } from "../lib/format/dates";
import { EmailButton, EmailLayout, Greeting, type EmailBody } from "./layout";

export type SessionChangeProps = {
  /** What happened, or "reminder": the session is coming up (lib/sessions/reminders.ts). */
  change: "scheduled" | "changed" | "cancelled" | "reminder";
  title: string;
  /** The start, an ISO moment: written in the recipient's zone and language. */
  start: string;
  durationMinutes: number;
  /** The recipient's time zone. */
  zone: string;
  /** The other person of the session, as the organisation names them. */
  withName: string;
  location: string;
  /** A cancellation's reason, when one was given. */
  reason: string | null;
  organizationName: string;
  /** The session's page, on the configured APP_URL. */
  url: string;
};

export const subject = ({ reader, change, title }: EmailBody<SessionChangeProps>) =>
  reader.t(`Email.sessionChange.subject`, { change, title });

// The invitation itself travels as the message's calendar part (lib/sessions/ical.ts), which calendar
// apps add, move or remove; this text says the same for people who read mail without one.
export function Body({
  reader,
  change,
  title,
  start,
  durationMinutes,
  zone,
  withName,
  location,
  reason,
  organizationName,
  url,
}: EmailBody<SessionChangeProps>) {
  const { t } = reader;
  const moment = new Date(start);
  const when = `${displayTime(moment, zone, reader.locale)} (${zoneName(moment, zone)})`;
  return (
    <EmailLayout reader={reader} preview={t("Email.sessionChange.preview", { change, title })}>
      <Greeting reader={reader} />
      <p>{t("Email.sessionChange.body", { change, title, with: withName, organization: organizationName })}</p>
      <p>{t("Email.sessionChange.when", { when, minutes: durationMinutes })}</p>
      {location ? <p>{t("Email.sessionChange.where", { location })}</p> : null}
      {reason ? <p>{t("Email.sessionChange.reason", { reason })}</p> : null}
      <EmailButton reader={reader} href={url}>
        {t("Email.sessionChange.button")}
      </EmailButton>
      {change === "scheduled" || change === "changed" ? <p>{t("Email.sessionChange.calendar")}</p> : null}
    </EmailLayout>
  );
}
