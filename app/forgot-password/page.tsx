import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { RequestResetForm } from "@/components/auth/password-reset-forms";
import { requestResetAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Auth.forgotPassword"))("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("Auth.forgotPassword");
  return (
    <AuthCard title={t("heading")}>
      <p className="mb-4 text-sm text-muted">{t("intro")}</p>
      <RequestResetForm action={requestResetAction} />
    </AuthCard>
  );
}
