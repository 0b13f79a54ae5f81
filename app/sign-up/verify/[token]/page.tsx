import type { Metadata } from "next";
import { TextLink } from "@/components/ui/button";
import { AuthCard } from "@/components/auth/auth-card";
import { VerifySignUpForm } from "@/components/orgs/sign-up-form";
import { db } from "@/lib/db/client";
import { findSignUpRequest, InvalidSignUpLinkError } from "@/lib/orgs/sign-up";
import { verifySignUpAction } from "./actions";

export const metadata: Metadata = { title: "Confirm your organisation", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function VerifySignUpPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const request = await findSignUpRequest(db(), token);
  if (!request) {
    // Expired, used or unknown: one page for all three.
    return (
      <AuthCard title="This link no longer works">
        <p className="mb-4 text-sm">{new InvalidSignUpLinkError().message}</p>
        <p className="text-sm">
          <TextLink href="/sign-up">Create your organisation</TextLink>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={`Create ${request.organizationName}`}>
      <VerifySignUpForm token={token} email={request.email} organizationName={request.organizationName} action={verifySignUpAction} />
    </AuthCard>
  );
}
