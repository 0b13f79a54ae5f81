import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TextLink } from "@/components/ui/button";
import { AuthCard } from "@/components/auth/auth-card";
import { AcceptForm } from "@/components/invitations/accept-form";
import { db } from "@/lib/db/client";
import { findInvitation } from "@/lib/invitations/accept";
import { TIME_ZONES } from "@/lib/web/form-fields";
import { acceptExistingAction, acceptNewAction } from "./actions";
import { displayName } from "@/lib/users/display-name";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Auth.invitation"))("title"), referrer: "no-referrer" };
}
export const dynamic = "force-dynamic";

export default async function AcceptInvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("Auth.invitation");
  const invitation = await findInvitation(db(), token);
  if (!invitation) {
    // Expired, cancelled, used or unknown: one page for all four. It says what InvalidInvitationError
    // says, in the visitor's language.
    return (
      <AuthCard title={t("deadLink")}>
        <p className="mb-4 text-sm">{t("deadLinkExplain")}</p>
        <p className="text-sm">
          <TextLink href="/sign-in">{t("goToSignIn")}</TextLink>
        </p>
      </AuthCard>
    );
  }
  const organisation = invitation.organization.name;
  return (
    <AuthCard title={t("heading", { organisation })}>
      <p className="mb-4 text-sm text-body">
        {invitation.invitedBy
          ? t("invitedBy", { inviter: displayName(invitation.invitedBy), organisation })
          : t("invitedByAdmin", { organisation })}
      </p>
      <AcceptForm
        token={token}
        email={invitation.email}
        organizationName={organisation}
        hasAccount={invitation.hasAccount}
        timezones={TIME_ZONES}
        action={invitation.hasAccount ? acceptExistingAction : acceptNewAction}
      />
    </AuthCard>
  );
}
