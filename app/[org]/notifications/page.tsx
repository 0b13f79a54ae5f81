import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("NotificationCentre"))("title") };
}

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
  const t = await getTranslations("NotificationCentre");
  return (
    <section>
      <PageHeader
        title={t("title")}
        description={
          list.unread
            ? t("unread", { shown: list.unread >= UNREAD_CAP ? `${UNREAD_CAP - 1}+` : String(list.unread), zone: clock.zone })
            : t("newestFirst", { zone: clock.zone })
        }
        actions={
          <>
            {list.unread ? <ActionButton action={markAllReadAction} fields={{ org }} label={t("markAllRead")} /> : null}
            <LinkButton href={`/${org}/notifications/preferences`} variant="secondary">
              {t("preferences.title")}
            </LinkButton>
          </>
        }
      />
      {list.items.length === 0 ? (
        <EmptyState>{told ? t("empty") : t("notForYou")}</EmptyState>
      ) : (
        <>
          <NotificationList org={org} items={list.items} zone={clock.zone} open={openNotificationAction} markRead={markReadAction} />
          <Pagination page={list.page} pages={list.pages} href={(p) => `/${org}/notifications${p > 1 ? `?page=${p}` : ""}`} />
        </>
      )}
    </section>
  );
}
