import { recordActivity } from "../lib/activity/record";
import type { Db } from "../lib/db/client";
import { tenantDb } from "../lib/db/tenant";
import { excerptOf } from "../lib/messages/send";
import { hashPassword } from "../lib/security/password";
import type { Role } from "../lib/db/generated/enums";

export const DEMO_ORG = { name: "Acme Coaching", slug: "acme" };
/** A second organisation, so the organisation switcher has somewhere to go: Adam is a coach there. */
export const SECOND_ORG = { name: "Northwind Mentoring", slug: "northwind" };
export const DEMO_PASSWORD = "pathwise-demo-2026";

export const DEMO_USERS: { email: string; firstName: string; lastName: string; role: Role; unit?: "leadership" | "sales" }[] = [
  { email: "owner@acme.test", firstName: "Olivia", lastName: "Owner", role: "OWNER" },
  { email: "admin@acme.test", firstName: "Adam", lastName: "Admin", role: "ADMIN" },
  { email: "pm@acme.test", firstName: "Priya", lastName: "Manager", role: "PROGRAM_MANAGER", unit: "leadership" },
  { email: "coach1@acme.test", firstName: "Carla", lastName: "Coach", role: "COACH", unit: "leadership" },
  { email: "coach2@acme.test", firstName: "Cody", lastName: "Coach", role: "COACH", unit: "sales" },
  { email: "pat@acme.test", firstName: "Pat", lastName: "Participant", role: "PARTICIPANT", unit: "leadership" },
  { email: "sam@acme.test", firstName: "Sam", lastName: "Participant", role: "PARTICIPANT", unit: "sales" },
  { email: "lee@acme.test", firstName: "Lee", lastName: "Participant", role: "PARTICIPANT", unit: "sales" },
];

/** Seeds the demo organisation once; returns false when it already exists. */
export async function seedDemo(db: Db): Promise<boolean> {
  if (await db.organization.findUnique({ where: { slug: DEMO_ORG.slug } })) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const history = await db.$transaction(async (tx) => {
    const org = await tx.organization.create({ data: { ...DEMO_ORG, plan: "TEAM", seatLimit: 10 } });
    const leadership = await tx.orgUnit.create({ data: { organizationId: org.id, name: "Leadership Academy" } });
    const sales = await tx.orgUnit.create({ data: { organizationId: org.id, name: "Sales Excellence", parentId: leadership.id } });
    const units = { leadership: leadership.id, sales: sales.id };
    for (const u of DEMO_USERS) {
      const user = await tx.user.upsert({
        where: { email: u.email },
        update: {},
        create: { email: u.email, firstName: u.firstName, lastName: u.lastName, passwordHash, timezone: "Europe/London" },
      });
      const membership = await tx.membership.create({
        data: {
          organizationId: org.id,
          userId: user.id,
          role: u.role,
          status: "ACTIVE",
          unitId: u.unit ? units[u.unit] : null,
          joinedAt: new Date(),
        },
      });
      if (u.unit) await tx.unitAssignment.create({ data: { organizationId: org.id, membershipId: membership.id, unitId: units[u.unit] } });
    }
    const users = Object.fromEntries(
      (await tx.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } } })).map((u) => [u.email, u.id]),
    );
    const pm = await tx.membership.findUniqueOrThrow({
      where: { organizationId_userId: { organizationId: org.id, userId: users["pm@acme.test"] } },
    });
    const [essentials] = await Promise.all(
      [
        { name: "Leadership Essentials", description: "Six one-to-one sessions for new team leads.", sessionsIncluded: 6 },
        { name: "Sales Accelerator", description: "Four sessions on consultative selling.", sessionsIncluded: 4 },
      ].map((p) => tx.programme.create({ data: { organizationId: org.id, ...p } })),
    );
    await tx.programmeAssignment.create({ data: { organizationId: org.id, programmeId: essentials.id, membershipId: pm.id } });

    // A cohort with Pat on it, coached by Carla, two sessions attended and one to come.
    const cohort = await tx.cohort.create({
      data: {
        organizationId: org.id,
        programmeId: essentials.id,
        name: "Spring 2026",
        clientName: "Acme Retail",
        startDate: new Date("2026-03-01T00:00:00Z"),
      },
    });
    const membershipOf = async (email: string) =>
      (await tx.membership.findUniqueOrThrow({ where: { organizationId_userId: { organizationId: org.id, userId: users[email] } } })).id;
    const pathway = await tx.pathway.create({
      data: {
        organizationId: org.id,
        membershipId: await membershipOf("pat@acme.test"),
        programmeId: essentials.id,
        cohortId: cohort.id,
        coachMembershipId: await membershipOf("coach1@acme.test"),
        startDate: new Date("2026-03-02T00:00:00Z"),
        timezone: "Europe/London",
        tags: ["retail"],
      },
    });
    // The scheduled one lies a week after seeding at 09:00 UTC, so the demo always has an upcoming session
    // (a fixed date passed on 2026-12-01 and left coaches with none).
    const nextWeek = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 7, 9));
    const sessions = [];
    for (const [title, when, status] of [
      ["Kick-off", "2026-03-03T09:00:00Z", "ATTENDED"],
      ["Goals", "2026-03-17T09:00:00Z", "ATTENDED"],
      ["Feedback", nextWeek.toISOString(), "SCHEDULED"],
    ] as const) {
      const session = await tx.coachingSession.create({
        data: {
          organizationId: org.id,
          pathwayId: pathway.id,
          coachMembershipId: pathway.coachMembershipId,
          coacheeMembershipId: pathway.membershipId,
          timezone: pathway.timezone,
          title,
          scheduledAt: new Date(when),
          durationMinutes: 60,
          status,
        },
      });
      sessions.push(session);
    }

    // Carla's coachees: Pat through the pathway (the database adds that relationship), Sam whom she
    // added herself, and Nina, added but not invited yet. Pat and Sam are in her group "Team leads".
    const carla = pathway.coachMembershipId;
    const sam = await membershipOf("sam@acme.test");
    const ninaUser = await tx.user.upsert({ where: { email: "nina@acme.test" }, update: {}, create: { email: "nina@acme.test" } });
    const nina = await tx.membership.create({
      data: { organizationId: org.id, userId: ninaUser.id, role: "PARTICIPANT", status: "NOT_INVITED", firstName: "Nina", lastName: "New" },
    });
    await tx.coachingRelationship.createMany({
      data: [sam, nina.id].map((coachee) => ({
        organizationId: org.id,
        coachMembershipId: carla,
        coacheeMembershipId: coachee,
        origin: "ADDED" as const,
      })),
    });
    const group = await tx.coacheeGroup.create({
      data: { organizationId: org.id, coachMembershipId: carla, name: "Team leads", description: "New team leads in retail." },
    });
    await tx.coacheeGroupMember.createMany({
      data: [pathway.membershipId, sam].map((coachee) => ({
        organizationId: org.id,
        groupId: group.id,
        coachMembershipId: carla,
        coacheeMembershipId: coachee,
      })),
    });
    const thread = await tx.messageThread.create({
      data: { organizationId: org.id, coachMembershipId: carla, coacheeMembershipId: pathway.membershipId, coachReadAt: new Date() },
    });
    const message = await tx.message.create({
      data: {
        organizationId: org.id,
        threadId: thread.id,
        authorMembershipId: carla,
        body: "Hi Pat, looking forward to our feedback session. Bring one example of a hard conversation.",
      },
    });

    const second = await tx.organization.create({ data: { ...SECOND_ORG, plan: "TEAM", seatLimit: 5 } });
    const northwindOwner = await tx.user.upsert({
      where: { email: "owner@northwind.test" },
      update: {},
      create: { email: "owner@northwind.test", firstName: "Nora", lastName: "North", passwordHash, timezone: "America/New_York" },
    });
    for (const [userId, role] of [
      [northwindOwner.id, "OWNER"],
      [users["admin@acme.test"], "COACH"],
    ] as const) {
      await tx.membership.create({ data: { organizationId: second.id, userId, role, status: "ACTIVE", joinedAt: new Date() } });
    }
    return { organizationId: org.id, pathway, sessions, message };
  });
  await recordHistory(db, history);
  return true;
}

// What the seeded sessions and message would have left in Pat's activity had they gone through the
// services, so the Activity tab, "Last activity" and the dashboard tell one story from the first visit.
async function recordHistory(
  db: Db,
  {
    organizationId,
    pathway,
    sessions,
    message,
  }: {
    organizationId: string;
    pathway: { id: string; membershipId: string; coachMembershipId: string };
    sessions: { id: string; title: string; scheduledAt: Date; durationMinutes: number; status: string; createdAt: Date }[];
    message: { id: string; body: string; createdAt: Date };
  },
) {
  const pair = {
    coacheeMembershipId: pathway.membershipId,
    actorMembershipId: pathway.coachMembershipId,
    onlyCoachMembershipId: pathway.coachMembershipId,
  };
  await tenantDb(db, organizationId).$transaction(async (tx) => {
    for (const s of sessions) {
      const common = { ...pair, subjectId: s.id };
      const scheduledAt = s.scheduledAt.toISOString();
      if (s.status === "ATTENDED") {
        const data = { title: s.title, scheduledAt, durationMinutes: s.durationMinutes, pathwayId: pathway.id };
        await recordActivity(tx, organizationId, {
          ...common,
          kind: "session.attended",
          data,
          at: new Date(s.scheduledAt.getTime() + s.durationMinutes * 60_000),
        });
      } else {
        await recordActivity(tx, organizationId, {
          ...common,
          kind: "session.scheduled",
          data: { title: s.title, scheduledAt, pathwayId: pathway.id },
          at: s.createdAt,
        });
      }
    }
    await recordActivity(tx, organizationId, {
      ...pair,
      kind: "message.sent",
      subjectId: message.id,
      data: { excerpt: excerptOf(message.body) },
      at: message.createdAt,
    });
  });
}
