import { EmailButton, EmailLayout } from "./layout";

export type NewMessageProps = {
  senderName: string;
  organizationName: string;
  /** The thread with the sender, on the configured APP_URL. */
  url: string;
};

export const subject = ({ senderName }: NewMessageProps) => `New message from ${senderName}`;

// The message itself stays in Pathwise: coaching conversations are private, and mail is forwarded,
// shared and kept on servers nobody here controls. The email only says who wrote and where to read it.
export function Body({ senderName, organizationName, url }: NewMessageProps) {
  return (
    <EmailLayout preview={`${senderName} sent you a message`}>
      <p>Hello,</p>
      <p>
        {senderName} sent you a message in {organizationName} on Pathwise.
      </p>
      <EmailButton href={url}>Read and reply</EmailButton>
      <p>Or paste this link into your browser: {url}</p>
      <p>For your privacy the message is not included in this email: sign in to read it.</p>
    </EmailLayout>
  );
}
