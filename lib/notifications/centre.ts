import { z } from "zod";
import type { Db } from "../db/client";
import { tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { NotFoundError } from "../errors";
import { idField, isId } from "../web/form-fields";
import { clampPage, pageCount } from "../web/pagination";
import { pageNumber } from "../web/search-params";
import { UNREAD_CAP } from "./kinds";
import { namesOf, pathFor, readerOfMember, sentenceOf } from "./render";

export { UNREAD_CAP };

// The notification centre: a member's own notifications only (another member's, and another
// organisation's, id answers "not found", exactly like a missing one).

export const NOTIFICATIONS_PAGE_SIZE = 20;

export const notificationsPageSchema = z.object({ page: pageNumber(100_000) });
export const notificationIdSchema = z.strictObject({ notificationId: idField() });

export type NotificationItem = { id: string; sentence: string; at: Date; unread: boolean; count: number };

/** The actor's notifications, newest change first, a page at a time. */
export async function listNotifications(db: Db, actor: Actor, { page }: { page: number } = { page: 1 }) {
  assertCan(actor.role, "notifications:use");
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const mine = { recipientMembershipId: actor.membershipId };
    const [total, unread] = await Promise.all([tx.notification.count({ where: mine }), unreadCountIn(tx, actor)]);
    const pages = pageCount(total, NOTIFICATIONS_PAGE_SIZE);
    const current = clampPage(page, pages);
    const rows = await tx.notification.findMany({
      where: mine,
      // The (recipient, updatedAt desc, id) index; ids (UUIDv7) break a tie of one millisecond newest first.
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: (current - 1) * NOTIFICATIONS_PAGE_SIZE,
      take: NOTIFICATIONS_PAGE_SIZE,
    });
    const [names, reader] = await Promise.all([
      namesOf(
        tx,
        rows.flatMap((r) => [r.actorMembershipId, r.coacheeMembershipId]),
      ),
      readerOfMember(tx, actor.membershipId),
    ]);
    const items: NotificationItem[] = rows.map((r) => ({
      id: r.id,
      sentence: sentenceOf(reader, r, names),
      at: r.updatedAt,
      unread: r.readAt === null,
      count: r.count,
    }));
    return { items, page: current, pages, total, unread };
  });
}

async function unreadCountIn(tx: TenantTx, actor: Actor): Promise<number> {
  // Raw, bounded and on the (organizationId, recipientMembershipId, readAt) index: the bell is on every
  // page, so it never counts more than it shows. Raw SQL carries its own organisation.
  const [row] = await tx.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM "Notification"
       WHERE "organizationId" = ${actor.organizationId}::uuid AND "recipientMembershipId" = ${actor.membershipId}::uuid
         AND "readAt" IS NULL
       LIMIT ${UNREAD_CAP}) AS unread`;
  return row.n;
}

/** How many of the actor's notifications are unread, up to UNREAD_CAP (the bell on every page). */
export async function unreadCount(db: Db, actor: Actor): Promise<number> {
  assertCan(actor.role, "notifications:use");
  return unreadCountIn(tenantDb(db, actor.organizationId), actor);
}

/** Marks one of the actor's notifications read (again is fine); someone else's is not found. */
export async function markRead(db: Db, actor: Actor, input: { notificationId: string }) {
  assertCan(actor.role, "notifications:use");
  if (!isId(input.notificationId)) throw new NotFoundError();
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const where = { id: input.notificationId, recipientMembershipId: actor.membershipId };
    const row = await tx.notification.findFirst({ where, select: { id: true } });
    if (!row) throw new NotFoundError();
    await tx.notification.updateMany({ where: { ...where, readAt: null }, data: { readAt: new Date() } });
    return { id: row.id };
  });
}

/** Marks every one of the actor's notifications read. */
export async function markAllRead(db: Db, actor: Actor) {
  assertCan(actor.role, "notifications:use");
  const { count } = await tenantDb(db, actor.organizationId).notification.updateMany({
    where: { recipientMembershipId: actor.membershipId, readAt: null },
    data: { readAt: new Date() },
  });
  return { marked: count };
}

/** Opens one of the actor's notifications: marks it read and says where the thing lives for them. */
export async function openNotification(db: Db, actor: Actor, input: { notificationId: string }) {
  assertCan(actor.role, "notifications:use");
  if (!isId(input.notificationId)) throw new NotFoundError();
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const where = { id: input.notificationId, recipientMembershipId: actor.membershipId };
    const row = await tx.notification.findFirst({ where });
    if (!row) throw new NotFoundError();
    await tx.notification.updateMany({ where: { ...where, readAt: null }, data: { readAt: new Date() } });
    const organization = await tx.organization.findFirstOrThrow({ select: { slug: true } });
    return { id: row.id, href: pathFor(organization.slug, row) };
  });
}
