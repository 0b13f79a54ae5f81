import type { Metadata } from "next";
import { notFound } from "next/navigation";
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

export const metadata: Metadata = { title: "Messages" };

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
  return (
    <section>
      <PageHeader
        title="Messages"
        description={coach ? "Your conversations with your coachees." : "Your conversations with your coaches."}
      />
      {threads.rows.length === 0 ? (
        coach ? (
          <EmptyState>
            No messages yet. To write to a coachee, open them from <TextLink href={`/${org}/coachees`}>Coachees</TextLink> and choose Send a
            message.
          </EmptyState>
        ) : (
          <EmptyState>
            No coach to write to yet. Once your programme team assigns you a coach, you can message them from here or from your{" "}
            <TextLink href={`/${org}`}>home</TextLink>.
          </EmptyState>
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
