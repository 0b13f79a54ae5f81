import { EmailButton, EmailLayout } from "./layout";

export type NotificationDigestProps = {
  organizationName: string;
  /** What happened, one line each with titles only, and where each thing lives (APP_URL). */
  items: { sentence: string; url: string }[];
  /** The notification centre, on the configured APP_URL. */
  centreUrl: string;
  /** The recipient's notification preferences, on the configured APP_URL. */
  preferencesUrl: string;
};

export const subject = ({ items, organizationName }: NotificationDigestProps) =>
  `Your daily Pathwise digest: ${items.length} updates in ${organizationName}`;

// The daily digest of two or more unread notifications (a digest of one is sent as lib/notifications'
// single email instead). Titles only, like every notification email.
export function Body({ organizationName, items, centreUrl, preferencesUrl }: NotificationDigestProps) {
  return (
    <EmailLayout preview={`${items.length} updates in ${organizationName}`}>
      <p>Hello,</p>
      <p>Here is what happened in {organizationName} on Pathwise that you have not seen yet:</p>
      <ul>
        {items.map((item, i) => (
          <li key={i}>
            <a href={item.url}>{item.sentence}</a> ({item.url})
          </li>
        ))}
      </ul>
      <EmailButton href={centreUrl}>See all your notifications</EmailButton>
      <p>Or paste this link into your browser: {centreUrl}</p>
      <p>To choose which notifications you get by email, and when, see your notification preferences: {preferencesUrl}</p>
    </EmailLayout>
  );
}
