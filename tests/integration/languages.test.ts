import { beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "../../lib/audit/list";
import { findLiveMembership } from "../../lib/db/cross-tenant";
import { ForbiddenError } from "../../lib/errors";
import { settingsSchema, updateSettings } from "../../lib/orgs/settings";
import { profileSchema, updateProfile } from "../../lib/users/profile";
import { createActor, createOrganization } from "../factories";
import { testDb } from "../support/db";
import { english } from "../support/english";

// The language a member reads: their own choice (profile), or their organisation's default (settings).
// Which of them a request uses is lib/i18n/request-locale.ts (tests/unit/messages.test.ts, and the
// languages e2e spec through the browser).

const db = testDb();
const settings = (over: Record<string, unknown>) =>
  settingsSchema.parse({
    name: "Languages Org",
    invitationExpiryDays: "14",
    defaultInvitationMessage: "",
    implementationAdminDomains: "",
    ...over,
  });
const profile = (over: Record<string, unknown>) =>
  profileSchema.safeParse({ firstName: "Lea", lastName: "Langue", timezone: "Europe/Paris", ...over });

let orgA: { id: string; slug: string };
let orgB: { id: string; slug: string };
beforeAll(async () => {
  orgA = await createOrganization(db, {});
  orgB = await createOrganization(db, {});
});

describe("a member's own language (profile)", () => {
  it("is one of the languages, or none chosen; anything else is refused at the field", () => {
    expect(profile({ locale: "fr" }).data?.locale).toBe("fr");
    expect(profile({ locale: "" }).data?.locale).toBeNull();
    expect(profile({}).data?.locale).toBeUndefined(); // a form without the field changes nothing
    for (const bad of ["es", "FR", "fr-CA", "en ", "x".repeat(500), 7]) {
      const parsed = profile({ locale: bad });
      expect(parsed.success, JSON.stringify(bad)).toBe(false);
      expect(parsed.error?.issues.map((i) => [i.path.join("."), english(i.message)])).toEqual([
        ["locale", "Choose a language from the list"],
      ]);
    }
  });

  it("is saved on the person and read with their membership; choosing none goes back to the organisation's", async () => {
    const member = await createActor(db, orgA.id, "PARTICIPANT");
    await updateProfile(db, member.userId, profile({ locale: "de" }).data!);
    expect((await db.user.findUniqueOrThrow({ where: { id: member.userId } })).locale).toBe("de");
    await updateProfile(db, member.userId, profile({ locale: "" }).data!);
    expect((await db.user.findUniqueOrThrow({ where: { id: member.userId } })).locale).toBeNull();
    await updateProfile(db, member.userId, profile({}).data!);
    expect((await db.user.findUniqueOrThrow({ where: { id: member.userId } })).locale).toBeNull();
  });
});

describe("an organisation's default language (settings)", () => {
  it("an ADMIN sets it, audited with before and after; the other organisation keeps its own", async () => {
    const admin = await createActor(db, orgA.id, "ADMIN");
    expect((await updateSettings(db, admin, settings({ defaultLocale: "fr" }))).defaultLocale).toBe("fr");
    const [event] = (await listAuditEvents(db, admin, { page: 1, action: "settings.update" })).events;
    expect(event.before).toMatchObject({ defaultLocale: "en" });
    expect(event.after).toMatchObject({ defaultLocale: "fr" });
    expect((await db.organization.findUniqueOrThrow({ where: { id: orgB.id } })).defaultLocale).toBe("en");

    // What a request reads for a member of each: their organisation's default beside their own choice.
    const member = await createActor(db, orgA.id, "COACH");
    expect(await findLiveMembership(db, member.userId, orgA.slug)).toMatchObject({ locale: null, organization: { defaultLocale: "fr" } });
    const other = await createActor(db, orgB.id, "COACH");
    expect(await findLiveMembership(db, other.userId, orgB.slug)).toMatchObject({ organization: { defaultLocale: "en" } });
  });

  it("a coach cannot set it, and nothing changes; a language not on the list is refused at the field", async () => {
    const coach = await createActor(db, orgB.id, "COACH");
    await expect(updateSettings(db, coach, settings({ defaultLocale: "de" }))).rejects.toThrow(ForbiddenError);
    expect((await db.organization.findUniqueOrThrow({ where: { id: orgB.id } })).defaultLocale).toBe("en");
    const parsed = settingsSchema.safeParse({ ...settings({}), defaultLocale: "klingon" });
    expect(parsed.error?.issues.map((i) => [i.path.join("."), english(i.message)])).toEqual([
      ["defaultLocale", "Choose a language from the list"],
    ]);
  });
});
