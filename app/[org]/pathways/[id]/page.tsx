import type { Metadata } from "next";
import { ArchiveForm, SessionForm } from "@/components/pathways/forms";
import { SessionActions } from "@/components/pathways/session-actions";
import { ActionButton } from "@/components/ui/action-button";
import { HeaderCells, Table } from "@/components/ui/table";
import { memberActor } from "@/lib/auth/member";
import { orNotFound, requireMember } from "@/lib/auth/page";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { ARCHIVE_REASON_LABELS, SESSION_STATUS_LABELS } from "@/lib/pathways/labels";
import { getPathway } from "@/lib/pathways/read";
import { displayName } from "@/lib/users/display-name";
import { archivePathwayAction, scheduleSessionAction, sessionStatusAction, unarchivePathwayAction } from "../actions";
import { BackLink } from "@/components/ui/back-link";

export const metadata: Metadata = { title: "Pathway" };

export default async function PathwayPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const member = await requireMember(org, "pathways:view");
  const pathway = await orNotFound(getPathway(db(), memberActor(member), id));
  const name = displayName(pathway.participant.user);
  const archived = pathway.status === "ARCHIVED";
  // The pathway is in reach (getPathway found it), so the permission decides.
  const runsSessions = can(member.role, "sessions:manage");
  const local = (d: Date) => new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: pathway.timezone }).format(d);
  return (
    <section className="space-y-6">
      <div>
        {can(member.role, "programmes:view") ? (
          <BackLink href={`/${org}/cohorts/${pathway.cohort.id}`}>
            {pathway.programme.name} › {pathway.cohort.name}
          </BackLink>
        ) : (
          <BackLink href={`/${org}`}>Dashboard</BackLink>
        )}
        <h1 className="mt-1 text-2xl font-semibold">Pathway of {name}</h1>
        <p className="text-slate-600">
          {archived ? `Archived: ${ARCHIVE_REASON_LABELS[pathway.archiveReason ?? "COMPLETED"].toLowerCase()}` : "Active"} · primary coach {displayName(pathway.coach.user)} · starts{" "}
          {pathway.startDate.toISOString().slice(0, 10)} · {pathway.timezone}
          {pathway.tags.length ? ` · ${pathway.tags.join(", ")}` : ""}
        </p>
        <p className="mt-2" role="status" aria-label="Sessions">
          Sessions: {pathway.used} used of {pathway.programme.sessionsIncluded} included, {pathway.unused} unused
        </p>
      </div>
      <div className="flex flex-wrap gap-4">
        {can(member.role, "pathways:manage") ? (
          <ArchiveForm org={org} pathwayId={pathway.id} name={name} unused={pathway.unused} archived={archived} action={archivePathwayAction} />
        ) : null}
        {archived && can(member.role, "pathways:restore") ? (
          <ActionButton action={unarchivePathwayAction} fields={{ org, pathwayId: pathway.id }} label="Reopen this pathway (reverses any credit)" />
        ) : null}
      </div>

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" className="mb-2 text-lg font-semibold">
          Coaching sessions
        </h2>
        {pathway.sessions.length === 0 ? (
          <p className="text-sm text-slate-600">No sessions yet{runsSessions && !archived ? ": schedule the first one below." : "."}</p>
        ) : (
          <Table className={archived ? "opacity-60" : ""} aria-describedby={archived ? "archived-note" : undefined}>
            <thead>
              <tr className="border-b border-slate-200">
                <HeaderCells labels={["When (local to the pathway)", "Title", "Length", "Status", ...(runsSessions && !archived ? ["Actions"] : [])]} />
              </tr>
            </thead>
            <tbody>
              {pathway.sessions.map((s) => (
                <tr key={s.id} className="border-b border-slate-100">
                  <td className="p-2 whitespace-nowrap">{local(s.scheduledAt)}</td>
                  <td className="p-2">{s.title}</td>
                  <td className="p-2">{s.durationMinutes} min</td>
                  <td className="p-2">{SESSION_STATUS_LABELS[s.status]}</td>
                  {runsSessions && !archived ? (
                    <td className="p-2">
                      <SessionActions org={org} sessionId={s.id} title={s.title} status={s.status} started={s.started} action={sessionStatusAction} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {archived ? (
          <p id="archived-note" className="mt-2 text-sm text-slate-600">
            This pathway is archived: its sessions are kept for the record and no longer change.
          </p>
        ) : null}
      </section>
      {runsSessions && !archived ? <SessionForm org={org} pathwayId={pathway.id} action={scheduleSessionAction} /> : null}
      {pathway.credits.length ? (
        <section aria-labelledby="credits-heading">
          <h2 id="credits-heading" className="mb-2 text-lg font-semibold">
            Credits to the cohort
          </h2>
          <ul className="text-sm">
            {pathway.credits.map((c) => (
              <li key={c.id}>
                {c.createdAt.toISOString().slice(0, 10)}: {c.amount > 0 ? `+${c.amount}` : c.amount} ({c.note})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
