import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { Time } from "@/components/ui/time";
import { db } from "@/lib/db/client";
import { FALLBACK_ZONE } from "@/lib/format/dates";
import { clientAddress, requestHost } from "@/lib/actions/action";
import { devMailboxOpenTo } from "@/lib/mail/dev-mailbox";

// Not even the title is given away to a client the mailbox does not answer.
export async function generateMetadata(): Promise<Metadata> {
  return devMailboxOpenTo(await clientAddress(), await requestHost()) ? { title: (await getTranslations("Dev"))("title") } : {};
}
export const dynamic = "force-dynamic";

/** How many messages it lists, newest first. */
const SHOWN = 100;

// Every message the app would have sent, newest first, for the person trying Pathwise on this machine.
// A 404 unless DEV_MAILBOX is on, no SMTP server is set, APP_URL is local and the client connects from
// this machine (lib/mail/dev-mailbox.ts): the links in these messages sign anyone in.
export default async function DevMailbox({ searchParams }: { searchParams: Promise<{ id?: string }> }) {
  if (!devMailboxOpenTo(await clientAddress(), await requestHost())) notFound();
  const { id } = await searchParams;
  const t = await getTranslations("Dev");
  const messages = await db().emailOutbox.findMany({
    orderBy: { createdAt: "desc" },
    take: SHOWN,
    select: { id: true, toAddress: true, subject: true, status: true, createdAt: true, text: true },
  });
  const open = messages.find((m) => m.id === id) ?? messages[0];
  return (
    <main className="mx-auto max-w-5xl p-8">
      <h1 className="mb-1 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-6 text-sm text-muted">{t("intro", { count: SHOWN })}</p>
      {messages.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <div className="grid grid-cols-[2fr_3fr] gap-6">
          <ul aria-label={t("messages")} className="divide-y divide-line rounded-md border border-line bg-surface">
            {messages.map((m) => (
              <li key={m.id}>
                <a
                  href={`?id=${m.id}`}
                  aria-current={m.id === open?.id ? "true" : undefined}
                  className="block p-3 text-sm hover:bg-surface-muted aria-[current]:bg-primary-soft"
                >
                  <span className="block font-medium">{m.subject}</span>
                  <span className="block text-muted">
                    {t("to", { address: m.toAddress })} · <Time at={m.createdAt} zone={FALLBACK_ZONE} /> {FALLBACK_ZONE} ·{" "}
                    {t(`status.${m.status}`)}
                  </span>
                </a>
              </li>
            ))}
          </ul>
          {open ? (
            <article aria-label={t("message")} className="rounded-md border border-line bg-surface p-4">
              <h2 className="font-semibold">{open.subject}</h2>
              <p className="mb-4 text-sm text-muted">{t("to", { address: open.toAddress })}</p>
              <pre className="whitespace-pre-wrap font-sans text-sm">{open.text}</pre>
            </article>
          ) : null}
        </div>
      )}
    </main>
  );
}
