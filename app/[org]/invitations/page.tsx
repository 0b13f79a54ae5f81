import type { Metadata } from "next";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { EmptyState } from "@/components/ui/empty-state";
import { ActionButton } from "@/components/ui/action-button";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { viewerClock } from "@/lib/format/dates";
import { INVITATION_STATUS_LABELS } from "@/lib/labels";
import { db } from "@/lib/db/client";
import { listPendingInvitations } from "@/lib/invitations/pending";
import { cancelInvitationAction, resendAllAction, resendInvitationAction } from "./actions";
import { displayName } from "@/lib/users/display-name";
import { Badge, RoleBadge } from "@/components/ui/badge";
import { LinkButton, TextLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/table";
import { Time } from "@/components/ui/time";

export const metadata: Metadata = { title: "Invitations" };

export default async function InvitationsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await requireMember(org, "invitations:send");
  const pending = await listPendingInvitations(db(), memberActor(member));
  // A server component renders once per request: "now" is that request's moment.
  // eslint-disable-next-line react-hooks/purity
  const now = Date.now();
  const clock = viewerClock(member.user);
  return (
    <section>
      <PageHeader
        title="Pending invitations"
        actions={
          <>
            {pending.length > 0 ? <ActionButton action={resendAllAction} fields={{ org }} label="Resend all pending" /> : null}
            <LinkButton href={`/${org}/invitations/new`} variant="primary">
              Invite users
            </LinkButton>
          </>
        }
      />
      <DataTable
        caption={`${pending.length} pending, most recently sent first`}
        rows={pending}
        rowKey={(i) => i.id}
        empty={
          <EmptyState>
            No invitations are waiting to be accepted. <TextLink href={`/${org}/invitations/new`}>Invite users</TextLink> to bring in your
            coaches and participants.
          </EmptyState>
        }
        columns={[
          { header: "Email", cell: (i) => i.email },
          { header: "Role", cell: (i) => <RoleBadge role={i.role} /> },
          { header: "Invited by", cell: (i) => (i.invitedBy ? displayName(i.invitedBy) : "") },
          { header: clock.label("Sent"), cell: (i) => <Time at={i.lastSentAt} zone={clock.zone} />, nowrap: true },
          { header: "Times sent", cell: (i) => i.sentCount },
          {
            header: clock.label("Expires"),
            cell: (i) =>
              i.expiresAt.getTime() < now ? (
                <Badge tone="warning">{INVITATION_STATUS_LABELS.expired}</Badge>
              ) : (
                <Time at={i.expiresAt} zone={clock.zone} />
              ),
            nowrap: true,
          },
          {
            header: "Actions",
            cell: (i) => (
              <div className="space-y-2">
                <ActionButton action={resendInvitationAction} fields={{ org, invitationId: i.id }} label={`Resend to ${i.email}`} quiet />
                <ConfirmForm
                  action={cancelInvitationAction}
                  fields={{ org, invitationId: i.id }}
                  label={`Cancel invitation of ${i.email}`}
                  title={`Cancel the invitation of ${i.email}?`}
                  explain="The link stops working at once and the seat it holds is freed. You can invite them again later."
                  confirmLabel="Cancel invitation"
                  tone="danger"
                  quiet
                />
              </div>
            ),
          },
        ]}
      />
    </section>
  );
}
