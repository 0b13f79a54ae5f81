import { describe, expect, it } from "vitest";
import type { Actor } from "../../lib/authz/actor";
import { isExpectedError } from "../../lib/errors";
import { acceptInvitation } from "../../lib/invitations/accept";
import { checkInvitations, inviteSchema } from "../../lib/invitations/check";
import { sendInvitations } from "../../lib/invitations/send";
import { inviteMembers } from "../../lib/invitations/invite-members";
import { cancelInvitation, resendForMembers } from "../../lib/invitations/pending";
import { runBulk } from "../../lib/users/bulk";
import { deactivateMembers, reactivateMembers } from "../../lib/users/activation";
import { type BulkResult } from "../../lib/users/bulk-step";
import {
  MEMBERSHIP_MACHINE,
  MEMBERSHIP_OPS,
  MEMBERSHIP_STATES,
  membershipState,
  type MembershipOp,
  type MembershipState,
  type Step,
} from "../../lib/users/membership-state";
import { NO_SEATS_MESSAGE, seatUsage } from "../../lib/users/seats";
import { tenantDb } from "../../lib/db/tenant";
import { createInvitation, createMember, createUnit, unique } from "../factories";
import { testDb } from "../support/db";
import { english, englishError } from "../support/english";
import { createOrganizationWith } from "../support/world";

// Every cell of the membership state machine (lib/users/membership-state.ts), run through the real
// services: each state is reached the way a person reaches it, then each operation is tried. What the
// table allows must succeed and land in the state it names; what it refuses must change nothing and
// answer with the table's message, which says what to do instead.

const db = testDb();
let address = 0;
const ip = () => `203.0.113.${(++address % 250) + 1}`;
const invite = (emails: string, role = "COACH") => inviteSchema.parse({ emails, role, unitId: "", message: "", programmeIds: [] });

async function tokenFor(to: string): Promise<string> {
  const mail = await db.emailOutbox.findFirstOrThrow({ where: { toAddress: to, template: "invitation" }, orderBy: { createdAt: "desc" } });
  return /\/invite\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
}

type Subject = { org: { id: string }; admin: Actor; email: string; membershipId: string; invitationId: string; token: string };

/** Someone in `state`, reached through the services; with the last invitation they had and its link. */
async function personIn(state: MembershipState): Promise<Subject> {
  const { org, admin } = await createOrganizationWith(db, ["admin"], { seatLimit: 50 });
  const email = `person-${unique()}@example.test`;
  if (state === "NOT_INVITED") {
    // Left behind "not invited" when their invitation was cancelled after their pathway moved the ledger.
    const member = await createMember(db, org.id, {
      role: "COACH",
      status: "NOT_INVITED",
      email,
      account: { firstName: "Nora", lastName: "Notinvited" },
    });
    const { invitation: i, token } = await createInvitation(db, org.id, {
      member,
      cancelledAt: new Date(),
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    return { org, admin, email, membershipId: member.membership.id, invitationId: i.id, token };
  }
  await sendInvitations(db, admin, invite(email));
  const token = await tokenFor(email);
  const invitation = await db.invitation.findFirstOrThrow({ where: { organizationId: org.id, email } });
  const membershipId = invitation.membershipId!;
  const subject = { org, admin, email, membershipId, invitationId: invitation.id, token };
  if (state === "INVITED") return subject;
  if (state === "NONE") {
    await cancelInvitation(db, admin, invitation.id);
    return subject;
  }
  if (state === "DEACTIVATED_NEVER_JOINED") {
    await deactivateMembers(db, admin, [membershipId]);
    return subject;
  }
  await acceptInvitation(
    db,
    { token, firstName: "Ada", lastName: "Joined", timezone: "UTC", password: "a joined person's passphrase" },
    ip(),
  );
  if (state === "DEACTIVATED") await deactivateMembers(db, admin, [membershipId]);
  return subject;
}

async function stateOf(s: Subject): Promise<MembershipState> {
  const m = await db.membership.findFirst({
    where: { organizationId: s.org.id, user: { email: s.email } },
    select: { status: true, joinedAt: true },
  });
  return membershipState(m);
}

const mails = (s: Subject) => db.emailOutbox.count({ where: { toAddress: s.email } });

/** What a bulk step (a page's single action is one with one id) must answer for this cell. */
function expectBulk(result: BulkResult, step: Step) {
  if ("to" in step) expect(result).toMatchObject({ applied: true, outcomes: [{ outcome: "done" }] });
  else if ("skip" in step) expect(result.outcomes).toMatchObject([{ outcome: "skipped", reason: step.skip }]);
  else expect(result).toMatchObject({ applied: false, outcomes: [{ outcome: "refused", reason: step.refuse }] });
}

/** The operation from the state, through the services a person uses for it; returns what it answered. */
const run: Record<MembershipOp, (s: Subject, step: Step) => Promise<void>> = {
  // The invite form, the way every invitation goes: its check says what Send will do, and Send does it.
  invite: async (s, step) => {
    const checked = await checkInvitations(db, s.admin, invite(s.email));
    expect(checked.addresses[0]).toMatchObject(
      "to" in step ? { ok: true, message: step.says } : { ok: false, message: "refuse" in step ? step.refuse : step.skip },
    );
    const sent = await sendInvitations(db, s.admin, invite(s.email));
    expect(sent.sent).toBe("to" in step ? 1 : 0);
  },
  resend: async (s, step) => expectBulk(await resendForMembers(db, s.admin, [s.membershipId]), step),
  deactivate: async (s, step) => expectBulk(await deactivateMembers(db, s.admin, [s.membershipId]), step),
  reactivate: async (s, step) => expectBulk(await reactivateMembers(db, s.admin, [s.membershipId]), step),
  accept: async (s, step) => {
    const answer = await acceptInvitation(
      db,
      { token: s.token, firstName: "Ada", lastName: "Late", timezone: "UTC", password: "a late person's passphrase" },
      ip(),
    ).catch((e) => e);
    if ("to" in step) expect(answer).toMatchObject({ email: s.email });
    else expect([isExpectedError(answer), english(answer.message)]).toEqual([true, english("refuse" in step ? step.refuse : step.skip)]);
  },
  cancel: async (s, step) => {
    const answer = await cancelInvitation(db, s.admin, s.invitationId).catch((e) => e);
    if ("to" in step) expect(answer).toBeUndefined();
    else expect([isExpectedError(answer), english(answer.message)]).toEqual([true, english("refuse" in step ? step.refuse : step.skip)]);
  },
};

describe("the membership state machine, cell by cell", () => {
  const cells = MEMBERSHIP_STATES.flatMap((state) => MEMBERSHIP_OPS.map((op) => [state, op] as const));

  it.each(cells)("%s, %s: does what the table says, or refuses with what to do instead and changes nothing", async (state, op) => {
    const s = await personIn(state);
    expect(await stateOf(s)).toBe(state);
    const step = MEMBERSHIP_MACHINE[state].steps[op];
    const [mailsBefore, seatsBefore] = [await mails(s), (await seatUsage(tenantDb(db, s.org.id))).used];
    await run[op](s, step);
    if ("to" in step) {
      expect(await stateOf(s)).toBe(step.to);
    } else {
      expect(await stateOf(s)).toBe(state);
      expect(await mails(s)).toBe(mailsBefore);
      expect((await seatUsage(tenantDb(db, s.org.id))).used).toBe(seatsBefore);
    }
  });

  // The page's (and the bulk menu's) invite: the same cell, through the membership instead of the address.
  it.each(MEMBERSHIP_STATES.filter((s) => s !== "NONE"))("%s, invite from their page: as the table says", async (state) => {
    const s = await personIn(state);
    const step = MEMBERSHIP_MACHINE[state].steps.invite;
    const mailsBefore = await mails(s);
    expectBulk(await inviteMembers(db, s.admin, [s.membershipId]), step);
    expect(await stateOf(s)).toBe("to" in step ? step.to : state);
    expect(await mails(s)).toBe(mailsBefore + ("to" in step ? 1 : 0));
  });

  it("gives every state exactly one way forward, and every refusal an instead", () => {
    for (const state of MEMBERSHIP_STATES) {
      const row = MEMBERSHIP_MACHINE[state];
      // Active is where the way forward ends; every other state has one, and the table allows it.
      expect(row.forward === null, state).toBe(state === "ACTIVE");
      if (row.forward) expect("to" in row.steps[row.forward.op], state).toBe(true);
      for (const op of MEMBERSHIP_OPS) {
        const step = row.steps[op];
        // Refusals other than "not found" and "already has an account" name what to do instead.
        if ("refuse" in step && !["Not found", "Already has an active account"].includes(english(step.refuse)))
          expect(english(step.refuse), `${state} ${op}`).toMatch(/instead|ask|nothing to/i);
      }
    }
  });
});

describe("a deactivated invitee who never joined", () => {
  it("is invited again from their page (the invitation path: seat, token, email, audit), then joins", async () => {
    const s = await personIn("DEACTIVATED_NEVER_JOINED");
    const seats = (await seatUsage(tenantDb(db, s.org.id))).used;
    const result = await inviteMembers(db, s.admin, [s.membershipId]);
    expect(result).toMatchObject({ applied: true, outcomes: [{ membershipId: s.membershipId, outcome: "done" }] });
    expect(await stateOf(s)).toBe("INVITED");
    expect((await seatUsage(tenantDb(db, s.org.id))).used).toBe(seats + 1); // a coach takes a seat again
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { organizationId: s.org.id, action: "invitation.send", targetId: s.membershipId },
      orderBy: { createdAt: "desc" },
    });
    expect(audit).toMatchObject({ before: { status: "DEACTIVATED" }, after: { status: "INVITED" } });
    // The old link stays dead; the new one joins them.
    const fresh = await tokenFor(s.email);
    expect(fresh).not.toBe(s.token);
    expect(
      await englishError(
        acceptInvitation(db, { token: s.token, firstName: "A", lastName: "B", timezone: "UTC", password: "a passphrase for them" }, ip()),
      ),
    ).toMatch(/no longer valid/);
    await acceptInvitation(
      db,
      { token: fresh, firstName: "Ada", lastName: "Back", timezone: "UTC", password: "a passphrase for them" },
      ip(),
    );
    expect(await stateOf(s)).toBe("ACTIVE");
  });

  it("keeps their unit stay whole when invited again into the same unit", async () => {
    const s = await personIn("DEACTIVATED_NEVER_JOINED");
    const unit = await createUnit(db, s.org.id);
    await db.membership.update({
      where: { organizationId_id: { organizationId: s.org.id, id: s.membershipId } },
      data: { unitId: unit.id },
    });
    await db.unitAssignment.create({ data: { organizationId: s.org.id, membershipId: s.membershipId, unitId: unit.id } });
    await inviteMembers(db, s.admin, [s.membershipId]);
    expect(await db.unitAssignment.count({ where: { membershipId: s.membershipId, endedAt: null } })).toBe(1);
  });
});

describe("a bulk step that refuses one member", () => {
  it("names that member, why and what to do instead, changes nobody, and the advice works", async () => {
    const joined = await personIn("DEACTIVATED");
    const org = joined.org;
    const admin = joined.admin;
    // Never joined, in the same organisation.
    const email = `never-${unique()}@example.test`;
    await sendInvitations(db, admin, invite(email));
    const never = await db.membership.findFirstOrThrow({ where: { organizationId: org.id, user: { email } }, include: { user: true } });
    // The name the organisation entered itself (it never sees the account's own before they join).
    await db.membership.update({
      where: { organizationId_id: { organizationId: org.id, id: never.id } },
      data: { firstName: "Nell", lastName: "Never" },
    });
    await deactivateMembers(db, admin, [never.id]);

    const result = await runBulk(db, admin, { op: "reactivate", membershipIds: [joined.membershipId, never.id], query: "" });
    expect(result.applied).toBe(false);
    expect(english(result.outcomes)).toContainEqual({
      membershipId: never.id,
      name: "Nell Never",
      outcome: "refused",
      reason: "Never joined: invite them again instead",
    });
    expect(english(result.outcomes)).toContainEqual(
      expect.objectContaining({
        membershipId: joined.membershipId,
        outcome: "refused",
        reason: "Not changed, because Nell Never was refused: leave them out, or do what their line says, then try again",
      }),
    );
    expect(
      await db.membership.count({ where: { organizationId: org.id, id: { in: [joined.membershipId, never.id] }, status: "DEACTIVATED" } }),
    ).toBe(2);

    // What it says to do: invite them again (the same bulk menu, or their page), then reactivate the other.
    expect((await runBulk(db, admin, { op: "invite", membershipIds: [never.id], query: "" })).applied).toBe(true);
    expect((await runBulk(db, admin, { op: "reactivate", membershipIds: [joined.membershipId], query: "" })).applied).toBe(true);
    expect((await db.membership.findFirstOrThrow({ where: { organizationId: org.id, id: never.id } })).status).toBe("INVITED");
  });

  it("undoes the members before it when the invitation path refuses one while applying, and names it", async () => {
    const { org, admin } = await createOrganizationWith(db, ["admin"], { seatLimit: 50 });
    const make = async (first: string, role: "COACH" | "IMPLEMENTATION_ADMIN") => {
      const email = `${first.toLowerCase()}-${unique()}@partner.test`;
      return (
        await createMember(db, org.id, {
          role,
          status: "NOT_INVITED",
          email,
          account: { firstName: first, lastName: "Later" },
          firstName: first,
          lastName: "Later",
        })
      ).membership;
    };
    const first = await make("Cora", "COACH");
    // Implementation admins are turned off in this organisation: the invitation path refuses Ian.
    const second = await make("Ian", "IMPLEMENTATION_ADMIN");
    const result = await inviteMembers(db, admin, [first.id, second.id]);
    expect(result.applied).toBe(false);
    expect(english(result.outcomes)).toEqual([
      {
        membershipId: first.id,
        name: "Cora Later",
        outcome: "refused",
        reason: "Not changed, because Ian Later was refused: leave them out, or do what their line says, then try again",
      },
      {
        membershipId: second.id,
        name: "Ian Later",
        outcome: "refused",
        reason: "Implementation admins are turned off in the organisation's settings",
      },
    ]);
    expect(await db.membership.count({ where: { organizationId: org.id, status: "NOT_INVITED" } })).toBe(2);
    expect(await db.invitation.count({ where: { organizationId: org.id } })).toBe(0);
    expect(await db.emailOutbox.count({ where: { organizationId: org.id } })).toBe(0);
  });

  it("refuses the whole step when the seats run out, with the seat message", async () => {
    const { org, admin } = await createOrganizationWith(db, ["admin"], { seatLimit: 2 }); // one seat used
    const ids = [];
    for (const first of ["Kim", "Lou"]) {
      const email = `${first.toLowerCase()}-${unique()}@example.test`;
      ids.push(
        (await createMember(db, org.id, { role: "COACH", status: "NOT_INVITED", email, account: { firstName: first, lastName: "Seat" } }))
          .membership.id,
      );
    }
    const result = await inviteMembers(db, admin, ids);
    expect(result).toMatchObject({ applied: false, outcomes: [{ reason: NO_SEATS_MESSAGE }, { reason: NO_SEATS_MESSAGE }] });
    expect((await seatUsage(tenantDb(db, org.id))).used).toBe(1);
    expect((await inviteMembers(db, admin, [ids[0]])).applied).toBe(true);
  });
});
