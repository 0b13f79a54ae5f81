import { EmailButton, EmailLayout } from "./layout";

export type AccountCreatedProps = { organizationName: string; inviterName: string; url: string; expiresInDays: number };

export const subject = ({ organizationName }: AccountCreatedProps) => `Your ${organizationName} account on Pathwise is ready`;

export function Body({ organizationName, inviterName, url, expiresInDays }: AccountCreatedProps) {
  return (
    <EmailLayout preview={`Your ${organizationName} account is ready`}>
      <p>Hello,</p>
      <p>
        {inviterName} has set up your account in {organizationName} on Pathwise. Choose your password to start:
      </p>
      <EmailButton href={url}>Choose a password</EmailButton>
      <p>Or paste this link into your browser: {url}</p>
      <p>
        The link works once and expires in {expiresInDays} days. After that, ask {inviterName} to send it again.
      </p>
    </EmailLayout>
  );
}
