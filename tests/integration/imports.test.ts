import { readFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/authz/actor";
import { NotFoundError, ValidationError } from "../../lib/errors";
import { confirmImport, getImport, ImportFileError, previewImport, redRowsCsv } from "../../lib/imports/import";
import { MAX_IMPORT_BYTES, parseImportFile, TEMPLATE } from "../../lib/imports/parse";
import { parseDay } from "../../lib/imports/validate";
import { sendInvitations } from "../../lib/invitations/send";
import { inviteSchema } from "../../lib/invitations/check";
import { createActor, unique } from "../factories";
import { testDb } from "../support/db";
import { english, englishError } from "../support/english";
import { recordFigures } from "../support/figures";
import { createImportWorld, IMPORT_COACH } from "../support/world";
import { isoDay } from "../../lib/format/dates";

const db = testDb();
const FIXTURES = path.resolve("tests/fixtures/import");
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
const COACH = IMPORT_COACH;

/** "Import Programme", a cohort, the fixtures' coach and an admin (tests/support/world.ts). */
const world = () => createImportWorld(db);

/** The fixture with its addresses made unique to this test, so tests don't see each other's people. */
function uniqueFixture(name: string, tag = unique()) {
  const text = Buffer.from(fixture(name)).toString("utf8").replaceAll("@import.test", `@${tag}.import.test`);
  return { bytes: new Uint8Array(Buffer.from(text, "utf8")), tag };
}

describe("reading import files", () => {
  it("accepts a BOM and CRLF, semicolons, quoted fields with delimiters and line breaks, loose headers, no optional column", () => {
    expect(parseImportFile(fixture("bom-crlf.csv")).rows.map((r) => [r.username, r.tag])).toEqual([
      ["ada@import.test", "pilot"],
      ["grace@import.test", ""],
    ]);
    expect(parseImportFile(fixture("semicolon.csv")).rows[0]).toMatchObject({
      first_name: "Ada",
      programme: "Import Programme",
      tag: "pilot",
    });
    expect(parseImportFile(fixture("quoted.csv")).rows[0]).toMatchObject({
      first_name: "Ada, the first",
      last_name: "Love\nlace",
      tag: 'a "quoted" tag',
    });
    expect(parseImportFile(fixture("headers-no-tag.csv")).rows[0]).toMatchObject({
      username: "ada@import.test",
      first_name: "Ada",
      tag: "",
    });
    expect(parseImportFile(fixture("unknown-column.csv")).unknownColumns).toEqual(["shoe_size"]);
    // The template itself parses: comments skipped, one example row, on line 7 of the file.
    const template = parseImportFile(new TextEncoder().encode(TEMPLATE));
    expect(template.rows).toHaveLength(1);
    expect(template.firstLine).toBe(7);
  });

  it("refuses an empty, header-only, binary, header-less or oversized file with one clear message", () => {
    const refusals: [Uint8Array, RegExp][] = [
      [fixture("empty.csv"), /empty/],
      [fixture("header-only.csv"), /no rows/],
      [fixture("binary.png"), /not a CSV file/],
      [fixture("missing-headers.csv"), /missing username, first_name, last_name, programme, startdate, primary_coach, timezone/],
      [new Uint8Array(MAX_IMPORT_BYTES + 1).fill(65), /larger than 5 MB/],
      [new TextEncoder().encode(`${TEMPLATE.split("\r\n")[5]}${",".repeat(200_000)}\nx\n`), /more than 100 columns/],
      [new TextEncoder().encode("username\tfirst_name\temail\nx\ty\tz\n"), /separated by tabs/],
      [new TextEncoder().encode(`${TEMPLATE.split("\r\n")[5]}\n"a@x.test,Ada\n`), /quoted field is not closed/],
    ];
    for (const [bytes, message] of refusals) {
      let said = "";
      try {
        parseImportFile(bytes);
      } catch (error) {
        said = english((error as Error).message);
      }
      expect(said).toMatch(message);
    }
  });

  it("reads dates as DD-MM-YYYY only, and real ones", () => {
    expect(parseDay("01-03-2026")).toEqual({ day: "2026-03-01" });
    expect(english(parseDay("31-02-2026"))).toEqual({ error: "31-02-2026 is not a real date" });
    expect(english(parseDay("2026-02-01"))).toEqual({ error: "Use the format DD-MM-YYYY, for example 01-03-2026" });
    expect(english(parseDay("1/3/2026"))).toMatchObject({ error: expect.stringMatching(/Not a date/) });
  });
});

describe("the upload checker", () => {
  let w: Awaited<ReturnType<typeof world>>;
  beforeAll(async () => {
    w = await world();
  });

  it("colours every row and says why, writing nothing but the preview", async () => {
    const { bytes, tag } = uniqueFixture("checker.csv");
    // The file's people, by the addresses this test gave them (other files make users at the same time).
    const theirs = () => db.user.count({ where: { email: { endsWith: `@${tag}.import.test` } } });
    const usersBefore = await theirs();
    const preview = await previewImport(db, w.admin, { cohortId: w.cohort.id, fileName: "checker.csv", bytes });
    expect(preview).toMatchObject({ green: 1, yellow: 1, red: 9 });
    expect(await theirs()).toBe(usersBefore);
    expect(await db.emailOutbox.count({ where: { organizationId: w.org.id } })).toBe(0);
    const rows = english((await getImport(db, w.admin, preview.id)).rows);
    const at = (row: number) => rows.find((r) => r.row === row)!;
    expect(at(2)).toMatchObject({ colour: "green", action: "invite" });
    expect(at(3)).toMatchObject({ colour: "yellow", note: "Repeated in the file (row 2)" });
    expect(at(4).errors).toMatchObject({ email: "Not a valid email address", username: "The username must be an email address" });
    expect(at(5).errors.username).toMatch(/same as email/);
    expect(english(at(6).errors)).toMatchObject({ first_name: "Enter the first name", last_name: "Enter the last name" });
    expect(at(7).errors.startdate).toBe("31-02-2026 is not a real date");
    expect(at(8).errors.startdate).toMatch(/DD-MM-YYYY/);
    expect(at(9).errors.programme).toBe('No programme is called "Import Programm". Did you mean "Import Programme"?');
    expect(at(10).errors.primary_coach).toBe("No active coach has this username");
    expect(at(11).errors.timezone).toMatch(/Not a time zone/);
    expect(at(12).colour).toBe("red"); // a formula-looking address is just a bad address

    const csv = await redRowsCsv(db, w.admin, preview.id);
    expect(csv.startsWith("\uFEFFusername,first_name")).toBe(true);
    expect(csv).toContain(",error");
    expect(csv).toContain("startdate: 31-02-2026 is not a real date");
    expect(csv).toContain(`'=cmd@${tag}.import.test`); // neutralised in the download
    // The error column in the reader's language.
    expect(await redRowsCsv(db, w.admin, preview.id, "fr")).toContain("startdate : 31-02-2026 n’est pas une date réelle");
  });

  it("marks already invited and already-on-the-programme people yellow", async () => {
    const tag = unique();
    await sendInvitations(
      db,
      w.admin,
      inviteSchema.parse({ emails: `ada@${tag}.import.test`, role: "PARTICIPANT", unitId: "", message: "" }),
    );
    const first = await previewImport(db, w.admin, {
      cohortId: w.cohort.id,
      fileName: "x.csv",
      bytes: uniqueFixture("bom-crlf.csv", tag).bytes,
    });
    expect(first).toMatchObject({ green: 1, yellow: 1 });
    expect(english((await getImport(db, w.admin, first.id)).rows[0].note)).toBe("Already invited");
    await confirmImport(db, w.admin, first.id);
    const again = await previewImport(db, w.admin, {
      cohortId: w.cohort.id,
      fileName: "x.csv",
      bytes: uniqueFixture("bom-crlf.csv", tag).bytes,
    });
    expect((await getImport(db, w.admin, again.id)).rows.map((r) => english(r.note))).toEqual([
      "Already invited",
      "Already on Import Programme",
    ]);
  });
});

describe("confirming an import", () => {
  it("creates memberships, pathways, invitations and their emails in one go; a second confirm creates nothing", async () => {
    const w = await world();
    const { bytes, tag } = uniqueFixture("bom-crlf.csv");
    const preview = await previewImport(db, w.admin, { cohortId: w.cohort.id, fileName: "ok.csv", bytes });
    const result = await confirmImport(db, w.admin, preview.id);
    expect(result).toMatchObject({ invited: 2, enrolled: 0, emails: 2, skipped: [] });
    expect(result.created).toEqual([
      { row: 2, email: `ada@${tag}.import.test`, action: "invite" },
      { row: 3, email: `grace@${tag}.import.test`, action: "invite" },
    ]);
    const members = await db.membership.findMany({
      where: { organizationId: w.org.id, user: { email: { endsWith: `@${tag}.import.test` } } },
      include: { user: true, pathways: true },
    });
    expect(members.map((m) => [m.user.firstName, m.role, m.status, m.pathways.length])).toEqual(
      expect.arrayContaining([
        ["Ada", "PARTICIPANT", "INVITED", 1],
        ["Grace", "PARTICIPANT", "INVITED", 1],
      ]),
    );
    const ada = members.find((m) => m.user.firstName === "Ada")!;
    expect(ada.pathways[0]).toMatchObject({ cohortId: w.cohort.id, timezone: "Europe/London", tags: ["pilot"] });
    expect(isoDay(ada.pathways[0].startDate)).toBe("2026-03-01");
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { toAddress: ada.user.email } });
    const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    expect(await db.invitation.count({ where: { organizationId: w.org.id, email: ada.user.email } })).toBe(1);
    expect(JSON.stringify(await db.invitation.findMany({ where: { organizationId: w.org.id } }))).not.toContain(token);
    expect(await db.auditEvent.count({ where: { organizationId: w.org.id, action: "import.confirm" } })).toBe(1);

    expect(await englishError(confirmImport(db, w.admin, preview.id))).toMatch(/already confirmed/);
    expect(await db.pathway.count({ where: { cohortId: w.cohort.id } })).toBe(2);
    expect(await db.emailOutbox.count({ where: { organizationId: w.org.id } })).toBe(2);
  });

  it("refuses a stale preview, writing nothing", async () => {
    const w = await world();
    const { bytes, tag } = uniqueFixture("bom-crlf.csv");
    const preview = await previewImport(db, w.admin, { cohortId: w.cohort.id, fileName: "ok.csv", bytes });
    await sendInvitations(
      db,
      w.admin,
      inviteSchema.parse({ emails: `grace@${tag}.import.test`, role: "PARTICIPANT", unitId: "", message: "" }),
    );
    const outboxBefore = await db.emailOutbox.count({ where: { organizationId: w.org.id } });
    expect(await englishError(confirmImport(db, w.admin, preview.id))).toMatch(/changed since this check .* row 3/);
    expect(await db.pathway.count({ where: { cohortId: w.cohort.id } })).toBe(0);
    expect(await db.user.count({ where: { email: `ada@${tag}.import.test` } })).toBe(0);
    expect(await db.emailOutbox.count({ where: { organizationId: w.org.id } })).toBe(outboxBefore);
  });

  it("leaves nothing behind, and sends nothing, when a fault strikes at row n", async () => {
    const w = await world();
    const tag = unique();
    const rows = Array.from(
      { length: 50 },
      (_, i) =>
        `p${i}@${tag}.import.test,P,${i},p${i}@${tag}.import.test,Import Programme,01-03-2026,${COACH},UTC,${i === 37 ? `boom-${tag}` : ""}`,
    );
    const bytes = new TextEncoder().encode(
      ["username,first_name,last_name,email,programme,startdate,primary_coach,timezone,tag", ...rows].join("\n"),
    );
    const preview = await previewImport(db, w.admin, { cohortId: w.cohort.id, fileName: "fault.csv", bytes });
    expect(preview.green).toBe(50);
    // A real fault from the database in the middle of the batch: a trigger that rejects row 37's pathway.
    const fn = `fault_${tag}`;
    await db.$executeRawUnsafe(
      `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF 'boom-${tag}' = ANY(NEW."tags") THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END $$`,
    );
    await db.$executeRawUnsafe(`CREATE TRIGGER ${fn} BEFORE INSERT ON "Pathway" FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
    try {
      await expect(confirmImport(db, w.admin, preview.id)).rejects.toThrow(/injected fault/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER ${fn} ON "Pathway"`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${fn}()`);
    }
    const partial =
      (await db.user.count({ where: { email: { endsWith: `@${tag}.import.test` } } })) +
      (await db.membership.count({ where: { organizationId: w.org.id, role: "PARTICIPANT" } })) +
      (await db.pathway.count({ where: { cohortId: w.cohort.id } })) +
      (await db.emailOutbox.count({ where: { organizationId: w.org.id } }));
    recordFigures("import-fault", { importsWithInjectedFaults: 1, partialCommits: partial > 0 ? 1 : 0 });
    expect(partial).toBe(0);
    expect((await db.importPreview.findFirstOrThrow({ where: { id: preview.id } })).status).toBe("PREVIEWED");
    // Without the fault the same preview goes through.
    expect((await confirmImport(db, w.admin, preview.id)).invited).toBe(50);
  });

  it("imports people only, without a pathway, from Admin > Users; pathway columns are checked only when filled in", async () => {
    const w = await world();
    const tag = unique();
    const header = "username,first_name,last_name,email,programme,startdate,primary_coach,timezone";
    const lines = [
      header,
      `a@${tag}.import.test,Al,Only,a@${tag}.import.test,,,,`,
      `b@${tag}.import.test,Bo,Dated,b@${tag}.import.test,,2026-01-01,,`,
      `c@${tag}.import.test,Cy,Prog,c@${tag}.import.test,Import Programme,01-03-2026,${COACH},UTC`,
    ];
    const preview = await previewImport(db, w.admin, {
      cohortId: null,
      fileName: "people.csv",
      bytes: new TextEncoder().encode(lines.join("\n")),
    });
    expect(preview).toMatchObject({ green: 2, yellow: 0, red: 1 });
    const result = await confirmImport(db, w.admin, preview.id);
    expect(result).toMatchObject({ invited: 2, enrolled: 0, emails: 2 });
    expect(
      await db.membership.count({
        where: { organizationId: w.org.id, status: "INVITED", user: { email: { endsWith: `@${tag}.import.test` } } },
      }),
    ).toBe(2);
    expect(await db.pathway.count({ where: { organizationId: w.org.id } })).toBe(0);
    // Again: they are invited now, so yellow.
    const again = await previewImport(db, w.admin, {
      cohortId: null,
      fileName: "people.csv",
      bytes: new TextEncoder().encode(lines.slice(0, 2).join("\n")),
    });
    expect(again).toMatchObject({ green: 0, yellow: 1 });
  });

  it("is bound to its organisation and its admin", async () => {
    const a = await world();
    const b = a.other;
    const preview = await previewImport(db, a.admin, {
      cohortId: a.cohort.id,
      fileName: "ok.csv",
      bytes: uniqueFixture("one-row.csv").bytes,
    });
    await expect(confirmImport(db, b.admin, preview.id)).rejects.toThrow(NotFoundError);
    await expect(getImport(db, b.admin, preview.id)).rejects.toThrow(NotFoundError);
    const otherAdmin = await createActor(db, a.org.id, "ADMIN");
    await expect(confirmImport(db, otherAdmin, preview.id)).rejects.toThrow(NotFoundError);
    await expect(
      previewImport(db, b.admin, { cohortId: a.cohort.id, fileName: "x.csv", bytes: uniqueFixture("one-row.csv").bytes }),
    ).rejects.toThrow(NotFoundError);
    const coach: Actor = await createActor(db, a.org.id, "COACH");
    expect(await englishError(confirmImport(db, coach, preview.id))).toMatch(/permission/);
    expect((await db.importPreview.findFirstOrThrow({ where: { id: preview.id } })).status).toBe("PREVIEWED");
    recordFigures("imports-cross-tenant", { isolationChecks: 4, leaks: 0 });
  });

  it("never fails on fuzzed input: random bytes, very long fields, formula prefixes", async () => {
    const w = await world();
    let fuzzed = 0;
    let serverErrors = 0;
    const header = "username,first_name,last_name,email,programme,startdate,primary_coach,timezone,tag";
    const pieces = () => [
      "=1+1",
      "+SUM(A1)",
      "-2",
      "@x",
      "\t",
      "x".repeat(5000),
      randomBytes(12).toString("latin1"),
      '"',
      ";",
      "\r",
      "ünïcödé",
      "",
    ];
    for (let i = 0; i < 60; i++) {
      const p = pieces();
      const row = Array.from({ length: 9 }, () => p[Math.floor(Math.random() * p.length)]);
      const body = i % 3 === 0 ? randomBytes(200 + i) : new TextEncoder().encode(`${header}\n${row.join(",")}\n`);
      fuzzed++;
      try {
        await previewImport(db, w.admin, { cohortId: w.cohort.id, fileName: `fuzz-${i}.csv`, bytes: new Uint8Array(body) });
      } catch (error) {
        if (!(error instanceof ImportFileError) && !(error instanceof ValidationError)) serverErrors++;
      }
    }
    recordFigures("import-fuzz", { fuzzedInputs: fuzzed, serverErrors });
    expect(serverErrors).toBe(0);
  });
});
