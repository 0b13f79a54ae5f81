import { EmailButton, EmailLayout } from "./layout";

export type NotificationSummaryProps = {
  organizationName: string;
  /**
   * What happened in the window, one line per person, kind and coachee (lib/notifications/render.ts
   * summaryOf), each thing of a counted line under it; titles only, links on the configured APP_URL.
   */
  lines: { sentence: string; url: string; things: { text: string; url: string }[] }[];
  /** The notification centre, on the configured APP_URL. */
  centreUrl: string;
  /** The recipient's notification preferences, on the configured APP_URL. */
  preferencesUrl: string;
};

export const subject = ({ lines }: NotificationSummaryProps) =>
  lines.length === 1 ? lines[0].sentence : `${lines[0].sentence}, and ${lines.length - 1} more update${lines.length > 2 ? "s" : ""}`;

// A member's immediate notifications of one window, coalesced into one email (one alone is sent as the
// single notification email instead). Titles only: the words of comments stay behind the sign-in.
export function Body({ organizationName, lines, centreUrl, preferencesUrl }: NotificationSummaryProps) {
  return (
    <EmailLayout preview={lines[0]?.sentence ?? organizationName}>
      <p>Hello,</p>
      <p>Here is what happened in {organizationName} on Pathwise:</p>
      <ul>
        {lines.map((line, i) => (
          <li key={i}>
            {line.things.length ? (
              <>
                {line.sentence}:
                <ul>
                  {line.things.map((thing, j) => (
                    <li key={j}>
                      <a href={thing.url}>{thing.text}</a> ({thing.url})
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <>
                <a href={line.url}>{line.sentence}</a> ({line.url})
              </>
            )}
          </li>
        ))}
      </ul>
      <EmailButton href={centreUrl}>See all your notifications</EmailButton>
      <p>Or paste this link into your browser: {centreUrl}</p>
      <p>To choose which notifications you get by email, and when, see your notification preferences: {preferencesUrl}</p>
    </EmailLayout>
  );
}
