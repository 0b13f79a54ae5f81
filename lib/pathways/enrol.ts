import { z } from "zod";
import type { Db } from "../db/client";
import { lockOrganization, tenantDb, type TenantTx } from "../db/tenant";
import { otherMemberships } from "../db/cross-tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { recordAudit } from "../audit/record";
import { fieldError, NotFoundError } from "../errors";
import { msg } from "../i18n/msg";
import { sendInvitationsIn } from "../invitations/send";
import { inProgrammes, programmeScope } from "../programmes/scope";
import { dayToDate, emailSchema, idField, isoDayField, nameField, PERSON_NAME_MAX, timeZoneSchema } from "../web/form-fields";
import { uuid } from "./scope";

// What a pathway needs besides its participant: the form fields shared by "enrol" and the "+" flow.
const pathwayFields = {
  cohortId: idField(msg("Pathways.server.chooseCohort")),
  // The typeahead over active coaches fills in the coach's email.
  coach: z.string().trim().min(1, msg("Pathways.server.chooseCoach")).max(254),
  startDate: isoDayField(msg("Pathways.server.startDate")),
  timezone: timeZoneSchema,
  tags: z
    .string()
    .max(500)
    .default("")
    .transform((s) => [
      ...new Set(
        s
          .split(",")
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.string().max(40, msg("Pathways.server.tagMax"))).max(10, msg("Pathways.server.tagsMax"))),
};

export const enrolSchema = z.strictObject({ membershipId: uuid, ...pathwayFields });
export const addUserWithPathwaySchema = z.strictObject({
  email: emailSchema,
  // Optional: someone already here keeps their name; someone new fills it in when they accept.
  firstName: nameField({ label: "the first name", max: PERSON_NAME_MAX, optional: true }).default(""),
  lastName: nameField({ label: "the last name", max: PERSON_NAME_MAX, optional: true }).default(""),
  ...pathwayFields,
});

type PathwayInput = { membershipId: string; cohortId: string; coach: string; startDate: string; timezone: string; tags: string[] };

/** Creates a pathway inside the caller's transaction (tenant-scoped `tx`), checking cohort scope, participant and coach. */
async function createPathwayIn(tx: TenantTx, actor: Actor, input: PathwayInput) {
  const scope = await programmeScope(tx, actor);
  const cohort = await tx.cohort.findFirst({
    where: { id: input.cohortId, ...inProgrammes(scope) },
    select: { id: true, programmeId: true },
  });
  if (!cohort) throw fieldError("cohortId", msg("Pathways.server.cohortFromList"));
  // The primary coach: an active COACH of this organisation (the composite key keeps it in this organisation).
  const coach = await tx.membership.findFirst({
    where: { role: "COACH", status: "ACTIVE", user: { email: input.coach.toLowerCase() } },
    select: { id: true },
  });
  if (!coach) throw fieldError("coach", msg("Pathways.server.coachFromList"));
  const participant = await tx.membership.findFirst({ where: { id: input.membershipId }, select: { id: true, role: true, status: true } });
  if (!participant) throw new NotFoundError();
  if (participant.role !== "PARTICIPANT") throw fieldError("email", msg("Pathways.server.notParticipant"));
  if (participant.status === "DEACTIVATED") throw fieldError("email", msg("Pathways.server.deactivated"));
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
  await recordAudit(tx, actor, {
    action: "pathway.create",
    targetType: "pathway",
    targetId: pathway.id,
    after: { membershipId: participant.id, cohortId: cohort.id, coachMembershipId: coach.id },
  });
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
        if (!cohort) throw fieldError("cohortId", msg("Pathways.server.cohortFromList"));
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
        if (
          !user.passwordHash &&
          (input.firstName || input.lastName) &&
          (await otherMemberships(tx, user.id, actor.organizationId)) === 0
        ) {
          await tx.user.update({ where: { id: user.id }, data: { firstName: input.firstName, lastName: input.lastName } });
        }
        membershipId = (await tx.membership.findFirstOrThrow({ where: { userId: user.id }, select: { id: true } })).id;
        // What this organisation calls them until they join, whoever else they are on Pathwise.
        await tx.membership.updateMany({
          where: { id: membershipId, joinedAt: null },
          data: { firstName: input.firstName, lastName: input.lastName },
        });
        invited = true;
      }
      const pathway = await createPathwayIn(tx, actor, { ...input, membershipId });
      return { pathway, invited };
    },
    { timeout: 30_000 },
  );
}
