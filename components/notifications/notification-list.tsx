import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import type { FormAction } from "@/components/ui/use-form-action";
import type { NotificationItem } from "@/lib/notifications/centre";

/**
 * The notification centre's list, newest first: each item opens the thing it is about (and is marked
 * read on the way), unread ones say so and can be marked read where they are.
 */
export function NotificationList({
  org,
  items,
  zone,
  open,
  markRead,
}: {
  org: string;
  items: readonly NotificationItem[];
  zone: string;
  open: FormAction;
  markRead: FormAction;
}) {
  const t = useTranslations("NotificationCentre");
  return (
    <ul className="max-w-3xl divide-y divide-line rounded-md border border-line bg-surface" aria-label={t("title")}>
      {items.map((n) => (
        <li
          key={n.id}
          className={`flex flex-wrap items-start justify-between gap-x-4 gap-y-1 p-3 text-sm ${n.unread ? "bg-primary-soft" : ""}`}
        >
          <div className="flex min-w-0 flex-col gap-1">
            <span className="flex flex-wrap items-center gap-2">
              {n.unread ? <Badge tone="info">{t("unreadBadge")}</Badge> : null}
              <ActionButton action={open} fields={{ org, notificationId: n.id }} label={n.sentence} quiet />
            </span>
            <span className="text-body">
              <Time at={n.at} zone={zone} />
            </span>
          </div>
          {n.unread ? <ActionButton action={markRead} fields={{ org, notificationId: n.id }} label={t("markRead")} quiet /> : null}
        </li>
      ))}
    </ul>
  );
}
