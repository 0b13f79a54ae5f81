import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { activeOrganizations } from "@/lib/db/cross-tenant";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { db } from "@/lib/db/client";
import { unreadCount } from "@/lib/notifications/centre";
import { clientAddress, requestHost } from "@/lib/actions/action";
import { devMailboxOpenTo } from "@/lib/mail/dev-mailbox";
import { switchOrganizationAction } from "../actions/switch-organization";

async function switchOrganization(form: FormData) {
  "use server";
  await switchOrganizationAction(null, form);
}

export const dynamic = "force-dynamic";

// Resolves the membership once for every page under /[org]; pages and actions still authorize
// themselves, this only decides whether the organisation exists for this user at all.
export default async function OrgLayout({ children, params }: { children: ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await requireMember(org);
  const [organizations, unread] = await Promise.all([activeOrganizations(member.user.id), unreadCount(db(), memberActor(member))]);
  return (
    <AppShell
      member={member}
      organizations={organizations}
      devMailbox={devMailboxOpenTo(await clientAddress(), await requestHost())}
      unreadNotifications={unread}
      switchOrganization={switchOrganization}
    >
      {children}
    </AppShell>
  );
}
