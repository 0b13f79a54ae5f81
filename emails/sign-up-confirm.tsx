import { EmailButton, EmailLayout, Greeting, type EmailBody } from "./layout";

export type SignUpConfirmProps = { firstName: string; organizationName: string; url: string; expiresInHours: number };

export const subject = ({ reader }: EmailBody<SignUpConfirmProps>) => reader.t("Email.signUpConfirm.subject");

export function Body({ reader, firstName, organizationName, url, expiresInHours }: EmailBody<SignUpConfirmProps>) {
  const { t } = reader;
  return (
    <EmailLayout reader={reader} preview={t("Email.signUpConfirm.preview")}>
      <Greeting reader={reader} name={firstName} />
      <p>{t("Email.signUpConfirm.body", { organization: organizationName })}</p>
      <EmailButton reader={reader} href={url}>
        {t("Email.signUpConfirm.button", { organization: organizationName })}
      </EmailButton>
      <p>{t("Email.signUpConfirm.expiry", { hours: expiresInHours })}</p>
    </EmailLayout>
  );
}
