import { withArticle } from "../lib/words";
import { EmailButton, EmailLayout } from "./layout";

export type InvitationProps = {
  organizationName: string;
  inviterName: string;
  roleLabel: string;
  message: string;
  url: string;
  expiresInDays: number;
};

export const subject = ({ organizationName }: InvitationProps) => `You're invited to join ${organizationName} on Pathwise`;

export function Body({ organizationName, inviterName, roleLabel, message, url, expiresInDays }: InvitationProps) {
  return (
    <EmailLayout preview={`${inviterName} invited you to ${organizationName}`}>
      <p>Hello,</p>
      <p>
        {inviterName} has invited you to join {organizationName} on Pathwise as {withArticle(roleLabel.toLowerCase())}.
      </p>
      {message ? <p style={{ whiteSpace: "pre-line", borderLeft: "3px solid #c7d2fe", paddingLeft: 12 }}>{message}</p> : null}
      <EmailButton href={url}>Accept the invitation</EmailButton>
      <p>Or paste this link into your browser: {url}</p>
      <p>The link works once and expires in {expiresInDays} days. If you were not expecting this, ignore this email.</p>
    </EmailLayout>
  );
}
