import { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { MembershipStatus } from "../db/generated/enums";
import { lockOrganization, tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { recordAudit } from "../audit/record";
import { fieldError, NotFoundError, ValidationError } from "../errors";
import { likeLiteral } from "../db/like";
import { resendInvitationIn } from "../invitations/pending";
import { sendInvitationsIn } from "../invitations/send";
import { programmeScope } from "../programmes/scope";
import { someoneElsesName } from "../users/profile";
import { MEMBERSHIP_STATUS_LABELS } from "../labels";
import { checkbox, emailSchema, idField, isId } from "../web/form-fields";
import { lenient, pageNumber, searchText } from "../web/search-params";
import { clampPage, pageCount } from "../web/pagination";
import { coacheeOfCoach } from "./relationship";
import { assertRoomForRequest, requestCoachingIn } from "./requests";

// A coach's coachees: the list (search, status, group, sort, pages), adding one (a new person, or a
// participant already here), inviting, resending and editing them while they have never joined. The
// list is one SQL statement that starts from the coach's own relationships (a coach has hundreds or
// thousands of coachees in an organisation of a hundred thousand members), so it never scans the
// organisation: raw SQL is not scoped by tenantDb, so every table below names the organisation itself.

export const COACHEES_PAGE_SIZE = 25;
export const COACHEE_SORTS = ["name", "lastActivity", "status"] as const;

/** The Coachees page's search, filters, sort and page, exactly as the URL carries them. */
export const coacheeFilterSchema = z.object({
  q: searchText(100),
  status: lenient(z.enum(MembershipStatus)),
  group: lenient(idField()),
  sort: z.enum(COACHEE_SORTS).default("name").catch("name"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  page: pageNumber(100_000),
});
export type CoacheeFilter = z.infer<typeof coacheeFilterSchema>;

export type CoacheeRow = {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  status: MembershipStatus;
  /** Null until they have joined: name and email can be edited only while this is null. */
  joinedAt: Date | null;
  programmes: string[];
  lastActivityAt: Date | null;
  nextSessionAt: Date | null;
};

type RawRow = CoacheeRow & { total: bigint };

// Active, Invited, Not invited, Deactivated: the order the status sort reads in.
const STATUS_RANK = Prisma.sql`CASE m."status" WHEN 'ACTIVE' THEN 0 WHEN 'INVITED' THEN 1 WHEN 'NOT_INVITED' THEN 2 ELSE 3 END`;

function orderBy(filter: Pick<CoacheeFilter, "sort" | "dir">) {
  const dir = filter.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  switch (filter.sort) {
    case "lastActivity":
      return Prisma.sql`c."lastActivityAt" ${dir} NULLS LAST, c."sortName" ${dir}, c."id" ${dir}`;
    case "status":
      return Prisma.sql`c."statusRank" ${dir}, c."sortName" ASC, c."id" ASC`;
    default:
      return Prisma.sql`c."sortName" ${dir}, c."id" ${dir}`;
  }
}

type Query = Omit<CoacheeFilter, "page"> & {
  page: number;
  pageSize: number;
  /** Programme-scoped oversight: only coachees with a pathway in one of these programmes, and only these programmes named. */
  programmes?: string[] | null;
};

/**
 * One page of a coach's coachees with the total, in one statement: the coach's relationships (the
 * primary key's prefix) joined to the memberships, filtered and sorted in memory (a coach's coachees,
 * not the organisation), then programmes and next session for the page's rows only.
 */
async function coacheePage(t: TenantTx, organizationId: string, coachMembershipId: string, q: Query) {
  const org = Prisma.sql`${organizationId}::uuid`;
  const coach = Prisma.sql`${coachMembershipId}::uuid`;
  const terms = q.q?.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5) ?? [];
  const where: Prisma.Sql[] = [Prisma.sql`TRUE`];
  // Every word must match part of "first last email" (lower-case, kept on the membership); % _ \ are literal.
  for (const term of terms) where.push(Prisma.sql`c."searchText" LIKE ${`%${likeLiteral(term)}%`}`);
  if (q.status) where.push(Prisma.sql`c."status" = ${q.status}::"MembershipStatus"`);
  if (q.programmes)
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "Pathway" p
      WHERE p."organizationId" = ${org} AND p."membershipId" = c."id" AND p."programmeId" = ANY(${q.programmes}::uuid[]))`);
  const inScope = q.programmes ? Prisma.sql`AND p."programmeId" = ANY(${q.programmes}::uuid[])` : Prisma.empty;
  // Narrowing before the memberships are read: a group's members (its own index), and, for words of
  // three letters or more, the members the search's trigram index finds (a selective search then reads
  // a handful of memberships instead of every coachee's).
  const narrow: Prisma.Sql[] = [];
  if (q.group)
    narrow.push(Prisma.sql`AND r."coacheeMembershipId" IN (SELECT g."coacheeMembershipId" FROM "CoacheeGroupMember" g
      WHERE g."organizationId" = ${org} AND g."groupId" = ${q.group}::uuid AND g."coachMembershipId" = ${coach})`);
  const indexed = terms.filter((term) => term.length >= 3);
  if (indexed.length)
    narrow.push(Prisma.sql`AND r."coacheeMembershipId" IN (SELECT s."id" FROM "Membership" s WHERE s."organizationId" = ${org}
      AND ${Prisma.join(
        indexed.map((term) => Prisma.sql`s."searchText" LIKE ${`%${likeLiteral(term)}%`}`),
        " AND ",
      )})`);

  const rows = await t.$queryRaw<RawRow[]>`
    WITH mine AS MATERIALIZED (
      SELECT m.*, r."lastActivityAt"
        FROM "CoachingRelationship" r
        -- One primary-key lookup per coachee (OFFSET 0 keeps it a nested loop): the planner would
        -- otherwise hash the whole organisation's memberships to join a coach's few thousand.
        CROSS JOIN LATERAL (
          SELECT m."id", m."userId", m."firstName", m."lastName", m."status", m."joinedAt", m."sortName", m."searchText",
                 ${STATUS_RANK} AS "statusRank"
            FROM "Membership" m
           WHERE m."organizationId" = ${org} AND m."id" = r."coacheeMembershipId"
          OFFSET 0
        ) m
       WHERE r."organizationId" = ${org} AND r."coachMembershipId" = ${coach} ${narrow.length ? Prisma.join(narrow, " ") : Prisma.empty}
    ), page AS (
      SELECT c.*, count(*) OVER () AS "total"
        FROM mine c
       WHERE ${Prisma.join(where, " AND ")}
       ORDER BY ${orderBy(q)}
       LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}
    )
    SELECT c."id", c."firstName", c."lastName", u."email", c."status", c."joinedAt", c."lastActivityAt", c."total",
           ARRAY(SELECT DISTINCT pr."name" FROM "Pathway" p
                   JOIN "Programme" pr ON pr."organizationId" = p."organizationId" AND pr."id" = p."programmeId"
                  WHERE p."organizationId" = ${org} AND p."membershipId" = c."id" ${inScope}
                  ORDER BY pr."name") AS "programmes",
           (SELECT min(s."scheduledAt") FROM "CoachingSession" s
             WHERE s."organizationId" = ${org} AND s."coacheeMembershipId" = c."id" AND s."coachMembershipId" = ${coach}
               AND s."status" = 'SCHEDULED' AND s."scheduledAt" > now()) AS "nextSessionAt"
      FROM page c
      JOIN "User" u ON u."id" = c."userId"
     ORDER BY ${orderBy(q)}`;
  return rows;
}

/** How many match, when the page asked for lies past the end (the window count needs a row on the page). */
async function countCoachees(t: TenantTx, organizationId: string, coachMembershipId: string, q: Query): Promise<number> {
  if (q.page === 1) return 0;
  const first = await coacheePage(t, organizationId, coachMembershipId, { ...q, page: 1, pageSize: 1 });
  return Number(first[0]?.total ?? 0);
}

function strip(rows: RawRow[]): CoacheeRow[] {
  return rows.map(({ total: _total, ...row }) => row);
}

/** The most a picker (building a group) lists at once; a coach narrows with the search beyond that. */
export const PICKER_SIZE = 500;

/**
 * One page of the acting coach's coachees, with the total and the number of pages (`picker`: up to
 * PICKER_SIZE on one page). `page` is the page shown: the one asked for, or the last when that lies past
 * the end (read again, as the window count only comes with a row).
 */
export async function listCoachees(db: Db, actor: Actor, filter: CoacheeFilter, { picker = false }: { picker?: boolean } = {}) {
  assertCan(actor.role, "coachees:manage");
  const t = tenantDb(db, actor.organizationId);
  const pageSize = picker ? PICKER_SIZE : COACHEES_PAGE_SIZE;
  const q = { ...filter, pageSize };
  let rows = await coacheePage(t, actor.organizationId, actor.membershipId, q);
  const total = rows.length ? Number(rows[0].total) : await countCoachees(t, actor.organizationId, actor.membershipId, q);
  const pages = pageCount(total, pageSize);
  const page = clampPage(filter.page, pages);
  if (page !== filter.page) rows = await coacheePage(t, actor.organizationId, actor.membershipId, { ...q, page });
  return { rows: strip(rows), total, pages, page };
}

export const OVERSIGHT_LIMIT = 200;

/**
 * A coach's coachees as an admin (all of them) or a programme manager (those with a pathway in one of
 * their programmes, naming only those programmes) sees them on the coach's user page: names, status
 * and programmes, nothing of the coach's own material.
 */
export async function coacheesOfCoach(db: Db, actor: Actor, coachMembershipId: string) {
  assertCan(actor.role, "coachees:oversee");
  if (!isId(coachMembershipId)) throw new NotFoundError();
  const t = tenantDb(db, actor.organizationId);
  const coach = await t.membership.findFirst({ where: { id: coachMembershipId, role: "COACH" }, select: { id: true } });
  if (!coach) throw new NotFoundError();
  const programmes = await programmeScope(t, actor);
  const q: Query = { sort: "name", dir: "asc", page: 1, pageSize: OVERSIGHT_LIMIT, programmes };
  const rows = await coacheePage(t, actor.organizationId, coach.id, q);
  return {
    total: rows.length ? Number(rows[0].total) : 0,
    rows: rows.map((r) => ({ id: r.id, firstName: r.firstName, lastName: r.lastName, status: r.status, programmes: r.programmes })),
  };
}

// Adding a coachee ----------------------------------------------------------------------------------

export const addCoacheeSchema = z.strictObject({
  ...someoneElsesName,
  email: emailSchema,
  sendInvitation: checkbox.default(false),
});
export type AddCoacheeInput = z.infer<typeof addCoacheeSchema>;

/** The answer to "add coachee": one shape and one message, whatever the address belongs to. */
export type AddCoacheeResult = { message: string };

/**
 * The one message "add coachee" answers with. It depends only on what the coach typed, never on
 * whose the address is (SECURITY.md item 28): a new person, a participant (another coach's or already
 * this coach's), anyone in another role.
 */
export function addCoacheeAnswer(input: Pick<AddCoacheeInput, "firstName" | "lastName" | "sendInvitation">): string {
  const name = `${input.firstName} ${input.lastName}`;
  const now = input.sendInvitation
    ? "If they are new here, they are your coachee now and we have emailed them an invitation."
    : "If they are new here, they are your coachee now, not invited yet: send the invitation from their Options when you are ready.";
  return `${name}: done. ${now} If they already have an account here, they are asked to accept you as their coach first; until then they show under Waiting for them to accept.`;
}

/**
 * Adds a coachee. A new email (or one whose account is elsewhere: the organisation learns nothing
 * about it) becomes a participant here, Not invited, with the names the coach typed, and with
 * "send invitation" goes through the invitation path. An email of anyone already in the organisation
 * (any role, any status) only asks them (lib/coaching/requests.ts): nothing of theirs is reached until
 * they accept. The answer is the same in every case.
 */
export async function addCoachee(db: Db, actor: Actor, input: AddCoacheeInput): Promise<AddCoacheeResult> {
  assertCan(actor.role, "coachees:manage");
  await tenantDb(db, actor.organizationId).$transaction(
    async (tx) => {
      await lockOrganization(tx, actor.organizationId);
      await assertRoomForRequest(tx, actor);
      const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
      const member = user
        ? await tx.membership.findFirst({ where: { userId: user.id }, select: { id: true, role: true, status: true } })
        : null;
      if (member) {
        await requestCoachingIn(tx, actor, member, { email: input.email, firstName: input.firstName, lastName: input.lastName });
        return;
      }

      // The global account: created once for any organisation; an existing one is reused as it is
      // (its own names stay its own: this organisation sees the names the coach typed until they join).
      await tx.user.createMany({ data: [{ email: input.email }], skipDuplicates: true });
      const account = await tx.user.findUniqueOrThrow({ where: { email: input.email }, select: { id: true } });
      const membership = await tx.membership.create({
        data: {
          organizationId: actor.organizationId,
          userId: account.id,
          role: "PARTICIPANT",
          status: "NOT_INVITED",
          firstName: input.firstName,
          lastName: input.lastName,
        },
        select: { id: true },
      });
      await link(tx, actor, membership.id, { email: input.email, firstName: input.firstName, lastName: input.lastName });
      if (input.sendInvitation) await inviteIn(tx, actor, { id: membership.id, email: input.email, unitId: null });
    },
    { timeout: 30_000 },
  );
  return { message: addCoacheeAnswer(input) };
}

async function link(tx: TenantTx, actor: Actor, coacheeMembershipId: string, after: Prisma.InputJsonObject) {
  await tx.coachingRelationship.create({
    data: { organizationId: actor.organizationId, coachMembershipId: actor.membershipId, coacheeMembershipId, origin: "ADDED" },
  });
  await recordAudit(tx, actor, {
    action: "coachee.add",
    targetType: "membership",
    targetId: coacheeMembershipId,
    after: { ...after, coachMembershipId: actor.membershipId },
  });
}

/** Through the one invitation path (checks, token, outbox, audit), with nothing but the status changing. */
async function inviteIn(tx: TenantTx, actor: Actor, coachee: { id: string; email: string; unitId: string | null }) {
  const org = await tx.organization.findFirstOrThrow({ select: { defaultInvitationMessage: true } });
  const sent = await sendInvitationsIn(tx, actor, {
    emails: coachee.email,
    role: "PARTICIPANT",
    programmeIds: [],
    unitId: coachee.unitId,
    message: org.defaultInvitationMessage,
    mode: "invite",
  });
  if (sent.refusal) throw new ValidationError(sent.addresses.find((a) => !a.ok)?.message ?? sent.refusal);
}

export const coacheeIdSchema = z.strictObject({ coacheeId: idField() });

async function ownCoachee(tx: TenantTx, actor: Actor, coacheeId: string) {
  const coachee = await coacheeOfCoach(tx, actor, coacheeId);
  if (coachee.role !== "PARTICIPANT") throw new NotFoundError();
  const unit = await tx.membership.findFirstOrThrow({ where: { id: coachee.id }, select: { unitId: true } });
  return { ...coachee, unitId: unit.unitId };
}

/** Not invited (or deactivated before joining) -> Invited, through the invitation path. */
export async function inviteCoachee(db: Db, actor: Actor, coacheeId: string) {
  assertCan(actor.role, "coachees:manage");
  return tenantDb(db, actor.organizationId).$transaction(
    async (tx) => {
      await lockOrganization(tx, actor.organizationId);
      const coachee = await ownCoachee(tx, actor, coacheeId);
      if (coachee.status === "INVITED") throw new ValidationError("Already invited: resend the invitation instead");
      if (coachee.status === "ACTIVE") throw new ValidationError("Already joined: nothing to invite");
      // An administrator ended their access: only an administrator gives it back.
      if (coachee.status === "DEACTIVATED") throw new ValidationError("Deactivated by an administrator: ask one to invite them again");
      await inviteIn(tx, actor, { id: coachee.id, email: coachee.user.email, unitId: coachee.unitId });
    },
    { timeout: 30_000 },
  );
}

async function pendingInvitation(tx: TenantTx, membershipId: string) {
  return tx.invitation.findFirst({
    where: { membershipId, acceptedAt: null, cancelledAt: null },
    orderBy: { lastSentAt: "desc" },
    select: { id: true },
  });
}

/** Invited: a fresh link (the old one dies), rate limited like every resend (lib/invitations/pending.ts). */
export async function resendCoacheeInvitation(db: Db, actor: Actor, coacheeId: string) {
  assertCan(actor.role, "coachees:manage");
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const coachee = await ownCoachee(tx, actor, coacheeId);
    const invitation = coachee.status === "INVITED" ? await pendingInvitation(tx, coachee.id) : null;
    if (!invitation) throw new ValidationError(`${MEMBERSHIP_STATUS_LABELS[coachee.status]}: no invitation to resend`);
    await resendInvitationIn(tx, actor, invitation.id);
  });
}

// Editing ------------------------------------------------------------------------------------------

export const editCoacheeSchema = z.strictObject({
  coacheeId: idField(),
  ...someoneElsesName,
  email: emailSchema,
});
export type EditCoacheeInput = z.infer<typeof editCoacheeSchema>;

export const NEVER_ACTIVE_ONLY = "They have joined: only they can change their name and email now, on their profile";
const SHARED_EMAIL = "Another coach also works with them: ask an administrator to change their email";

/** The coachee as the edit form shows them, with whether they may still be edited. */
export async function coacheeForEdit(db: Db, actor: Actor, coacheeId: string) {
  assertCan(actor.role, "coachees:manage");
  const coachee = await ownCoachee(tenantDb(db, actor.organizationId), actor, coacheeId);
  return { ...coachee, editable: coachee.joinedAt === null };
}

/**
 * The update found the member still never joined: they may join while an edit runs (the read above
 * takes no lock), and the update waits for that to commit and then finds nothing to change.
 */
async function stillNeverJoined(update: Promise<{ count: number }>) {
  if ((await update).count !== 1) throw new ValidationError(NEVER_ACTIVE_ONLY);
}

/**
 * Name and email of a coachee who has never joined. The names are this organisation's own (the account,
 * possibly someone's elsewhere, is untouched). A new email moves the membership to that email's account;
 * an invitation already sent to the old address is cancelled (its link dies) and a fresh one goes to the new.
 */
export async function editCoachee(db: Db, actor: Actor, input: EditCoacheeInput) {
  assertCan(actor.role, "coachees:manage");
  return tenantDb(db, actor.organizationId).$transaction(
    async (tx) => {
      await lockOrganization(tx, actor.organizationId);
      const coachee = await ownCoachee(tx, actor, input.coacheeId);
      if (coachee.joinedAt !== null) throw new ValidationError(NEVER_ACTIVE_ONLY);
      const before = { firstName: coachee.user.firstName, lastName: coachee.user.lastName, email: coachee.user.email };
      const emailChanged = input.email !== before.email;
      let reinvite = false;
      if (emailChanged) {
        // The email decides who joins as this member, and with the membership go the other coaches'
        // conversations and sessions with them: only a coachee who is this coach's alone may move.
        if (
          await tx.coachingRelationship.findFirst({
            where: { coacheeMembershipId: coachee.id, coachMembershipId: { not: actor.membershipId } },
          })
        )
          throw fieldError("email", SHARED_EMAIL);
        const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
        if (user && (await tx.membership.findFirst({ where: { userId: user.id }, select: { id: true } })))
          throw fieldError("email", "Someone else in this organisation has this email");
        await tx.user.createMany({ data: [{ email: input.email }], skipDuplicates: true });
        const account = await tx.user.findUniqueOrThrow({ where: { email: input.email }, select: { id: true } });
        // The link sent to the old address dies with its invitation; the new address gets its own.
        const cancelled = await tx.invitation.updateMany({
          where: { membershipId: coachee.id, acceptedAt: null, cancelledAt: null },
          data: { cancelledAt: new Date() },
        });
        reinvite = coachee.status === "INVITED" || cancelled.count > 0;
        await stillNeverJoined(
          tx.membership.updateMany({
            where: { id: coachee.id, joinedAt: null },
            data: { userId: account.id, ...(coachee.status === "INVITED" ? { status: "NOT_INVITED" } : {}) },
          }),
        );
      }
      await stillNeverJoined(
        tx.membership.updateMany({
          where: { id: coachee.id, joinedAt: null },
          data: { firstName: input.firstName, lastName: input.lastName },
        }),
      );
      const after = { firstName: input.firstName, lastName: input.lastName, email: input.email };
      const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]);
      if (changed.length)
        await recordAudit(tx, actor, {
          action: "member.update",
          targetType: "membership",
          targetId: coachee.id,
          before: Object.fromEntries(changed.map((k) => [k, before[k]])),
          after: Object.fromEntries(changed.map((k) => [k, after[k]])),
        });
      if (reinvite) await inviteIn(tx, actor, { id: coachee.id, email: input.email, unitId: coachee.unitId });
      return { changed, reinvited: reinvite };
    },
    { timeout: 30_000 },
  );
}
