import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PasswordForm, ProfileForm, SignOutEverywhereForm } from "@/components/profile/profile-forms";
import { PageHeader } from "@/components/ui/page-header";
import { requireMember } from "@/lib/auth/page";
import { isLocale, pickLocale } from "@/lib/i18n/locales";
import { TIME_ZONES } from "@/lib/web/form-fields";
import { changePasswordAction, signOutEverywhereAction, updateProfileAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Profile"))("title") };
}

export default async function ProfilePage({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org, "dashboard:view");
  const t = await getTranslations("Profile");
  return (
    <section className="space-y-10">
      <PageHeader title={t("title")} description={member.user.email} />
      <ProfileForm
        action={updateProfileAction}
        user={{ ...member.user, locale: isLocale(member.user.locale) ? member.user.locale : null }}
        timezones={TIME_ZONES}
        organisationLocale={pickLocale(member.locale, member.organization.defaultLocale)}
      />
      <PasswordForm action={changePasswordAction} />
      <SignOutEverywhereForm action={signOutEverywhereAction} />
    </section>
  );
}
