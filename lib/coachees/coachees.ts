import { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { MembershipStatus } from "../db/generated/enums";
import { tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { NotFoundError } from "../errors";
import { likeLiteral } from "../db/like";
import { programmeScope } from "../programmes/scope";
import { idField, isId } from "../web/form-fields";
import { lenient, pageNumber, searchText } from "../web/search-params";
import { clampPage, pageCount } from "../web/pagination";

// A coach's coachees: the list (search, status, group, sort, pages); adding, inviting and editing one
// are in ./add-coachee.ts. The list is one SQL statement that starts from the coach's own relationships (a coach has hundreds or
// thousands of coachees in an organisation of a hundred thousand members), so it never scans the
// organisation: raw SQL is not scoped by tenantDb, so every table below names the organisation itself.

export const COACHEES_PAGE_SIZE = 25;
export const COACHEE_SORTS = ["name", "lastActivity", "status"] as const;

/** The Coachees page's search, filters, sort and page, exactly as the URL carries them. */
export const coacheeFilterSchema = z.object({
  q: searchText(100),
  status: lenient(z.enum(MembershipStatus)),
  group: lenient(idField()),
  sort: z.enum(COACHEE_SORTS).default("name").catch("name"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  page: pageNumber(100_000),
});
export type CoacheeFilter = z.infer<typeof coacheeFilterSchema>;

export type CoacheeRow = {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  status: MembershipStatus;
  /** Null until they have joined: name and email can be edited only while this is null. */
  joinedAt: Date | null;
  programmes: string[];
  lastActivityAt: Date | null;
  nextSessionAt: Date | null;
};

type RawRow = CoacheeRow & { total: bigint };

// Active, Invited, Not invited, Deactivated: the order the status sort reads in.
const STATUS_RANK = Prisma.sql`CASE m."status" WHEN 'ACTIVE' THEN 0 WHEN 'INVITED' THEN 1 WHEN 'NOT_INVITED' THEN 2 ELSE 3 END`;

function orderBy(filter: Pick<CoacheeFilter, "sort" | "dir">) {
  const dir = filter.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  switch (filter.sort) {
    case "lastActivity":
      return Prisma.sql`c."lastActivityAt" ${dir} NULLS LAST, c."sortName" ${dir}, c."id" ${dir}`;
    case "status":
      return Prisma.sql`c."statusRank" ${dir}, c."sortName" ASC, c."id" ASC`;
    default:
      return Prisma.sql`c."sortName" ${dir}, c."id" ${dir}`;
  }
}

type Query = Omit<CoacheeFilter, "page"> & {
  page: number;
  pageSize: number;
  /** Programme-scoped oversight: only coachees with a pathway in one of these programmes, and only these programmes named. */
  programmes?: string[] | null;
};

/**
 * One page of a coach's coachees with the total, in one statement: the coach's relationships (the
 * primary key's prefix) joined to the memberships, filtered and sorted in memory (a coach's coachees,
 * not the organisation), then programmes and next session for the page's rows only.
 */
async function coacheePage(t: TenantTx, organizationId: string, coachMembershipId: string, q: Query) {
  const org = Prisma.sql`${organizationId}::uuid`;
  const coach = Prisma.sql`${coachMembershipId}::uuid`;
  const terms = q.q?.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5) ?? [];
  const where: Prisma.Sql[] = [Prisma.sql`TRUE`];
  // Every word must match part of "first last email" (lower-case, kept on the membership); % _ \ are literal.
  for (const term of terms) where.push(Prisma.sql`c."searchText" LIKE ${`%${likeLiteral(term)}%`}`);
  if (q.status) where.push(Prisma.sql`c."status" = ${q.status}::"MembershipStatus"`);
  if (q.programmes)
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "Pathway" p
      WHERE p."organizationId" = ${org} AND p."membershipId" = c."id" AND p."programmeId" = ANY(${q.programmes}::uuid[]))`);
  const inScope = q.programmes ? Prisma.sql`AND p."programmeId" = ANY(${q.programmes}::uuid[])` : Prisma.empty;
  // Narrowing before the memberships are read: a group's members (its own index), and, for words of
  // three letters or more, the members the search's trigram index finds (a selective search then reads
  // a handful of memberships instead of every coachee's).
  const narrow: Prisma.Sql[] = [];
  if (q.group)
    narrow.push(Prisma.sql`AND r."coacheeMembershipId" IN (SELECT g."coacheeMembershipId" FROM "CoacheeGroupMember" g
      WHERE g."organizationId" = ${org} AND g."groupId" = ${q.group}::uuid AND g."coachMembershipId" = ${coach})`);
  const indexed = terms.filter((term) => term.length >= 3);
  if (indexed.length)
    narrow.push(Prisma.sql`AND r."coacheeMembershipId" IN (SELECT s."id" FROM "Membership" s WHERE s."organizationId" = ${org}
      AND ${Prisma.join(
        indexed.map((term) => Prisma.sql`s."searchText" LIKE ${`%${likeLiteral(term)}%`}`),
        " AND ",
      )})`);

  const rows = await t.$queryRaw<RawRow[]>`
    WITH mine AS MATERIALIZED (
      SELECT m.*, r."lastActivityAt"
        FROM "CoachingRelationship" r
        -- One primary-key lookup per coachee (OFFSET 0 keeps it a nested loop): the planner would
        -- otherwise hash the whole organisation's memberships to join a coach's few thousand.
        CROSS JOIN LATERAL (
          SELECT m."id", m."userId", m."firstName", m."lastName", m."status", m."joinedAt", m."sortName", m."searchText",
                 ${STATUS_RANK} AS "statusRank"
            FROM "Membership" m
           WHERE m."organizationId" = ${org} AND m."id" = r."coacheeMembershipId"
          OFFSET 0
        ) m
       WHERE r."organizationId" = ${org} AND r."coachMembershipId" = ${coach} ${narrow.length ? Prisma.join(narrow, " ") : Prisma.empty}
    ), page AS (
      SELECT c.*, count(*) OVER () AS "total"
        FROM mine c
       WHERE ${Prisma.join(where, " AND ")}
       ORDER BY ${orderBy(q)}
       LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}
    )
    SELECT c."id", c."firstName", c."lastName", u."email", c."status", c."joinedAt", c."lastActivityAt", c."total",
           ARRAY(SELECT DISTINCT pr."name" FROM "Pathway" p
                   JOIN "Programme" pr ON pr."organizationId" = p."organizationId" AND pr."id" = p."programmeId"
                  WHERE p."organizationId" = ${org} AND p."membershipId" = c."id" ${inScope}
                  ORDER BY pr."name") AS "programmes",
           (SELECT min(s."scheduledAt") FROM "CoachingSession" s
             WHERE s."organizationId" = ${org} AND s."coacheeMembershipId" = c."id" AND s."coachMembershipId" = ${coach}
               AND s."status" = 'SCHEDULED' AND s."scheduledAt" > now()) AS "nextSessionAt"
      FROM page c
      JOIN "User" u ON u."id" = c."userId"
     ORDER BY ${orderBy(q)}`;
  return rows;
}

/** How many match, when the page asked for lies past the end (the window count needs a row on the page). */
async function countCoachees(t: TenantTx, organizationId: string, coachMembershipId: string, q: Query): Promise<number> {
  if (q.page === 1) return 0;
  const first = await coacheePage(t, organizationId, coachMembershipId, { ...q, page: 1, pageSize: 1 });
  return Number(first[0]?.total ?? 0);
}

function strip(rows: RawRow[]): CoacheeRow[] {
  return rows.map(({ total: _total, ...row }) => row);
}

/** The most a picker (building a group) lists at once; a coach narrows with the search beyond that. */
export const PICKER_SIZE = 500;

/**
 * One page of the acting coach's coachees, with the total and the number of pages (`picker`: up to
 * PICKER_SIZE on one page). `page` is the page shown: the one asked for, or the last when that lies past
 * the end (read again, as the window count only comes with a row).
 */
export async function listCoachees(db: Db, actor: Actor, filter: CoacheeFilter, { picker = false }: { picker?: boolean } = {}) {
  assertCan(actor.role, "coachees:manage");
  const t = tenantDb(db, actor.organizationId);
  const pageSize = picker ? PICKER_SIZE : COACHEES_PAGE_SIZE;
  const q = { ...filter, pageSize };
  let rows = await coacheePage(t, actor.organizationId, actor.membershipId, q);
  const total = rows.length ? Number(rows[0].total) : await countCoachees(t, actor.organizationId, actor.membershipId, q);
  const pages = pageCount(total, pageSize);
  const page = clampPage(filter.page, pages);
  if (page !== filter.page) rows = await coacheePage(t, actor.organizationId, actor.membershipId, { ...q, page });
  return { rows: strip(rows), total, pages, page };
}

export const OVERSIGHT_LIMIT = 200;

/**
 * A coach's coachees as an admin (all of them) or a programme manager (those with a pathway in one of
 * their programmes, naming only those programmes) sees them on the coach's user page: names, status
 * and programmes, nothing of the coach's own material.
 */
export async function coacheesOfCoach(db: Db, actor: Actor, coachMembershipId: string) {
  assertCan(actor.role, "coachees:oversee");
  if (!isId(coachMembershipId)) throw new NotFoundError();
  const t = tenantDb(db, actor.organizationId);
  const coach = await t.membership.findFirst({ where: { id: coachMembershipId, role: "COACH" }, select: { id: true } });
  if (!coach) throw new NotFoundError();
  const programmes = await programmeScope(t, actor);
  const q: Query = { sort: "name", dir: "asc", page: 1, pageSize: OVERSIGHT_LIMIT, programmes };
  const rows = await coacheePage(t, actor.organizationId, coach.id, q);
  return {
    total: rows.length ? Number(rows[0].total) : 0,
    rows: rows.map((r) => ({ id: r.id, firstName: r.firstName, lastName: r.lastName, status: r.status, programmes: r.programmes })),
  };
}
