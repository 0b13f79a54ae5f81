import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ProfileTabs } from "@/components/coachees/profile-tabs";
import { QuickMenu } from "@/components/coachees/quick-menu";
import { MembershipStatusBadge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { coacheeProfile, type ProfileParams } from "./profile";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Coachees.profile"))("title") };
}

/** The coachee profile's frame: the header, the quick menu and the tab strip; each tab is a page below. */
export default async function CoacheeProfileLayout({ params, children }: ProfileParams & { children: ReactNode }) {
  const { org, id } = await params;
  const { coachee, name } = await coacheeProfile(org, id);
  const t = await getTranslations("Coachees.profile");
  return (
    <section>
      <PageHeader
        back={{ href: `/${org}/coachees`, label: t("back") }}
        title={name}
        description={
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="[overflow-wrap:anywhere]">{coachee.user.email}</span>
            <MembershipStatusBadge status={coachee.status} />
            <span>{coachee.programmes.length ? coachee.programmes.join(", ") : t("noProgramme")}</span>
          </span>
        }
        actions={<QuickMenu org={org} coacheeId={coachee.id} />}
      />
      <ProfileTabs org={org} coacheeId={coachee.id}>
        {children}
      </ProfileTabs>
    </section>
  );
}
