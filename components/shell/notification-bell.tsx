import Link from "next/link";
import { useTranslations } from "next-intl";
import { UNREAD_CAP } from "@/lib/notifications/kinds";

/** The bell in the header: a link to the notification centre whose name says how many are unread. */
export function NotificationBell({ href, unread }: { href: string; unread: number }) {
  const t = useTranslations("Shell");
  const shown = unread >= UNREAD_CAP ? `${UNREAD_CAP - 1}+` : String(unread);
  return (
    <Link
      href={href}
      aria-label={unread >= UNREAD_CAP ? t("notificationsMany", { shown }) : t("notifications", { count: unread })}
      className="relative inline-flex shrink-0 items-center rounded-md p-2 text-body hover:bg-surface-sunken"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" strokeLinecap="round" strokeLinejoin="round" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {unread ? (
        <span
          aria-hidden="true"
          className="absolute -top-0.5 -end-0.5 min-w-5 rounded-full bg-danger px-1 text-center text-xs leading-5 font-semibold text-on-accent"
        >
          {shown}
        </span>
      ) : null}
    </Link>
  );
}
