import { csvChunk, csvDocument } from "../csv";
import type { Db } from "../db/client";
import { tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import type { Locale } from "../i18n/locales";
import { translatorFor } from "../i18n/translator";
import { FALLBACK_ZONE, isoDate } from "../format/dates";
import type { Prisma } from "../db/generated/client";
import { USER_ROW, userWhere, type UserFilter } from "./list";

const BATCH = 1000;
// The columns, by their header in the messages (Users.csv).
const COLUMNS = ["firstName", "lastName", "email", "role", "unit", "status", "timeZone", "joined", "lastActive"] as const;

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
 * `timeZone`, the viewer's, as on the page the export is asked from; headers, roles and statuses in
 * `locale`, the downloader's.
 */
export async function* exportUsersCsv(
  db: Db,
  actor: Actor,
  filter: UserFilter,
  timeZone = FALLBACK_ZONE,
  locale: Locale = "en",
): AsyncGenerator<string> {
  const day = (d: Date | null) => (d ? isoDate(d, timeZone) : "");
  assertCan(actor.role, "users:view");
  const t = tenantDb(db, actor.organizationId);
  const where = await userWhere(t, actor, filter);
  const say = await translatorFor(locale);
  yield csvDocument([COLUMNS.map((c) => say(`Users.csv.${c}`))]);
  for await (const rows of keysetBatches(t, where, filter)) {
    yield csvChunk(
      rows.map((r) => [
        r.firstName,
        r.lastName,
        r.user.email,
        say(`Roles.${r.role}`),
        r.unit?.name ?? "",
        say(`Labels.membershipState.${r.status}`),
        r.timezone ?? "",
        day(r.joinedAt),
        day(r.lastActiveAt),
      ]),
    );
  }
}
