import type { Metadata } from "next";
import { TextLink } from "@/components/ui/button";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/orgs/sign-up-form";
import { currentUser } from "@/lib/auth/session";
import { TIME_ZONES } from "@/lib/web/form-fields";
import { signUpAction } from "./actions";

export const metadata: Metadata = { title: "Create your organisation" };
export const dynamic = "force-dynamic";

export default async function SignUpPage() {
  // Someone already signed in adds an organisation to their account instead.
  if (await currentUser()) redirect("/new-organisation");
  return (
    <AuthCard title="Create your organisation">
      <SignUpForm action={signUpAction} timezones={TIME_ZONES} />
      <p className="mt-4 text-sm">
        Already using Pathwise? <TextLink href="/sign-in">Sign in</TextLink>
      </p>
    </AuthCard>
  );
}
