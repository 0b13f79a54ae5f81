import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import type { Db, Tx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { ArchiveReason, SessionStatus } from "../db/generated/enums";
import { lockOrganization, tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan, can, PATHWAY_REACH } from "../authz/permissions";
import { recordAudit } from "../audit/record";
import { fieldError, NotFoundError, ValidationError } from "../errors";
import { sendInvitationsIn } from "../invitations/invite";
import { inProgrammes, programmeScope } from "../programmes/scope";
import { displayName } from "../users/display-name";
import { ARCHIVE_REASON_LABELS } from "../labels";
import { NOT_STARTED_MESSAGE, SESSION_OUTCOMES } from "./session-outcomes";
import { otherMemberships } from "../users/manage";
import { PERSON, seen } from "../users/person";
import { dayToDate, emailSchema, idField, isId, isoDayField, nameField, PERSON_NAME_MAX, timeZoneSchema } from "../web/form-fields";

const uuid = idField();

// What a pathway needs besides its participant: the form fields shared by "enrol" and the "+" flow.
const pathwayFields = {
  cohortId: idField("Choose a cohort"),
  // The typeahead over active coaches fills in the coach's email.
  coach: z.string().trim().min(1, "Choose the primary coach").max(254),
  startDate: isoDayField("Enter the start date, like 2026-01-31"),
  timezone: timeZoneSchema,
  tags: z
    .string()
    .max(500)
    .default("")
    .transform((s) => [...new Set(s.split(",").map((t) => t.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(40, "Tags are at most 40 characters")).max(10, "At most 10 tags")),
};

export const enrolSchema = z.strictObject({ membershipId: uuid, ...pathwayFields });
export const addUserWithPathwaySchema = z.strictObject({
  email: emailSchema,
  // Optional: someone already here keeps their name; someone new fills it in when they accept.
  firstName: nameField({ label: "the first name", max: PERSON_NAME_MAX, optional: true }).default(""),
  lastName: nameField({ label: "the last name", max: PERSON_NAME_MAX, optional: true }).default(""),
  ...pathwayFields,
});

/** The pathways the actor reaches, as a `where`: the one place pathway scope is decided. */
export async function pathwayScope(tx: Tx, actor: Actor): Promise<Prisma.PathwayWhereInput> {
  assertCan(actor.role, "pathways:view");
  switch (PATHWAY_REACH[actor.role]) {
    case "all":
      return {};
    case "programmes":
      return { programmeId: { in: (await programmeScope(tx, actor)) ?? [] } };
    case "coached":
      return { coachMembershipId: actor.membershipId };
    case "own":
      return { membershipId: actor.membershipId };
  }
}

type PathwayInput = { membershipId: string; cohortId: string; coach: string; startDate: string; timezone: string; tags: string[] };

/** Creates a pathway inside the caller's transaction (tenant-scoped `tx`), checking cohort scope, participant and coach. */
async function createPathwayIn(tx: Tx, actor: Actor, input: PathwayInput) {
  const scope = await programmeScope(tx, actor);
  const cohort = await tx.cohort.findFirst({ where: { id: input.cohortId, ...inProgrammes(scope) }, select: { id: true, programmeId: true } });
  if (!cohort) throw fieldError("cohortId", "Choose a cohort from the list");
  // The primary coach: an active COACH of this organisation (the composite key keeps it in this organisation).
  const coach = await tx.membership.findFirst({ where: { role: "COACH", status: "ACTIVE", user: { email: input.coach.toLowerCase() } }, select: { id: true } });
  if (!coach) throw fieldError("coach", "Choose an active coach from the list");
  const participant = await tx.membership.findFirst({ where: { id: input.membershipId }, select: { id: true, role: true, status: true } });
  if (!participant) throw new NotFoundError();
  if (participant.role !== "PARTICIPANT") throw fieldError("email", "Only participants go on pathways: this person has another role here");
  if (participant.status === "DEACTIVATED") throw fieldError("email", "This person is deactivated: reactivate them first");
  const pathway = await tx.pathway.create({
    data: {
      organizationId: actor.organizationId,
      membershipId: participant.id,
      programmeId: cohort.programmeId,
      cohortId: cohort.id,
      coachMembershipId: coach.id,
      startDate: dayToDate(input.startDate),
      timezone: input.timezone,
      tags: input.tags,
    },
  });
  await recordAudit(tx, actor, { action: "pathway.create", targetType: "pathway", targetId: pathway.id, after: { membershipId: participant.id, cohortId: cohort.id, coachMembershipId: coach.id } });
  return pathway;
}

/** Puts an existing member on a pathway. */
export async function enrolMember(db: Db, actor: Actor, input: z.infer<typeof enrolSchema>) {
  assertCan(actor.role, "pathways:manage");
  return tenantDb(db, actor.organizationId).$transaction((tx) => createPathwayIn(tx, actor, input));
}

/**
 * The dashboard's "+": one person and their pathway in one step. Someone already here is enrolled; a
 * new person is invited as a participant of the programme (the invitation path: seats, token, email
 * after commit) and enrolled in the same transaction, so neither happens without the other.
 */
export async function addUserWithPathway(db: Db, actor: Actor, input: z.infer<typeof addUserWithPathwaySchema>) {
  assertCan(actor.role, "pathways:manage");
  assertCan(actor.role, "invitations:send");
  return tenantDb(db, actor.organizationId).$transaction(
    async (tx) => {
      await lockOrganization(tx, actor.organizationId);
      const existing = await tx.membership.findFirst({ where: { user: { email: input.email } }, select: { id: true } });
      let membershipId = existing?.id;
      let invited = false;
      if (!membershipId) {
        const cohort = await tx.cohort.findFirst({ where: { id: input.cohortId }, select: { programmeId: true } });
        if (!cohort) throw fieldError("cohortId", "Choose a cohort from the list");
        const org = await tx.organization.findFirstOrThrow({ select: { defaultInvitationMessage: true } });
        const result = await sendInvitationsIn(tx, actor, {
          emails: input.email,
          role: "PARTICIPANT",
          programmeIds: [cohort.programmeId],
          unitId: null,
          message: org.defaultInvitationMessage,
          mode: "invite",
        });
        if (result.refusal) throw fieldError("email", result.addresses[0]?.ok === false ? result.addresses[0].message : result.refusal);
        const user = await tx.user.findUniqueOrThrow({ where: { email: input.email }, select: { id: true, passwordHash: true } });
        // Names go on the account only while it is new and this organisation's alone.
        if (!user.passwordHash && (input.firstName || input.lastName) && (await otherMemberships(tx, user.id, actor.organizationId)) === 0) {
          await tx.user.update({ where: { id: user.id }, data: { firstName: input.firstName, lastName: input.lastName } });
        }
        membershipId = (await tx.membership.findFirstOrThrow({ where: { userId: user.id }, select: { id: true } })).id;
        // What this organisation calls them until they join, whoever else they are on Pathwise.
        await tx.membership.updateMany({ where: { id: membershipId, joinedAt: null }, data: { firstName: input.firstName, lastName: input.lastName } });
        invited = true;
      }
      const pathway = await createPathwayIn(tx, actor, { ...input, membershipId });
      return { pathway, invited };
    },
    { timeout: 30_000 },
  );
}

/** A pathway the actor reaches, or not found. */
async function pathwayInScope(tx: Tx, actor: Actor, pathwayId: string) {
  if (!isId(pathwayId)) throw new NotFoundError();
  const pathway = await tx.pathway.findFirst({
    where: { id: pathwayId, ...(await pathwayScope(tx, actor)) },
    select: { id: true, status: true, cohortId: true, coachMembershipId: true, programme: { select: { sessionsIncluded: true } }, participant: { select: PERSON } },
  });
  if (!pathway) throw new NotFoundError();
  return pathway;
}

async function attendedCount(tx: Tx, pathwayId: string) {
  return tx.coachingSession.count({ where: { pathwayId, status: "ATTENDED" } });
}

export const archiveSchema = z.strictObject({
  pathwayId: uuid,
  reason: z.enum(ArchiveReason, { error: "Choose why the pathway ends" }),
  credit: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});

/**
 * Archives a pathway with its reason; with `credit`, the unused sessions (included - attended) go back
 * to the cohort as a ledger entry. One conditional update decides, so two people archiving at once
 * archive, and credit, once.
 */
export async function archivePathway(db: Db, actor: Actor, input: z.infer<typeof archiveSchema>) {
  assertCan(actor.role, "pathways:manage");
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const pathway = await pathwayInScope(tx, actor, input.pathwayId);
    const { count } = await tx.pathway.updateMany({
      where: { id: pathway.id, status: "ACTIVE" },
      data: { status: "ARCHIVED", archiveReason: input.reason, archivedAt: new Date(), archivedById: actor.userId },
    });
    if (count !== 1) throw new ValidationError("This pathway is already archived.");
    const unused = Math.max(0, pathway.programme.sessionsIncluded - (await attendedCount(tx, pathway.id)));
    const credited = input.credit ? unused : 0;
    if (credited > 0) {
      await tx.creditEntry.create({
        data: {
          organizationId: actor.organizationId,
          cohortId: pathway.cohortId,
          pathwayId: pathway.id,
          amount: credited,
          note: `Unused sessions of ${displayName(seen(pathway.participant).user)} (${ARCHIVE_REASON_LABELS[input.reason].toLowerCase()})`,
          actorId: actor.userId,
        },
      });
      await tx.cohort.updateMany({ where: { id: pathway.cohortId }, data: { creditBalance: { increment: credited } } });
    }
    await recordAudit(tx, actor, { action: "pathway.archive", targetType: "pathway", targetId: pathway.id, after: { reason: input.reason, credited } });
    return { credited, unused };
  });
}

/** Reopens an archived pathway (admins); whatever its archiving credited is taken back by a reversing entry. */
export async function unarchivePathway(db: Db, actor: Actor, pathwayId: string) {
  assertCan(actor.role, "pathways:restore");
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const pathway = await pathwayInScope(tx, actor, pathwayId);
    const { count } = await tx.pathway.updateMany({
      where: { id: pathway.id, status: "ARCHIVED" },
      data: { status: "ACTIVE", archiveReason: null, archivedAt: null, archivedById: null },
    });
    if (count !== 1) throw new ValidationError("This pathway is not archived.");
    const net = (await tx.creditEntry.aggregate({ where: { pathwayId: pathway.id }, _sum: { amount: true } }))._sum.amount ?? 0;
    if (net !== 0) {
      await tx.creditEntry.create({
        data: {
          organizationId: actor.organizationId,
          cohortId: pathway.cohortId,
          pathwayId: pathway.id,
          amount: -net,
          note: `Reversed: the pathway of ${displayName(seen(pathway.participant).user)} was reopened`,
          actorId: actor.userId,
        },
      });
      await tx.cohort.updateMany({ where: { id: pathway.cohortId }, data: { creditBalance: { decrement: net } } });
    }
    await recordAudit(tx, actor, { action: "pathway.unarchive", targetType: "pathway", targetId: pathway.id, after: { reversed: net } });
    return { reversed: net };
  });
}

/** One pathway with its sessions and credits, and used / included / unused. */
export async function getPathway(db: Db, actor: Actor, pathwayId: string) {
  const t = tenantDb(db, actor.organizationId);
  await pathwayInScope(t, actor, pathwayId);
  const pathway = await t.pathway.findFirst({
    where: { id: pathwayId },
    include: {
      participant: { select: { id: true, ...PERSON } },
      coach: { select: { id: true, ...PERSON } },
      programme: { select: { id: true, name: true, sessionsIncluded: true } },
      cohort: { select: { id: true, name: true } },
      sessions: { orderBy: { scheduledAt: "asc" } },
      credits: { orderBy: { createdAt: "asc" }, select: { id: true, amount: true, note: true, createdAt: true } },
    },
  });
  if (!pathway) throw new NotFoundError(); // gone since the check (a cancelled invitation)
  const used = pathway.sessions.filter((s) => s.status === "ATTENDED").length;
  // Whether each session has started, by the same clock setSessionStatus checks against.
  const [{ now }] = await t.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
  const sessions = pathway.sessions.map((s) => ({ ...s, started: s.scheduledAt <= now }));
  return { ...pathway, participant: seen(pathway.participant), coach: seen(pathway.coach), sessions, used, unused: Math.max(0, pathway.programme.sessionsIncluded - used) };
}

/** A member's pathways that the actor reaches, for the user's page. */
export async function memberPathways(db: Db, actor: Actor, membershipId: string) {
  const t = tenantDb(db, actor.organizationId);
  if (!can(actor.role, "pathways:view")) return [];
  const pathways = await t.pathway.findMany({
    where: { membershipId, ...(await pathwayScope(t, actor)) },
    orderBy: { startDate: "desc" },
    select: {
      id: true,
      status: true,
      archiveReason: true,
      startDate: true,
      programme: { select: { name: true, sessionsIncluded: true } },
      cohort: { select: { id: true, name: true } },
      coach: { select: PERSON },
      _count: { select: { sessions: { where: { status: "ATTENDED" } } } },
    },
  });
  return pathways.map((p) => ({ ...p, coach: seen(p.coach) }));
}

/**
 * Locks the pathway's row for the rest of the transaction: archiving (which counts attended sessions to
 * credit the rest) and session changes then happen one after the other, never interleaved.
 */
async function assertOpenAndLock(tx: Tx, actor: Actor, pathwayId: string) {
  const [row] = await tx.$queryRaw<{ status: string }[]>`
    SELECT "status" FROM "Pathway" WHERE "organizationId" = ${actor.organizationId}::uuid AND "id" = ${pathwayId}::uuid FOR UPDATE`;
  if (row?.status !== "ACTIVE") throw new ValidationError("This pathway is archived: its sessions can no longer change.");
}

export const sessionSchema = z.strictObject({
  pathwayId: uuid,
  title: z.string().trim().min(1, "Enter a title").max(120, "At most 120 characters"),
  date: isoDayField("Enter the date, like 2026-01-31"),
  time: z.iso.time({ precision: -1, error: "Enter the time, like 09:30" }),
  durationMinutes: z.coerce.number({ error: "Enter the length in minutes" }).int("Whole minutes").min(5, "At least 5 minutes").max(480, "At most 8 hours"),
});
export const sessionStatusSchema = z.strictObject({ sessionId: uuid, status: z.enum(SessionStatus, { error: "Choose a status" }) });

// Who works a pathway's sessions: "sessions:manage" within the pathway reach, so its programme
// managers and admins, and its primary coach (a coach reaches only the pathways they coach).

/** Schedules a coaching session at a local date and time in the pathway's time zone. */
export async function scheduleSession(db: Db, actor: Actor, input: z.infer<typeof sessionSchema>) {
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    assertCan(actor.role, "sessions:manage");
    const pathway = await pathwayInScope(tx, actor, input.pathwayId);
    await assertOpenAndLock(tx, actor, pathway.id);
    const { timezone } = await tx.pathway.findFirstOrThrow({ where: { id: pathway.id }, select: { timezone: true } });
    const [y, m, d] = input.date.split("-").map(Number);
    const [hh, mm] = input.time.split(":").map(Number);
    const scheduledAt = new Date(new TZDate(y, m - 1, d, hh, mm, timezone).getTime());
    return tx.coachingSession.create({
      data: { organizationId: actor.organizationId, pathwayId: pathway.id, title: input.title, scheduledAt, durationMinutes: input.durationMinutes },
    });
  });
}

/**
 * Marks a session attended, cancelled or no-show (or back to scheduled). Used sessions = attended ones,
 * so attended and no-show wait until the session has started, by the database's clock (the one clock
 * every server shares, and the one getPathway reads to decide which buttons to show); cancel any time.
 */
export async function setSessionStatus(db: Db, actor: Actor, input: z.infer<typeof sessionStatusSchema>) {
  assertCan(actor.role, "sessions:manage");
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const session = await tx.coachingSession.findFirst({ where: { id: input.sessionId }, select: { id: true, pathwayId: true } });
    if (!session) throw new NotFoundError();
    const pathway = await pathwayInScope(tx, actor, session.pathwayId);
    await assertOpenAndLock(tx, actor, pathway.id);
    if (SESSION_OUTCOMES.has(input.status)) {
      const [row] = await tx.$queryRaw<{ started: boolean }[]>`
        SELECT "scheduledAt" <= now() AS started FROM "CoachingSession"
         WHERE "organizationId" = ${actor.organizationId}::uuid AND "id" = ${session.id}::uuid`;
      if (!row?.started) throw new ValidationError(NOT_STARTED_MESSAGE);
    }
    await tx.coachingSession.updateMany({ where: { id: session.id }, data: { status: input.status } });
  });
}

/** The organisation's active coaches, for the primary-coach typeahead. */
export async function activeCoaches(db: Db, actor: Actor) {
  assertCan(actor.role, "pathways:manage");
  const coaches = await tenantDb(db, actor.organizationId).membership.findMany({
    where: { role: "COACH", status: "ACTIVE" },
    orderBy: { sortName: "asc" },
    select: { id: true, ...PERSON },
  });
  return coaches.map(seen).map((c) => ({ id: c.id, email: c.user.email, name: displayName(c.user) }));
}

const PATHWAY_ROW = {
  id: true,
  status: true,
  archiveReason: true,
  startDate: true,
  participant: { select: { id: true, ...PERSON } },
  coach: { select: { id: true, ...PERSON } },
  programme: { select: { name: true } },
  cohort: { select: { id: true, name: true } },
} as const satisfies Prisma.PathwaySelect;

const withPeople = <P extends Prisma.PathwayGetPayload<{ select: typeof PATHWAY_ROW }>>(p: P) => ({ ...p, participant: seen(p.participant), coach: seen(p.coach) });

/**
 * The dashboard's lists, within the actor's reach: active pathways starting in the next two weeks,
 * and started ones with no attended session in the last 30 days.
 */
export async function pathwayWatchlist(db: Db, actor: Actor, now = new Date()) {
  const t = tenantDb(db, actor.organizationId);
  const scope = await pathwayScope(t, actor);
  const today = dayToDate(now.toISOString().slice(0, 10));
  const [startingSoon, quiet] = await Promise.all([
    t.pathway.findMany({
      where: { ...scope, status: "ACTIVE", startDate: { gte: today, lte: new Date(today.getTime() + 14 * 86_400_000) } },
      orderBy: [{ startDate: "asc" }, { id: "asc" }],
      take: 20,
      select: PATHWAY_ROW,
    }),
    t.pathway.findMany({
      where: { ...scope, status: "ACTIVE", startDate: { lte: today }, sessions: { none: { status: "ATTENDED", scheduledAt: { gte: new Date(now.getTime() - 30 * 86_400_000) } } } },
      orderBy: [{ startDate: "asc" }, { id: "asc" }],
      take: 20,
      select: PATHWAY_ROW,
    }),
  ]);
  return { startingSoon: startingSoon.map(withPeople), quiet: quiet.map(withPeople) };
}

/** Cohorts the actor may add pathways to, with their programme, for pickers. */
export async function cohortsForPicker(db: Db, actor: Actor) {
  assertCan(actor.role, "pathways:manage");
  const t = tenantDb(db, actor.organizationId);
  const scope = await programmeScope(t, actor);
  const cohorts = await t.cohort.findMany({
    where: inProgrammes(scope),
    orderBy: [{ programme: { name: "asc" } }, { name: "asc" }],
    select: { id: true, name: true, programme: { select: { name: true } } },
  });
  return cohorts.map((c) => ({ value: c.id, label: `${c.programme.name} › ${c.name}` }));
}

/** The pathways in the actor's reach, active first: a coach's coachees, a participant's own. */
export async function pathwaysInReach(db: Db, actor: Actor) {
  const t = tenantDb(db, actor.organizationId);
  return (await t.pathway.findMany({ where: await pathwayScope(t, actor), orderBy: [{ status: "asc" }, { startDate: "desc" }], take: 100, select: PATHWAY_ROW })).map(withPeople);
}
