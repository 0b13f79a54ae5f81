import { USED_SESSION } from "../sessions/open";
import type { Db } from "../db/client";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { inProgrammes, programmeScope } from "../programmes/scope";
import { csvDocument } from "../csv";
import type { Locale } from "../i18n/locales";
import { translatorFor } from "../i18n/translator";

export type ReportRow = {
  programme: string;
  cohort: string;
  active: number;
  completed: number;
  dnf: number;
  dns: number;
  sessionsIncluded: number;
  sessionsUsed: number;
  sessionsCredited: number;
};

/**
 * Per cohort and per programme: pathways by outcome (active, completed, DNF, DNS), sessions included,
 * used (attended) and credited back (the ledger's net). Within the actor's programme scope.
 */
export async function pathwayReport(db: Db, actor: Actor): Promise<{ cohorts: ReportRow[]; programmes: ReportRow[] }> {
  assertCan(actor.role, "programmes:view");
  const t = tenantDb(db, actor.organizationId);
  const scope = await programmeScope(t, actor);
  const inScope = inProgrammes(scope);
  const [cohorts, pathways, used, credits] = await Promise.all([
    t.cohort.findMany({
      where: inScope,
      select: { id: true, name: true, programme: { select: { id: true, name: true } } },
      orderBy: [{ programme: { name: "asc" } }, { name: "asc" }],
    }),
    t.pathway.findMany({
      where: inScope,
      select: { id: true, cohortId: true, status: true, archiveReason: true, programme: { select: { sessionsIncluded: true } } },
    }),
    t.coachingSession.groupBy({ by: ["pathwayId"], where: { ...USED_SESSION, pathway: inScope }, _count: { _all: true } }),
    t.creditEntry.groupBy({ by: ["cohortId"], where: { cohort: inScope }, _sum: { amount: true } }),
  ]);
  const usedBy = new Map(used.map((u) => [u.pathwayId, u._count._all]));
  const creditedBy = new Map(credits.map((c) => [c.cohortId, c._sum.amount ?? 0]));
  const rows = new Map<string, ReportRow>(
    cohorts.map((c) => [
      c.id,
      {
        programme: c.programme.name,
        cohort: c.name,
        active: 0,
        completed: 0,
        dnf: 0,
        dns: 0,
        sessionsIncluded: 0,
        sessionsUsed: 0,
        sessionsCredited: creditedBy.get(c.id) ?? 0,
      },
    ]),
  );
  for (const p of pathways) {
    const row = rows.get(p.cohortId);
    if (!row) continue;
    if (p.status === "ACTIVE") row.active++;
    else if (p.archiveReason === "DNF") row.dnf++;
    else if (p.archiveReason === "DNS") row.dns++;
    else row.completed++;
    row.sessionsIncluded += p.programme.sessionsIncluded;
    row.sessionsUsed += usedBy.get(p.id) ?? 0;
  }
  const cohortRows = [...rows.values()];
  const byProgramme = new Map<string, ReportRow>();
  for (const r of cohortRows) {
    const total = byProgramme.get(r.programme) ?? {
      ...r,
      cohort: "",
      active: 0,
      completed: 0,
      dnf: 0,
      dns: 0,
      sessionsIncluded: 0,
      sessionsUsed: 0,
      sessionsCredited: 0,
    };
    for (const k of ["active", "completed", "dnf", "dns", "sessionsIncluded", "sessionsUsed", "sessionsCredited"] as const)
      total[k] += r[k];
    byProgramme.set(r.programme, total);
  }
  return { cohorts: cohortRows, programmes: [...byProgramme.values()] };
}

/** The report as CSV (UTF-8 with BOM), one row per cohort followed by one per programme; its words in `locale`, the downloader's. */
export async function pathwayReportCsv(db: Db, actor: Actor, locale: Locale = "en"): Promise<string> {
  const { cohorts, programmes } = await pathwayReport(db, actor);
  const t = await translatorFor(locale);
  const header = [
    t("Reports.csv.programme"),
    t("Reports.csv.cohort"),
    t("Labels.outcome.active"),
    t("Labels.outcome.COMPLETED"),
    t("Labels.outcome.DNF"),
    t("Labels.outcome.DNS"),
    t("Reports.csv.sessionsIncluded"),
    t("Reports.csv.sessionsUsed"),
    t("Reports.csv.sessionsCredited"),
  ];
  const line = (r: ReportRow, cohort: string) => [
    r.programme,
    cohort,
    r.active,
    r.completed,
    r.dnf,
    r.dns,
    r.sessionsIncluded,
    r.sessionsUsed,
    r.sessionsCredited,
  ];
  return csvDocument([header, ...cohorts.map((r) => line(r, r.cohort)), ...programmes.map((r) => line(r, t("Reports.csv.allCohorts")))]);
}
