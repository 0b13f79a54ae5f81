import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { currentMember } from "@/lib/auth/member";
import { currentUser } from "@/lib/auth/session";
import { devMailboxEnabled } from "@/lib/env";

export const dynamic = "force-dynamic";

// Resolves the membership once for every page under /[org]; pages and actions still authorize
// themselves, this only decides whether the organisation exists for this user at all.
export default async function OrgLayout({ children, params }: { children: ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params;
  if (!(await currentUser())) redirect(`/sign-in?callbackUrl=/${encodeURIComponent(org)}`);
  const member = await currentMember(org);
  if (!member) notFound();
  return (
    <AppShell member={member} devMailbox={devMailboxEnabled()}>
      {children}
    </AppShell>
  );
}
