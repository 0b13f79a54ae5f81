import { EmailButton, EmailLayout } from "./layout";

export type AccountReactivatedProps = { firstName: string; organizationName: string; url: string; expiresInHours: number };

export const subject = ({ organizationName }: AccountReactivatedProps) => `Your ${organizationName} account on Pathwise is active again`;

export function Body({ firstName, organizationName, url, expiresInHours }: AccountReactivatedProps) {
  return (
    <EmailLayout preview={`Your ${organizationName} account is active again`}>
      <p>Hello {firstName || "there"},</p>
      <p>An administrator of {organizationName} has reactivated your Pathwise account. Before you sign in again, choose a new password:</p>
      <EmailButton href={url}>Choose a new password</EmailButton>
      <p>Or paste this link into your browser: {url}</p>
      <p>
        The link works once and expires in {expiresInHours} hours. After that, use &ldquo;Forgot your password?&rdquo; on the sign-in page.
      </p>
    </EmailLayout>
  );
}
