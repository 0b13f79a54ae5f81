import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/ui/back-link";
import { InviteForm } from "@/components/invitations/invite-form";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { can, grantableRoles, PROGRAMME_SCOPED_ROLES } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { pickLocale } from "@/lib/i18n/locales";
import { inviteFormContext } from "@/lib/invitations/form-context";
import { unitTree } from "@/lib/units/units";
import { IMPLEMENTATION_ADMIN_DURATIONS } from "@/lib/users/implementation-admins";
import { inviteAction, resendInvitationAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Invitations"))("invite") };
}

export default async function InvitePage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await requireMember(org, "invitations:send");
  const { settings, units, programmes } = await inviteFormContext(db(), memberActor(member));
  // Offer only the roles this person may grant, and implementation admins only where they are enabled.
  const [t, tl, tr] = await Promise.all([getTranslations("Invitations"), getTranslations("Labels"), getTranslations("Roles")]);
  const roles = grantableRoles(member.role).filter((r) => r !== "IMPLEMENTATION_ADMIN" || settings.implementationAdminsEnabled);
  return (
    <section>
      <BackLink href={`/${org}/invitations`}>{t("title")}</BackLink>
      <InviteForm
        org={org}
        roles={roles.map((r) => ({ value: r, label: tr(r) }))}
        scopedRoles={[...PROGRAMME_SCOPED_ROLES]}
        programmesRequired={PROGRAMME_SCOPED_ROLES.has(member.role)}
        programmes={programmes.map((p) => ({ value: p.id, label: p.name }))}
        units={unitTree(units)
          .filter((u) => !u.archivedAt)
          .map((u) => ({ value: u.id, label: u.path }))}
        durations={IMPLEMENTATION_ADMIN_DURATIONS.map((d) => ({ value: d, label: tl(`duration.${d}`) }))}
        defaultMessage={settings.defaultInvitationMessage}
        defaultLocale={pickLocale(settings.defaultLocale)}
        canCreate={can(member.role, "users:manage")}
        action={inviteAction}
        resendAction={resendInvitationAction}
      />
    </section>
  );
}
