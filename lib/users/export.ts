import { csvChunk, csvDocument } from "../csv";
import type { Db } from "../db/client";
import { tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { MEMBERSHIP_STATUS_LABELS, ROLE_LABELS } from "../labels";
import { FALLBACK_ZONE, isoDate } from "../format/dates";
import type { Prisma } from "../db/generated/client";
import type { MembershipStatus, Role } from "../db/generated/enums";
import { USER_ROW, userWhere, type UserFilter } from "./list";

const BATCH = 1000;

/** The words of the file: its header and the labels of its codes, in the reader's language (English unless given). */
export type ExportWords = { header: string[]; role: (role: Role) => string; status: (status: MembershipStatus) => string };

const ENGLISH: ExportWords = {
  header: ["First name", "Last name", "Email", "Role", "Unit", "Status", "Time zone", "Joined", "Last active"],
  role: (role) => ROLE_LABELS[role],
  status: (status) => MEMBERSHIP_STATUS_LABELS[status],
};

// The column each sort orders by (then by id). Keyset pagination over (column, id) walks the matching
// index once; Prisma's own cursor option compares with an OR that PostgreSQL cannot range-scan, which
// made a 100,000-row export restart its scan for every batch.
const SORT_KEY = { name: "sortName", lastActive: "lastActiveAt", joined: "joinedAt" } as const;

type Row = Prisma.MembershipGetPayload<{ select: typeof USER_ROW & { sortName: true } }>;

/** Every matching membership in the list's order (values first, then the rows without one), a batch at a time. */
async function* keysetBatches(t: TenantTx, where: Prisma.MembershipWhereInput, filter: UserFilter): AsyncGenerator<Row[]> {
  const key = SORT_KEY[filter.sort];
  const [after, from] = filter.dir === "asc" ? (["gt", "gte"] as const) : (["lt", "lte"] as const);
  const phases = key === "sortName" ? (["values"] as const) : (["values", "nulls"] as const);
  for (const phase of phases) {
    let last: { value: unknown; id: string } | undefined;
    for (;;) {
      const and: Prisma.MembershipWhereInput[] = [where];
      if (phase === "nulls") {
        and.push({ [key]: null });
        if (last) and.push({ id: { [after]: last.id } });
      } else {
        if (key !== "sortName") and.push({ [key]: { not: null } });
        // (key, id) > (last key, last id), with the redundant key >= last key that the index can seek to.
        if (last) and.push({ [key]: { [from]: last.value } }, { OR: [{ [key]: { [after]: last.value } }, { id: { [after]: last.id } }] });
      }
      const rows = await t.membership.findMany({
        where: { AND: and },
        orderBy: phase === "nulls" ? [{ id: filter.dir }] : [{ [key]: filter.dir }, { id: filter.dir }],
        take: BATCH,
        select: { ...USER_ROW, sortName: true },
      });
      if (rows.length) yield rows;
      if (rows.length < BATCH) break;
      const tail = rows[rows.length - 1];
      last = { value: tail[key], id: tail.id };
    }
  }
}

/**
 * The filtered Users list as CSV, in the list's order, produced a batch at a time, so memory stays
 * flat however many rows there are. UTF-8 with a BOM so spreadsheets read it as UTF-8. Days are in
 * `timeZone`, the viewer's, as on the page the export is asked from.
 */
export async function* exportUsersCsv(
  db: Db,
  actor: Actor,
  filter: UserFilter,
  timeZone = FALLBACK_ZONE,
  words: ExportWords = ENGLISH,
): AsyncGenerator<string> {
  const day = (d: Date | null) => (d ? isoDate(d, timeZone) : "");
  assertCan(actor.role, "users:view");
  const t = tenantDb(db, actor.organizationId);
  const where = await userWhere(t, actor, filter);
  yield csvDocument([words.header]);
  for await (const rows of keysetBatches(t, where, filter)) {
    yield csvChunk(
      rows.map((r) => [
        r.firstName,
        r.lastName,
        r.user.email,
        words.role(r.role),
        r.unit?.name ?? "",
        words.status(r.status),
        r.timezone ?? "",
        day(r.joinedAt),
        day(r.lastActiveAt),
      ]),
    );
  }
}
