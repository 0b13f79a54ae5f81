import { EmailButton, EmailLayout, Greeting, type EmailBody } from "./layout";

export type SignUpExistingProps = { firstName: string; signInUrl: string; resetUrl: string };

export const subject = ({ reader }: EmailBody<SignUpExistingProps>) => reader.t("Email.signUpExisting.subject");

// Goes to an address that already has an account instead of a confirmation link: it carries no token,
// so it neither proves nor grants anything; it only tells the owner where to go.
export function Body({ reader, firstName, signInUrl, resetUrl }: EmailBody<SignUpExistingProps>) {
  const { t } = reader;
  return (
    <EmailLayout reader={reader} preview={t("Email.signUpExisting.preview")}>
      <Greeting reader={reader} name={firstName} />
      <p>{t("Email.signUpExisting.body")}</p>
      <p>{t("Email.signUpExisting.instead")}</p>
      <EmailButton reader={reader} href={signInUrl}>
        {t("Email.signUpExisting.button")}
      </EmailButton>
      <p>{t("Email.signUpExisting.forgot", { url: resetUrl })}</p>
      <p>{t("Email.signUpExisting.notYou")}</p>
    </EmailLayout>
  );
}
