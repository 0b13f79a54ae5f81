import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { exportUsersCsv } from "../../lib/users/export";
import { userFilterSchema, userOrderBy } from "../../lib/users/list";
import { createActor, createMember, createOrganization } from "../factories";
import { testDb } from "../support/db";
import { recordFigures } from "../support/figures";
import { createOrganizationWith } from "../support/world";

const db = testDb();

async function collect(gen: AsyncGenerator<string>) {
  let out = "";
  for await (const chunk of gen) out += chunk;
  return out;
}

const PAYLOADS = [
  "=cmd|' /C calc'!A0",
  "+1",
  "-1",
  "@SUM(A1:A2)",
  "\tTabbed",
  "\rCarriage",
  '=HYPERLINK("http://x")\nsecond line',
  'Quote " and, comma',
];

describe("users CSV export", () => {
  it("neutralises formulas, quotes per RFC 4180, starts with a BOM, and round-trips through papaparse", async () => {
    const { org, admin } = await createOrganizationWith(db, ["admin"]);
    for (const [i, payload] of PAYLOADS.entries()) {
      const { user } = await createMember(db, org.id, { role: "COACH", email: `payload-${i}-${org.id.slice(0, 8)}@example.test` });
      await db.user.update({ where: { id: user.id }, data: { firstName: payload, lastName: `Payload ${i}` } });
    }
    const csv = await collect(exportUsersCsv(db, admin, userFilterSchema.parse({ q: "payload" })));
    expect(csv.startsWith("\uFEFFFirst name,Last name,Email,")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header).toEqual(["First name", "Last name", "Email", "Role", "Unit", "Status", "Time zone", "Joined", "Last active"]);
    expect(rows).toHaveLength(PAYLOADS.length);
    let neutralised = 0;
    for (const row of rows) {
      const original = PAYLOADS[Number(row[1].replace("Payload ", ""))];
      if (/^[=+\-@\t\r]/.test(original)) {
        expect(row[0]).toBe(`'${original}`);
        neutralised++;
      } else {
        expect(row[0]).toBe(original);
      }
      expect(row[3]).toBe("Coach");
      expect(row[5]).toBe("Active");
    }
    expect(neutralised).toBe(7);
    // No cell of the raw file starts a formula.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("speaks the downloader's language: headers, roles and statuses; the data as it is", async () => {
    const { org, admin } = await createOrganizationWith(db, ["admin"]);
    await createMember(db, org.id, { role: "COACH", email: `german-${org.id.slice(0, 8)}@example.test` });
    const csv = await collect(exportUsersCsv(db, admin, userFilterSchema.parse({ q: "german" }), "UTC", "de"));
    const [header, row] = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(header.slice(0, 6)).toEqual(["Vorname", "Nachname", "E-Mail", "Rolle", "Einheit", "Status"]);
    expect(row[2]).toBe(`german-${org.id.slice(0, 8)}@example.test`);
    expect([row[3], row[5]]).toEqual(["Coach", "Aktiv"]);
  });

  it("exports every matching row across batches, in the list's order, and only the caller's organisation", async () => {
    const org = await createOrganization(db, { name: "Exporting Org" });
    const other = await createOrganization(db, { name: "Not Exported Org" });
    const admin = await createActor(db, org.id, "ADMIN");
    // The decoy matches the export's filter (a participant) and carries its organisation's id in its email:
    // had the export crossed over, the id would be in the file.
    await createMember(db, other.id, { role: "PARTICIPANT", email: `other-${other.id}@example.test` });
    expect(await db.membership.count({ where: { organizationId: other.id, role: "PARTICIPANT" } })).toBe(1);
    const count = 2_345;
    const users = await db.user.createManyAndReturn({
      data: Array.from({ length: count }, (_, i) => ({
        email: `bulk-${String(i).padStart(5, "0")}-${org.id}@example.test`,
        firstName: "Bulk",
        lastName: `P${String(i).padStart(5, "0")}`,
      })),
      select: { id: true },
    });
    await db.membership.createMany({
      data: users.map((u) => ({
        organizationId: org.id,
        userId: u.id,
        role: "PARTICIPANT" as const,
        status: "ACTIVE" as const,
        joinedAt: new Date(),
      })),
    });
    const csv = await collect(exportUsersCsv(db, admin, userFilterSchema.parse({ role: "PARTICIPANT", sort: "name", dir: "desc" })));
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data.slice(1);
    expect(rows).toHaveLength(count);
    expect(rows[0][1]).toBe(`P${String(count - 1).padStart(5, "0")}`);
    expect(rows.at(-1)![1]).toBe("P00000");
    expect(new Set(rows.map((r) => r[2])).size).toBe(count);
    expect(csv).not.toContain(other.id);
    expect(csv).not.toContain("Not Exported Org");

    // Every sort, both ways, with missing values (never active, not joined yet): exactly the list's order.
    await db.$executeRaw`UPDATE "Membership" SET "lastActiveAt" = CASE WHEN random() < 0.3 THEN NULL ELSE now() - random() * interval '90 days' END,
                                             "joinedAt" = CASE WHEN random() < 0.1 THEN NULL ELSE date_trunc('day', now() - random() * interval '90 days') END
                          WHERE "organizationId" = ${org.id}::uuid`;
    for (const sort of ["name", "lastActive", "joined"] as const) {
      for (const dir of ["asc", "desc"] as const) {
        const filter = userFilterSchema.parse({ sort, dir });
        const exported = Papa.parse<string[]>((await collect(exportUsersCsv(db, admin, filter))).slice(1), { skipEmptyLines: true })
          .data.slice(1)
          .map((r) => r[2]);
        const listed = await db.membership.findMany({
          where: { organizationId: org.id },
          orderBy: userOrderBy(filter),
          select: { user: { select: { email: true } } },
        });
        expect(exported, `${sort} ${dir}`).toEqual(listed.map((m) => m.user.email));
      }
    }
    recordFigures("export", { isolationChecks: 1, leaks: csv.includes(other.id) ? 1 : 0 });
  });
});
