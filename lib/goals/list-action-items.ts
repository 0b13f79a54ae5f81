import { z } from "zod";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { NotFoundError } from "../errors";
import { isId } from "../web/form-fields";
import { pageWindow } from "../web/pagination";
import { lenient, pageNumber } from "../web/search-params";
import { assertCoacheeMaterialRole, reachCoachee } from "../coaching/material";
import { ACTION_FILTERS, addDays, coacheeZone, dueState, todayIn, WEEK_DAYS, type ActionFilterCode } from "./calendar";

// A coachee's actions as one list (the Actions tab of a coachee's profile, a participant's Actions
// page): filtered, sorted by due date and paged through the URL. "Today" is the coachee's calendar day
// in the coachee's time zone (lib/goals/calendar.ts).

export const ACTION_ITEMS_PAGE_SIZE = 25;
export { ACTION_FILTERS, type ActionFilterCode };

/** The list's filter, sort and page, exactly as the URL carries them (a value that does not parse is dropped). */
export const actionItemFilterSchema = z.object({
  status: lenient(z.enum(ACTION_FILTERS)),
  /** One place's actions only (a placeValue: "none", "goal:<id>", "milestone:<id>"): where a goals page's folded list leads. */
  place: lenient(z.string().regex(/^(none|goal:[0-9a-f-]{36}|milestone:[0-9a-f-]{36})$/)),
  sort: z.enum(["due"]).default("due").catch("due"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  page: pageNumber(100_000),
});
export type ActionItemFilter = z.infer<typeof actionItemFilterSchema>;
export const ACTION_ITEM_FILTER_DEFAULTS = { sort: "due", dir: "asc", page: 1 } as const;

function filterWhere(status: ActionFilterCode | undefined, today: Date): Prisma.ActionWhereInput {
  switch (status) {
    case "open":
      return { completedAt: null };
    case "week":
      return { completedAt: null, dueDate: { gte: today, lt: addDays(today, WEEK_DAYS) } };
    case "overdue":
      return { completedAt: null, dueDate: { lt: today } };
    case "done":
      return { completedAt: { not: null } };
    default:
      return {};
  }
}

function placeWhere(place: string | undefined): Prisma.ActionWhereInput {
  if (!place) return {};
  const [kind, id] = place.split(":");
  if (kind === "milestone") return { milestoneId: id };
  if (kind === "goal") return { goalId: id, milestoneId: null };
  return { goalId: null };
}

const PLACE = { select: { id: true, title: true, progress: true, completedAt: true } } as const;

/** One page of a coachee's actions, for the coachee and their coaches, with the coachee's zone and day. */
export async function listActionItems(db: Db, actor: Actor, coacheeMembershipId: string, filter: ActionItemFilter, now = new Date()) {
  assertCoacheeMaterialRole(actor.role);
  if (!isId(coacheeMembershipId)) throw new NotFoundError();
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const coachee = await reachCoachee(tx, actor, coacheeMembershipId);
    const { zone, source } = await coacheeZone(tx, coachee);
    const today = todayIn(zone, now);
    const where: Prisma.ActionWhereInput = {
      coacheeMembershipId: coachee,
      ...filterWhere(filter.status, today),
      ...placeWhere(filter.place),
    };
    const total = await tx.action.count({ where });
    const { pages, page, skip, take } = pageWindow(total, ACTION_ITEMS_PAGE_SIZE, filter.page);
    const rows = await tx.action.findMany({
      where,
      // Undated actions last either way; ties in the order they were made.
      orderBy: [{ dueDate: { sort: filter.dir, nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
      skip,
      take,
      select: {
        id: true,
        title: true,
        description: true,
        dueDate: true,
        progress: true,
        weight: true,
        monitoredByCoach: true,
        seriesId: true,
        completedAt: true,
        goal: PLACE,
        milestone: PLACE,
      },
    });
    const [kind, placeId] = (filter.place ?? "").split(":");
    const placeTitle =
      kind === "goal"
        ? (await tx.goal.findFirst({ where: { id: placeId, coacheeMembershipId: coachee }, select: { title: true } }))?.title
        : kind === "milestone"
          ? (await tx.milestone.findFirst({ where: { id: placeId, goal: { coacheeMembershipId: coachee } }, select: { title: true } }))
              ?.title
          : undefined;
    return {
      rows: rows.map((r) => ({ ...r, due: dueState(r, today) })),
      placeTitle: placeTitle ?? null,
      total,
      pages,
      page,
      zone,
      zoneSource: source,
      today,
    };
  });
}
export type ActionItemRow = Awaited<ReturnType<typeof listActionItems>>["rows"][number];
