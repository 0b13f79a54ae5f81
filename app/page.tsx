import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LinkButton } from "@/components/ui/button";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { rememberedOrganization } from "@/lib/auth/active-org";
import { activeOrganizations } from "@/lib/db/cross-tenant";
import { currentUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

// "/" goes to the session's active organisation if it still grants access, else the first one.
export default async function Home() {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const organizations = await activeOrganizations(user.id);
  const remembered = await rememberedOrganization();
  const target = organizations.find((o) => o.slug === remembered) ?? organizations[0];
  if (target) redirect(`/${target.slug}`);
  return (
    <AuthCard title="No organisation yet">
      <p className="mb-4 text-sm">You are not an active member of any organisation. Ask an admin to invite you, or start your own.</p>
      <div className="flex items-center gap-3">
        <LinkButton href="/new-organisation" variant="primary">
          Create an organisation
        </LinkButton>
        <SignOutButton />
      </div>
    </AuthCard>
  );
}
