import type { Db } from "../../lib/db/client";
import type { Prisma } from "../../lib/db/generated/client";
import { modelsWithField } from "../../lib/db/tenant";

// One organisation's rows in every table that has an organizationId (every tenant model, and the email
// outbox), read off the generated client like lib/db/tenant.ts's list, so a new model is in it at once.
// The permission matrix uses them both ways: every id among them marks the organisation's data, so a
// result that carries one has leaked it; and the rows before and after a run of services must be equal.

/** Every model (and so table: the schema maps none) with an organizationId. */
export const ORGANIZATION_TABLES: readonly Prisma.ModelName[] = modelsWithField("organizationId");

/** Each table's rows of `organizationId`, each row as JSON, sorted, so two reads of unchanged data are equal. */
export async function organizationRows(db: Db, organizationId: string): Promise<Record<string, string[]>> {
  const tables = await Promise.all(
    ORGANIZATION_TABLES.map(async (table) => {
      // The table name comes from the generated client's own list, never from input.
      const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(
        `SELECT * FROM "${table}" WHERE "organizationId" = $1::uuid`,
        organizationId,
      );
      const json = rows.map((row) => JSON.stringify(row, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v))).sort();
      return [table, json] as const;
    }),
  );
  return Object.fromEntries(tables);
}

/** The ids of those rows: the `id` of each row that has one. */
export function idsIn(rows: Record<string, string[]>): Set<string> {
  const ids = new Set<string>();
  for (const json of Object.values(rows).flat()) {
    const id = (JSON.parse(json) as { id?: unknown }).id;
    if (typeof id === "string") ids.add(id);
  }
  return ids;
}

/** The tables whose rows differ between two reads, with how many rows each gained or lost or changed. */
export function changedTables(before: Record<string, string[]>, after: Record<string, string[]>): string[] {
  return ORGANIZATION_TABLES.filter((t) => before[t].join("\n") !== after[t].join("\n")).map((t) => {
    const [was, is] = [new Set(before[t]), new Set(after[t])];
    return `${t}: ${before[t].filter((r) => !is.has(r)).length} rows gone or changed, ${after[t].filter((r) => !was.has(r)).length} new or changed`;
  });
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The ids among `marked` that appear anywhere in `json`. */
export function markedIdsIn(json: string, marked: ReadonlySet<string>): string[] {
  return [...new Set(json.match(UUID) ?? [])].filter((id) => marked.has(id.toLowerCase()));
}
