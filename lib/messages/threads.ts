import { z } from "zod";
import type { Db } from "../db/client";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { coachingSide, pairOf } from "../coaching/relationship";
import { displayName } from "../users/display-name";
import { PERSON, seen } from "../users/person";
import { clampPage, pageCount } from "../web/pagination";
import { pageNumber } from "../web/search-params";

export const THREADS_PAGE_SIZE = 25;
export const MESSAGES_PAGE_SIZE = 50;

/** A list page's place, as the URL carries it. */
export const messagesPageSchema = z.object({ page: pageNumber(100_000) });

export type ThreadRow = {
  /** The other person's membership id: the thread's address, /{org}/messages/{id}. */
  otherMembershipId: string;
  name: string;
  lastMessageAt: Date | null;
  /** The other person wrote after the actor last read the thread. */
  unread: boolean;
};

/**
 * The actor's conversations, newest first. A coach sees the threads with their own coachees; a
 * participant sees every coach they have, with or without a thread yet, so they can start one.
 */
export async function listThreads(db: Db, actor: Actor, { page }: { page: number } = { page: 1 }) {
  const side = coachingSide(actor.role);
  const t = tenantDb(db, actor.organizationId);
  if (side === "coachee") {
    const coaches = await t.coachingRelationship.findMany({
      where: { coacheeMembershipId: actor.membershipId, coach: { status: { not: "DEACTIVATED" } } },
      orderBy: [{ createdAt: "asc" }, { coachMembershipId: "asc" }],
      select: { coach: { select: { id: true, ...PERSON } } },
    });
    const threads = await t.messageThread.findMany({
      where: { coacheeMembershipId: actor.membershipId, coachMembershipId: { in: coaches.map((c) => c.coach.id) } },
      select: { coachMembershipId: true, lastMessageAt: true, coacheeReadAt: true },
    });
    const byCoach = new Map(threads.map((th) => [th.coachMembershipId, th]));
    const rows: ThreadRow[] = coaches.map(({ coach }) => {
      const thread = byCoach.get(coach.id);
      return {
        otherMembershipId: coach.id,
        name: displayName(seen(coach).user),
        lastMessageAt: thread?.lastMessageAt ?? null,
        unread: thread ? isUnread(thread.lastMessageAt, thread.coacheeReadAt) : false,
      };
    });
    // Conversations first, newest on top; coaches not written to yet after them.
    rows.sort((a, b) => (b.lastMessageAt?.getTime() ?? 0) - (a.lastMessageAt?.getTime() ?? 0));
    return { rows, page: 1, pages: 1, total: rows.length };
  }
  // Only threads with someone who is still the coach's coachee: pairOf answers "not found" for the rest.
  const where = { coachMembershipId: actor.membershipId, coachee: { coaches: { some: { coachMembershipId: actor.membershipId } } } };
  const total = await t.messageThread.count({ where });
  const pages = pageCount(total, THREADS_PAGE_SIZE);
  const current = clampPage(page, pages);
  const threads = await t.messageThread.findMany({
    where,
    orderBy: [{ lastMessageAt: "desc" }, { id: "asc" }],
    skip: (current - 1) * THREADS_PAGE_SIZE,
    take: THREADS_PAGE_SIZE,
    select: { lastMessageAt: true, coachReadAt: true, coachee: { select: { id: true, ...PERSON } } },
  });
  const rows: ThreadRow[] = threads.map((th) => ({
    otherMembershipId: th.coachee.id,
    name: displayName(seen(th.coachee).user),
    lastMessageAt: th.lastMessageAt,
    unread: isUnread(th.lastMessageAt, th.coachReadAt),
  }));
  return { rows, page: current, pages, total };
}

function isUnread(lastMessageAt: Date, readAt: Date | null): boolean {
  return readAt === null || lastMessageAt > readAt;
}

/**
 * The thread with one other person (a coach names their coachee, a participant their coach; anyone
 * else is not found): page 1 holds the newest messages, each page reads oldest to newest. Opening the
 * newest page marks the thread read up to its newest message.
 */
export async function getThread(db: Db, actor: Actor, otherMembershipId: string, { page }: { page: number } = { page: 1 }) {
  const side = coachingSide(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const pair = await pairOf(tx, actor, otherMembershipId);
    const other = { id: pair.other.id, name: displayName(pair.other.user), status: pair.other.status };
    const thread = await tx.messageThread.findFirst({
      where: { coachMembershipId: pair.coachMembershipId, coacheeMembershipId: pair.coacheeMembershipId },
      select: { id: true, lastMessageAt: true, coachReadAt: true, coacheeReadAt: true },
    });
    if (!thread) return { other, messages: [], page: 1, pages: 1, total: 0 };
    const total = await tx.message.count({ where: { threadId: thread.id } });
    const pages = pageCount(total, MESSAGES_PAGE_SIZE);
    const current = clampPage(page, pages);
    const newestFirst = await tx.message.findMany({
      where: { threadId: thread.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (current - 1) * MESSAGES_PAGE_SIZE,
      take: MESSAGES_PAGE_SIZE,
      select: { id: true, body: true, createdAt: true, authorMembershipId: true, author: { select: PERSON } },
    });
    const readAt = side === "coach" ? thread.coachReadAt : thread.coacheeReadAt;
    const messages = newestFirst.reverse().map((m) => ({
      id: m.id,
      body: m.body,
      createdAt: m.createdAt,
      mine: m.authorMembershipId === actor.membershipId,
      authorName: displayName(seen(m.author).user),
      unread: m.authorMembershipId !== actor.membershipId && (readAt === null || m.createdAt > readAt),
    }));
    if (current === 1 && isUnread(thread.lastMessageAt, readAt)) {
      await tx.messageThread.update({
        where: { organizationId_id: { organizationId: actor.organizationId, id: thread.id } },
        data: side === "coach" ? { coachReadAt: thread.lastMessageAt } : { coacheeReadAt: thread.lastMessageAt },
      });
    }
    return { other, messages, page: current, pages, total };
  });
}
