import { createHash } from "node:crypto";
import type { Db } from "../../lib/db/client";
import type { ImportStatus } from "../../lib/db/generated/enums";
import type { Prisma } from "../../lib/db/generated/client";
import type { RowResult } from "../../lib/imports/validate";
import { unique } from "./unique";

/** One green row for a new participant, as the checker writes it. */
export function importRow(overrides: Partial<RowResult> = {}): RowResult {
  const email = `imported-${unique()}@example.test`;
  return {
    row: 2,
    raw: {
      username: email,
      first_name: "Ima",
      last_name: "Ported",
      email,
      programme: "",
      startdate: "",
      primary_coach: "",
      timezone: "",
      tag: "",
      language: "",
    },
    colour: "green",
    errors: {},
    note: "Will be invited",
    email,
    action: "invite",
    ...overrides,
  };
}

/**
 * An import preview made by `createdBy` (a member of the organisation), into `cohort` or, with null,
 * of people only. Its colour counts are those of its rows.
 */
export async function createImportPreview(
  db: Db,
  organizationId: string,
  {
    createdBy,
    cohort = null,
    rows = [importRow()],
    fileName = "import.csv",
    status = "PREVIEWED",
  }: { createdBy: { userId: string }; cohort?: { id: string } | null; rows?: RowResult[]; fileName?: string; status?: ImportStatus },
) {
  const count = (colour: RowResult["colour"]) => rows.filter((r) => r.colour === colour).length;
  return db.importPreview.create({
    data: {
      organizationId,
      cohortId: cohort?.id ?? null,
      createdById: createdBy.userId,
      fileName,
      fileHash: createHash("sha256").update(JSON.stringify(rows)).digest("hex"),
      rows: rows as unknown as Prisma.InputJsonValue,
      green: count("green"),
      yellow: count("yellow"),
      red: count("red"),
      status,
      confirmedAt: status === "CONFIRMED" ? new Date() : null,
    },
  });
}
