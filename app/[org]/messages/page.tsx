import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ThreadList } from "@/components/messages/thread-list";
import { TextLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { viewerClock } from "@/lib/format/dates";
import { listThreads, messagesPageSchema } from "@/lib/messages/threads";
import { firstValues, type RawSearchParams } from "@/lib/web/search-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Conversations"))("title") };
}

export default async function MessagesPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { org } = await params;
  const member = await requireMember(org);
  const coach = can(member.role, "coachees:manage");
  if (!coach && !can(member.role, "portal:use")) notFound();
  const { page } = messagesPageSchema.parse(firstValues(await searchParams));
  const threads = await listThreads(db(), memberActor(member), { page });
  const zone = viewerClock(member.user).zone;
  const t = await getTranslations("Conversations");
  return (
    <section>
      <PageHeader title={t("title")} description={coach ? t("coachDescription") : t("mineDescription")} />
      {threads.rows.length === 0 ? (
        coach ? (
          <EmptyState>{t.rich("coachEmpty", { link: (chunks) => <TextLink href={`/${org}/coachees`}>{chunks}</TextLink> })}</EmptyState>
        ) : (
          <EmptyState>{t.rich("mineEmpty", { link: (chunks) => <TextLink href={`/${org}`}>{chunks}</TextLink> })}</EmptyState>
        )
      ) : (
        <>
          <ThreadList org={org} rows={threads.rows} zone={zone} />
          <Pagination page={threads.page} pages={threads.pages} href={(p) => `/${org}/messages${p > 1 ? `?page=${p}` : ""}`} />
        </>
      )}
    </section>
  );
}
