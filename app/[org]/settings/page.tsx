import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SettingsForm } from "@/components/settings/settings-form";
import { currentMember, memberActor } from "@/lib/auth/member";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { getSettings } from "@/lib/orgs/settings";
import { updateSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const member = await currentMember((await params).org);
  if (!member || !can(member.role, "settings:manage")) notFound();
  const settings = await getSettings(db(), memberActor(member));
  return (
    <section>
      <h1 className="mb-6 text-2xl font-semibold">Organisation settings</h1>
      <SettingsForm org={member.organization.slug} settings={settings} canManagePlan={can(member.role, "plan:manage")} action={updateSettingsAction} />
    </section>
  );
}
