import { EmailButton, EmailLayout, Greeting, type EmailBody } from "./layout";

export type AccountCreatedProps = { organizationName: string; inviterName: string; url: string; expiresInDays: number };

export const subject = ({ reader, organizationName }: EmailBody<AccountCreatedProps>) =>
  reader.t("Email.accountCreated.subject", { organization: organizationName });

export function Body({ reader, organizationName, inviterName, url, expiresInDays }: EmailBody<AccountCreatedProps>) {
  const { t } = reader;
  return (
    <EmailLayout reader={reader} preview={t("Email.accountCreated.preview", { organization: organizationName })}>
      <Greeting reader={reader} />
      <p>{t("Email.accountCreated.body", { inviter: inviterName, organization: organizationName })}</p>
      <EmailButton reader={reader} href={url}>
        {t("Email.accountCreated.button")}
      </EmailButton>
      <p>{t("Email.accountCreated.expiry", { days: expiresInDays, inviter: inviterName })}</p>
    </EmailLayout>
  );
}
