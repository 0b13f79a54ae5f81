import type { Metadata } from "next";
import { NotificationList } from "@/components/notifications/notification-list";
import { ActionButton } from "@/components/ui/action-button";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { db } from "@/lib/db/client";
import { viewerClock } from "@/lib/format/dates";
import { listNotifications, notificationsPageSchema, UNREAD_CAP } from "@/lib/notifications/centre";
import { kindsFor } from "@/lib/notifications/preferences";
import { firstValues, type RawSearchParams } from "@/lib/web/search-params";
import { markAllReadAction, markReadAction, openNotificationAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { org } = await params;
  const member = await requireMember(org, "notifications:use");
  const { page } = notificationsPageSchema.parse(firstValues(await searchParams));
  const list = await listNotifications(db(), memberActor(member), { page });
  const clock = viewerClock(member.user);
  const told = kindsFor(member.role).length > 0;
  return (
    <section>
      <PageHeader
        title="Notifications"
        description={
          list.unread
            ? `${list.unread >= UNREAD_CAP ? `${UNREAD_CAP - 1}+` : list.unread} unread, newest first. Times are in your time zone (${clock.zone}).`
            : `Newest first. Times are in your time zone (${clock.zone}).`
        }
        actions={
          <>
            {list.unread ? <ActionButton action={markAllReadAction} fields={{ org }} label="Mark all read" /> : null}
            <LinkButton href={`/${org}/notifications/preferences`} variant="secondary">
              Notification preferences
            </LinkButton>
          </>
        }
      />
      {list.items.length === 0 ? (
        <EmptyState>
          {told
            ? "Nothing here yet. You will be told here when someone you coach, or your coach, moves your shared goals and actions on: goals created or edited, progress moved, milestones and goals completed, comments, actions given to you, and actions due tomorrow or overdue. Choose which ones also come by email under Notification preferences."
            : "Nothing here: notifications are about coaching work (goals, actions and comments between coaches and their coachees), which your role does not take part in."}
        </EmptyState>
      ) : (
        <>
          <NotificationList org={org} items={list.items} zone={clock.zone} open={openNotificationAction} markRead={markReadAction} />
          <Pagination page={list.page} pages={list.pages} href={(p) => `/${org}/notifications${p > 1 ? `?page=${p}` : ""}`} />
        </>
      )}
    </section>
  );
}
