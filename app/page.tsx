import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
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
        <Link href="/new-organisation" className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800">
          Create an organisation
        </Link>
        <SignOutButton />
      </div>
    </AuthCard>
  );
}
