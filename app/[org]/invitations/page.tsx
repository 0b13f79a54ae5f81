import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { EmptyState } from "@/components/ui/empty-state";
import { ActionButton } from "@/components/ui/action-button";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { viewerClock } from "@/lib/format/dates";
import { db } from "@/lib/db/client";
import { listPendingInvitations } from "@/lib/invitations/pending";
import { cancelInvitationAction, resendAllAction, resendInvitationAction } from "./actions";
import { displayName } from "@/lib/users/display-name";
import { Badge, RoleBadge } from "@/components/ui/badge";
import { LinkButton, TextLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/table";
import { Time } from "@/components/ui/time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Invitations"))("metaTitle") };
}

export default async function InvitationsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await requireMember(org, "invitations:send");
  const pending = await listPendingInvitations(db(), memberActor(member));
  // A server component renders once per request: "now" is that request's moment.
  // eslint-disable-next-line react-hooks/purity
  const now = Date.now();
  const [t, tl] = await Promise.all([getTranslations("Invitations"), getTranslations("Labels")]);
  const clock = viewerClock(member.user, await getLocale());
  return (
    <section>
      <PageHeader
        title={t("title")}
        actions={
          <>
            {pending.length > 0 ? <ActionButton action={resendAllAction} fields={{ org }} label={t("resendAll")} /> : null}
            <LinkButton href={`/${org}/invitations/new`} variant="primary">
              {t("invite")}
            </LinkButton>
          </>
        }
      />
      <DataTable
        caption={t("caption", { count: pending.length })}
        rows={pending}
        rowKey={(i) => i.id}
        empty={
          <EmptyState>{t.rich("empty", { link: (chunks) => <TextLink href={`/${org}/invitations/new`}>{chunks}</TextLink> })}</EmptyState>
        }
        columns={[
          { header: t("columns.email"), cell: (i) => i.email },
          { header: t("columns.role"), cell: (i) => <RoleBadge role={i.role} /> },
          { header: t("columns.invitedBy"), cell: (i) => (i.invitedBy ? displayName(i.invitedBy) : "") },
          { header: clock.label(t("columns.sent")), cell: (i) => <Time at={i.lastSentAt} zone={clock.zone} />, nowrap: true },
          { header: t("columns.timesSent"), cell: (i) => i.sentCount },
          {
            header: clock.label(t("columns.expires")),
            cell: (i) =>
              i.expiresAt.getTime() < now ? (
                <Badge tone="warning">{tl("invitationStatus.expired")}</Badge>
              ) : (
                <Time at={i.expiresAt} zone={clock.zone} />
              ),
            nowrap: true,
          },
          {
            header: t("columns.actions"),
            cell: (i) => (
              <div className="space-y-2">
                <ActionButton
                  action={resendInvitationAction}
                  fields={{ org, invitationId: i.id }}
                  label={t("resendTo", { email: i.email })}
                  quiet
                />
                <ConfirmForm
                  action={cancelInvitationAction}
                  fields={{ org, invitationId: i.id }}
                  label={t("cancel.label", { email: i.email })}
                  title={t("cancel.title", { email: i.email })}
                  explain={t("cancel.explain")}
                  confirmLabel={t("cancel.confirm")}
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
