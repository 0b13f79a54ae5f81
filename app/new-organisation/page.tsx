import type { Metadata } from "next";
import { TextLink } from "@/components/ui/button";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { NewOrganizationForm } from "@/components/orgs/new-organization-form";
import { currentUser } from "@/lib/auth/session";
import { createOrganizationAction } from "./actions";

export const metadata: Metadata = { title: "Create an organisation" };
export const dynamic = "force-dynamic";

export default async function NewOrganizationPage() {
  if (!(await currentUser())) redirect("/sign-in?callbackUrl=%2Fnew-organisation");
  return (
    <AuthCard title="Create an organisation">
      <p className="mb-4 text-sm text-muted">You will be its owner. Your other organisations stay as they are.</p>
      <NewOrganizationForm action={createOrganizationAction} />
      <p className="mt-4 text-sm">
        <TextLink href="/">Back</TextLink>
      </p>
    </AuthCard>
  );
}
