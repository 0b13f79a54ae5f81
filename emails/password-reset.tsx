import { EmailButton, EmailLayout } from "./layout";

export type PasswordResetProps = { firstName: string; url: string; expiresInMinutes: number };

export const subject = () => "Reset your Pathwise password";

export function Body({ firstName, url, expiresInMinutes }: PasswordResetProps) {
  return (
    <EmailLayout preview="Reset your Pathwise password">
      <p>Hello {firstName || "there"},</p>
      <p>Someone asked to reset the password of your Pathwise account. If it was you, choose a new password:</p>
      <EmailButton href={url}>Choose a new password</EmailButton>
      <p>Or paste this link into your browser: {url}</p>
      <p>The link works once and expires in {expiresInMinutes} minutes. If you did not ask for this, ignore this email.</p>
    </EmailLayout>
  );
}
