import type { Metadata } from "next";
import { notFound } from "next/navigation";
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

export const metadata: Metadata = { title: "Messages" };

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
  const href = (p: number) => `/${org}/messages/${id}${p > 1 ? `?page=${p}` : ""}`;
  return (
    <section>
      <PageHeader
        title={`Messages with ${thread.other.name}`}
        back={{ href: `/${org}/messages`, label: "Messages" }}
        description={`Only you and ${thread.other.name} can read this conversation.`}
        actions={
          coach ? (
            <LinkButton href={`/${org}/coachees/${thread.other.id}`} variant="secondary">
              Open {thread.other.name}&apos;s profile
            </LinkButton>
          ) : null
        }
      />
      {thread.pages > 1 ? (
        <nav aria-label="Pages" className="mb-4 flex flex-wrap items-center gap-4 text-sm">
          {thread.page < thread.pages ? <TextLink href={href(thread.page + 1)}>Older messages</TextLink> : null}
          <span>
            Page {thread.page} of {thread.pages}, newest first
          </span>
          {thread.page > 1 ? <TextLink href={href(thread.page - 1)}>Newer messages</TextLink> : null}
        </nav>
      ) : null}
      {thread.messages.length === 0 ? (
        <EmptyState>No messages yet. Write the first one below.</EmptyState>
      ) : (
        <MessageList messages={thread.messages} zone={zone} />
      )}
      <div className="mt-6">
        {thread.other.status === "NOT_INVITED" ? (
          <Notice tone="info">
            {thread.other.name} has not been invited to Pathwise yet, so there is nowhere for them to read a message. Send them an
            invitation first.
          </Notice>
        ) : thread.page > 1 ? (
          <TextLink href={href(1)}>Go to the newest messages to reply</TextLink>
        ) : (
          <MessageForm
            org={org}
            to={thread.other.id}
            name={thread.other.name}
            max={MESSAGE_MAX}
            action={coach ? coachSendMessageAction : participantSendMessageAction}
          />
        )}
      </div>
    </section>
  );
}
