import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/button";
import { Time } from "@/components/ui/time";
import type { ThreadRow } from "@/lib/messages/threads";

/** The actor's conversations: who with, when last, and whether something new is waiting. */
export function ThreadList({ org, rows, zone }: { org: string; rows: readonly ThreadRow[]; zone: string }) {
  const t = useTranslations("Conversations");
  const lastMessage = (at: Date | null) => (at ? t.rich("lastMessage", { time: () => <Time at={at} zone={zone} /> }) : t("none"));
  return (
    <ul className="max-w-2xl divide-y divide-line rounded-md border border-line bg-surface" aria-label={t("threads")}>
      {rows.map((r) => (
        <li key={r.otherMembershipId} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 p-3 text-sm">
          <span className="flex flex-wrap items-center gap-2">
            <TextLink href={`/${org}/messages/${r.otherMembershipId}`} strong>
              {r.name}
            </TextLink>
            {r.unread ? <Badge tone="info">{t("unread")}</Badge> : null}
          </span>
          <span className="text-body">{lastMessage(r.lastMessageAt)}</span>
        </li>
      ))}
    </ul>
  );
}
