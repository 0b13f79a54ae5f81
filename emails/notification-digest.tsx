import { EmailButton, EmailLayout, Greeting, type EmailBody } from "./layout";

export type NotificationDigestProps = {
  organizationName: string;
  /** What happened, one line each with titles only, and where each thing lives (APP_URL). */
  items: { sentence: string; url: string }[];
  /** The notification centre, on the configured APP_URL. */
  centreUrl: string;
  /** The recipient's notification preferences, on the configured APP_URL. */
  preferencesUrl: string;
};

export const subject = ({ reader, items, organizationName }: EmailBody<NotificationDigestProps>) =>
  reader.t("Email.digest.subject", { count: items.length, organization: organizationName });

// The daily digest of two or more unread notifications (a digest of one is sent as lib/notifications'
// single email instead). Titles only, like every notification email.
export function Body({ reader, organizationName, items, centreUrl, preferencesUrl }: EmailBody<NotificationDigestProps>) {
  const { t } = reader;
  return (
    <EmailLayout reader={reader} preview={t("Email.digest.preview", { count: items.length, organization: organizationName })}>
      <Greeting reader={reader} />
      <p>{t("Email.digest.intro", { organization: organizationName })}</p>
      <ul>
        {items.map((item, i) => (
          <li key={i}>
            <a href={item.url}>{item.sentence}</a> ({item.url})
          </li>
        ))}
      </ul>
      <EmailButton reader={reader} href={centreUrl}>
        {t("Email.seeAll")}
      </EmailButton>
      <p>{t("Email.preferences", { url: preferencesUrl })}</p>
    </EmailLayout>
  );
}
