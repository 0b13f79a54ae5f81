import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";

type Message = { id: string; body: string; createdAt: Date; mine: boolean; authorName: string; unread: boolean };

/** A thread's messages, oldest first, as plain text with its line breaks (never as HTML). */
export function MessageList({ messages, zone }: { messages: readonly Message[]; zone: string }) {
  const t = useTranslations("Conversations");
  return (
    <ol className="max-w-2xl space-y-3" aria-label={t("title")}>
      {messages.map((m) => (
        <li
          key={m.id}
          className={`rounded-md border p-3 text-sm ${m.mine ? "ms-6 border-primary-line bg-primary-soft" : "me-6 border-line bg-surface"}`}
        >
          <p className="mb-1 flex flex-wrap items-center gap-x-2 text-xs text-body">
            <span className="font-medium">{m.mine ? t("you") : m.authorName}</span>
            <Time at={m.createdAt} zone={zone} />
            {m.unread ? <Badge tone="info">{t("new")}</Badge> : null}
          </p>
          <p className="whitespace-pre-wrap [overflow-wrap:anywhere]">{m.body}</p>
        </li>
      ))}
    </ol>
  );
}
