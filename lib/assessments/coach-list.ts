import { z } from "zod";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { displayName } from "../users/display-name";
import { PERSON, seen } from "../users/person";
import { idField } from "../web/form-fields";
import { pageWindow } from "../web/pagination";
import { lenient, pageNumber } from "../web/search-params";

import { ASSIGNMENT_ROW, assessmentView, coacheeToday } from "./assignments";

// The coach's own Assessments page: every assignment of their coachees, filtered, sorted and paged
// through the URL. "Open" (the default) is everything not reviewed yet. Giving, answering and reviewing
// an assessment are in ./assignments.ts.
export const COACH_FILTERS = ["open", "todo", "submitted", "reviewed", "all"] as const;
export type CoachFilterCode = (typeof COACH_FILTERS)[number];
export const COACH_SORTS = ["due", "assigned", "coachee"] as const;
export const ASSESSMENTS_PAGE_SIZE = 25;

export const coachAssessmentsSchema = z.object({
  status: z.enum(COACH_FILTERS).default("open").catch("open"),
  sort: z.enum(COACH_SORTS).default("due").catch("due"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  coachee: lenient(idField()),
  page: pageNumber(100_000),
});
export type CoachAssessmentsFilter = z.infer<typeof coachAssessmentsSchema>;
export const COACH_ASSESSMENTS_DEFAULTS = { status: "open", sort: "due", dir: "asc", page: 1 } as const;

function statusWhere(status: CoachFilterCode): Prisma.AssessmentAssignmentWhereInput {
  switch (status) {
    case "open":
      return { reviewedAt: null };
    case "todo":
      return { submittedAt: null };
    case "submitted":
      return { submittedAt: { not: null }, reviewedAt: null };
    case "reviewed":
      return { reviewedAt: { not: null } };
    case "all":
      return {};
  }
}

function orderOf(filter: CoachAssessmentsFilter): Prisma.AssessmentAssignmentOrderByWithRelationInput[] {
  const dir = filter.dir;
  const tail = [{ createdAt: "asc" as const }, { id: "asc" as const }];
  switch (filter.sort) {
    case "due":
      return [{ dueDate: { sort: dir, nulls: "last" } }, ...tail];
    case "assigned":
      return [{ createdAt: dir }, { id: dir }];
    case "coachee":
      return [{ coachee: { lastName: dir } }, { coachee: { firstName: dir } }, ...tail];
  }
}

/** One page of the acting coach's coachees' assessments (status, sort, coachee and page from the URL). */
export async function listCoachAssessments(db: Db, actor: Actor, filter: CoachAssessmentsFilter, now = new Date()) {
  assertCan(actor.role, "coachees:manage");
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const where: Prisma.AssessmentAssignmentWhereInput = {
      coachee: { coaches: { some: { coachMembershipId: actor.membershipId } } },
      ...(filter.coachee ? { coacheeMembershipId: filter.coachee } : {}),
      ...statusWhere(filter.status),
    };
    const total = await tx.assessmentAssignment.count({ where });
    const { pages, page, skip, take } = pageWindow(total, ASSESSMENTS_PAGE_SIZE, filter.page);
    const rows = await tx.assessmentAssignment.findMany({
      where,
      orderBy: orderOf(filter),
      skip,
      take,
      select: { ...ASSIGNMENT_ROW, coachee: { select: { id: true, ...PERSON } } },
    });
    const todays = new Map<string, Date>();
    for (const id of new Set(rows.map((r) => r.coacheeMembershipId))) todays.set(id, await coacheeToday(tx, id, now));
    return {
      rows: rows.map(({ coachee, ...r }) => {
        // The list shows status and dates, never answers.
        const { answers: _a, questions, ...view } = assessmentView(actor, r, todays.get(r.coacheeMembershipId)!);
        return { ...view, questionCount: questions.length, coacheeName: displayName(seen(coachee).user) };
      }),
      total,
      pages,
      page,
    };
  });
}
