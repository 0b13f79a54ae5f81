import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TextLink } from "@/components/ui/button";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { env } from "@/lib/env";
import { safeRedirectPath } from "@/lib/web/safe-redirect";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("SignIn"))("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const t = await getTranslations("SignIn");
  // Only our own origin: a callback URL is never a way off this site.
  const next = safeRedirectPath((await searchParams).callbackUrl, env().APP_URL);
  return (
    <AuthCard title={t("title")}>
      <SignInForm callbackUrl={next} />
      <p className="mt-4 text-sm">
        <TextLink href="/forgot-password">{t("forgot")}</TextLink>
      </p>
      <p className="mt-2 text-sm">
        {t("newHere")} <TextLink href="/sign-up">{t("createOrganisation")}</TextLink>
      </p>
    </AuthCard>
  );
}
