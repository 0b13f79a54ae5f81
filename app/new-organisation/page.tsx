import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TextLink } from "@/components/ui/button";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { NewOrganizationForm } from "@/components/orgs/new-organization-form";
import { currentUser } from "@/lib/auth/session";
import { createOrganizationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("SignUp.newOrganisation"))("title") };
}
export const dynamic = "force-dynamic";

export default async function NewOrganizationPage() {
  if (!(await currentUser())) redirect("/sign-in?callbackUrl=%2Fnew-organisation");
  const t = await getTranslations("SignUp.newOrganisation");
  return (
    <AuthCard title={t("title")}>
      <p className="mb-4 text-sm text-muted">{t("intro")}</p>
      <NewOrganizationForm action={createOrganizationAction} />
      <p className="mt-4 text-sm">
        <TextLink href="/">{t("back")}</TextLink>
      </p>
    </AuthCard>
  );
}
