import type { Metadata } from "next";
import { TextLink } from "@/components/ui/button";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { env } from "@/lib/env";
import { safeRedirectPath } from "@/lib/web/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  // Only our own origin: a callback URL is never a way off this site.
  const next = safeRedirectPath((await searchParams).callbackUrl, env().APP_URL);
  return (
    <AuthCard title="Sign in">
      <SignInForm callbackUrl={next} />
      <p className="mt-4 text-sm">
        <TextLink href="/forgot-password">Forgot your password?</TextLink>
      </p>
      <p className="mt-2 text-sm">
        New to Pathwise? <TextLink href="/sign-up">Create your organisation</TextLink>
      </p>
    </AuthCard>
  );
}
