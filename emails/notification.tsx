import { EmailButton, EmailLayout, Greeting, type EmailBody } from "./layout";

export type NotificationEmailProps = {
  /** What happened, one line with titles only, in the recipient's language (lib/notifications/sentence.ts). */
  sentence: string;
  organizationName: string;
  /** Where the thing lives, on the configured APP_URL. */
  url: string;
  /** The recipient's notification preferences, on the configured APP_URL. */
  preferencesUrl: string;
};

export const subject = ({ sentence }: EmailBody<NotificationEmailProps>) => sentence;

// One notification (or a daily digest of one, which reads the same). Titles only: the words of comments
// and descriptions stay behind the sign-in, like messages.
export function Body({ reader, sentence, organizationName, url, preferencesUrl }: EmailBody<NotificationEmailProps>) {
  const { t } = reader;
  return (
    <EmailLayout reader={reader} preview={sentence}>
      <Greeting reader={reader} />
      <p>{t("Email.notification.body", { sentence, organization: organizationName })}</p>
      <EmailButton reader={reader} href={url}>
        {t("Email.notification.button")}
      </EmailButton>
      <p>{t("Email.preferences", { url: preferencesUrl })}</p>
    </EmailLayout>
  );
}
