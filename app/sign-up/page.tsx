import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TextLink } from "@/components/ui/button";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/orgs/sign-up-form";
import { currentUser } from "@/lib/auth/session";
import { TIME_ZONES } from "@/lib/web/form-fields";
import { signUpAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("SignUp"))("title") };
}
export const dynamic = "force-dynamic";

export default async function SignUpPage() {
  // Someone already signed in adds an organisation to their account instead.
  if (await currentUser()) redirect("/new-organisation");
  const t = await getTranslations("SignUp");
  return (
    <AuthCard title={t("title")}>
      <SignUpForm action={signUpAction} timezones={TIME_ZONES} />
      <p className="mt-4 text-sm">
        {t("alreadyUsing")} <TextLink href="/sign-in">{t("signIn")}</TextLink>
      </p>
    </AuthCard>
  );
}
