import { EmailButton, EmailLayout, Greeting, type EmailBody } from "./layout";

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

export const subject = ({ reader, lines }: EmailBody<NotificationSummaryProps>) =>
  lines.length === 1 ? lines[0].sentence : reader.t("Email.summary.subjectMore", { sentence: lines[0].sentence, count: lines.length - 1 });

// A member's immediate notifications of one window, coalesced into one email (one alone is sent as the
// single notification email instead). Titles only: the words of comments stay behind the sign-in.
export function Body({ reader, organizationName, lines, centreUrl, preferencesUrl }: EmailBody<NotificationSummaryProps>) {
  const { t } = reader;
  return (
    <EmailLayout reader={reader} preview={lines[0]?.sentence ?? organizationName}>
      <Greeting reader={reader} />
      <p>{t("Email.summary.intro", { organization: organizationName })}</p>
      <ul>
        {lines.map((line, i) => (
          <li key={i}>
            {line.things.length ? (
              <>
                {t("Email.summary.lineWithThings", { sentence: line.sentence })}
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
      <EmailButton reader={reader} href={centreUrl}>
        {t("Email.seeAll")}
      </EmailButton>
      <p>{t("Email.preferences", { url: preferencesUrl })}</p>
    </EmailLayout>
  );
}
