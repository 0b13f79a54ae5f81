import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { getImport, previewImport, redRowsCsv } from "../../lib/imports/import";
import { acceptInvitation, acceptNewSchema } from "../../lib/invitations/accept";
import { inviteSchema } from "../../lib/invitations/check";
import { sendInvitations } from "../../lib/invitations/send";
import { createOrganizationForUser, newOrganizationSchema } from "../../lib/orgs/create";
import { settingsSchema, updateSettings } from "../../lib/orgs/settings";
import { addUserWithPathway, addUserWithPathwaySchema } from "../../lib/pathways/enrol";
import { cohortSchema, createCohort, updateCohort, updateCohortSchema } from "../../lib/programmes/cohorts";
import { createProgramme, programmeSchema, updateProgramme, updateProgrammeSchema } from "../../lib/programmes/programmes";
import { createUnit, createUnitSchema, renameUnit, renameUnitSchema } from "../../lib/units/units";
import { updateMember, updateMemberSchema } from "../../lib/users/update-member";
import { profileSchema, updateProfile } from "../../lib/users/profile";
import { NAME_MAX, PERSON_NAME_MAX } from "../../lib/web/form-fields";
import { createMember, createOrganization, unique } from "../factories";
import { testDb } from "../support/db";
import { english } from "../support/english";
import { createImportWorld, createOrganizationWith, createWorld } from "../support/world";

const db = testDb();
let address = 0;
const ip = () => `198.51.100.${(++address % 250) + 1}`;

/**
 * What every server action does with a form (lib/actions/action.ts): parse with the service's own
 * schema, and only then call the service. The field errors are what the form shows next to each field.
 */
async function submit<S extends z.ZodType>(schema: S, raw: Record<string, unknown>, service: (input: z.infer<S>) => Promise<unknown>) {
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    return { ok: false as const, fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined> };
  await service(parsed.data);
  return { ok: true as const };
}

// Each is refused, next to its field, and nothing is written.
const HOSTILE = [
  "Eve\r\nBcc: victim@example.test",
  "Line\nbreak",
  "Carriage\rreturn",
  "Tab\there",
  "Nul\u0000byte",
  "Escape\u001b[2J",
  "Line\u2028separator",
  "Para\u2029separator",
];
const tooLong = (max: number) => "n".repeat(max + 1);

async function expectRefused(result: { ok: boolean; fieldErrors?: Record<string, string[] | undefined> }, field: string, message: RegExp) {
  expect(result.ok).toBe(false);
  expect(english(result.fieldErrors?.[field]?.[0])).toMatch(message);
}

const CONTROL = /cannot contain line breaks, tabs or other control characters/;

describe("person names", () => {
  it("the profile refuses control characters and over-long names, and saves a clean one trimmed", async () => {
    const { user } = await createMember(db, (await createOrganization(db)).id);
    const save = (raw: Record<string, unknown>) =>
      submit(profileSchema, { firstName: "Ada", lastName: "Lovelace", timezone: "Europe/London", ...raw }, (input) =>
        updateProfile(db, user.id, input),
      );
    for (const name of HOSTILE) {
      await expectRefused(await save({ firstName: name }), "firstName", CONTROL);
      await expectRefused(await save({ lastName: name }), "lastName", CONTROL);
    }
    await expectRefused(await save({ firstName: tooLong(PERSON_NAME_MAX) }), "firstName", /At most 100 characters/);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { firstName: true, lastName: true } })).toEqual({
      firstName: "Test",
      lastName: "participant",
    });

    expect((await save({ firstName: "  Ada ", lastName: "King-Noel" })).ok).toBe(true);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { firstName: true, lastName: true } })).toEqual({
      firstName: "Ada",
      lastName: "King-Noel",
    });
  });

  it("editing a member refuses them too", async () => {
    const { org, admin } = await createOrganizationWith(db, ["admin"]);
    const { user, membership } = await createMember(db, org.id, { role: "COACH" });
    const edit = (raw: Record<string, unknown>) =>
      submit(
        updateMemberSchema,
        { membershipId: membership.id, firstName: "Grace", lastName: "Hopper", timezone: "UTC", unitId: "", role: "COACH", ...raw },
        (input) => updateMember(db, admin, input),
      );
    for (const name of HOSTILE) await expectRefused(await edit({ lastName: name }), "lastName", CONTROL);
    await expectRefused(await edit({ firstName: tooLong(PERSON_NAME_MAX) }), "firstName", /At most/);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastName).toBe("coach");
    expect((await edit({})).ok).toBe(true);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { firstName: true, lastName: true } })).toEqual({
      firstName: "Grace",
      lastName: "Hopper",
    });
  });

  it("accepting an invitation refuses them, and the link still works with a clean name", async () => {
    const { org, admin } = await createOrganizationWith(db, ["admin"]);
    const email = `names-${unique()}@example.test`;
    await sendInvitations(db, admin, inviteSchema.parse({ emails: email, role: "COACH", unitId: "", message: "" }));
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { toAddress: email, template: "invitation" } });
    const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    const accept = (raw: Record<string, unknown>) =>
      submit(
        acceptNewSchema,
        { token, firstName: "Ines", lastName: "Invited", timezone: "UTC", password: "a long and quiet river", ...raw },
        (input) => acceptInvitation(db, input, ip()),
      );
    for (const name of HOSTILE) await expectRefused(await accept({ firstName: name }), "firstName", CONTROL);
    await expectRefused(await accept({ lastName: tooLong(PERSON_NAME_MAX) }), "lastName", /At most/);
    expect(await db.membership.count({ where: { organizationId: org.id, status: "ACTIVE", user: { email } } })).toBe(0);
    expect((await accept({})).ok).toBe(true);
    expect(await db.user.findUniqueOrThrow({ where: { email }, select: { firstName: true, lastName: true, timezone: true } })).toEqual({
      firstName: "Ines",
      lastName: "Invited",
      timezone: "UTC",
    });
  });

  it("+ Participant refuses them (the names are optional, not free-form)", async () => {
    const { admin, coach, cohort } = await createWorld(db, { members: ["admin", "coach"], pathway: false });
    const email = `plus-${unique()}@example.test`;
    const add = (raw: Record<string, unknown>) =>
      submit(
        addUserWithPathwaySchema,
        { email, cohortId: cohort.id, coach: coach.user.email, startDate: "2026-05-01", timezone: "UTC", ...raw },
        (input) => addUserWithPathway(db, admin, input),
      );
    for (const name of HOSTILE) await expectRefused(await add({ firstName: name }), "firstName", CONTROL);
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect((await add({ firstName: " Nia ", lastName: "" })).ok).toBe(true);
    expect(await db.user.findUniqueOrThrow({ where: { email }, select: { firstName: true } })).toEqual({ firstName: "Nia" });
  });
});

describe("organisation, unit, programme and cohort names", () => {
  it("a new organisation and the settings refuse control characters and names over the maximum", async () => {
    const { user } = await createMember(db, (await createOrganization(db)).id, { role: "OWNER" });
    const create = (organizationName: string) =>
      submit(newOrganizationSchema, { organizationName }, (input) => createOrganizationForUser(db, user.id, input, ip(), "en"));
    // Their organisations, not the whole database's: other test files make organisations meanwhile.
    const theirs = () => db.membership.count({ where: { userId: user.id } });
    expect(await theirs()).toBe(1);
    for (const name of HOSTILE) await expectRefused(await create(name), "organizationName", CONTROL);
    await expectRefused(await create(tooLong(NAME_MAX)), "organizationName", /At most 120 characters/);
    expect(await theirs()).toBe(1);
    expect((await create(`  Bright Paths ${unique()} `)).ok).toBe(true);
    expect(await theirs()).toBe(2);

    const { org, admin } = await createOrganizationWith(db, ["admin"], { name: "Settings Org" });
    const save = (name: string) =>
      submit(settingsSchema, { name, invitationExpiryDays: "14", defaultInvitationMessage: "", implementationAdminDomains: "" }, (input) =>
        updateSettings(db, admin, input),
      );
    for (const name of HOSTILE) await expectRefused(await save(name), "name", CONTROL);
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).name).toBe("Settings Org");
    expect((await save("Settings Org Renamed")).ok).toBe(true);
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).name).toBe("Settings Org Renamed");
  });

  it("units, programmes and cohorts refuse them on create and on rename", async () => {
    const { org, admin } = await createOrganizationWith(db, ["admin"]);
    const unit = await createUnit(db, admin, createUnitSchema.parse({ name: "EMEA" }));
    const programme = await createProgramme(db, admin, programmeSchema.parse({ name: "Leadership", sessionsIncluded: "4" }));
    const cohort = await createCohort(
      db,
      admin,
      cohortSchema.parse({ programmeId: programme.id, name: "Spring", startDate: "", endDate: "" }),
    );
    const cohortFields = { programmeId: programme.id, startDate: "", endDate: "" };

    for (const name of [...HOSTILE, tooLong(NAME_MAX)]) {
      const message = name.length > NAME_MAX ? /At most 120 characters/ : CONTROL;
      await expectRefused(await submit(createUnitSchema, { name }, (i) => createUnit(db, admin, i)), "name", message);
      await expectRefused(await submit(renameUnitSchema, { unitId: unit.id, name }, (i) => renameUnit(db, admin, i)), "name", message);
      await expectRefused(
        await submit(programmeSchema, { name, sessionsIncluded: "4" }, (i) => createProgramme(db, admin, i)),
        "name",
        message,
      );
      await expectRefused(
        await submit(updateProgrammeSchema, { programmeId: programme.id, name, sessionsIncluded: "4" }, (i) =>
          updateProgramme(db, admin, i),
        ),
        "name",
        message,
      );
      await expectRefused(await submit(cohortSchema, { ...cohortFields, name }, (i) => createCohort(db, admin, i)), "name", message);
      await expectRefused(
        await submit(cohortSchema, { ...cohortFields, name: "Autumn", clientName: name }, (i) => createCohort(db, admin, i)),
        "clientName",
        message,
      );
      await expectRefused(
        await submit(updateCohortSchema, { cohortId: cohort.id, name, startDate: "", endDate: "" }, (i) => updateCohort(db, admin, i)),
        "name",
        message,
      );
    }
    expect(await db.orgUnit.findMany({ where: { organizationId: org.id }, select: { name: true } })).toEqual([{ name: "EMEA" }]);
    expect(await db.programme.findMany({ where: { organizationId: org.id }, select: { name: true } })).toEqual([{ name: "Leadership" }]);
    expect(await db.cohort.findMany({ where: { organizationId: org.id }, select: { name: true } })).toEqual([{ name: "Spring" }]);

    // Positive controls: the longest allowed names, trimmed.
    const longest = "x".repeat(NAME_MAX);
    expect((await submit(renameUnitSchema, { unitId: unit.id, name: ` ${longest} ` }, (i) => renameUnit(db, admin, i))).ok).toBe(true);
    expect((await submit(programmeSchema, { name: longest, sessionsIncluded: "1" }, (i) => createProgramme(db, admin, i))).ok).toBe(true);
    expect(
      (await submit(cohortSchema, { ...cohortFields, name: longest, clientName: " Acme GmbH " }, (i) => createCohort(db, admin, i))).ok,
    ).toBe(true);
    expect((await db.orgUnit.findFirstOrThrow({ where: { id: unit.id } })).name).toBe(longest);
    expect(await db.cohort.findFirstOrThrow({ where: { organizationId: org.id, name: longest }, select: { clientName: true } })).toEqual({
      clientName: "Acme GmbH",
    });
  });
});

describe("the import", () => {
  it("colours a row red, with the reason on the name, when a name carries a line break or CR/LF with header-like text", async () => {
    const { admin, cohort } = await createImportWorld(db);

    const tag = unique();
    const text = readFileSync(path.resolve("tests/fixtures/import/control-characters.csv"), "utf8").replaceAll(
      "@import.test",
      `@${tag}.import.test`,
    );
    const preview = await previewImport(db, admin, {
      cohortId: cohort.id,
      fileName: "control-characters.csv",
      bytes: new Uint8Array(Buffer.from(text)),
    });
    const { rows } = await getImport(db, admin, preview.id);
    const byEmail = (local: string) => english(rows.find((r) => r.raw.email === `${local}@${tag}.import.test`)!);

    expect(byEmail("crlf")).toMatchObject({ colour: "red", errors: { first_name: expect.stringMatching(CONTROL) } });
    expect(byEmail("lf")).toMatchObject({ colour: "red", errors: { last_name: expect.stringMatching(CONTROL) } });
    expect(byEmail("cr")).toMatchObject({ colour: "red", errors: { first_name: expect.stringMatching(CONTROL) } });
    // Positive controls: a plain row in UTC, and one in a zone stored under an IANA link name.
    expect(byEmail("ok")).toMatchObject({ colour: "green", errors: {} });
    expect(byEmail("link")).toMatchObject({ colour: "green", errors: {} });
    expect(preview).toMatchObject({ green: 2, red: 3 });
    expect(await redRowsCsv(db, admin, preview.id)).toContain("first_name: The first name cannot contain line breaks");
  });
});

describe("time zones", () => {
  it("UTC round-trips through the profile, a member edit, an acceptance and + Participant", async () => {
    const { org, admin, coach, cohort } = await createWorld(db, { members: ["admin", "coach"], pathway: false });
    const { user, membership } = await createMember(db, org.id, { role: "COACH" });
    await db.user.update({ where: { id: user.id }, data: { timezone: "Europe/Paris" } });

    await updateProfile(db, user.id, profileSchema.parse({ firstName: "Uma", lastName: "Utc", timezone: "UTC" }));
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).timezone).toBe("UTC");
    // Saved again as the form sends it back: still UTC.
    await updateProfile(
      db,
      user.id,
      profileSchema.parse({
        firstName: "Uma",
        lastName: "Utc",
        timezone: (await db.user.findUniqueOrThrow({ where: { id: user.id } })).timezone,
      }),
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).timezone).toBe("UTC");

    await db.user.update({ where: { id: user.id }, data: { timezone: "Europe/Paris" } });
    await updateMember(
      db,
      admin,
      updateMemberSchema.parse({
        membershipId: membership.id,
        firstName: "Uma",
        lastName: "Utc",
        timezone: "UTC",
        unitId: "",
        role: "COACH",
      }),
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).timezone).toBe("UTC");

    const email = `utc-${unique()}@example.test`;
    const added = await addUserWithPathway(
      db,
      admin,
      addUserWithPathwaySchema.parse({ email, cohortId: cohort.id, coach: coach.user.email, startDate: "2026-05-01", timezone: "UTC" }),
    );
    expect((await db.pathway.findFirstOrThrow({ where: { id: added.pathway.id } })).timezone).toBe("UTC");
  });

  it("a valid stored zone the picker does not list (an IANA link) survives a save; an unknown one is refused", async () => {
    const { user } = await createMember(db, (await createOrganization(db)).id);
    await db.user.update({ where: { id: user.id }, data: { timezone: "Asia/Kolkata" } });
    const stored = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).timezone;
    await updateProfile(db, user.id, profileSchema.parse({ firstName: "Ravi", lastName: "Kumar", timezone: stored }));
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).timezone).toBe("Asia/Kolkata");

    const refused = profileSchema.safeParse({ firstName: "Ravi", lastName: "Kumar", timezone: "Mars/Olympus_Mons" });
    expect(refused.success).toBe(false);
    expect(english(z.flattenError(refused.error!).fieldErrors.timezone)).toEqual(["Choose a time zone from the list"]);
  });
});
