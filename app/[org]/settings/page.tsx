import type { Metadata } from "next";
import { SettingsForm } from "@/components/settings/settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { getStorageUsage } from "@/lib/files/quota";
import { pickLocale } from "@/lib/i18n/locales";
import { getSettings } from "@/lib/orgs/settings";
import { updateSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org, "settings:manage");
  const actor = memberActor(member);
  const [settings, storage] = await Promise.all([getSettings(db(), actor), getStorageUsage(db(), actor)]);
  return (
    <section>
      <PageHeader title="Organisation settings" />
      <SettingsForm
        org={member.organization.slug}
        settings={{ ...settings, defaultLocale: pickLocale(settings.defaultLocale) }}
        storageUsed={storage.used}
        canManagePlan={can(member.role, "plan:manage")}
        action={updateSettingsAction}
      />
    </section>
  );
}
