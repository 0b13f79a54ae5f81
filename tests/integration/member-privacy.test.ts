import { describe, expect, it } from "vitest";
import type { Actor } from "../../lib/authz/actor";
import { acceptInvitation } from "../../lib/invitations/accept";
import { checkInvitations, inviteSchema } from "../../lib/invitations/check";
import { sendInvitations } from "../../lib/invitations/send";
import { listPendingInvitations } from "../../lib/invitations/pending";
import { cohortFilterSchema, getCohort } from "../../lib/programmes/cohorts";
import { addUserWithPathway, addUserWithPathwaySchema } from "../../lib/pathways/enrol";
import { getPathway } from "../../lib/pathways/read";
import { hashPassword } from "../../lib/security/password";
import { exportUsersCsv } from "../../lib/users/export";
import { listUsers, userFilterSchema } from "../../lib/users/list";
import { getMemberProfile } from "../../lib/users/member-profile";
import { updateMember, updateMemberSchema } from "../../lib/users/update-member";
import { createMember, createOrganization, unique } from "../factories";
import { testDb } from "../support/db";
import { recordFigures } from "../support/figures";
import { createOrganizationWith, createWorld } from "../support/world";

const db = testDb();
const PASSWORD = "a long private passphrase";

/** Someone with an account in another organisation, with a name and time zone of their own there. */
async function personElsewhere() {
  const tag = unique();
  const { user } = await createMember(db, (await createOrganization(db)).id, { role: "COACH", passwordHash: await hashPassword(PASSWORD) });
  const secrets = { firstName: `Gloria${tag}`, lastName: `Globetrotter${tag}`, timezone: "Pacific/Chatham" };
  await db.user.update({ where: { id: user.id }, data: secrets });
  return { email: user.email, secrets: Object.values(secrets) };
}

/** Every text the inviting organisation can read about its members and invitations. */
async function whatTheOrganizationSees(admin: Actor, email: string) {
  const list = await listUsers(db, admin, userFilterSchema.parse({}));
  const row = list.rows.find((r) => r.user.email === email)!;
  let csv = "";
  for await (const chunk of exportUsersCsv(db, admin, userFilterSchema.parse({}))) csv += chunk;
  return {
    row,
    profile: await getMemberProfile(db, admin, row.id),
    pending: await listPendingInvitations(db, admin),
    csv,
  };
}

const leaks = (seen: unknown, secrets: string[]) => secrets.filter((s) => JSON.stringify(seen).includes(s));
const invite = (emails: string, mode: "invite" | "create" = "invite") =>
  inviteSchema.parse({ emails, role: "COACH", unitId: "", message: "", mode });

describe("a person invited from outside the organisation", () => {
  it("is only the email the organisation typed until they accept: check, results, pending list, users list, search, user page, export", async () => {
    const { admin } = await createOrganizationWith(db, ["admin"]);
    const { email, secrets } = await personElsewhere();

    const checked = await checkInvitations(db, admin, invite(email));
    const sent = await sendInvitations(db, admin, invite(email));
    expect(sent.sent).toBe(1);
    const seen = await whatTheOrganizationSees(admin, email);
    const searchByName = await listUsers(db, admin, userFilterSchema.parse({ q: secrets[0] }));
    const searchByEmail = await listUsers(db, admin, userFilterSchema.parse({ q: email }));
    const views = { checked, sent, ...seen, searchByName: searchByName.rows };
    const found = Object.values(views).flatMap((view) => leaks(view, secrets));
    recordFigures("member-privacy", {
      inviteePrivacyChecks: Object.keys(views).length * secrets.length,
      inviteePrivacyLeaks: found.length,
    });
    expect(found).toEqual([]);
    expect(searchByName.total).toBe(0);
    expect(searchByEmail.rows.map((r) => r.user.email)).toEqual([email]);
    expect(seen.row.user.timezone ?? null).toBeNull();

    // Once they accept, they are a member like any other: their own name and time zone show.
    const mail = await db.emailOutbox.findFirstOrThrow({
      where: { toAddress: email, template: "invitation" },
      orderBy: { createdAt: "desc" },
    });
    await acceptInvitation(db, { token: /\/invite\/([A-Za-z0-9_-]+)/.exec(mail.text)![1], password: PASSWORD }, "192.0.2.77");
    const after = await whatTheOrganizationSees(admin, email);
    expect(after.row.user).toMatchObject({ firstName: secrets[0], lastName: secrets[1], timezone: secrets[2] });
    expect((await listUsers(db, admin, userFilterSchema.parse({ q: secrets[0] }))).total).toBe(1);
  });

  it("reads in create mode exactly as a new address does, and shows neither a name nor a time zone", async () => {
    const { admin } = await createOrganizationWith(db, ["admin"]);
    const { email, secrets } = await personElsewhere();
    const fresh = `fresh-${unique()}@example.test`;
    // What the admin sees with the address replaced by a placeholder: the same for both.
    const blind = (result: unknown, address: string) => JSON.parse(JSON.stringify(result).replaceAll(address, "<address>"));

    const checks = [await checkInvitations(db, admin, invite(email, "create")), await checkInvitations(db, admin, invite(fresh, "create"))];
    expect(blind(checks[0], email)).toEqual(blind(checks[1], fresh));
    const results = [await sendInvitations(db, admin, invite(email, "create")), await sendInvitations(db, admin, invite(fresh, "create"))];
    // The seat count moved by one between the two sends; everything else is the same.
    expect({ ...blind(results[0], email), seats: null }).toEqual({ ...blind(results[1], fresh), seats: null });
    expect(results[1].seats.used - results[0].seats.used).toBe(1);
    // Afterwards too: the same status, the same pending invitation, the same audit action for both.
    const rows = await db.membership.findMany({
      where: { organizationId: admin.organizationId, user: { email: { in: [email, fresh] } } },
      select: { status: true, joinedAt: true },
    });
    expect(rows).toEqual([
      { status: "INVITED", joinedAt: null },
      { status: "INVITED", joinedAt: null },
    ]);
    expect(await db.invitation.count({ where: { organizationId: admin.organizationId, email: { in: [email, fresh] } } })).toBe(2);
    const actions = await db.auditEvent.findMany({
      where: { organizationId: admin.organizationId, action: { not: "organization.create" } },
      select: { action: true },
    });
    expect(new Set(actions.map((a) => a.action))).toEqual(new Set(["invitation.send"]));
    const seen = await whatTheOrganizationSees(admin, email);
    expect(leaks({ results, seen }, secrets)).toEqual([]);
  });

  it("keeps the names the organisation itself typed (+ Participant), never the account's own, until they accept", async () => {
    const { admin, coach, cohort } = await createWorld(db, { members: ["admin", "coach"], pathway: false });
    const { email, secrets } = await personElsewhere();

    const { pathway } = await addUserWithPathway(
      db,
      admin,
      addUserWithPathwaySchema.parse({
        email,
        firstName: "Typed",
        lastName: "Here",
        cohortId: cohort.id,
        coach: coach.user.email,
        startDate: "2026-04-01",
        timezone: "UTC",
      }),
    );
    const seen = {
      ...(await whatTheOrganizationSees(admin, email)),
      pathway: await getPathway(db, admin, pathway.id),
      cohort: await getCohort(db, admin, cohort.id, cohortFilterSchema.parse({})),
    };
    expect(leaks(seen, secrets)).toEqual([]);
    expect(seen.row.user).toMatchObject({ firstName: "Typed", lastName: "Here" });
    expect(JSON.stringify(seen.pathway)).toContain("Typed");

    // Editing the name of someone who has not joined changes what this organisation calls them, not their account.
    await updateMember(
      db,
      admin,
      updateMemberSchema.parse({
        membershipId: seen.row.id,
        firstName: "Renamed",
        lastName: "Here",
        timezone: "UTC",
        unitId: "",
        role: "PARTICIPANT",
      }),
    );
    expect((await db.user.findUniqueOrThrow({ where: { email } })).firstName).toBe(secrets[0]);
    expect((await whatTheOrganizationSees(admin, email)).row.user.firstName).toBe("Renamed");
  });
});
