import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simpleParser } from "mailparser";
import type { Actor } from "../../lib/authz/actor";
import { authenticate } from "../../lib/auth/authenticate";
import type { Db } from "../../lib/db/client";
import { ForbiddenError, NotFoundError, RateLimitedError, ValidationError } from "../../lib/errors";
import { acceptInvitation, findInvitation, InvalidInvitationError } from "../../lib/invitations/accept";
import { parseAddressList } from "../../lib/invitations/addresses";
import { checkInvitations, inviteSchema } from "../../lib/invitations/check";
import { sendInvitations } from "../../lib/invitations/send";
import {
  cancelInvitation,
  listPendingInvitations,
  resendAllPending,
  resendForMembers,
  resendInvitation,
} from "../../lib/invitations/pending";
import { deliverDueEmails } from "../../lib/mail/deliver";
import { smtpTransport } from "../../lib/mail/transport";
import { hashPassword } from "../../lib/security/password";
import { hashToken } from "../../lib/security/tokens";
import { NO_SEATS_MESSAGE, seatUsage } from "../../lib/users/seats";
import { tenantDb } from "../../lib/db/tenant";
import { assignProgramme, createActor, createMember, createOrganization, createProgramme, unique } from "../factories";
import { english } from "../support/english";
import { isolatedDatabase, testDb } from "../support/db";
import { recordFigures } from "../support/figures";
import { startSmtpServer } from "../support/smtp";
import { createOrganizationWith, createWorld } from "../support/world";

const db = testDb();
let address = 0;
const ip = () => `198.51.100.${(++address % 250) + 1}`;
const PASSWORD = "a long invited passphrase";

const invite = (overrides: Record<string, unknown>) => inviteSchema.parse({ role: "COACH", unitId: "", message: "", ...overrides });
const emails = (n: number, tag = unique()) => Array.from({ length: n }, (_, i) => `person${i}-${tag}@example.test`);

/** The raw token of the newest invitation email to `to`, from the outbox. */
async function tokenFor(client: Db, to: string): Promise<string> {
  const mail = await client.emailOutbox.findFirstOrThrow({
    where: { toAddress: to, template: "invitation" },
    orderBy: { createdAt: "desc" },
  });
  return /\/invite\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
}

const accept = (token: string) =>
  acceptInvitation(db, { token, firstName: "New", lastName: "Person", timezone: "Europe/Paris", password: PASSWORD }, ip());

describe("address lists", () => {
  it("splits on commas, semicolons, spaces and new lines, mixed", () => {
    const parsed = parseAddressList("a@x.test, b@x.test;c@x.test d@x.test\ne@x.test\r\n,,; f@X.test\t g@x.test");
    expect(parsed.map((p) => p.email)).toEqual(["a@x.test", "b@x.test", "c@x.test", "d@x.test", "e@x.test", "f@x.test", "g@x.test"]);
  });

  it("refuses display names and multi-address tricks instead of guessing", () => {
    const tricks = [
      "Ada <ada@x.test>",
      '"ada@x.test"@evil.test',
      "ada@x.test%0aBcc:eve@evil.test",
      "<ada@x.test>",
      "ada@@x.test",
      "ada@x.test,<eve@evil.test>",
    ];
    for (const trick of tricks) {
      const parsed = parseAddressList(trick);
      // Whatever pieces a trick splits into, no piece smuggles a second recipient through as valid.
      expect(
        parsed.filter((p) => p.email && p.email !== "ada@x.test"),
        trick,
      ).toEqual([]);
      expect(
        parsed.some((p) => p.error),
        trick,
      ).toBe(true);
    }
    // A line break is a separator: what follows is another listed address, shown to the inviter as such.
    expect(parseAddressList("ada@x.test\nBcc: eve@evil.test").map((p) => p.email ?? `malformed ${p.input}`)).toEqual([
      "ada@x.test",
      "malformed Bcc:",
      "eve@evil.test",
    ]);
  });
});

describe("sending invitations", () => {
  it("checks the whole batch first, then invites: one membership, invitation and email each", async () => {
    const { org, admin } = await createOrganizationWith(db, ["admin"], { seatLimit: 10 });
    const active = await createMember(db, org.id, { role: "COACH" });
    const other = await createOrganization(db);
    const elsewhere = await createMember(db, other.id, { role: "COACH", passwordHash: await hashPassword(PASSWORD) });
    const fresh = emails(2);
    const list = [...fresh, fresh[0].toUpperCase(), active.user.email, elsewhere.user.email, "not-an-address"].join("\n");

    const checked = await checkInvitations(db, admin, invite({ emails: list }));
    // Someone with an account in another organisation reads exactly like a new address: that is not this organisation's business.
    expect(checked.addresses.map((a) => a.status)).toEqual(["new", "new", "duplicate", "active-member", "new", "malformed"]);
    expect(checked.addresses[4].message).toBe(checked.addresses[0].message);
    expect(english(checked.addresses[3].message)).toBe("Already has an active account");
    expect(english(checked.refusal)).toMatch(/3 addresses need attention/);
    expect(checked.preview.subject).toContain(org.name);
    expect(await db.invitation.count({ where: { organizationId: org.id } })).toBe(0); // the check wrote nothing

    // Sending the same list is refused whole: nothing written, nothing queued.
    const refused = await sendInvitations(db, admin, invite({ emails: list }));
    expect(refused.sent).toBe(0);
    expect(await db.membership.count({ where: { organizationId: org.id } })).toBe(2);
    expect(await db.emailOutbox.count({ where: { organizationId: org.id } })).toBe(0);

    const sent = await sendInvitations(
      db,
      admin,
      invite({ emails: [...fresh, elsewhere.user.email].join(", "), message: "Welcome aboard" }),
    );
    expect(sent.sent).toBe(3);
    expect(await db.membership.count({ where: { organizationId: org.id, status: "INVITED" } })).toBe(3);
    expect(await db.emailOutbox.count({ where: { organizationId: org.id, template: "invitation" } })).toBe(3);
    expect((await seatUsage(tenantDb(db, org.id))).used).toBe(5); // admin, coach, three invited coaches
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { toAddress: fresh[0] } });
    expect(mail.text).toContain("Welcome aboard");
    expect(mail.text).toContain("http://localhost:3000/invite/");

    // Invited again: offered a resend instead.
    const again = await checkInvitations(db, admin, invite({ emails: fresh[1] }));
    expect(again.addresses[0]).toMatchObject({ status: "already-invited", ok: false });
    expect(again.addresses[0].invitationId).toBe(
      (await db.invitation.findFirstOrThrow({ where: { organizationId: org.id, email: fresh[1] } })).id,
    );
  });

  it("refuses the entire batch when one seat-taking invite would pass the limit; participants take none", async () => {
    const { org, owner } = await createOrganizationWith(db, ["owner"], { seatLimit: 3 });
    const refused = await sendInvitations(db, owner, invite({ emails: emails(3).join(" ") }));
    expect(refused.refusal).toBe(NO_SEATS_MESSAGE);
    expect(refused.sent).toBe(0);
    expect(await db.membership.count({ where: { organizationId: org.id } })).toBe(1);
    expect((await sendInvitations(db, owner, invite({ emails: emails(2).join(" ") }))).sent).toBe(2);
    expect((await sendInvitations(db, owner, invite({ role: "PARTICIPANT", emails: emails(20).join(" ") }))).sent).toBe(20);
    expect((await seatUsage(tenantDb(db, org.id))).used).toBe(3);
    // Even over the limit (it was lowered), invites that take no seat go through.
    await db.organization.update({ where: { id: org.id }, data: { seatLimit: 2 } });
    expect((await sendInvitations(db, owner, invite({ role: "PARTICIPANT", emails: emails(1).join() }))).sent).toBe(1);
  });

  it("holds the seat limit when 50 batches race for 10 free seats", async () => {
    const { org, owner } = await createOrganizationWith(db, ["owner"], { seatLimit: 11 });
    const batches = Array.from({ length: 50 }, (_, i) => emails(1 + (i % 3), `race${i}-${unique()}`));
    const results = await Promise.allSettled(batches.map((b) => sendInvitations(db, owner, invite({ emails: b.join(",") }))));
    const used = (await seatUsage(tenantDb(db, org.id))).used;
    const sent = results.reduce((n, r) => n + (r.status === "fulfilled" ? r.value.sent : 0), 0);
    recordFigures("invitation-seat-race", { concurrentInvites: batches.length, seatLimitBreaches: Math.max(0, used - 11) });
    expect(used).toBeLessThanOrEqual(11);
    expect(sent).toBe(used - 1);
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
  });

  it("creates one invitation and one email from identical concurrent invites", async () => {
    const { org, admin } = await createOrganizationWith(db, ["admin"]);
    const [email] = emails(1);
    await Promise.all(Array.from({ length: 10 }, () => sendInvitations(db, admin, invite({ emails: email }))));
    expect(await db.invitation.count({ where: { organizationId: org.id, email } })).toBe(1);
    expect(await db.emailOutbox.count({ where: { toAddress: email } })).toBe(1);
    recordFigures("invitation-identical", { concurrentInvites: 10 });
  });

  it("follows the hierarchy: an admin cannot invite an owner, a programme manager only participants into their programmes", async () => {
    const { org, admin } = await createOrganizationWith(db, ["admin"]);
    const error = await sendInvitations(db, admin, invite({ role: "OWNER", emails: emails(1).join() })).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(english(error.fieldErrors.role[0])).toMatch(/cannot invite someone as owner/);
    const pm = await createActor(db, org.id, "PROGRAM_MANAGER");
    const [mine, theirs] = await Promise.all(["Mine", "Not mine"].map((name) => createProgramme(db, org.id, { name })));
    await assignProgramme(db, mine, pm.membership);
    await expect(sendInvitations(db, pm, invite({ role: "COACH", emails: emails(1).join() }))).rejects.toThrow(ValidationError);
    const noProgramme = await sendInvitations(db, pm, invite({ role: "PARTICIPANT", emails: emails(1).join() })).catch((e) => e);
    expect(english(noProgramme.fieldErrors.programmeIds[0])).toMatch(/at least one programme/);
    await expect(
      sendInvitations(db, pm, invite({ role: "PARTICIPANT", programmeIds: [theirs.id], emails: emails(1).join() })),
    ).rejects.toThrow(ValidationError);
    const ok = await sendInvitations(db, pm, invite({ role: "PARTICIPANT", programmeIds: [mine.id], emails: emails(1).join() }));
    expect(ok.sent).toBe(1);
    expect((await listPendingInvitations(db, pm)).map((i) => i.role)).toEqual(["PARTICIPANT"]);
    const coach = await createActor(db, org.id, "COACH");
    await expect(checkInvitations(db, coach, invite({ role: "PARTICIPANT", emails: emails(1).join() }))).rejects.toThrow(ForbiddenError);
  });

  it("invites implementation admins only when enabled, from allowed domains, with a duration", async () => {
    const { org, admin } = await createOrganizationWith(db, ["admin"]);
    const off = await checkInvitations(db, admin, invite({ role: "IMPLEMENTATION_ADMIN", duration: "3", emails: "x@partner.test" })).catch(
      (e) => e,
    );
    expect(english(off.fieldErrors.role[0])).toMatch(/turned off/);
    await db.organization.update({
      where: { id: org.id },
      data: { implementationAdminsEnabled: true, implementationAdminDomains: ["partner.test"] },
    });
    const checked = await checkInvitations(
      db,
      admin,
      invite({ role: "IMPLEMENTATION_ADMIN", duration: "3", emails: "x@partner.test y@other.test" }),
    );
    expect(checked.addresses.map((a) => a.status)).toEqual(["new", "not-allowed"]);
    expect(checked.seatsNeeded).toBe(0);
    await sendInvitations(db, admin, invite({ role: "IMPLEMENTATION_ADMIN", duration: "3", emails: `ia-${unique()}@partner.test` }));
    const member = await db.membership.findFirstOrThrow({ where: { organizationId: org.id, role: "IMPLEMENTATION_ADMIN" } });
    expect(member.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 85 * 86_400_000);
  });

  it("creates accounts for admins: seat taken, an 'account ready' email, and Invited until they choose a password from it", async () => {
    const { org, admin } = await createOrganizationWith(db, ["admin"], { seatLimit: 5 });
    const [email] = emails(1);
    await sendInvitations(db, admin, invite({ mode: "create", emails: email }));
    const member = await db.membership.findFirstOrThrow({ where: { organizationId: org.id, user: { email } } });
    // Nobody is active before they have acted on the link (and a new address looks like any invitee).
    expect(member.status).toBe("INVITED");
    expect((await seatUsage(tenantDb(db, org.id))).used).toBe(2);
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { toAddress: email, template: "account-created" } });
    const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    await accept(token);
    expect((await db.membership.findFirstOrThrow({ where: { organizationId: org.id, user: { email } } })).status).toBe("ACTIVE");
    const pm = await createActor(db, org.id, "PROGRAM_MANAGER");
    await expect(sendInvitations(db, pm, invite({ mode: "create", role: "PARTICIPANT", emails: emails(1).join() }))).rejects.toThrow(
      ForbiddenError,
    );
  });
});

describe("what the inviter reads", () => {
  it("previews the email as it will arrive: signed with the inviter's name, with the right article for the role", async () => {
    const org = await createOrganization(db);
    await db.organization.update({
      where: { id: org.id },
      data: { implementationAdminsEnabled: true, implementationAdminDomains: ["partner.test"] },
    });
    const admin = await createActor(db, org.id, "ADMIN");
    await db.user.update({ where: { id: admin.userId }, data: { firstName: "Adam", lastName: "Admin" } });
    const checked = await checkInvitations(db, admin, invite({ role: "IMPLEMENTATION_ADMIN", duration: "3", emails: "x@partner.test" }));
    expect(checked.preview.text).toContain(`Adam Admin has invited you to join ${org.name} on Pathwise as an implementation admin.`);
    expect(checked.preview.text).not.toMatch(/\bYou has\b|\ba implementation\b/);
    const coach = await checkInvitations(db, admin, invite({ role: "COACH", emails: emails(1).join() }));
    expect(coach.preview.text).toContain("as a coach.");
  });

  it("previews the account-created email when creating accounts, not the invitation", async () => {
    const { org, admin } = await createOrganizationWith(db, ["admin"]);
    await db.user.update({ where: { id: admin.userId }, data: { firstName: "Adam", lastName: "Admin" } });
    const checked = await checkInvitations(db, admin, invite({ mode: "create", emails: emails(1).join() }));
    expect(checked.preview.subject).toBe(`Your ${org.name} account on Pathwise is ready`);
    expect(checked.preview.text).toContain(`Adam Admin has set up your account in ${org.name} on Pathwise`);
    expect(checked.preview.text).not.toContain("Accept the invitation");
    expect(checked.preview.text).toContain("/invite/…");
  });

  it("says what happened once sent, and what would happen before", async () => {
    const { admin } = await createOrganizationWith(db, ["admin"]);
    const list = emails(2).join(", ");
    const checked = await checkInvitations(db, admin, invite({ emails: list }));
    expect(english(checked.addresses.map((a) => a.message))).toEqual(["Will be invited", "Will be invited"]);
    const sent = await sendInvitations(db, admin, invite({ emails: list }));
    expect(english(sent.addresses.map((a) => a.message))).toEqual(["Invited", "Invited"]);

    const created = await sendInvitations(db, admin, invite({ mode: "create", emails: emails(1).join() }));
    expect(english(created.addresses[0].message)).toMatch(/^Set up/);
    expect(english(created.addresses[0].message)).not.toMatch(/^Will/);

    // A refused batch says nothing was sent, and what to do; a check says what to do before sending.
    const bad = `${emails(1).join()} not-an-address`;
    expect(english((await checkInvitations(db, admin, invite({ emails: bad }))).refusal)).toBe(
      "1 address needs attention: fix or remove it before sending.",
    );
    expect(english((await sendInvitations(db, admin, invite({ emails: bad }))).refusal)).toBe(
      "Nothing was sent. 1 address needs attention: fix or remove it before sending.",
    );
  });
});

describe("invitation links", () => {
  let org: { id: string; slug: string; name: string };
  let admin: Actor;
  beforeAll(async () => {
    org = await createOrganization(db, { name: "Linked Org" });
    admin = await createActor(db, org.id, "ADMIN");
  });

  it("store only the token's hash, accept once, and sign the person in with what they chose", async () => {
    const [email] = emails(1);
    await sendInvitations(db, admin, invite({ emails: email }));
    const token = await tokenFor(db, email);
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);
    const rows = await db.invitation.findMany({ where: { organizationId: org.id } });
    const leaks = [
      rows,
      await db.membership.findMany({ where: { organizationId: org.id } }),
      await db.auditEvent.findMany({ where: { organizationId: org.id } }),
    ].filter((r) => JSON.stringify(r).includes(token)).length;
    recordFigures("invitations-token", { rawTokensInDatabase: leaks });
    expect(leaks).toBe(0);
    expect(rows.find((r) => r.email === email)?.tokenHash).toBe(hashToken(token));

    expect(await findInvitation(db, token)).toMatchObject({ email, organization: { name: "Linked Org" }, hasAccount: false });
    expect(await accept(token)).toEqual({ email, slug: org.slug });
    const member = await db.membership.findFirstOrThrow({ where: { organizationId: org.id, user: { email } }, include: { user: true } });
    expect(member).toMatchObject({ status: "ACTIVE", user: { firstName: "New", lastName: "Person", timezone: "Europe/Paris" } });
    expect(await authenticate(db, email, PASSWORD, ip())).not.toBeNull();
    // Used: the same answer as any dead link.
    await expect(accept(token)).rejects.toThrow(InvalidInvitationError);
    expect(await findInvitation(db, token)).toBeNull();
  });

  it("die when they expire, when resent (the old one) and when cancelled; cancel frees the seat", async () => {
    const [expiring, resent, cancelled] = emails(3);
    await sendInvitations(db, admin, invite({ emails: [expiring, resent, cancelled].join(" ") }));
    const tokens = { expiring: await tokenFor(db, expiring), resent: await tokenFor(db, resent), cancelled: await tokenFor(db, cancelled) };
    await db.invitation.updateMany({ where: { email: expiring }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(accept(tokens.expiring)).rejects.toThrow(InvalidInvitationError);

    const pending = await listPendingInvitations(db, admin);
    const byEmail = (e: string) => pending.find((p) => p.email === e)!;
    await resendInvitation(db, admin, byEmail(resent).id);
    const fresh = await tokenFor(db, resent);
    expect(fresh).not.toBe(tokens.resent);
    await expect(accept(tokens.resent)).rejects.toThrow(InvalidInvitationError);
    expect((await db.invitation.findFirstOrThrow({ where: { email: resent } })).sentCount).toBe(2);

    const usedBefore = (await seatUsage(tenantDb(db, org.id))).used;
    await cancelInvitation(db, admin, byEmail(cancelled).id);
    await expect(accept(tokens.cancelled)).rejects.toThrow(InvalidInvitationError);
    expect((await seatUsage(tenantDb(db, org.id))).used).toBe(usedBefore - 1);
    expect(await db.membership.count({ where: { organizationId: org.id, user: { email: cancelled } } })).toBe(0);
    expect(
      await db.auditEvent.count({ where: { organizationId: org.id, action: { in: ["invitation.resend", "invitation.cancel"] } } }),
    ).toBe(2);

    // The fresh link works.
    await expect(accept(fresh)).resolves.toMatchObject({ email: resent });
  });

  it("are resent in bulk from the Users page: fresh links for the pending, the rest skipped", async () => {
    const invited = emails(2);
    await sendInvitations(db, admin, invite({ emails: invited.join(" ") }));
    const members = await db.membership.findMany({
      where: { organizationId: org.id, user: { email: { in: invited } } },
      select: { id: true },
    });
    const active = await createMember(db, org.id, { role: "COACH" });
    const before = await tokenFor(db, invited[0]);
    const result = await resendForMembers(db, admin, [...members.map((m) => m.id), active.membership.id]);
    expect(result.applied).toBe(true);
    expect(result.outcomes.map((o) => o.outcome).sort()).toEqual(["done", "done", "skipped"]);
    expect(await tokenFor(db, invited[0])).not.toBe(before);
    await expect(accept(before)).rejects.toThrow(InvalidInvitationError);
    expect((await db.invitation.findFirstOrThrow({ where: { email: invited[1] } })).sentCount).toBe(2);
  });

  it("join exactly one account from 20 parallel accepts", async () => {
    const [email] = emails(1);
    await sendInvitations(db, admin, invite({ emails: email }));
    const token = await tokenFor(db, email);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => accept(token)));
    const successes = results.filter((r) => r.status === "fulfilled").length;
    recordFigures("invitations-accept-race", { parallelTokenUses: 20, doubleSuccesses: Math.max(0, successes - 1) });
    expect(successes).toBe(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.constructor.name)).toEqual(
      Array(19).fill("InvalidInvitationError"),
    );
    expect(await db.membership.count({ where: { organizationId: org.id, user: { email }, status: "ACTIVE" } })).toBe(1);
  });

  it("join only the organisation that sent them; an existing user proves their password and keeps it", async () => {
    const other = await createOrganization(db, { name: "Other Linked" });
    const existing = await createMember(db, other.id, { role: "COACH", passwordHash: await hashPassword(PASSWORD) });
    await sendInvitations(db, admin, invite({ emails: existing.user.email }));
    const token = await tokenFor(db, existing.user.email);
    expect(await findInvitation(db, token)).toMatchObject({ hasAccount: true, organization: { slug: org.slug } });
    const wrong = await acceptInvitation(db, { token, password: "not the password at all" }, ip()).catch((e) => e);
    expect(wrong).toBeInstanceOf(ValidationError);
    expect(await findInvitation(db, token)).not.toBeNull(); // a wrong password does not burn the link
    const otherBefore = await db.membership.findMany({ where: { organizationId: other.id } });
    await expect(acceptInvitation(db, { token, password: PASSWORD }, ip())).resolves.toEqual({
      email: existing.user.email,
      slug: org.slug,
    });
    expect(await db.membership.findMany({ where: { organizationId: other.id } })).toEqual(otherBefore);
    expect((await db.user.findUniqueOrThrow({ where: { id: existing.user.id } })).passwordHash).toBe(existing.user.passwordHash);
  });

  it("are rate-limited per link", async () => {
    await expect(async () => {
      for (let i = 0; i < 22; i++)
        await acceptInvitation(db, { token: "x".repeat(43), password: "whatever it is" }, ip()).catch((e) => {
          if (!(e instanceof InvalidInvitationError)) throw e;
        });
    }).rejects.toThrow(RateLimitedError);
  });

  it("treat another organisation's invitation ids as missing, changing nothing", async () => {
    const { admin: otherAdmin } = await createOrganizationWith(db, ["admin"]);
    const [email] = emails(1);
    await sendInvitations(db, otherAdmin, invite({ emails: email }));
    const theirs = await db.invitation.findFirstOrThrow({ where: { email } });
    await expect(resendInvitation(db, admin, theirs.id)).rejects.toThrow(NotFoundError);
    await expect(cancelInvitation(db, admin, theirs.id)).rejects.toThrow(NotFoundError);
    expect(await listPendingInvitations(db, admin)).not.toContainEqual(expect.objectContaining({ id: theirs.id }));
    expect(await db.invitation.findFirstOrThrow({ where: { id: theirs.id } })).toMatchObject({
      sentCount: 1,
      cancelledAt: null,
      tokenHash: theirs.tokenHash,
    });
    // Resending all of ours (one made here, so there is at least one) leaves theirs alone.
    const [ours] = emails(1);
    await sendInvitations(db, admin, invite({ emails: ours }));
    const pending = await listPendingInvitations(db, admin);
    expect(pending.map((p) => p.email)).toContain(ours);
    expect(await resendAllPending(db, admin)).toBe(pending.length);
    expect((await db.invitation.findFirstOrThrow({ where: { email: ours } })).sentCount).toBe(2);
    expect((await db.invitation.findFirstOrThrow({ where: { id: theirs.id } })).sentCount).toBe(1);
    recordFigures("invitations-cross-tenant", { isolationChecks: 4, leaks: 0 });
  });
});

describe("the invitation email over real SMTP", () => {
  let isolated: Awaited<ReturnType<typeof isolatedDatabase>>;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    isolated = await isolatedDatabase("pathwise_invite_mail");
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
    await isolated.drop();
  });

  it("has exactly one recipient, no injected headers, and a link to the configured app URL", async () => {
    const org = await createOrganization(isolated.db, { name: "Mail Org" });
    const admin = await createActor(isolated.db, org.id, "ADMIN");
    // A message trying to add headers, and a name trying to break the subject line.
    await isolated.db.organization.update({ where: { id: org.id }, data: { name: "Mail Org\r\nBcc: eve@evil.test" } });
    const [email] = emails(1);
    await sendInvitations(isolated.db, admin, invite({ emails: email, message: "Hi!\r\nBcc: eve@evil.test\r\n\r\nBody" }));
    const report = await deliverDueEmails(isolated.db, smtpTransport(smtp.url), { from: "Pathwise <no-reply@pathwise.test>" });
    expect(report.sent).toBe(1);
    expect(smtp.messages).toHaveLength(1);
    const [raw] = smtp.messages;
    expect(raw.recipients).toEqual([email]);
    const mail = await simpleParser(raw.raw);
    expect(mail.headers.has("bcc")).toBe(false);
    const headers = raw.raw.slice(0, raw.raw.indexOf("\r\n\r\n"));
    expect(headers).not.toMatch(/^Bcc:/im);
    expect(headers.match(/^To:/gim)).toHaveLength(1);
    expect(mail.subject).not.toMatch(/[\r\n]/);
    const link = /https?:\/\/[^\s\]]+\/invite\/[A-Za-z0-9_-]+/.exec(mail.text ?? "")![0];
    expect(new URL(link).origin).toBe("http://localhost:3000");

    // Once sent, the token is nowhere in the database: not in the invitation, not in the outbox's copy.
    const token = link.split("/invite/")[1];
    const dump = JSON.stringify([
      await isolated.db.invitation.findMany(),
      await isolated.db.emailOutbox.findMany(),
      await isolated.db.auditEvent.findMany(),
    ]);
    recordFigures("invitations-sent-token", { rawTokensInDatabase: dump.includes(token) ? 1 : 0 });
    expect(dump).not.toContain(token);
  });
});

describe("invitations and the rest of the organisation", () => {
  it("cancels an invited participant's enrolments with the invitation; follows role changes for who may manage it", async () => {
    const { addUserWithPathway, addUserWithPathwaySchema } = await import("../../lib/pathways/enrol");
    const { org, admin, coach, pm, programme, cohort } = await createWorld(db, { members: ["admin", "coach", "pm"], pathway: false });
    const [email] = emails(1);
    await addUserWithPathway(
      db,
      admin,
      addUserWithPathwaySchema.parse({ email, cohortId: cohort.id, coach: coach.user.email, startDate: "2026-05-01", timezone: "UTC" }),
    );
    const invitation = await db.invitation.findFirstOrThrow({ where: { organizationId: org.id, email } });
    await cancelInvitation(db, admin, invitation.id);
    expect(await db.pathway.count({ where: { cohortId: cohort.id } })).toBe(0);
    expect(await db.membership.count({ where: { organizationId: org.id, user: { email } } })).toBe(0);
    await expect(accept(await tokenFor(db, email))).rejects.toThrow(InvalidInvitationError);

    // Invited as a participant into the PM's programme, then made a programme manager: the PM may no longer touch it.
    const [later] = emails(1);
    await sendInvitations(db, pm, invite({ role: "PARTICIPANT", programmeIds: [programme.id], emails: later }));
    const pending = await db.invitation.findFirstOrThrow({ where: { organizationId: org.id, email: later } });
    const { updateMember, updateMemberSchema } = await import("../../lib/users/update-member");
    await updateMember(
      db,
      admin,
      updateMemberSchema.parse({
        membershipId: pending.membershipId,
        firstName: "Later",
        lastName: "Person",
        timezone: "UTC",
        unitId: "",
        role: "PROGRAM_MANAGER",
        programmeIds: [programme.id],
      }),
    );
    expect((await db.invitation.findFirstOrThrow({ where: { id: pending.id } })).role).toBe("PROGRAM_MANAGER");
    await expect(cancelInvitation(db, pm, pending.id)).rejects.toThrow(ForbiddenError);
    await expect(resendInvitation(db, pm, pending.id)).rejects.toThrow(ForbiddenError);
  });

  it("never makes an existing Pathwise user a member without their consent: 'create' invites them instead", async () => {
    const { org: a, admin } = await createOrganizationWith(db, ["admin"]);
    const b = await createOrganization(db);
    const elsewhere = await createMember(db, b.id, { role: "COACH", passwordHash: await hashPassword(PASSWORD) });
    const [fresh] = emails(1);
    await sendInvitations(db, admin, invite({ mode: "create", role: "PARTICIPANT", emails: `${fresh} ${elsewhere.user.email}` }));
    const statuses = await db.membership.findMany({ where: { organizationId: a.id, role: "PARTICIPANT" }, include: { user: true } });
    // Both are Invited: the organisation cannot tell the new address from the existing account.
    expect(Object.fromEntries(statuses.map((m) => [m.user.email, m.status]))).toEqual({
      [fresh]: "INVITED",
      [elsewhere.user.email]: "INVITED",
    });
    expect(await db.invitation.count({ where: { organizationId: a.id, email: elsewhere.user.email } })).toBe(1);
    // Only the person reads which email they got.
    expect((await db.emailOutbox.findFirstOrThrow({ where: { toAddress: elsewhere.user.email, organizationId: a.id } })).template).toBe(
      "invitation",
    );
    expect((await db.emailOutbox.findFirstOrThrow({ where: { toAddress: fresh, organizationId: a.id } })).template).toBe("account-created");
  });
});
