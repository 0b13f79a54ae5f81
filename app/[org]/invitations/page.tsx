import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { EmptyState } from "@/components/ui/empty-state";
import { ActionButton } from "@/components/ui/action-button";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { ROLE_LABELS } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { listPendingInvitations } from "@/lib/invitations/pending";
import { cancelInvitationAction, resendAllAction, resendInvitationAction } from "./actions";
import { displayName } from "@/lib/users/display-name";
import { HeaderCells, Table } from "@/components/ui/table";

export const metadata: Metadata = { title: "Invitations" };

const when = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ");

export default async function InvitationsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await requireMember(org, "invitations:send");
  const pending = await listPendingInvitations(db(), memberActor(member));
  const now = Date.now();
  return (
    <section>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Pending invitations</h1>
        <div className="flex items-start gap-3">
          {pending.length > 0 ? <ActionButton action={resendAllAction} fields={{ org }} label="Resend all pending" /> : null}
          <Link href={`/${org}/invitations/new`} className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800">
            Invite users
          </Link>
        </div>
      </div>
      {pending.length === 0 ? (
        <EmptyState>
          No invitations are waiting to be accepted.{" "}
          <Link href={`/${org}/invitations/new`} className="text-indigo-700 underline">
            Invite users
          </Link>{" "}
          to bring in your coaches and participants.
        </EmptyState>
      ) : (
        <Table>
          <caption className="mb-2 text-left text-slate-600">
            {pending.length} pending, most recently sent first
          </caption>
          <thead>
            <tr className="border-b border-slate-200">
              <HeaderCells labels={["Email", "Role", "Invited by", "Sent (UTC)", "Times sent", "Expires (UTC)", "Actions"]} />
            </tr>
          </thead>
          <tbody>
            {pending.map((i) => (
              <tr key={i.id} className="border-b border-slate-100 align-top">
                <td className="p-2">{i.email}</td>
                <td className="p-2">{ROLE_LABELS[i.role]}</td>
                <td className="p-2">{i.invitedBy ? displayName(i.invitedBy) : ""}</td>
                <td className="p-2 whitespace-nowrap">{when(i.lastSentAt)}</td>
                <td className="p-2">{i.sentCount}</td>
                <td className="p-2 whitespace-nowrap">{i.expiresAt.getTime() < now ? <strong>Expired</strong> : when(i.expiresAt)}</td>
                <td className="space-y-2 p-2">
                  <ActionButton action={resendInvitationAction} fields={{ org, invitationId: i.id }} label={`Resend to ${i.email}`} quiet />
                  <ConfirmForm
                    action={cancelInvitationAction}
                    fields={{ org, invitationId: i.id }}
                    label={`Cancel invitation of ${i.email}`}
                    title={`Cancel the invitation of ${i.email}?`}
                    explain="The link stops working at once and the seat it holds is freed. You can invite them again later."
                    confirmLabel="Cancel invitation"
                    quiet
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
