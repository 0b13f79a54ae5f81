import { EmailButton, EmailLayout } from "./layout";

export type NotificationEmailProps = {
  /** What happened, one line with titles only (lib/notifications/sentence.ts). */
  sentence: string;
  organizationName: string;
  /** Where the thing lives, on the configured APP_URL. */
  url: string;
  /** The recipient's notification preferences, on the configured APP_URL. */
  preferencesUrl: string;
};

export const subject = ({ sentence }: NotificationEmailProps) => sentence;

// One notification (or a daily digest of one, which reads the same). Titles only: the words of comments
// and descriptions stay behind the sign-in, like messages.
export function Body({ sentence, organizationName, url, preferencesUrl }: NotificationEmailProps) {
  return (
    <EmailLayout preview={sentence}>
      <p>Hello,</p>
      <p>
        {sentence}, in {organizationName} on Pathwise.
      </p>
      <EmailButton href={url}>Open it in Pathwise</EmailButton>
      <p>Or paste this link into your browser: {url}</p>
      <p>To choose which notifications you get by email, and when, see your notification preferences: {preferencesUrl}</p>
    </EmailLayout>
  );
}
