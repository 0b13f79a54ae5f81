import { EmailButton, EmailLayout, Greeting, type EmailBody } from "./layout";

export type PasswordResetProps = { firstName: string; url: string; expiresInMinutes: number };

export const subject = ({ reader }: EmailBody<PasswordResetProps>) => reader.t("Email.passwordReset.subject");

export function Body({ reader, firstName, url, expiresInMinutes }: EmailBody<PasswordResetProps>) {
  const { t } = reader;
  return (
    <EmailLayout reader={reader} preview={t("Email.passwordReset.subject")}>
      <Greeting reader={reader} name={firstName} />
      <p>{t("Email.passwordReset.body")}</p>
      <EmailButton reader={reader} href={url}>
        {t("Email.passwordReset.button")}
      </EmailButton>
      <p>{t("Email.passwordReset.expiry", { minutes: expiresInMinutes })}</p>
    </EmailLayout>
  );
}
