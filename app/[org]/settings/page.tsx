import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Settings"))("metaTitle") };
}

export default async function SettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org, "settings:manage");
  const actor = memberActor(member);
  const [settings, storage, t] = await Promise.all([getSettings(db(), actor), getStorageUsage(db(), actor), getTranslations("Settings")]);
  return (
    <section>
      <PageHeader title={t("title")} />
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
