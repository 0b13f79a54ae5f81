import { liveMembership } from "../auth/live";
import { db as appDb, type Db, type Tx } from "./client";

// The deliberate reads across organisations, each with why it must see past one tenant. Everything
// else reaches tenant data through tenantDb (./tenant.ts), whose type the plain client does not have;
// a new function here needs a reason as good as these.

/**
 * How many other organisations the user belongs to (any status; with `live`, only where they may sign
 * in now). Why: the account is global, so what one organisation may change about it (name, password,
 * sessions) depends on whether it is theirs alone.
 */
export async function otherMemberships(tx: Tx, userId: string, organizationId: string, live = false): Promise<number> {
  const [row] = live
    ? await tx.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM "Membership"
         WHERE "userId" = ${userId}::uuid AND "organizationId" <> ${organizationId}::uuid
           AND "status" = 'ACTIVE' AND ("expiresAt" IS NULL OR "expiresAt" > now())`
    : await tx.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM "Membership" WHERE "userId" = ${userId}::uuid AND "organizationId" <> ${organizationId}::uuid`;
  return Number(row.n);
}

/**
 * The user's membership that grants access now in the organisation with this slug, or null. A missing
 * organisation, a foreign one and a deactivated or expired membership all look the same. Why: this is
 * how a request finds its organisation at all (the slug comes from the URL).
 */
export function findLiveMembership(client: Db, userId: string, orgSlug: string) {
  return client.membership.findFirst({
    where: { userId, organization: { slug: orgSlug }, ...liveMembership() },
    select: {
      id: true,
      role: true,
      lastActiveAt: true,
      locale: true,
      organization: { select: { id: true, name: true, slug: true, defaultLocale: true } },
    },
  });
}

/** Organisations the user can switch to. Why: the switcher lists every organisation of the person. */
export async function activeOrganizations(userId: string, client: Db = appDb()) {
  const rows = await client.membership.findMany({
    where: { userId, ...liveMembership() },
    select: { organization: { select: { name: true, slug: true } } },
    orderBy: { organization: { name: "asc" } },
  });
  return rows.map((r) => r.organization);
}

/**
 * The account signing in, with its live memberships anywhere. Why: sign-in comes before any
 * organisation, and an account may sign in while it is live in at least one.
 */
export function signInAccount(client: Db, email: string) {
  return client.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      passwordHash: true,
      passwordResetRequired: true,
      sessionVersion: true,
      memberships: { where: liveMembership(), select: { id: true } },
    },
  });
}

/** The account a reset link would go to, if it is active anywhere. Why: passwords are global, like accounts. */
export function resetAccount(tx: Tx, email: string) {
  return tx.user.findUnique({
    where: { email },
    select: {
      id: true,
      firstName: true,
      locale: true,
      memberships: {
        where: { status: "ACTIVE" },
        select: { status: true, locale: true, organization: { select: { defaultLocale: true } } },
        orderBy: { createdAt: "asc" },
        take: 1,
      },
    },
  });
}

/**
 * The global account with this address, if any. Why: sign-up and accepting an invitation come before
 * (or between) organisations; whether the address already has an account decides what happens.
 */
export function accountByEmail(client: Tx, email: string) {
  return client.user.findUnique({ where: { email }, select: { id: true, firstName: true, passwordHash: true, locale: true } });
}

const liveInvitation = () => ({
  acceptedAt: null,
  cancelledAt: null,
  expiresAt: { gt: new Date() },
  membership: { is: { status: "INVITED" as const } },
});

/**
 * A live invitation by its token's hash, with what the accept page shows. Why: the link, not a session,
 * names the organisation; nothing else is known before it is looked up.
 */
export function invitationForAcceptPage(client: Db, tokenHash: string) {
  return client.invitation.findUnique({
    where: { tokenHash, ...liveInvitation() },
    select: {
      email: true,
      role: true,
      organization: { select: { name: true, slug: true } },
      invitedBy: { select: { firstName: true, lastName: true, email: true } },
    },
  });
}

/**
 * The language a live invitation is read in: its person's own, the one chosen for them, their
 * organisation's. Why: the link page comes before any session, and speaks the language of whom it is for.
 */
export function invitationLanguage(client: Db, tokenHash: string) {
  return client.invitation.findUnique({
    where: { tokenHash, ...liveInvitation() },
    select: {
      membership: { select: { locale: true, user: { select: { locale: true } } } },
      organization: { select: { defaultLocale: true } },
    },
  });
}

/** A live invitation by its token's hash: whose it is and which organisation's. Why: as above. */
export function invitationToAccept(client: Db, tokenHash: string) {
  return client.invitation.findUnique({ where: { tokenHash, ...liveInvitation() }, select: { email: true, organizationId: true } });
}

/**
 * A calendar feed by its token's hash, while its member may sign in. Why: calendar apps poll the link
 * with no session; the token alone names the person and their organisation.
 */
export function calendarFeedByToken(client: Db, tokenHash: string) {
  return client.calendarFeed.findFirst({
    where: { tokenHash, membership: liveMembership() },
    select: { organizationId: true, membershipId: true, tokenHash: true, organization: { select: { slug: true } } },
  });
}

/**
 * Sessions still scheduled to start after `after` and by `until`: those a reminder may be due for
 * (lib/sessions/reminders.ts), the soonest first. Why: reminders run from the delivery loop for every
 * organisation; each is then read and claimed through tenantDb.
 */
export function sessionReminderCandidates(client: Db, { after, until }: { after: Date; until: Date }, limit = 5_000) {
  return client.coachingSession.findMany({
    where: { status: "SCHEDULED", scheduledAt: { gt: after, lte: until } },
    orderBy: { scheduledAt: "asc" },
    take: limit,
    select: { organizationId: true, id: true },
  });
}

/** The slugs in use that start with `base`. Why: a new organisation's slug must differ from every other's. */
export async function slugsStartingWith(client: Db, base: string): Promise<Set<string>> {
  return new Set(
    (await client.organization.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((o) => o.slug),
  );
}

/**
 * Members with notifications waiting for a daily digest (unread, neither emailed nor digested yet, of a
 * kind they get in the digest: their choice, or the kind's default in `digestByDefault`), with their
 * time zone. Why: the digest runs from the delivery loop for every organisation, with no request to name
 * one; each member's digest is then claimed and written through tenantDb.
 */
export function digestCandidates(client: Db, digestByDefault: readonly string[]) {
  return client.$queryRaw<{ organizationId: string; membershipId: string; timezone: string | null }[]>`
    SELECT DISTINCT n."organizationId"::text AS "organizationId", n."recipientMembershipId"::text AS "membershipId", m."timezone"
      FROM "Notification" n
      JOIN "Membership" m ON m."organizationId" = n."organizationId" AND m."id" = n."recipientMembershipId"
      LEFT JOIN "NotificationPreference" p
        ON p."organizationId" = n."organizationId" AND p."membershipId" = n."recipientMembershipId" AND p."kind" = n."kind"
     WHERE n."readAt" IS NULL AND n."digestedAt" IS NULL AND n."emailedAt" IS NULL AND m."status" = 'ACTIVE'
       AND COALESCE(p."delivery"::text, CASE WHEN n."kind" = ANY(${[...digestByDefault]}::text[]) THEN 'DIGEST' END) = 'DIGEST'`;
}

/**
 * Members whose coalesced notification email is due at `now`, each with the first row waiting for it
 * (earliest emailDueAt), which names the window. Why: like the digest, these emails go out from the
 * delivery loop for every organisation; each is then claimed and written through tenantDb.
 */
export function notificationEmailCandidates(client: Db, now: Date) {
  return client.$queryRaw<{ organizationId: string; membershipId: string; firstId: string; dueAt: Date }[]>`
    SELECT DISTINCT ON (n."organizationId", n."recipientMembershipId")
           n."organizationId"::text AS "organizationId", n."recipientMembershipId"::text AS "membershipId",
           n."id"::text AS "firstId", n."emailDueAt" AS "dueAt"
      FROM "Notification" n
     WHERE n."emailDueAt" <= (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')
     ORDER BY n."organizationId", n."recipientMembershipId", n."emailDueAt", n."id"`;
}

/**
 * Deletes notification email claims made before `before`, in every organisation, whose window no longer
 * waits (its first notification is gone or has no emailDueAt left), at most `batch` a statement so a
 * large backlog never holds one long delete. Why: like the emails themselves, the claims are made for
 * every organisation by the delivery loop, which prunes them the same way (lib/notifications/prune.ts).
 */
export async function deleteFinishedNotificationEmails(client: Db, before: Date, batch = 5_000): Promise<number> {
  let deleted = 0;
  for (;;) {
    const count = await client.$executeRaw`
      DELETE FROM "NotificationEmail" WHERE ("organizationId", "membershipId", "firstId") IN (
        SELECT e."organizationId", e."membershipId", e."firstId" FROM "NotificationEmail" e
         WHERE e."createdAt" < (${before.toISOString()}::timestamptz AT TIME ZONE 'UTC')
           AND NOT EXISTS (
             SELECT 1 FROM "Notification" n
              WHERE n."organizationId" = e."organizationId" AND n."id" = e."firstId" AND n."emailDueAt" IS NOT NULL)
         LIMIT ${batch})`;
    deleted += count;
    if (count < batch) return deleted;
  }
}

/**
 * Deletes, in every organisation, the daily digest claims for days before `beforeDay` (YYYY-MM-DD).
 * Why: like the notification email claims, they are made for every organisation by the delivery loop,
 * one per member and day, and only today's is ever claimed again.
 */
export async function deleteDigestClaimsBefore(client: Db, beforeDay: string): Promise<number> {
  return client.$executeRaw`DELETE FROM "NotificationDigest" WHERE "day" < ${beforeDay}::date`;
}

/**
 * Open actions whose "due tomorrow" or "overdue" reminder may be due somewhere on Earth: due between
 * `from` and `to` (YYYY-MM-DD, wide enough for every time zone) without a due reminder, or due before
 * `to` without an overdue one (the coachee's zone is read per action, as their lists read it). Why: reminders run from the delivery loop
 * for every organisation; each is then claimed once and written through tenantDb.
 */
export function reminderCandidates(client: Db, { from, to }: { from: string; to: string }) {
  return client.$queryRaw<
    { organizationId: string; id: string; coacheeMembershipId: string; dueDate: string; needsDue: boolean; needsOverdue: boolean }[]
  >`
    SELECT a."organizationId"::text AS "organizationId", a."id"::text AS "id", a."coacheeMembershipId"::text AS "coacheeMembershipId",
           to_char(a."dueDate", 'YYYY-MM-DD') AS "dueDate",
           a."dueReminderAt" IS NULL AS "needsDue", a."overdueReminderAt" IS NULL AS "needsOverdue"
      FROM "Action" a
     WHERE a."completedAt" IS NULL AND a."dueDate" IS NOT NULL
       AND ((a."dueReminderAt" IS NULL AND a."dueDate" BETWEEN ${from}::date AND ${to}::date)
         OR (a."overdueReminderAt" IS NULL AND a."dueDate" < ${to}::date))`;
}

/**
 * Deletes upload reservations that expired before `now` in every organisation. Why: a reservation is
 * left only by a process that died mid-upload, in whichever organisation; the sweep that clears them
 * (lib/files/sweep.ts) runs for the whole store, not for one tenant.
 */
export async function deleteExpiredUploadReservations(client: Db, now: Date): Promise<number> {
  const { count } = await client.fileUploadReservation.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
