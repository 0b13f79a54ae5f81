import Papa from "papaparse";
import type { Db } from "../db/client";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan, ROLE_LABELS } from "../authz/permissions";
import { STATUS_LABELS, USER_ROW, userOrderBy, userWhere, type UserFilter } from "./list";

const BATCH = 1000;
const HEADER = ["First name", "Last name", "Email", "Role", "Unit", "Status", "Time zone", "Joined", "Last active"];

// A cell starting with = + - @, TAB or CR would run as a formula in a spreadsheet: papaparse prefixes
// it with ' and quotes it. Its own default pattern stops at a line break; this one does not.
const FORMULA = /^[=+\-@\t\r]/;

/** One CSV chunk: RFC 4180 quoting, CRLF line ends, formulas neutralised. */
export function csvChunk(rows: unknown[][]): string {
  return `${Papa.unparse(rows, { newline: "\r\n", escapeFormulae: FORMULA })}\r\n`;
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

/**
 * The filtered Users list as CSV, in the list's order, produced a batch at a time (cursor pagination),
 * so memory stays flat however many rows there are. UTF-8 with a BOM so spreadsheets read it as UTF-8.
 */
export async function* exportUsersCsv(db: Db, actor: Actor, filter: UserFilter): AsyncGenerator<string> {
  assertCan(actor.role, "users:view");
  const t = tenantDb(db, actor.organizationId);
  const where = await userWhere(db, actor, filter);
  const orderBy = userOrderBy(filter);
  yield `\uFEFF${csvChunk([HEADER])}`;
  let cursor: string | undefined;
  for (;;) {
    const rows = await t.membership.findMany({
      where,
      orderBy,
      take: BATCH,
      ...(cursor ? { cursor: { organizationId_id: { organizationId: actor.organizationId, id: cursor } }, skip: 1 } : {}),
      select: USER_ROW,
    });
    if (rows.length === 0) return;
    yield csvChunk(
      rows.map((r) => [
        r.user.firstName,
        r.user.lastName,
        r.user.email,
        ROLE_LABELS[r.role],
        r.unit?.name ?? "",
        STATUS_LABELS[r.status],
        r.user.timezone,
        day(r.joinedAt),
        day(r.lastActiveAt),
      ]),
    );
    if (rows.length < BATCH) return;
    cursor = rows[rows.length - 1].id;
  }
}
