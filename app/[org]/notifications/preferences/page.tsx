import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { db } from "@/lib/db/client";
import { getPreferences } from "@/lib/notifications/preferences";
import { RemindersForm } from "@/components/notifications/reminders-form";
import { canAny } from "@/lib/authz/permissions";
import { FEED_PERMISSIONS } from "@/lib/sessions/feed";
import { getReminderChoice, REMINDER_CHOICES } from "@/lib/sessions/reminders";
import { savePreferencesAction, saveRemindersAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("NotificationCentre"))("preferences.title") };
}

export default async function NotificationPreferencesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await requireMember(org, "notifications:use");
  const actor = memberActor(member);
  const preferences = await getPreferences(db(), actor);
  const reminders = canAny(member.role, FEED_PERMISSIONS) ? await getReminderChoice(db(), actor) : null;
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
      {reminders ? <RemindersForm org={org} choices={REMINDER_CHOICES} chosen={reminders} action={saveRemindersAction} /> : null}
    </section>
  );
}
