import type { Metadata } from "next";
import { SettingsForm } from "@/components/settings/settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { getSettings } from "@/lib/orgs/settings";
import { updateSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org, "settings:manage");
  const settings = await getSettings(db(), memberActor(member));
  return (
    <section>
      <PageHeader title="Organisation settings" />
      <SettingsForm
        org={member.organization.slug}
        settings={settings}
        canManagePlan={can(member.role, "plan:manage")}
        action={updateSettingsAction}
      />
    </section>
  );
}
