import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MemberForm, MemberSteps } from "@/components/users/member-forms";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { can, canGrant, grantableRoles, PROGRAMME_SCOPED_ROLES, ROLE_LABELS } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { tenantDb } from "@/lib/db/tenant";
import { NotFoundError } from "@/lib/errors";
import { listVisibleProgrammes } from "@/lib/programmes/scope";
import { allUnits, unitTree } from "@/lib/units/units";
import { DURATION_LABELS, IMPLEMENTATION_ADMIN_DURATIONS } from "@/lib/users/implementation-admins";
import { getMemberProfile } from "@/lib/users/manage";
import { memberPathways } from "@/lib/pathways/pathways";
import { PathwayList } from "@/components/pathways/pathway-list";
import { TIME_ZONES } from "@/lib/web/form-fields";
import { deactivateMemberAction, inviteMemberAction, reactivateMemberAction, resendMemberInvitationAction, updateMemberAction } from "../actions";
import { MEMBERSHIP_MACHINE, membershipState } from "@/lib/users/membership-state";
import { archivePathwayAction } from "../../programmes/actions";
import { displayName } from "@/lib/users/display-name";
import { BackLink } from "@/components/ui/back-link";
import { HeaderCells, Table } from "@/components/ui/table";
import { AuditEvent } from "@/components/audit/audit-event";

export const metadata: Metadata = { title: "User" };

// The page's action for each operation a state may offer as its way forward.
const STEP_ACTIONS = { invite: inviteMemberAction, resend: resendMemberInvitationAction, reactivate: reactivateMemberAction };

const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "Never");

export default async function UserPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const member = await requireMember(org, "users:view");
  const actor = memberActor(member);
  const profile = await getMemberProfile(db(), actor, id).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const { member: m, history, audit } = profile;
  const name = displayName(m.user);
  const mayEdit = can(member.role, "users:manage") && canGrant(member.role, m.role);
  const [units, programmes] = mayEdit ? await Promise.all([allUnits(tenantDb(db(), actor.organizationId)), listVisibleProgrammes(db(), actor)]) : [[], []];
  const roles = grantableRoles(member.role);
  const pathways = await memberPathways(db(), actor, m.id);
  const machine = MEMBERSHIP_MACHINE[membershipState(m)];

  return (
    <section className="space-y-8">
      <div>
        <BackLink href={`/${org}/users`}>Users</BackLink>
        <h1 className="mt-1 text-2xl font-semibold">{name}</h1>
        <p className="text-slate-600">
          {m.user.email} · {ROLE_LABELS[m.role]} · {machine.label}
        </p>
      </div>

      <dl className="grid max-w-2xl grid-cols-2 gap-x-6 gap-y-2 text-sm">
        <dt className="font-medium">Unit</dt>
        <dd>{m.unit?.name ?? "No unit"}</dd>
        <dt className="font-medium">Time zone</dt>
        <dd>{m.user.timezone ?? "Chosen when they join"}</dd>
        <dt className="font-medium">Joined</dt>
        <dd>{m.joinedAt ? when(m.joinedAt) : "Not yet"}</dd>
        <dt className="font-medium">Last active</dt>
        <dd>{when(m.lastActiveAt)}</dd>
        {m.role === "IMPLEMENTATION_ADMIN" ? (
          <>
            <dt className="font-medium">Access ends</dt>
            <dd>{m.expiresAt ? when(m.expiresAt) : "Never"}</dd>
          </>
        ) : null}
        {PROGRAMME_SCOPED_ROLES.has(m.role) ? (
          <>
            <dt className="font-medium">Programmes</dt>
            <dd>{m.programmes.map((p) => p.programme.name).join(", ") || "None"}</dd>
          </>
        ) : null}
      </dl>

      {mayEdit && m.id !== member.membershipId ? (
        // The state's one way forward, and deactivation wherever it applies (lib/users/membership-state.ts).
        <MemberSteps
          org={org}
          membershipId={m.id}
          name={name}
          steps={[
            ...(machine.forward && machine.forward.op in STEP_ACTIONS
              ? [
                  {
                    op: machine.forward.op as keyof typeof STEP_ACTIONS,
                    button: machine.forward.button,
                    confirm: machine.forward.confirm,
                    note: machine.forward.op === "invite" && m.role === "IMPLEMENTATION_ADMIN" ? "Their access as an implementation admin runs for 3 months from today." : undefined,
                  },
                ]
              : []),
            ...("to" in machine.steps.deactivate ? [{ op: "deactivate" as const, button: "Deactivate {name}", confirm: "Deactivate" }] : []),
          ]}
          actions={{ ...STEP_ACTIONS, deactivate: deactivateMemberAction }}
        />
      ) : null}

      {mayEdit ? (
        <MemberForm
          org={org}
          member={{
            id: m.id,
            firstName: m.user.firstName,
            lastName: m.user.lastName,
            timezone: m.user.timezone,
            unitId: m.unitId ?? "",
            role: m.role,
            programmeIds: m.programmes.map((p) => p.programme.id),
          }}
          roles={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          scopedRoles={[...PROGRAMME_SCOPED_ROLES]}
          units={unitTree(units)
            .filter((u) => !u.archivedAt)
            .map((u) => ({ value: u.id, label: u.path }))}
          programmes={programmes.map((p) => ({ value: p.id, label: p.name }))}
          timezones={TIME_ZONES}
          durations={IMPLEMENTATION_ADMIN_DURATIONS.map((d) => ({ value: d, label: DURATION_LABELS[d] }))}
          action={updateMemberAction}
        />
      ) : null}

      <section aria-labelledby="units-heading">
        <h2 id="units-heading" className="mb-2 text-lg font-semibold">
          Units
        </h2>
        {history.length === 0 ? (
          <p className="text-sm text-slate-600">Not in any unit yet.</p>
        ) : (
          <ul className="text-sm">
            {history.map((h) => (
              <li key={h.id}>
                {h.unit.name}
                {h.unit.archivedAt ? " (archived)" : ""}: {when(h.startedAt)} – {h.endedAt ? when(h.endedAt) : "now"}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="pathways-heading">
        <h2 id="pathways-heading" className="mb-2 text-lg font-semibold">
          Pathways
        </h2>
        <PathwayList
          org={org}
          rows={pathways}
          showParticipant={false}
          empty="Not on any pathway yet."
          archive={can(member.role, "pathways:manage") ? { action: archivePathwayAction, name } : undefined}
        />
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-2 text-lg font-semibold">
          Changes to this user
        </h2>
        {audit.length === 0 ? (
          <p className="text-sm text-slate-600">No changes recorded yet.</p>
        ) : (
          <Table className="max-w-3xl">
            <thead>
              <tr className="border-b border-slate-200">
                <HeaderCells labels={["When (UTC)", "What happened"]} />
              </tr>
            </thead>
            <tbody>
              {audit.map((e) => (
                <tr key={e.id} className="border-b border-slate-100 align-top">
                  <td className="p-2 whitespace-nowrap">{when(e.createdAt)}</td>
                  <td className="max-w-none p-2">
                    <AuditEvent event={e} />
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
    </section>
  );
}
