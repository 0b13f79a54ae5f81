import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
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
  const t = await getTranslations("Auth.noOrganisation");
  return (
    <AuthCard title={t("title")}>
      <p className="mb-4 text-sm">{t("explain")}</p>
      <div className="flex items-center gap-3">
        <LinkButton href="/new-organisation" variant="primary">
          {t("create")}
        </LinkButton>
        <SignOutButton />
      </div>
    </AuthCard>
  );
}
