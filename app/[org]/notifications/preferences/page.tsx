import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { db } from "@/lib/db/client";
import { getPreferences } from "@/lib/notifications/preferences";
import { savePreferencesAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("NotificationCentre"))("preferences.title") };
}

export default async function NotificationPreferencesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await requireMember(org, "notifications:use");
  const preferences = await getPreferences(db(), memberActor(member));
  const t = await getTranslations("NotificationCentre");
  return (
    <section>
      <PageHeader
        title={t("preferences.title")}
        back={{ href: `/${org}/notifications`, label: t("title") }}
        description={t("preferences.description")}
      />
      {preferences.length ? (
        <PreferencesForm org={org} preferences={preferences} action={savePreferencesAction} />
      ) : (
        <EmptyState>{t("preferences.notForYou")}</EmptyState>
      )}
    </section>
  );
}
