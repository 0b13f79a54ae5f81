import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TextLink } from "@/components/ui/button";
import { AuthCard } from "@/components/auth/auth-card";
import { VerifySignUpForm } from "@/components/orgs/sign-up-form";
import { db } from "@/lib/db/client";
import { findSignUpRequest } from "@/lib/orgs/sign-up";
import { verifySignUpAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("SignUp.verify"))("title"), referrer: "no-referrer" };
}
export const dynamic = "force-dynamic";

export default async function VerifySignUpPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("SignUp.verify");
  const request = await findSignUpRequest(db(), token);
  if (!request) {
    // Expired, used or unknown: one page for all three. It says what InvalidSignUpLinkError says, in the
    // visitor's language.
    return (
      <AuthCard title={t("deadLink")}>
        <p className="mb-4 text-sm">{t("deadLinkExplain")}</p>
        <p className="text-sm">
          <TextLink href="/sign-up">{t("startAgain")}</TextLink>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("heading", { organisation: request.organizationName })}>
      <VerifySignUpForm token={token} email={request.email} organizationName={request.organizationName} action={verifySignUpAction} />
    </AuthCard>
  );
}
