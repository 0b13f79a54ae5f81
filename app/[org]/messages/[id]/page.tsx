import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MessageForm } from "@/components/messages/message-form";
import { MessageList } from "@/components/messages/message-list";
import { LinkButton, TextLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { memberActor } from "@/lib/auth/member";
import { orNotFound, requireMember } from "@/lib/auth/page";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { viewerClock } from "@/lib/format/dates";
import { MESSAGE_MAX } from "@/lib/messages/send";
import { getThread, messagesPageSchema } from "@/lib/messages/threads";
import { firstValues, type RawSearchParams } from "@/lib/web/search-params";
import { coachSendMessageAction, participantSendMessageAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Conversations"))("title") };
}

// The thread with one other person, named by their membership id: a coach's coachee, or a
// participant's coach. Anyone else, and any other id, gets the 404 page.
export default async function ThreadPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string; id: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { org, id } = await params;
  const member = await requireMember(org);
  const coach = can(member.role, "coachees:manage");
  if (!coach && !can(member.role, "portal:use")) notFound();
  const { page } = messagesPageSchema.parse(firstValues(await searchParams));
  const thread = await orNotFound(getThread(db(), memberActor(member), id, { page }));
  const zone = viewerClock(member.user).zone;
  const t = await getTranslations("Conversations");
  const name = thread.other.name;
  const href = (p: number) => `/${org}/messages/${id}${p > 1 ? `?page=${p}` : ""}`;
  return (
    <section>
      <PageHeader
        title={t("thread.title", { name })}
        back={{ href: `/${org}/messages`, label: t("title") }}
        description={t("thread.private", { name })}
        actions={
          coach ? (
            <LinkButton href={`/${org}/coachees/${thread.other.id}`} variant="secondary">
              {t("thread.profile", { name })}
            </LinkButton>
          ) : null
        }
      />
      {thread.pages > 1 ? (
        <nav aria-label={t("thread.pagesLabel")} className="mb-4 flex flex-wrap items-center gap-4 text-sm">
          {thread.page < thread.pages ? <TextLink href={href(thread.page + 1)}>{t("thread.older")}</TextLink> : null}
          <span>{t("thread.page", { page: thread.page, pages: thread.pages })}</span>
          {thread.page > 1 ? <TextLink href={href(thread.page - 1)}>{t("thread.newer")}</TextLink> : null}
        </nav>
      ) : null}
      {thread.messages.length === 0 ? <EmptyState>{t("thread.empty")}</EmptyState> : <MessageList messages={thread.messages} zone={zone} />}
      <div className="mt-6">
        {thread.other.status === "NOT_INVITED" ? (
          <Notice tone="info">{t("thread.notInvited", { name })}</Notice>
        ) : thread.page > 1 ? (
          <TextLink href={href(1)}>{t("thread.toNewest")}</TextLink>
        ) : (
          <MessageForm
            org={org}
            to={thread.other.id}
            name={name}
            max={MESSAGE_MAX}
            action={coach ? coachSendMessageAction : participantSendMessageAction}
          />
        )}
      </div>
    </section>
  );
}
