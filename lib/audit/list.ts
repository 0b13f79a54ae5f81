import { z } from "zod";
import type { Db } from "../db/client";
import { tenantDb, type TenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { likeLiteral } from "../db/like";
import { isoDay, pageNumber, searchText } from "../web/search-params";
import { pageWindow } from "../web/pagination";
import { dayToDate, isId } from "../web/form-fields";
import { PERSON, seen } from "../users/person";
import { displayName } from "../users/display-name";
import { ID_FIELDS } from "./changes";

export const AUDIT_PAGE_SIZE = 25;

/** The Audit log page's filters, as they come from the URL. */
export const auditFilterSchema = z.object({
  actor: searchText(254),
  action: searchText(100),
  target: searchText(100),
  from: isoDay(),
  to: isoDay(),
  page: pageNumber(10_000),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/**
 * One page of this organisation's audit events, newest first, with the names they are read with. `page`
 * is the page shown: the one asked for, or the last when that lies past the end.
 */
export async function listAuditEvents(db: Db, actor: Actor, filter: AuditFilter) {
  assertCan(actor.role, "audit:view");
  const t = tenantDb(db, actor.organizationId);
  const where = {
    ...(filter.action ? { action: { startsWith: likeLiteral(filter.action) } } : {}),
    ...(filter.target ? { OR: [{ targetId: filter.target }, { targetType: filter.target }] } : {}),
    ...(filter.actor ? { actor: { email: { contains: likeLiteral(filter.actor.toLowerCase()) } } } : {}),
    ...(filter.from || filter.to
      ? {
          createdAt: {
            ...(filter.from ? { gte: dayToDate(filter.from) } : {}),
            ...(filter.to ? { lt: new Date(dayToDate(filter.to).getTime() + 86_400_000) } : {}),
          },
        }
      : {}),
  };
  const total = await t.auditEvent.count({ where });
  const { pages, page, skip, take } = pageWindow(total, AUDIT_PAGE_SIZE, filter.page);
  const events = await t.auditEvent.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip,
    take,
    select: {
      id: true,
      action: true,
      targetType: true,
      targetId: true,
      before: true,
      after: true,
      ipAddress: true,
      createdAt: true,
      actorId: true,
      actor: { select: { email: true } },
    },
  });
  return { total, events: await nameAuditEvents(t, events), pages, page };
}

/** The names an audit event is read with (lib/audit/sentence.ts): who, to whom or what, and the ids it mentions. */
export type AuditNames = { actorName: string | null; targetName: string | null; names: Record<string, string> };

type RawEvent = { actorId: string | null; targetType: string; targetId: string | null; before: unknown; after: unknown };
type Kind = "member" | "unit" | "programme" | "cohort" | "pathway" | "organization";

const TARGET_KINDS: Record<string, Kind> = {
  membership: "member",
  unit: "unit",
  programme: "programme",
  cohort: "cohort",
  pathway: "pathway",
  organization: "organization",
};
const fields = (v: unknown): [string, unknown][] => (v && typeof v === "object" && !Array.isArray(v) ? Object.entries(v) : []);

/**
 * Resolves the names an organisation may see for a page of its audit events: the actor and members
 * through their membership here (lib/users/person.ts: before someone joins, only what the organisation
 * entered), units, programmes, cohorts and pathways by their names. Nothing outside `t`'s organisation.
 */
export async function nameAuditEvents<E extends RawEvent>(t: TenantDb, events: E[]): Promise<(E & AuditNames)[]> {
  const ids: Record<Kind | "user", Set<string>> = {
    user: new Set(),
    member: new Set(),
    unit: new Set(),
    programme: new Set(),
    cohort: new Set(),
    pathway: new Set(),
    organization: new Set(),
  };
  for (const e of events) {
    if (e.actorId) ids.user.add(e.actorId);
    const kind = TARGET_KINDS[e.targetType];
    if (kind && isId(e.targetId)) ids[kind].add(e.targetId);
    for (const [field, value] of [...fields(e.before), ...fields(e.after)]) {
      if (field in ID_FIELDS) for (const id of [value].flat()) if (isId(id)) ids[ID_FIELDS[field]].add(id);
    }
  }
  const among = (kind: keyof typeof ids) => ({ id: { in: [...ids[kind]] } });
  const none = Promise.resolve([]);
  const [actors, members, units, programmes, cohorts, pathways, organizations] = await Promise.all([
    ids.user.size ? t.membership.findMany({ where: { userId: { in: [...ids.user] } }, select: PERSON }) : none,
    ids.member.size ? t.membership.findMany({ where: among("member"), select: { id: true, ...PERSON } }) : none,
    ids.unit.size ? t.orgUnit.findMany({ where: among("unit"), select: { id: true, name: true } }) : none,
    ids.programme.size ? t.programme.findMany({ where: among("programme"), select: { id: true, name: true } }) : none,
    ids.cohort.size ? t.cohort.findMany({ where: among("cohort"), select: { id: true, name: true } }) : none,
    ids.pathway.size
      ? t.pathway.findMany({
          where: among("pathway"),
          select: { id: true, participant: { select: PERSON }, programme: { select: { name: true } }, cohort: { select: { name: true } } },
        })
      : none,
    ids.organization.size ? t.organization.findMany({ select: { id: true, name: true } }) : none,
  ]);
  const person = (m: Parameters<typeof seen>[0]) => seen(m).user;
  const byUser = new Map(actors.map((m) => [m.user.id, person(m)]));
  const names: Record<string, string> = {};
  for (const m of members) names[m.id] = displayName(person(m));
  for (const r of [...units, ...programmes, ...cohorts, ...organizations]) names[r.id] = r.name;
  for (const p of pathways) names[p.id] = `${displayName(person(p.participant))}'s pathway in ${p.programme.name} (${p.cohort.name})`;

  return events.map((e) => {
    const actor = e.actorId ? byUser.get(e.actorId) : undefined;
    const own: Record<string, string> = {};
    for (const [field, value] of [...fields(e.before), ...fields(e.after)]) {
      if (field in ID_FIELDS) for (const id of [value].flat()) if (typeof id === "string" && names[id]) own[id] = names[id];
    }
    return {
      ...e,
      // Someone who acted here is a member here (memberships are never deleted); "Someone" is only a guard.
      actorName: e.actorId ? (actor ? displayName(actor) : "Someone") : null,
      targetName: e.targetId && TARGET_KINDS[e.targetType] ? (names[e.targetId] ?? null) : null,
      names: own,
    };
  });
}
