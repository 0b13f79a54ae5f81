import { z } from "zod";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { MembershipStatus, Role } from "../db/generated/enums";
import { tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { membersOfProgrammes, programmeScope } from "../programmes/scope";
import { allUnits, withDescendants } from "../units/units";
import { seatUsage } from "./seats";
import { likeLiteral } from "../db/like";
import { lenient, pageNumber, searchText } from "../web/search-params";
import { pageWindow } from "../web/pagination";
import { PERSON, seen } from "./person";
import { idField } from "../web/form-fields";

export const USERS_PAGE_SIZE = 25;

export const JOINED_WINDOWS = { week: 7, month: 31, year: 365 } as const;
export const SORTS = ["name", "lastActive", "joined"] as const;

/** The Users page's search, filters, sort and page, exactly as the URL carries them. */
export const userFilterSchema = z.object({
  q: searchText(100),
  role: lenient(z.enum(Role)),
  status: lenient(z.enum(MembershipStatus)),
  invitation: lenient(z.enum(["accepted", "pending"])),
  unit: lenient(idField()),
  joined: lenient(z.enum(["week", "month", "year"])),
  sort: z.enum(SORTS).default("name").catch("name"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  page: pageNumber(100_000),
});
export type UserFilter = z.infer<typeof userFilterSchema>;

/** The filter as a `where`: shared by the list, the bulk "all that match" and the export. */
export async function userWhere(
  t: TenantTx,
  actor: Actor,
  filter: Omit<UserFilter, "sort" | "dir" | "page">,
): Promise<Prisma.MembershipWhereInput> {
  const scope = await programmeScope(t, actor);
  const terms = filter.q?.split(/\s+/).filter(Boolean).slice(0, 5) ?? [];
  const unitIds = filter.unit ? withDescendants(await allUnits(t), filter.unit) : undefined;
  const since = filter.joined ? new Date(Date.now() - JOINED_WINDOWS[filter.joined] * 86_400_000) : undefined;
  const and: Prisma.MembershipWhereInput[] = [];
  if (scope) and.push(membersOfProgrammes(scope));
  if (filter.role) and.push({ role: filter.role });
  if (filter.status) and.push({ status: filter.status });
  if (filter.invitation === "accepted") and.push({ invitations: { some: { acceptedAt: { not: null } } } });
  if (filter.invitation === "pending") and.push({ status: "INVITED", invitations: { some: { acceptedAt: null, cancelledAt: null } } });
  if (unitIds) and.push({ unitId: { in: unitIds } });
  if (since) and.push({ joinedAt: { gte: since } });
  // Every word must match part of the first name, last name or email: "ada love" finds Ada Lovelace.
  // searchText is the lower-cased copy of those kept on the membership (see schema.prisma).
  for (const term of terms) and.push({ searchText: { contains: likeLiteral(term.toLowerCase()) } });
  return and.length ? { AND: and } : {};
}

export function userOrderBy(filter: Pick<UserFilter, "sort" | "dir">): Prisma.MembershipOrderByWithRelationInput[] {
  const { dir } = filter;
  switch (filter.sort) {
    case "lastActive":
      return [{ lastActiveAt: { sort: dir, nulls: "last" } }, { id: dir }];
    case "joined":
      return [{ joinedAt: { sort: dir, nulls: "last" } }, { id: dir }];
    default:
      return [{ sortName: dir }, { id: dir }];
  }
}

export const USER_ROW = {
  id: true,
  role: true,
  status: true,
  joinedAt: true,
  lastActiveAt: true,
  expiresAt: true,
  unit: { select: { id: true, name: true } },
  ...PERSON,
} as const satisfies Prisma.MembershipSelect;

/**
 * One page of the organisation's members (a programme manager: those in their programmes), with the seat
 * count. `page` is the page shown: the one asked for, or the last when that lies past the end.
 */
export async function listUsers(db: Db, actor: Actor, filter: UserFilter) {
  assertCan(actor.role, "users:view");
  const t = tenantDb(db, actor.organizationId);
  const where = await userWhere(t, actor, filter);
  const [total, seats] = await Promise.all([t.membership.count({ where }), seatUsage(t)]);
  const { pages, page, skip, take } = pageWindow(total, USERS_PAGE_SIZE, filter.page);
  const rows = await t.membership.findMany({
    where,
    orderBy: userOrderBy(filter),
    skip,
    take,
    select: USER_ROW,
  });
  return { total, rows: rows.map(seen), seats, pages, page };
}
