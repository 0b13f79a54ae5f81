import { EmailButton, EmailLayout, Greeting, type EmailBody } from "./layout";

export type NewMessageProps = {
  senderName: string;
  organizationName: string;
  /** The thread with the sender, on the configured APP_URL. */
  url: string;
};

export const subject = ({ reader, senderName }: EmailBody<NewMessageProps>) => reader.t("Email.newMessage.subject", { sender: senderName });

// The message itself stays in Pathwise: coaching conversations are private, and mail is forwarded,
// shared and kept on servers nobody here controls. The email only says who wrote and where to read it.
export function Body({ reader, senderName, organizationName, url }: EmailBody<NewMessageProps>) {
  const { t } = reader;
  return (
    <EmailLayout reader={reader} preview={t("Email.newMessage.preview", { sender: senderName })}>
      <Greeting reader={reader} />
      <p>{t("Email.newMessage.body", { sender: senderName, organization: organizationName })}</p>
      <EmailButton reader={reader} href={url}>
        {t("Email.newMessage.button")}
      </EmailButton>
      <p>{t("Email.newMessage.privacy")}</p>
    </EmailLayout>
  );
}
