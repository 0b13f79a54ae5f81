import type { Metadata } from "next";
import { TextLink } from "@/components/ui/button";
import { AuthCard } from "@/components/auth/auth-card";
import { AcceptForm } from "@/components/invitations/accept-form";
import { db } from "@/lib/db/client";
import { findInvitation, InvalidInvitationError } from "@/lib/invitations/accept";
import { TIME_ZONES } from "@/lib/web/form-fields";
import { acceptExistingAction, acceptNewAction } from "./actions";
import { displayName } from "@/lib/users/display-name";

export const metadata: Metadata = { title: "Accept your invitation", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function AcceptInvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findInvitation(db(), token);
  if (!invitation) {
    // Expired, cancelled, used or unknown: one page for all four.
    return (
      <AuthCard title="This link no longer works">
        <p className="mb-4 text-sm">{new InvalidInvitationError().message}</p>
        <p className="text-sm">
          <TextLink href="/sign-in">Go to sign in</TextLink>
        </p>
      </AuthCard>
    );
  }
  const inviter = invitation.invitedBy ? displayName(invitation.invitedBy) : "An administrator";
  return (
    <AuthCard title={`Join ${invitation.organization.name}`}>
      <p className="mb-4 text-sm text-body">
        {inviter} invited you to {invitation.organization.name} on Pathwise.
      </p>
      <AcceptForm
        token={token}
        email={invitation.email}
        organizationName={invitation.organization.name}
        hasAccount={invitation.hasAccount}
        timezones={TIME_ZONES}
        action={invitation.hasAccount ? acceptExistingAction : acceptNewAction}
      />
    </AuthCard>
  );
}
