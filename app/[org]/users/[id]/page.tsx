import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { MemberForm, MemberSteps } from "@/components/users/member-forms";
import { memberActor } from "@/lib/auth/member";
import { orNotFound, requireMember } from "@/lib/auth/page";
import { can, canGrant, grantableRoles, PROGRAMME_SCOPED_ROLES, SEAT_ROLES } from "@/lib/authz/permissions";
import { viewerClock } from "@/lib/format/dates";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Users.member"))("metaTitle") };
}

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
  const state = membershipState(m);
  const machine = MEMBERSHIP_MACHINE[state];
  // The way forward's words, by state (lib/users/membership-state.ts): every state but ACTIVE has one.
  const forward = state === "ACTIVE" ? null : state;

  const [t, tu, tl, tr] = await Promise.all([
    getTranslations("Users.member"),
    getTranslations("Users"),
    getTranslations("Labels"),
    getTranslations("Roles"),
  ]);
  const zone = viewerClock(member.user, await getLocale()).zone;
  const when = (d: Date | null, none = tu("never")) => (d ? <Time at={d} zone={zone} /> : none);

  return (
    <section className="space-y-8">
      <PageHeader
        back={{ href: `/${org}/users`, label: tu("title") }}
        title={name}
        description={t("summary", { email: m.user.email, role: tr(m.role), state: tl(`membershipState.${state}`) })}
      />

      <DescriptionList
        items={[
          { term: tu("columns.unit"), detail: m.unit?.name ?? t("noUnit") },
          { term: tu("columns.timeZone"), detail: m.user.timezone ?? t("chosenWhenJoining") },
          { term: tu("columns.joined"), detail: when(m.joinedAt, t("notYet")) },
          { term: tu("columns.lastActive"), detail: when(m.lastActiveAt) },
          m.role === "IMPLEMENTATION_ADMIN" && { term: t("accessEnds"), detail: when(m.expiresAt) },
          PROGRAMME_SCOPED_ROLES.has(m.role) && {
            term: t("programmes"),
            detail: m.programmes.map((p) => p.programme.name).join(", ") || t("none"),
          },
          { term: t("timesOnPage"), detail: t("yourZone", { zone }) },
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
            ...(machine.forward && forward && machine.forward.op in STEP_ACTIONS
              ? [
                  {
                    op: machine.forward.op as keyof typeof STEP_ACTIONS,
                    button: t(`forward.${forward}.button`, { name }),
                    confirm: t(`forward.${forward}.confirm`),
                    note: machine.forward.op === "invite" && m.role === "IMPLEMENTATION_ADMIN" ? t("implementationAdminNote") : undefined,
                  },
                ]
              : []),
            ...("to" in machine.steps.deactivate
              ? [{ op: "deactivate" as const, button: t("deactivate.button", { name }), confirm: t("deactivate.confirm") }]
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
          roles={roles.map((r) => ({ value: r, label: tr(r) }))}
          scopedRoles={[...PROGRAMME_SCOPED_ROLES]}
          units={unitTree(units)
            .filter((u) => !u.archivedAt)
            .map((u) => ({ value: u.id, label: u.path }))}
          programmes={programmes.map((p) => ({ value: p.id, label: p.name }))}
          timezones={TIME_ZONES}
          durations={IMPLEMENTATION_ADMIN_DURATIONS.map((d) => ({ value: d, label: tl(`duration.${d}`) }))}
          action={updateMemberAction}
        />
      ) : null}

      <Section id="units-heading" title={t("units")}>
        {history.length === 0 ? (
          <EmptyState inline>{t("noUnits")}</EmptyState>
        ) : (
          <ul className="text-sm">
            {history.map((h) => (
              <li key={h.id}>
                {t.rich("unitPeriod", {
                  unit: h.unit.archivedAt ? tu("archivedUnit", { name: h.unit.name }) : h.unit.name,
                  start: () => when(h.startedAt),
                  end: () => (h.endedAt ? when(h.endedAt) : t("now")),
                })}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="pathways-heading" title={t("pathways")}>
        <PathwayList
          org={org}
          rows={pathways}
          showParticipant={false}
          empty={t("noPathways")}
          archive={can(member.role, "pathways:manage") ? { action: archivePathwayAction, name } : undefined}
        />
      </Section>

      {coachees ? (
        <Section id="coachees-heading" title={t("coachees")}>
          <CoachCoachees org={org} rows={coachees.rows} total={coachees.total} scoped={PROGRAMME_SCOPED_ROLES.has(member.role)} />
          {can(member.role, "coachees:link") ? <LinkCoacheeForm org={org} coach={{ id: m.id, name }} action={linkCoacheeAction} /> : null}
        </Section>
      ) : null}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-2 text-lg font-semibold">
          {t("changes")}
        </h2>
        {audit.length === 0 ? (
          <p className="text-sm text-muted">{t("noChanges")}</p>
        ) : (
          <DataTable
            caption={t("changes")}
            captionHidden
            narrow
            rows={audit}
            rowKey={(e) => e.id}
            columns={[
              { header: t("when", { zone }), nowrap: true, cell: (e) => when(e.createdAt) },
              { header: t("whatHappened"), wide: true, cell: (e) => <AuditEvent event={e} zone={zone} /> },
            ]}
          />
        )}
      </section>
    </section>
  );
}
