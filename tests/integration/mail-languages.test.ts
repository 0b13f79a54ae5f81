import { describe, expect, it } from "vitest";
import { confirmImport, getImport, previewImport } from "../../lib/imports/import";
import { inviteSchema } from "../../lib/invitations/check";
import { sendInvitations } from "../../lib/invitations/send";
import { sendMessage } from "../../lib/messages/send";
import { createMember, createOrganization, unique } from "../factories";
import { testDb } from "../support/db";
import { english } from "../support/english";
import { createImportWorld, createWorld, IMPORT_COACH } from "../support/world";

// Mail goes out in the recipient's language, never the sender's: an invitation and an import can set a
// newcomer's; otherwise the organisation's default, and an account's own choice above both.

const db = testDb();
const newest = (to: string) => db.emailOutbox.findFirstOrThrow({ where: { toAddress: to }, orderBy: { createdAt: "desc" } });
const localeOf = (organizationId: string, email: string) =>
  db.membership.findFirstOrThrow({ where: { organizationId, user: { email } }, select: { locale: true } });

describe("an invitation's language", () => {
  it("is the one chosen in the form, else the organisation's; an account's own choice comes first", async () => {
    const w = await createWorld(db, { members: ["admin"], pathway: false });
    await db.organization.update({ where: { id: w.org.id }, data: { defaultLocale: "de" } });
    const invite = (emails: string, locale: string) => inviteSchema.parse({ role: "COACH", unitId: "", message: "", emails, locale });
    const [french, german, own] = ["fr", "de", "own"].map((p) => `${p}-${unique()}@example.test`);
    // Someone with an account who chose English in it (in another organisation).
    const { user } = await createMember(db, (await createOrganization(db)).id, { role: "COACH", email: own });
    await db.user.update({ where: { id: user.id }, data: { locale: "en" } });

    expect((await sendInvitations(db, w.admin, invite(`${french} ${own}`, "fr"))).sent).toBe(2);
    expect((await sendInvitations(db, w.admin, invite(german, ""))).sent).toBe(1);
    const fr = await newest(french);
    expect(fr.subject).toBe(`Vous êtes invité à rejoindre ${w.org.name} sur Pathwise`);
    expect(fr.text).toContain("en tant que coach");
    expect(fr.html).toContain('<html lang="fr"');
    expect((await newest(german)).subject).toBe(`Sie sind eingeladen, ${w.org.name} auf Pathwise beizutreten`);
    expect((await newest(own)).subject).toBe(`You're invited to join ${w.org.name} on Pathwise`);
    // The choice stays with the membership: their pages speak it until they choose their own.
    expect(await localeOf(w.org.id, french)).toEqual({ locale: "fr" });
    expect(await localeOf(w.org.id, german)).toEqual({ locale: null });
  });

  it("refuses a language that is not one of ours, at the field", () => {
    const parsed = inviteSchema.safeParse({ role: "COACH", unitId: "", message: "", emails: "x@example.test", locale: "es" });
    expect(parsed.error?.issues.map((i) => [i.path.join("."), english(i.message)])).toEqual([
      ["locale", "Choose a language from the list"],
    ]);
  });
});

describe("the import's language column", () => {
  it("sets each newcomer's language and writes their invitation in it; an unknown one is a red row", async () => {
    const w = await createImportWorld(db);
    const tag = unique();
    const row = (name: string, language: string) =>
      `${name}-${tag}@import.test,${name},Lang,${name}-${tag}@import.test,Import Programme,01-03-2026,${IMPORT_COACH},UTC,,${language}`;
    const csv = ["username,first_name,last_name,email,programme,startdate,primary_coach,timezone,tag,language"]
      .concat(row("ada", "FR"), row("bo", ""), row("cy", "de"), row("dee", "es"))
      .join("\n");
    const preview = await previewImport(db, w.admin, { cohortId: w.cohort.id, fileName: "l.csv", bytes: new TextEncoder().encode(csv) });
    expect(preview).toMatchObject({ green: 3, red: 1 });
    const { rows } = await getImport(db, w.admin, preview.id);
    expect(english(rows.find((r) => r.row === 5)?.errors)).toEqual({ language: "Use one of en, fr, de, or leave it empty" });
    await confirmImport(db, w.admin, preview.id);
    const mail = async (name: string) => newest(`${name}-${tag}@import.test`);
    expect((await mail("ada")).subject).toBe(`Vous êtes invité à rejoindre ${w.org.name} sur Pathwise`);
    expect((await mail("cy")).subject).toBe(`Sie sind eingeladen, ${w.org.name} auf Pathwise beizutreten`);
    expect((await mail("bo")).subject).toBe(`You're invited to join ${w.org.name} on Pathwise`);
    // Each one's own link, whatever the language it was rendered in.
    const links = await Promise.all(["ada", "bo", "cy"].map(async (n) => /\/invite\/([\w-]+)/.exec((await mail(n)).text)?.[1]));
    expect(new Set(links).size).toBe(3);
    expect(await localeOf(w.org.id, `ada-${tag}@import.test`)).toEqual({ locale: "fr" });
    expect(await localeOf(w.org.id, `bo-${tag}@import.test`)).toEqual({ locale: null });
  });
});

describe("a message's email", () => {
  it("is in the reader's language, not the sender's", async () => {
    const w = await createWorld(db);
    await db.user.update({ where: { id: w.coach.userId }, data: { locale: "de" } });
    await db.user.update({ where: { id: w.participant.userId }, data: { locale: "fr" } });
    await sendMessage(db, w.coach, { to: w.participant.membershipId, body: "Hallo" });
    await sendMessage(db, w.participant, { to: w.coach.membershipId, body: "Bonjour" });
    expect((await newest(w.participant.email)).subject).toBe("Nouveau message de Test coach");
    expect((await newest(w.coach.email)).subject).toBe("Neue Nachricht von Test participant");
  });
});
