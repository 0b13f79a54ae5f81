import { describe, expect, it } from "vitest";
import { english, englishError } from "../support/english";
import { englishFieldErrors } from "../support/english-field-errors";
import type { Actor } from "../../lib/authz/actor";
import type { Db } from "../../lib/db/client";
import { ForbiddenError, NotFoundError, RateLimitedError, ValidationError } from "../../lib/errors";
import { coacheeFilterSchema, coacheesOfCoach, listCoachees } from "../../lib/coachees/coachees";
import {
  addCoachee,
  addCoacheeSchema,
  coacheeForEdit,
  editCoachee,
  editCoacheeSchema,
  inviteCoachee,
  resendCoacheeInvitation,
} from "../../lib/coachees/add-coachee";
import { addToGroup, createGroup, createGroupSchema, deleteGroup, getGroup, listGroups, updateGroup } from "../../lib/coachees/groups";
import { acceptInvitation, findInvitation, InvalidInvitationError } from "../../lib/invitations/accept";
import { checkInvitations, inviteSchema } from "../../lib/invitations/check";
import { sendInvitations } from "../../lib/invitations/send";
import { inviteMembers } from "../../lib/invitations/invite-members";
import { cancelInvitation, resendInvitation } from "../../lib/invitations/pending";
import { scheduleSession } from "../../lib/pathways/sessions";
import { tenantDb } from "../../lib/db/tenant";
import { sendInvitationsIn } from "../../lib/invitations/send";
import { sendMessage } from "../../lib/messages/send";
import {
  assignProgramme,
  createActor,
  createCoacheeGroup,
  createCoachingRelationship,
  createCohort,
  createMember,
  createPathway,
  createProgramme,
  unique,
} from "../factories";
import { backendPid, testDb, waitUntilBlocked } from "../support/db";
import { createWorld } from "../support/world";

const db = testDb();
const filter = (raw: Record<string, string> = {}) => coacheeFilterSchema.parse(raw);
/** Adds a coachee; the answer names nobody, so the membership the email leads to is looked up here. */
async function add(a: Actor, raw: Record<string, string>) {
  const input = addCoacheeSchema.parse({ firstName: "Ada", lastName: "Lovelace", email: `ada-${unique()}@example.test`, ...raw });
  const answer = await addCoachee(db, a, input);
  const member = await db.membership.findFirst({ where: { organizationId: a.organizationId, user: { email: input.email } } });
  return { ...answer, coacheeId: member?.id ?? "" };
}

/** The raw token of the newest invitation email to `to`, from the outbox. */
async function tokenFor(client: Db, to: string): Promise<string> {
  const mail = await client.emailOutbox.findFirstOrThrow({ where: { toAddress: to }, orderBy: { createdAt: "desc" } });
  return /\/invite\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
}
const mails = (to: string) => db.emailOutbox.count({ where: { toAddress: to } });
const fieldErrorsOf = englishFieldErrors;
let address = 0;
const ip = () => `198.51.100.${(++address % 250) + 1}`;

async function coachWorld() {
  const w = await createWorld(db);
  const otherCoach = await createActor(db, w.org.id, "COACH");
  return { ...w, otherCoach };
}

describe("a deactivated coachee", () => {
  it("is invited again only by an administrator, never by their coach", async () => {
    const w = await coachWorld();
    const gone = await createMember(db, w.org.id, { status: "DEACTIVATED", joinedAt: null, firstName: "Dee", lastName: "Gone" });
    await createCoachingRelationship(db, { coach: w.coach.membership, coachee: gone.membership });
    expect(await englishError(inviteCoachee(db, w.coach, gone.membership.id))).toMatch(/ask one to invite them again/);
    expect(await db.invitation.count({ where: { organizationId: w.org.id, membershipId: gone.membership.id } })).toBe(0);
    // Positive control: an administrator may (the invitation path's own rule for someone deactivated before joining).
    const result = await inviteMembers(db, w.admin, [gone.membership.id]);
    expect(result.applied).toBe(true);
    expect(await db.invitation.count({ where: { organizationId: w.org.id, membershipId: gone.membership.id } })).toBe(1);
  });
});

describe("the coachee list", () => {
  it("shows the coach's own coachees only, with status, programmes, last activity and next session", async () => {
    const w = await coachWorld();
    // The world's pathway made the participant the coach's coachee (the trigger).
    const invited = await createMember(db, w.org.id, { status: "INVITED", firstName: "Ivy", lastName: "Invited" });
    const notInvited = await createMember(db, w.org.id, { status: "NOT_INVITED", firstName: "Nora", lastName: "Notyet" });
    const theirs = await createMember(db, w.org.id, { firstName: "Theo", lastName: "Theirs" });
    await createCoachingRelationship(
      db,
      { coach: w.coach.membership, coachee: invited.membership },
      { lastActivityAt: new Date("2026-01-02") },
    );
    await createCoachingRelationship(db, { coach: w.coach.membership, coachee: notInvited.membership });
    await createCoachingRelationship(db, { coach: w.otherCoach.membership, coachee: theirs.membership });
    const soon = new Date(Date.now() + 2 * 86_400_000);
    const later = new Date(Date.now() + 5 * 86_400_000);
    const base = { organizationId: w.org.id, coachMembershipId: w.coach.membershipId, coacheeMembershipId: w.participant.membershipId };
    await db.coachingSession.createMany({
      data: [
        { ...base, title: "Later", scheduledAt: later, durationMinutes: 30 },
        { ...base, title: "Soon", scheduledAt: soon, durationMinutes: 30 },
        { ...base, title: "Past", scheduledAt: new Date(Date.now() - 86_400_000), durationMinutes: 30 },
        { ...base, title: "Cancelled", scheduledAt: new Date(Date.now() + 86_400_000), durationMinutes: 30, status: "CANCELLED" },
        // Another coach's session with the same coachee is not this coach's "next session".
        {
          ...base,
          coachMembershipId: w.otherCoach.membershipId,
          title: "Theirs",
          scheduledAt: new Date(Date.now() + 3_600_000),
          durationMinutes: 30,
        },
      ],
    });

    const list = await listCoachees(db, w.coach, filter());
    expect(list.total).toBe(3);
    expect(list.rows.map((r) => r.lastName)).toEqual(["Invited", "Notyet", w.participant.user.lastName].sort());
    const participant = list.rows.find((r) => r.id === w.participant.membershipId)!;
    expect(participant).toMatchObject({ status: "ACTIVE", programmes: [w.programme.name], email: w.participant.email });
    expect(participant.nextSessionAt?.getTime()).toBe(soon.getTime());
    const ivy = list.rows.find((r) => r.id === invited.membership.id)!;
    expect(ivy).toMatchObject({ status: "INVITED", programmes: [], nextSessionAt: null });
    expect(ivy.lastActivityAt?.toISOString()).toBe("2026-01-02T00:00:00.000Z");

    // The other coach sees only theirs; the participant, the admin and another organisation's coach cannot list.
    expect((await listCoachees(db, w.otherCoach, filter())).rows.map((r) => r.id)).toEqual([theirs.membership.id]);
    expect((await listCoachees(db, w.other.coach, filter())).total).toBe(0);
    await expect(listCoachees(db, w.participant, filter())).rejects.toThrow(ForbiddenError);
    await expect(listCoachees(db, w.admin, filter())).rejects.toThrow(ForbiddenError);
  });

  it("searches words literally, filters by status and group, sorts and pages", async () => {
    const w = await coachWorld();
    const people = [
      ["Ada", "Lovelace", "ACTIVE"],
      ["Grace", "Hopper", "INVITED"],
      ["Alan", "Turing", "NOT_INVITED"],
      ["Per%cent", "Under_score", "NOT_INVITED"],
    ] as const;
    const made = [];
    for (const [firstName, lastName, status] of people) {
      const m = await createMember(db, w.org.id, { status, firstName, lastName, account: { firstName, lastName } });
      await createCoachingRelationship(
        db,
        { coach: w.coach.membership, coachee: m.membership },
        { lastActivityAt: new Date(2026, 0, made.length + 1) },
      );
      made.push(m);
    }
    const names = async (raw: Record<string, string>) => (await listCoachees(db, w.coach, filter(raw))).rows.map((r) => r.firstName);

    expect(await names({ q: "ada love" })).toEqual(["Ada"]);
    expect(await names({ q: "HOPPER" })).toEqual(["Grace"]);
    // % and _ are literal characters, not wildcards: "%" finds only the name with a percent sign.
    expect(await names({ q: "%" })).toEqual(["Per%cent"]);
    expect(await names({ q: "r_c" })).toEqual([]);
    expect(await names({ q: "_" })).toEqual(["Per%cent"]);
    expect(await names({ status: "NOT_INVITED" })).toEqual(["Alan", "Per%cent"]);
    expect(await names({ status: "INVITED" })).toEqual(["Grace"]);

    const group = await createCoacheeGroup(db, w.coach.membership, { coachees: [made[0].membership, made[2].membership] });
    expect(await names({ group: group.id })).toEqual(["Ada", "Alan"]);
    // Another coach's group filters to nothing for this coach.
    const theirGroup = await createCoacheeGroup(db, w.otherCoach.membership);
    expect(await names({ group: theirGroup.id })).toEqual([]);

    // Newest first; never active (the world's participant) last either way.
    expect(await names({ sort: "lastActivity", dir: "desc" })).toEqual(["Per%cent", "Alan", "Grace", "Ada", "Test"]);
    expect(await names({ sort: "lastActivity" })).toEqual(["Ada", "Grace", "Alan", "Per%cent", "Test"]);
    const byStatus = await listCoachees(db, w.coach, filter({ sort: "status" }));
    expect(byStatus.rows.map((r) => r.status)).toEqual(["ACTIVE", "ACTIVE", "INVITED", "NOT_INVITED", "NOT_INVITED"]);

    // Pages: 25 a page; a page past the end shows the last.
    for (let i = 0; i < 26; i++) {
      const m = await createMember(db, w.org.id, { status: "NOT_INVITED", firstName: "Zed", lastName: `Zz${String(i).padStart(2, "0")}` });
      await createCoachingRelationship(db, { coach: w.coach.membership, coachee: m.membership });
    }
    const page2 = await listCoachees(db, w.coach, filter({ page: "2" }));
    expect(page2).toMatchObject({ total: 31, pages: 2 });
    expect(page2.rows).toHaveLength(6);
    expect(page2.rows.at(-1)!.lastName).toBe("Zz25");
    expect(page2.page).toBe(2);
    const past = await listCoachees(db, w.coach, filter({ page: "9" }));
    expect(past).toMatchObject({ total: 31, pages: 2, page: 2 });
    expect(past.rows).toEqual(page2.rows);
  });

  it("follows pathways: the primary coach gets the coachee; a new coach takes a PATHWAY relationship, an ADDED one stays", async () => {
    const w = await coachWorld();
    const ids = async (a: Actor) => (await listCoachees(db, a, filter())).rows.map((r) => r.id);
    const p1 = await createMember(db, w.org.id);
    const p2 = await createMember(db, w.org.id);
    const pathway1 = await createPathway(db, { cohort: w.cohort, participant: p1.membership, coach: w.otherCoach.membership });
    const pathway2 = await createPathway(db, { cohort: w.cohort, participant: p2.membership, coach: w.otherCoach.membership });
    expect(await ids(w.otherCoach)).toEqual(expect.arrayContaining([p1.membership.id, p2.membership.id]));
    // The other coach had also added p2 themselves.
    await db.coachingRelationship.update({
      where: {
        organizationId_coachMembershipId_coacheeMembershipId: {
          organizationId: w.org.id,
          coachMembershipId: w.otherCoach.membershipId,
          coacheeMembershipId: p2.membership.id,
        },
      },
      data: { origin: "ADDED" },
    });
    for (const p of [pathway1, pathway2])
      await db.pathway.update({
        where: { organizationId_id: { organizationId: w.org.id, id: p.id } },
        data: { coachMembershipId: w.coach.membershipId },
      });
    expect(await ids(w.coach)).toEqual(expect.arrayContaining([p1.membership.id, p2.membership.id]));
    const theirs = await ids(w.otherCoach);
    expect(theirs).not.toContain(p1.membership.id);
    expect(theirs).toContain(p2.membership.id);
  });
});

describe("adding a coachee", () => {
  it("without an invitation: a participant Not invited with the typed names, no email, audited", async () => {
    const w = await coachWorld();
    const email = `new-${unique()}@example.test`;
    const result = await add(w.coach, { email, firstName: "Nell", lastName: "New" });
    expect(english(result.message)).toMatch(/^Nell New: done\. If they are new here, they are your coachee now, not invited yet/);
    const m = await db.membership.findFirstOrThrow({ where: { organizationId: w.org.id, id: result.coacheeId }, include: { user: true } });
    expect(m).toMatchObject({ role: "PARTICIPANT", status: "NOT_INVITED", firstName: "Nell", lastName: "New", joinedAt: null });
    expect(m.user.email).toBe(email);
    expect(await mails(email)).toBe(0);
    expect(await db.invitation.count({ where: { email } })).toBe(0);
    const rel = await db.coachingRelationship.findFirstOrThrow({ where: { organizationId: w.org.id, coacheeMembershipId: m.id } });
    expect(rel).toMatchObject({ coachMembershipId: w.coach.membershipId, origin: "ADDED" });
    expect(await db.auditEvent.count({ where: { organizationId: w.org.id, action: "coachee.add", targetId: m.id } })).toBe(1);
    const row = (await listCoachees(db, w.coach, filter({ q: email }))).rows[0];
    expect(row).toMatchObject({ id: m.id, status: "NOT_INVITED", firstName: "Nell" });

    // Nobody but a coach adds coachees.
    for (const a of [w.admin, w.pm, w.participant, w.owner]) await expect(add(a, {})).rejects.toThrow(ForbiddenError);
  });

  it("with the invitation: through the invitation path (hashed token, outbox), and the link works", async () => {
    const w = await coachWorld();
    const email = `inv-${unique()}@example.test`;
    const result = await add(w.coach, { email, sendInvitation: "on" });
    expect(english(result.message)).toMatch(/we have emailed them an invitation/);
    const invitation = await db.invitation.findFirstOrThrow({ where: { organizationId: w.org.id, email } });
    expect(invitation).toMatchObject({ membershipId: result.coacheeId, role: "PARTICIPANT", acceptedAt: null });
    const token = await tokenFor(db, email);
    expect(invitation.tokenHash).not.toContain(token);
    expect(await db.auditEvent.count({ where: { organizationId: w.org.id, action: "invitation.send", targetId: result.coacheeId } })).toBe(
      1,
    );
    expect((await findInvitation(db, token))?.email).toBe(email);
    await acceptInvitation(
      db,
      { token, firstName: "Ada", lastName: "Joined", timezone: "UTC", password: "a long coachee passphrase" },
      ip(),
    );
    const row = (await listCoachees(db, w.coach, filter({ q: email }))).rows[0];
    expect(row).toMatchObject({ status: "ACTIVE", lastName: "Joined" });
  });

  it("an outsider's email (an account in another organisation) reads like a brand-new one", async () => {
    const w = await coachWorld();
    // Someone with an account in another organisation (with their own names and password).
    const outsider = w.other.admin.email;
    const brandNew = `brand-${unique()}@example.test`;
    const a = await add(w.coach, { email: outsider, firstName: "Out", lastName: "Sider" });
    const b = await add(w.coach, { email: brandNew, firstName: "Out", lastName: "Sider" });
    expect(a.message).toBe(b.message);
    const [ra, rb] = await Promise.all(
      [a, b].map(async (r) => {
        const {
          id: _id,
          email: _email,
          ...row
        } = (
          await listCoachees(
            db,
            w.coach,
            filter({ q: (await db.user.findFirstOrThrow({ where: { memberships: { some: { id: r.coacheeId } } } })).email }),
          )
        ).rows[0];
        return row;
      }),
    );
    expect(ra).toEqual(rb);
    expect(ra).toMatchObject({ firstName: "Out", lastName: "Sider", status: "NOT_INVITED" });
    // The account elsewhere is untouched.
    expect((await db.user.findUniqueOrThrow({ where: { email: outsider } })).firstName).toBe(w.other.admin.user.firstName);
    // Invited later, both read the same too.
    await inviteCoachee(db, w.coach, a.coacheeId);
    await inviteCoachee(db, w.coach, b.coacheeId);
    const statuses = (await listCoachees(db, w.coach, filter({ status: "INVITED" }))).rows.map((r) => r.id).sort();
    expect(statuses).toEqual([a.coacheeId, b.coacheeId].sort());
  });

  it("refuses bad input next to the field and changes nothing", () => {
    const parsed = addCoacheeSchema.safeParse({ firstName: "", lastName: "x\ny", email: "not-an-email" });
    expect(parsed.success).toBe(false);
    const fields = parsed.error!.issues.map((i) => i.path[0]).sort();
    expect(fields).toEqual(["email", "firstName", "lastName"]);
  });
});

describe("inviting and resending", () => {
  it("Not invited -> Invited for the coach's own coachee only; resend gives a fresh link and kills the old", async () => {
    const w = await coachWorld();
    const email = `later-${unique()}@example.test`;
    const { coacheeId } = await add(w.coach, { email });
    // Another coach, another organisation's coach, an admin: not found or forbidden; nothing sent.
    await expect(inviteCoachee(db, w.otherCoach, coacheeId)).rejects.toThrow(NotFoundError);
    await expect(inviteCoachee(db, w.other.coach, coacheeId)).rejects.toThrow(NotFoundError);
    await expect(inviteCoachee(db, w.admin, coacheeId)).rejects.toThrow(ForbiddenError);
    await expect(inviteCoachee(db, w.participant, coacheeId)).rejects.toThrow(ForbiddenError);
    expect(await englishError(resendCoacheeInvitation(db, w.coach, coacheeId))).toBe("Not invited: no invitation to resend");
    expect(await mails(email)).toBe(0);

    await inviteCoachee(db, w.coach, coacheeId);
    expect(await mails(email)).toBe(1);
    expect(await englishError(inviteCoachee(db, w.coach, coacheeId))).toBe("Already invited: resend the invitation instead");
    const first = await tokenFor(db, email);
    expect(await findInvitation(db, first)).not.toBeNull();

    await expect(resendCoacheeInvitation(db, w.otherCoach, coacheeId)).rejects.toThrow(NotFoundError);
    await resendCoacheeInvitation(db, w.coach, coacheeId);
    const second = await tokenFor(db, email);
    expect(second).not.toBe(first);
    expect(await findInvitation(db, first)).toBeNull();
    expect(await findInvitation(db, second)).not.toBeNull();
    expect(await db.auditEvent.count({ where: { organizationId: w.org.id, action: "invitation.resend", targetId: coacheeId } })).toBe(1);
    // Rate limited like every resend (5 an hour per invitation).
    for (let i = 0; i < 4; i++) await resendCoacheeInvitation(db, w.coach, coacheeId);
    await expect(resendCoacheeInvitation(db, w.coach, coacheeId)).rejects.toThrow(RateLimitedError);
  });

  it("the coach rule in the invitation path is narrow: own coachees, participants, nothing but the status", async () => {
    const w = await coachWorld();
    const stranger = await createMember(db, w.org.id, { status: "NOT_INVITED" });
    const own = await createMember(db, w.org.id, { status: "NOT_INVITED" });
    await createCoachingRelationship(db, { coach: w.coach.membership, coachee: own.membership });
    const input = (emails: string, extra: Record<string, unknown> = {}) =>
      inviteSchema.parse({ emails, role: "PARTICIPANT", programmeIds: [], unitId: "", message: "", ...extra });
    const t = tenantDb(db, w.org.id);
    const via = (i: ReturnType<typeof input>) => t.$transaction((tx) => sendInvitationsIn(tx, w.coach, i));
    // The org-wide services stay closed to a coach, even for their own coachee.
    await expect(sendInvitations(db, w.coach, input(own.user.email))).rejects.toThrow(ForbiddenError);
    await expect(checkInvitations(db, w.coach, input(own.user.email))).rejects.toThrow(ForbiddenError);
    await expect(resendInvitation(db, w.coach, crypto.randomUUID())).rejects.toThrow(ForbiddenError);
    // Inside the path: not a coachee, a new address, another role, programmes: refused.
    await expect(via(input(stranger.user.email))).rejects.toThrow(ForbiddenError);
    await expect(via(input(`x-${unique()}@example.test`))).rejects.toThrow(ForbiddenError);
    await expect(via(input(own.user.email, { role: "COACH" }))).rejects.toThrow(ForbiddenError);
    await expect(via(input(`${own.user.email}, ${stranger.user.email}`))).rejects.toThrow(ForbiddenError);
    await expect(via(input(own.user.email, { programmeIds: [w.programme.id] }))).rejects.toThrow(ForbiddenError);
    expect(
      await db.invitation.count({ where: { organizationId: w.org.id, membershipId: { in: [own.membership.id, stranger.membership.id] } } }),
    ).toBe(0);
    // Positive control: their own coachee, as a participant, nothing else.
    expect((await via(input(own.user.email))).sent).toBe(1);
  });
});

describe("cancelling a coachee's invitation", () => {
  const invitationOf = (orgId: string, membershipId: string) =>
    db.invitation.findFirstOrThrow({ where: { organizationId: orgId, membershipId, acceptedAt: null, cancelledAt: null } });

  it("a coachee the coach added goes back to Not invited, still the coach's; the link dies", async () => {
    const w = await coachWorld();
    const email = `cancel-${unique()}@example.test`;
    const { coacheeId } = await add(w.coach, { email, sendInvitation: "on" });
    const token = await tokenFor(db, email);
    await sendMessage(db, w.coach, { to: coacheeId, body: "Welcome aboard" });
    await cancelInvitation(db, w.admin, (await invitationOf(w.org.id, coacheeId)).id);
    expect(await findInvitation(db, token)).toBeNull();
    const row = (await listCoachees(db, w.coach, filter({ q: email }))).rows[0];
    expect(row).toMatchObject({ id: coacheeId, status: "NOT_INVITED" });
    // Invited again later, through the same path.
    await inviteCoachee(db, w.coach, coacheeId);
    expect((await listCoachees(db, w.coach, filter({ q: email }))).rows[0].status).toBe("INVITED");
  });

  it("a participant invited onto a pathway goes with it, with the activity of its sessions (as before coaching existed)", async () => {
    const w = await coachWorld();
    const p = await createMember(db, w.org.id, { status: "NOT_INVITED" });
    await sendInvitations(
      db,
      w.admin,
      inviteSchema.parse({ emails: p.user.email, role: "PARTICIPANT", programmeIds: [], unitId: "", message: "" }),
    );
    const pathway = await createPathway(db, { cohort: w.cohort, participant: p.membership, coach: w.coach.membership });
    await scheduleSession(db, w.pm, { pathwayId: pathway.id, title: "Kick-off", date: "2030-01-06", time: "10:00", durationMinutes: 45 });
    expect(await db.activity.count({ where: { organizationId: w.org.id, coacheeMembershipId: p.membership.id } })).toBe(1);
    await cancelInvitation(db, w.admin, (await invitationOf(w.org.id, p.membership.id)).id);
    expect(await db.membership.count({ where: { organizationId: w.org.id, id: p.membership.id } })).toBe(0);
    expect(await db.activity.count({ where: { organizationId: w.org.id, coacheeMembershipId: p.membership.id } })).toBe(0);
  });
});

describe("editing a coachee", () => {
  it("names and email only while never active; another coach cannot", async () => {
    const w = await coachWorld();
    const { coacheeId } = await add(w.coach, {});
    const newEmail = `renamed-${unique()}@example.test`;
    const edit = (a: Actor, raw: Record<string, string> = {}) =>
      editCoachee(db, a, editCoacheeSchema.parse({ coacheeId, firstName: "Augusta", lastName: "King", email: newEmail, ...raw }));
    await expect(edit(w.otherCoach)).rejects.toThrow(NotFoundError);
    await expect(edit(w.other.coach)).rejects.toThrow(NotFoundError);
    await expect(edit(w.admin)).rejects.toThrow(ForbiddenError);
    await expect(coacheeForEdit(db, w.otherCoach, coacheeId)).rejects.toThrow(NotFoundError);
    expect((await coacheeForEdit(db, w.coach, coacheeId)).editable).toBe(true);

    const result = await edit(w.coach);
    expect(result.changed.sort()).toEqual(["email", "firstName", "lastName"]);
    expect(result.reinvited).toBe(false);
    const row = (await listCoachees(db, w.coach, filter({ q: "augusta" }))).rows[0];
    expect(row).toMatchObject({ id: coacheeId, firstName: "Augusta", lastName: "King", email: newEmail, status: "NOT_INVITED" });
    expect(await db.auditEvent.count({ where: { organizationId: w.org.id, action: "member.update", targetId: coacheeId } })).toBe(1);

    // Once they have joined: refused, nothing changes.
    await db.membership.updateMany({
      where: { organizationId: w.org.id, id: coacheeId },
      data: { status: "ACTIVE", joinedAt: new Date() },
    });
    expect((await coacheeForEdit(db, w.coach, coacheeId)).editable).toBe(false);
    await expect(edit(w.coach, { firstName: "Changed" })).rejects.toThrow(ValidationError);
    const still = await db.membership.findFirstOrThrow({ where: { organizationId: w.org.id, id: coacheeId } });
    expect(still.userId).toBe((await db.user.findUniqueOrThrow({ where: { email: newEmail } })).id);
    // The world's participant joined long ago: also refused.
    await expect(edit(w.coach, { coacheeId: w.participant.membershipId })).rejects.toThrow(ValidationError);
  });

  it("a new email for an invited coachee kills the old link and sends a fresh one to the new address", async () => {
    const w = await coachWorld();
    const oldEmail = `old-${unique()}@example.test`;
    const newEmail = `new-${unique()}@example.test`;
    const { coacheeId } = await add(w.coach, { email: oldEmail, sendInvitation: "on" });
    const oldToken = await tokenFor(db, oldEmail);
    expect(await findInvitation(db, oldToken)).not.toBeNull();

    const result = await editCoachee(
      db,
      w.coach,
      editCoacheeSchema.parse({ coacheeId, firstName: "Ada", lastName: "Lovelace", email: newEmail }),
    );
    expect(result.reinvited).toBe(true);
    expect(await findInvitation(db, oldToken)).toBeNull();
    await expect(
      acceptInvitation(
        db,
        { token: oldToken, firstName: "X", lastName: "Y", timezone: "UTC", password: "a long coachee passphrase" },
        ip(),
      ),
    ).rejects.toThrow(InvalidInvitationError);
    const newToken = await tokenFor(db, newEmail);
    expect((await findInvitation(db, newToken))?.email).toBe(newEmail);
    expect(
      await db.invitation.count({ where: { organizationId: w.org.id, membershipId: coacheeId, acceptedAt: null, cancelledAt: null } }),
    ).toBe(1);
    const row = (await listCoachees(db, w.coach, filter({ q: newEmail }))).rows[0];
    expect(row).toMatchObject({ id: coacheeId, status: "INVITED" });
    // The old address's account is not this coachee's any more; the new one can accept.
    await acceptInvitation(
      db,
      { token: newToken, firstName: "Ada", lastName: "L", timezone: "UTC", password: "a long coachee passphrase" },
      ip(),
    );
    expect((await listCoachees(db, w.coach, filter({ q: newEmail }))).rows[0].status).toBe("ACTIVE");
  });

  it("a coachee who joins while the edit is under way keeps their membership: the email change is refused", async () => {
    const w = await coachWorld();
    const email = `racing-${unique()}@example.test`;
    const { coacheeId } = await add(w.coach, { email });
    const account = await db.user.findUniqueOrThrow({ where: { email } });
    // She joins in a transaction that has written but not yet committed when the edit starts.
    let commit!: () => void;
    let written!: () => void;
    const wrote = new Promise<void>((r) => (written = r));
    let joiner = 0;
    const joining = db.$transaction(
      async (tx) => {
        joiner = await backendPid(tx);
        await tx.membership.updateMany({
          where: { organizationId: w.org.id, id: coacheeId },
          data: { status: "ACTIVE", joinedAt: new Date() },
        });
        written();
        await new Promise<void>((r) => (commit = r));
      },
      { timeout: 20_000 },
    );
    await wrote;
    const editing = editCoachee(
      db,
      w.coach,
      editCoacheeSchema.parse({ coacheeId, firstName: "Ada", lastName: "Lovelace", email: `taken-${unique()}@example.test` }),
    ).then(
      () => "saved",
      (e: unknown) => e,
    );
    // The edit has reached the row the joining transaction holds: only now does she commit.
    await waitUntilBlocked(db, joiner);
    commit();
    await joining;
    expect(await editing).toBeInstanceOf(ValidationError);
    const after = await db.membership.findFirstOrThrow({ where: { organizationId: w.org.id, id: coacheeId } });
    expect(after.userId).toBe(account.id);
  });

  it("refuses an email that belongs to another member here", async () => {
    const w = await coachWorld();
    const { coacheeId } = await add(w.coach, {});
    expect(
      await fieldErrorsOf(
        editCoachee(db, w.coach, editCoacheeSchema.parse({ coacheeId, firstName: "A", lastName: "B", email: w.admin.email })),
      ),
    ).toMatchObject({ email: ["Someone else in this organisation has this email"] });
  });
});

describe("editing a coachee shared with another coach", () => {
  it("another coach's coachee cannot be moved to a new email (their conversation would go with it); names still can", async () => {
    const w = await coachWorld();
    // Invited by the organisation, coached by the other coach, who has written to her.
    const p = await createMember(db, w.org.id, { status: "INVITED", firstName: "Pat", lastName: "Shared" });
    await createCoachingRelationship(db, { coach: w.otherCoach.membership, coachee: p.membership });
    await sendMessage(db, w.otherCoach, { to: p.membership.id, body: "Only for Pat: how did the interview go?" });
    // The coach becomes her coach too (she accepted, or an administrator linked them), then tries to
    // send her invitation to an address of their own.
    await createCoachingRelationship(db, { coach: w.coach.membership, coachee: p.membership });
    const attacker = `mine-${unique()}@example.test`;
    const edit = (raw: Record<string, string>) =>
      editCoachee(db, w.coach, editCoacheeSchema.parse({ coacheeId: p.membership.id, firstName: "Pat", lastName: "Shared", ...raw }));
    expect(await fieldErrorsOf(edit({ email: attacker }))).toMatchObject({ email: [expect.stringMatching(/another coach/i)] });
    const after = await db.membership.findFirstOrThrow({ where: { organizationId: w.org.id, id: p.membership.id } });
    expect(after.userId).toBe(p.user.id);
    expect(await mails(attacker)).toBe(0);
    expect(await db.invitation.count({ where: { organizationId: w.org.id, membershipId: p.membership.id, email: attacker } })).toBe(0);
    // Names are the organisation's own until she joins: those may change.
    expect((await edit({ email: p.user.email, firstName: "Patricia" })).changed).toEqual(["firstName"]);
    // Positive control: once she is this coach's alone, the email may change.
    await db.coachingRelationship.deleteMany({ where: { organizationId: w.org.id, coachMembershipId: w.otherCoach.membershipId } });
    expect((await edit({ email: attacker, firstName: "Patricia" })).changed).toEqual(["email"]);
  });
});

describe("coachee groups", () => {
  it("two saves of one new name at the same moment make one group; the other is told at the name field", async () => {
    const w = await coachWorld();
    const a = await add(w.coach, { firstName: "Alpha" });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        createGroup(db, w.coach, createGroupSchema.parse({ name: "Same", description: "", coacheeIds: [a.coacheeId] })),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected"))
      expect(english(((r as PromiseRejectedResult).reason as ValidationError).fieldErrors)).toMatchObject({
        name: ["You already have a group with this name"],
      });
    expect((await listGroups(db, w.coach)).map((g) => g.name)).toEqual(["Same"]);
  });

  it("create, list with counts, edit members, add from a row, delete keeps the coachees", async () => {
    const w = await coachWorld();
    const a = await add(w.coach, { firstName: "Alpha" });
    const b = await add(w.coach, { firstName: "Beta" });
    const theirs = await add(w.otherCoach, { firstName: "Gamma" });
    const input = (raw: Record<string, unknown>) => createGroupSchema.parse({ name: "Leaders", description: "", ...raw });

    // Only own coachees: another coach's coachee is refused, nothing created.
    await expect(createGroup(db, w.coach, input({ coacheeIds: [a.coacheeId, theirs.coacheeId] }))).rejects.toThrow(ValidationError);
    expect(await listGroups(db, w.coach)).toEqual([]);
    await expect(createGroup(db, w.participant, input({}))).rejects.toThrow(ForbiddenError);
    await expect(createGroup(db, w.admin, input({}))).rejects.toThrow(ForbiddenError);

    const group = await createGroup(db, w.coach, input({ coacheeIds: [a.coacheeId], description: "Team leads" }));
    expect(await fieldErrorsOf(createGroup(db, w.coach, input({ name: "leaders" })))).toMatchObject({
      name: ["You already have a group with this name"],
    });
    // Another coach may use the same name for their own group.
    await createGroup(db, w.otherCoach, input({ coacheeIds: [theirs.coacheeId] }));
    expect(await listGroups(db, w.coach)).toEqual([{ id: group.id, name: "Leaders", description: "Team leads", members: 1 }]);

    // Another coach's view of this group: not found, for every operation.
    await expect(getGroup(db, w.otherCoach, group.id)).rejects.toThrow(NotFoundError);
    await expect(deleteGroup(db, w.otherCoach, group.id)).rejects.toThrow(NotFoundError);
    await expect(deleteGroup(db, w.other.coach, group.id)).rejects.toThrow(NotFoundError);
    await expect(updateGroup(db, w.otherCoach, { groupId: group.id, name: "Mine", description: "", coacheeIds: [] })).rejects.toThrow(
      NotFoundError,
    );
    await expect(addToGroup(db, w.otherCoach, { groupId: group.id, coacheeId: theirs.coacheeId })).rejects.toThrow(NotFoundError);
    await expect(addToGroup(db, w.coach, { groupId: group.id, coacheeId: theirs.coacheeId })).rejects.toThrow(NotFoundError);

    expect(await addToGroup(db, w.coach, { groupId: group.id, coacheeId: b.coacheeId })).toEqual({ group: "Leaders", added: true });
    expect(await addToGroup(db, w.coach, { groupId: group.id, coacheeId: b.coacheeId })).toEqual({ group: "Leaders", added: false });
    expect((await getGroup(db, w.coach, group.id)).coacheeIds.sort()).toEqual([a.coacheeId, b.coacheeId].sort());

    await updateGroup(db, w.coach, { groupId: group.id, name: "Leads", description: "", coacheeIds: [b.coacheeId] });
    expect(await getGroup(db, w.coach, group.id)).toMatchObject({ name: "Leads", coacheeIds: [b.coacheeId] });
    expect((await listCoachees(db, w.coach, filter({ group: group.id }))).rows.map((r) => r.id)).toEqual([b.coacheeId]);

    await deleteGroup(db, w.coach, group.id);
    expect(await listGroups(db, w.coach)).toEqual([]);
    const ids = (await listCoachees(db, w.coach, filter())).rows.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([a.coacheeId, b.coacheeId]));
  });

  it("the database itself refuses a member who is not the group's coach's coachee", async () => {
    const w = await coachWorld();
    const group = await createCoacheeGroup(db, w.coach.membership);
    const theirs = await add(w.otherCoach, {});
    const member = (coacheeMembershipId: string) => ({
      organizationId: w.org.id,
      groupId: group.id,
      coachMembershipId: w.coach.membershipId,
      coacheeMembershipId,
    });
    await expect(db.coacheeGroupMember.create({ data: member(theirs.coacheeId) })).rejects.toThrow(
      /CoacheeGroupMember_organizationId_coachMembershipId_coache_fkey/,
    );
    // Positive control: the group's coach's own coachee joins.
    const mine = await add(w.coach, {});
    await expect(db.coacheeGroupMember.create({ data: member(mine.coacheeId) })).resolves.toMatchObject({
      coacheeMembershipId: mine.coacheeId,
    });
  });
});

describe("oversight from the coach's user page", () => {
  it("admins see every coachee; a programme manager only those in their programmes; others may not look", async () => {
    const w = await coachWorld();
    const added = await add(w.coach, { firstName: "Outside", lastName: "Programmes" });
    const programme2 = await createProgramme(db, w.org.id, { name: `Second ${unique()}` });
    const cohort2 = await createCohort(db, programme2, { name: "Two" });
    const inTwo = await createMember(db, w.org.id, { firstName: "In", lastName: "Two" });
    await createPathway(db, { cohort: cohort2, participant: inTwo.membership, coach: w.coach.membership });

    const admin = await coacheesOfCoach(db, w.admin, w.coach.membershipId);
    expect(admin.total).toBe(3);
    expect(admin.rows.map((r) => r.id).sort()).toEqual([w.participant.membershipId, added.coacheeId, inTwo.membership.id].sort());
    // Names, status, programmes: nothing else.
    expect(Object.keys(admin.rows[0]).sort()).toEqual(["firstName", "id", "lastName", "programmes", "status"]);

    // The world's PM is assigned to the first programme only.
    const pm = await coacheesOfCoach(db, w.pm, w.coach.membershipId);
    expect(pm.rows.map((r) => r.id)).toEqual([w.participant.membershipId]);
    expect(pm.rows[0].programmes).toEqual([w.programme.name]);
    // A PM of the second programme sees the other one, and only that programme's name.
    const pm2 = await createActor(db, w.org.id, "PROGRAM_MANAGER");
    await assignProgramme(db, programme2, pm2.membership);
    await createPathway(db, { cohort: w.cohort, participant: inTwo.membership, coach: w.otherCoach.membership });
    const seen2 = await coacheesOfCoach(db, pm2, w.coach.membershipId);
    expect(seen2.rows).toEqual([expect.objectContaining({ id: inTwo.membership.id, programmes: [programme2.name] })]);
    // A PM with no programmes sees none.
    const pm3 = await createActor(db, w.org.id, "PROGRAM_MANAGER");
    expect((await coacheesOfCoach(db, pm3, w.coach.membershipId)).rows).toEqual([]);

    // Not a coach, another organisation's coach, a missing id: not found.
    await expect(coacheesOfCoach(db, w.admin, w.participant.membershipId)).rejects.toThrow(NotFoundError);
    await expect(coacheesOfCoach(db, w.admin, w.other.coach.membershipId)).rejects.toThrow(NotFoundError);
    await expect(coacheesOfCoach(db, w.admin, crypto.randomUUID())).rejects.toThrow(NotFoundError);
    await expect(coacheesOfCoach(db, w.other.admin, w.coach.membershipId)).rejects.toThrow(NotFoundError);
    // The coach, the participant, the sponsor: not for them.
    for (const a of [w.coach, w.participant, w.sponsor])
      await expect(coacheesOfCoach(db, a, w.coach.membershipId)).rejects.toThrow(ForbiddenError);
  });
});
