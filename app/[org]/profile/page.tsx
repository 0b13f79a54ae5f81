import type { Metadata } from "next";
import { PasswordForm, ProfileForm, SignOutEverywhereForm } from "@/components/profile/profile-forms";
import { requireMember } from "@/lib/auth/page";
import { TIME_ZONES } from "@/lib/web/form-fields";
import { changePasswordAction, signOutEverywhereAction, updateProfileAction } from "./actions";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org, "dashboard:view");
  return (
    <section className="space-y-10">
      <div>
        <h1 className="text-2xl font-semibold">Profile</h1>
        <p className="text-slate-600">{member.user.email}</p>
      </div>
      <ProfileForm action={updateProfileAction} user={member.user} timezones={TIME_ZONES} />
      <PasswordForm action={changePasswordAction} />
      <SignOutEverywhereForm action={signOutEverywhereAction} />
    </section>
  );
}
