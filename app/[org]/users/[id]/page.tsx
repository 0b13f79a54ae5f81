import type { Metadata } from "next";
import { MemberForm, MemberSteps } from "@/components/users/member-forms";
import { memberActor } from "@/lib/auth/member";
import { orNotFound, requireMember } from "@/lib/auth/page";
import { can, canGrant, grantableRoles, PROGRAMME_SCOPED_ROLES, SEAT_ROLES } from "@/lib/authz/permissions";
import { viewerClock } from "@/lib/format/dates";
import { DURATION_LABELS, MEMBERSHIP_STATE_LABELS, ROLE_LABELS } from "@/lib/labels";
import { db } from "@/lib/db/client";
import { listVisibleProgrammes } from "@/lib/programmes/scope";
import { unitsForPickers, unitTree } from "@/lib/units/units";
import { IMPLEMENTATION_ADMIN_DURATIONS } from "@/lib/users/implementation-admins";
import { getMemberProfile } from "@/lib/users/member-profile";
import { memberPathways } from "@/lib/pathways/read";
import { PathwayList } from "@/components/pathways/pathway-list";
import { TIME_ZONES } from "@/lib/web/form-fields";
import {
  deactivateMemberAction,
  inviteMemberAction,
  linkCoacheeAction,
  reactivateMemberAction,
  resendMemberInvitationAction,
  updateMemberAction,
} from "../actions";
import { MEMBERSHIP_MACHINE, membershipState } from "@/lib/users/membership-state";
import { archivePathwayAction } from "../../pathways/actions";
import { displayName } from "@/lib/users/display-name";
import { DescriptionList } from "@/components/ui/description-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { Time } from "@/components/ui/time";
import { DataTable } from "@/components/ui/table";
import { AuditEvent } from "@/components/audit/audit-event";
import { CoachCoachees } from "@/components/coachees/coach-coachees";
import { LinkCoacheeForm } from "@/components/coachees/coachee-forms";
import { coacheesOfCoach } from "@/lib/coachees/coachees";

export const metadata: Metadata = { title: "User" };

// The page's action for each operation a state may offer as its way forward.
const STEP_ACTIONS = { invite: inviteMemberAction, resend: resendMemberInvitationAction, reactivate: reactivateMemberAction };

export default async function UserPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const member = await requireMember(org, "users:view");
  const actor = memberActor(member);
  const profile = await orNotFound(getMemberProfile(db(), actor, id));
  const { member: m, history, audit } = profile;
  const name = displayName(m.user);
  const mayEdit = can(member.role, "users:manage") && canGrant(member.role, m.role);
  const [units, programmes] = mayEdit ? await Promise.all([unitsForPickers(db(), actor), listVisibleProgrammes(db(), actor)]) : [[], []];
  const roles = grantableRoles(member.role);
  const pathways = await memberPathways(db(), actor, m.id);
  // A coach's coachees, for whoever oversees coaches (a programme manager: within their programmes).
  const coachees = m.role === "COACH" && can(member.role, "coachees:oversee") ? await coacheesOfCoach(db(), actor, m.id) : null;
  const machine = MEMBERSHIP_MACHINE[membershipState(m)];

  const zone = viewerClock(member.user).zone;
  const when = (d: Date | null, none = "Never") => (d ? <Time at={d} zone={zone} /> : none);

  return (
    <section className="space-y-8">
      <PageHeader
        back={{ href: `/${org}/users`, label: "Users" }}
        title={name}
        description={`${m.user.email} · ${ROLE_LABELS[m.role]} · ${MEMBERSHIP_STATE_LABELS[membershipState(m)]}`}
      />

      <DescriptionList
        items={[
          { term: "Unit", detail: m.unit?.name ?? "No unit" },
          { term: "Time zone", detail: m.user.timezone ?? "Chosen when they join" },
          { term: "Joined", detail: when(m.joinedAt, "Not yet") },
          { term: "Last active", detail: when(m.lastActiveAt) },
          m.role === "IMPLEMENTATION_ADMIN" && { term: "Access ends", detail: when(m.expiresAt) },
          PROGRAMME_SCOPED_ROLES.has(m.role) && {
            term: "Programmes",
            detail: m.programmes.map((p) => p.programme.name).join(", ") || "None",
          },
          { term: "Times on this page", detail: `${zone} (your time zone)` },
        ]}
      />

      {mayEdit && m.id !== member.membershipId ? (
        // The state's one way forward, and deactivation wherever it applies (lib/users/membership-state.ts).
        <MemberSteps
          org={org}
          membershipId={m.id}
          name={name}
          seat={SEAT_ROLES.has(m.role)}
          steps={[
            ...(machine.forward && machine.forward.op in STEP_ACTIONS
              ? [
                  {
                    op: machine.forward.op as keyof typeof STEP_ACTIONS,
                    button: machine.forward.button,
                    confirm: machine.forward.confirm,
                    note:
                      machine.forward.op === "invite" && m.role === "IMPLEMENTATION_ADMIN"
                        ? "Their access as an implementation admin runs for 3 months from today."
                        : undefined,
                  },
                ]
              : []),
            ...("to" in machine.steps.deactivate
              ? [{ op: "deactivate" as const, button: "Deactivate {name}", confirm: "Deactivate" }]
              : []),
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

      <Section id="units-heading" title="Units">
        {history.length === 0 ? (
          <EmptyState inline>Not in any unit yet.</EmptyState>
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
      </Section>

      <Section id="pathways-heading" title="Pathways">
        <PathwayList
          org={org}
          rows={pathways}
          showParticipant={false}
          empty="Not on any pathway yet."
          archive={can(member.role, "pathways:manage") ? { action: archivePathwayAction, name } : undefined}
        />
      </Section>

      {coachees ? (
        <Section id="coachees-heading" title="Coachees">
          <CoachCoachees org={org} rows={coachees.rows} total={coachees.total} scoped={PROGRAMME_SCOPED_ROLES.has(member.role)} />
          {can(member.role, "coachees:link") ? <LinkCoacheeForm org={org} coach={{ id: m.id, name }} action={linkCoacheeAction} /> : null}
        </Section>
      ) : null}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-2 text-lg font-semibold">
          Changes to this user
        </h2>
        {audit.length === 0 ? (
          <p className="text-sm text-muted">No changes recorded yet.</p>
        ) : (
          <DataTable
            caption="Changes to this user"
            captionHidden
            narrow
            rows={audit}
            rowKey={(e) => e.id}
            columns={[
              { header: `When (${zone})`, nowrap: true, cell: (e) => when(e.createdAt) },
              { header: "What happened", wide: true, cell: (e) => <AuditEvent event={e} zone={zone} /> },
            ]}
          />
        )}
      </section>
    </section>
  );
}
