import { z } from "zod";
import { msg } from "../i18n/msg";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { recordActivity } from "../activity/record";
import { coachingSide, pairOf } from "../coaching/relationship";
import { env } from "../env";
import { ValidationError } from "../errors";
import { localeOfMember } from "../i18n/member-locale";
import { queueEmail } from "../mail/outbox";
import { displayName } from "../users/display-name";
import { PERSON, seen } from "../users/person";
import { idField, textField } from "../web/form-fields";

export const MESSAGE_MAX = 5000;
/** How much of a message the coachee's activity shows. */
const EXCERPT_MAX = 140;

/** A message as the form sends it: to whom (the other person's membership id) and what, as plain text. */
export const sendMessageSchema = z.strictObject({
  to: idField(),
  // Kept as typed (but NUL) and shown as text, never HTML.
  body: textField({ max: MESSAGE_MAX, required: msg("Conversations.server.writeMessage") }),
});
export type SendMessageInput = z.infer<typeof sendMessageSchema>;

/** The first words of a message on one line, for the activity feed. */
export function excerptOf(body: string): string {
  const line = body.replace(/\s+/g, " ").trim();
  const characters = Array.from(line);
  return characters.length <= EXCERPT_MAX ? line : `${characters.slice(0, EXCERPT_MAX - 1).join("")}…`;
}

/**
 * Sends a message from a coach to one of their coachees, or from a participant to one of their coaches,
 * in one transaction: the pair's thread (made on the first message; one per pair however many arrive at
 * once), the message, the author's read mark, the coachee's activity (seen by this coach only) and an
 * email to the other person when they can sign in to read it and have read the thread since the last
 * email (so a burst of messages sends one). The email names the sender and links to
 * the thread but carries no words of the message: coaching conversations are private, and mail is
 * forwarded, shared and kept on servers we do not control; the words stay behind the sign-in.
 */
export async function sendMessage(db: Db, actor: Actor, input: SendMessageInput) {
  const side = coachingSide(actor.role);
  const { body } = sendMessageSchema.pick({ body: true }).parse({ body: input.body });
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const pair = await pairOf(tx, actor, input.to);
    if (pair.other.status === "NOT_INVITED")
      throw new ValidationError(msg("Conversations.server.notInvited", { name: displayName(pair.other.user) }));
    if (pair.other.status === "DEACTIVATED")
      throw new ValidationError(msg("Conversations.server.deactivated", { name: displayName(pair.other.user) }));
    const key = { coachMembershipId: pair.coachMembershipId, coacheeMembershipId: pair.coacheeMembershipId };
    // ON CONFLICT DO NOTHING on the pair's unique key: two first messages at once make one thread (the
    // second insert waits for the first to commit, then finds its row).
    await tx.messageThread.createMany({ data: [{ organizationId: actor.organizationId, ...key }], skipDuplicates: true });
    const thread = await tx.messageThread.findFirstOrThrow({ where: key, select: { id: true } });
    // The thread's row, locked until commit: whether the other person was emailed about this thread
    // and has not read it since (then this message adds no email).
    const [other] = await tx.$queryRaw<{ readAt: Date | null; emailedAt: Date | null }[]>`
      SELECT ${side === "coach" ? Prisma.sql`"coacheeReadAt"` : Prisma.sql`"coachReadAt"`} AS "readAt",
             ${side === "coach" ? Prisma.sql`"coacheeEmailedAt"` : Prisma.sql`"coachEmailedAt"`} AS "emailedAt"
        FROM "MessageThread" WHERE "organizationId" = ${actor.organizationId}::uuid AND "id" = ${thread.id}::uuid FOR UPDATE`;
    const emailedSinceRead = other.emailedAt !== null && (other.readAt === null || other.readAt < other.emailedAt);
    const message = await tx.message.create({
      data: { organizationId: actor.organizationId, threadId: thread.id, authorMembershipId: actor.membershipId, body },
      select: { id: true, createdAt: true },
    });
    await tx.messageThread.update({
      where: { organizationId_id: { organizationId: actor.organizationId, id: thread.id } },
      data: {
        lastMessageAt: message.createdAt,
        ...(side === "coach" ? { coachReadAt: message.createdAt } : { coacheeReadAt: message.createdAt }),
      },
    });
    await recordActivity(tx, actor.organizationId, {
      kind: "message.sent",
      coacheeMembershipId: pair.coacheeMembershipId,
      actorMembershipId: actor.membershipId,
      // Another coach of the same coachee never sees this pair's conversation.
      onlyCoachMembershipId: pair.coachMembershipId,
      subjectId: message.id,
      data: { excerpt: excerptOf(body) },
    });
    // One email per unread stretch: ten messages in a row before the other person looks mean one email.
    if (pair.other.status === "ACTIVE" && !emailedSinceRead) {
      const [author, organization, locale] = await Promise.all([
        tx.membership.findFirstOrThrow({ where: { id: actor.membershipId }, select: PERSON }),
        tx.organization.findFirstOrThrow({ select: { name: true, slug: true } }),
        localeOfMember(tx, side === "coach" ? pair.coacheeMembershipId : pair.coachMembershipId),
      ]);
      await queueEmail(tx, {
        organizationId: actor.organizationId,
        to: pair.other.user.email,
        template: "new-message",
        props: {
          senderName: displayName(seen(author).user),
          organizationName: organization.name,
          // The recipient's thread is named after the sender; built from APP_URL, never a request's Host.
          url: new URL(`/${organization.slug}/messages/${actor.membershipId}`, env().APP_URL).toString(),
        },
        locale,
      });
      await tx.messageThread.update({
        where: { organizationId_id: { organizationId: actor.organizationId, id: thread.id } },
        data: side === "coach" ? { coacheeEmailedAt: message.createdAt } : { coachEmailedAt: message.createdAt },
      });
    }
    return { threadId: thread.id, messageId: message.id };
  });
}
