import type { Role } from "../lib/db/generated/enums";
import { EmailButton, EmailLayout, Greeting, type EmailBody } from "./layout";

export type InvitationProps = {
  organizationName: string;
  inviterName: string;
  role: Role;
  message: string;
  url: string;
  expiresInDays: number;
};

export const subject = ({ reader, organizationName }: EmailBody<InvitationProps>) =>
  reader.t("Email.invitation.subject", { organization: organizationName });

export function Body({ reader, organizationName, inviterName, role, message, url, expiresInDays }: EmailBody<InvitationProps>) {
  const { t } = reader;
  return (
    <EmailLayout reader={reader} preview={t("Email.invitation.preview", { inviter: inviterName, organization: organizationName })}>
      <Greeting reader={reader} />
      <p>{t("Email.invitation.body", { inviter: inviterName, organization: organizationName, role: t(`RolesInSentence.${role}`) })}</p>
      {message ? <p style={{ whiteSpace: "pre-line", borderLeft: "3px solid #c7d2fe", paddingLeft: 12 }}>{message}</p> : null}
      <EmailButton reader={reader} href={url}>
        {t("Email.invitation.button")}
      </EmailButton>
      <p>{t("Email.invitation.expiry", { days: expiresInDays })}</p>
    </EmailLayout>
  );
}
