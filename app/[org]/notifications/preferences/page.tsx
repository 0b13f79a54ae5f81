import type { Metadata } from "next";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { db } from "@/lib/db/client";
import { getPreferences } from "@/lib/notifications/preferences";
import { savePreferencesAction } from "../actions";

export const metadata: Metadata = { title: "Notification preferences" };

export default async function NotificationPreferencesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await requireMember(org, "notifications:use");
  const preferences = await getPreferences(db(), memberActor(member));
  return (
    <section>
      <PageHeader
        title="Notification preferences"
        back={{ href: `/${org}/notifications`, label: "Notifications" }}
        description="Everything shows in your notifications here. For each kind, choose whether it also comes by email at once (at most one email per thing in 15 minutes), in one daily digest at 08:00 in your time zone, or not by email at all."
      />
      {preferences.length ? (
        <PreferencesForm org={org} preferences={preferences} action={savePreferencesAction} />
      ) : (
        <EmptyState>
          There is nothing to choose: notifications are about coaching work (goals, actions and comments between coaches and their
          coachees), which your role does not take part in.
        </EmptyState>
      )}
    </section>
  );
}
