import { EmailButton, EmailLayout, Greeting, type EmailBody } from "./layout";

export type AccountReactivatedProps = { firstName: string; organizationName: string; url: string; expiresInHours: number };

export const subject = ({ reader, organizationName }: EmailBody<AccountReactivatedProps>) =>
  reader.t("Email.accountReactivated.subject", { organization: organizationName });

export function Body({ reader, firstName, organizationName, url, expiresInHours }: EmailBody<AccountReactivatedProps>) {
  const { t } = reader;
  return (
    <EmailLayout reader={reader} preview={t("Email.accountReactivated.preview", { organization: organizationName })}>
      <Greeting reader={reader} name={firstName} />
      <p>{t("Email.accountReactivated.body", { organization: organizationName })}</p>
      <EmailButton reader={reader} href={url}>
        {t("Email.accountReactivated.button")}
      </EmailButton>
      <p>{t("Email.accountReactivated.expiry", { hours: expiresInHours })}</p>
    </EmailLayout>
  );
}
