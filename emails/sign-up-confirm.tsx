import { EmailButton, EmailLayout } from "./layout";

export type SignUpConfirmProps = { firstName: string; organizationName: string; url: string; expiresInHours: number };

export const subject = () => "Confirm your email to create your Pathwise organisation";

export function Body({ firstName, organizationName, url, expiresInHours }: SignUpConfirmProps) {
  return (
    <EmailLayout preview="Confirm your email to create your organisation">
      <p>Hello {firstName || "there"},</p>
      <p>
        Someone asked to create the organisation {organizationName} on Pathwise with this email address. If it was you, confirm it and sign
        in with the password you chose:
      </p>
      <EmailButton href={url}>Create {organizationName}</EmailButton>
      <p>Or paste this link into your browser: {url}</p>
      <p>
        The link works once and expires in {expiresInHours} hours. If you did not ask for this, ignore this email: nothing is created
        without it.
      </p>
    </EmailLayout>
  );
}
