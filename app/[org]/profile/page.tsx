import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PasswordForm, ProfileForm, SignOutEverywhereForm } from "@/components/profile/profile-forms";
import { PageHeader } from "@/components/ui/page-header";
import { requireMember } from "@/lib/auth/page";
import { isLocale, pickLocale } from "@/lib/i18n/locales";
import { TIME_ZONES } from "@/lib/web/form-fields";
import { CalendarFeedForm } from "@/components/sessions/calendar-feed-form";
import { memberActor } from "@/lib/auth/member";
import { canAny } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { viewerClock } from "@/lib/format/dates";
import { FEED_PERMISSIONS, feedStatus } from "@/lib/sessions/feed";
import { MeetingLinkForm } from "@/components/sessions/meeting-link-form";
import { can } from "@/lib/authz/permissions";
import { meetingLinkSettings } from "@/lib/sessions/meeting-links";
import {
  changePasswordAction,
  createFeedAction,
  revokeFeedAction,
  setMeetingLinkAction,
  signOutEverywhereAction,
  updateProfileAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Profile"))("title") };
}

export default async function ProfilePage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await requireMember(org, "dashboard:view");
  const t = await getTranslations("Profile");
  const feeds = canAny(member.role, FEED_PERMISSIONS);
  const feed = feeds ? await feedStatus(db(), memberActor(member)) : null;
  const room = can(member.role, "coachees:manage") ? await meetingLinkSettings(db(), memberActor(member)) : null;
  return (
    <section className="space-y-10">
      <PageHeader title={t("title")} description={member.user.email} />
      <ProfileForm
        action={updateProfileAction}
        user={{ ...member.user, locale: isLocale(member.user.locale) ? member.user.locale : null }}
        timezones={TIME_ZONES}
        organisationLocale={pickLocale(member.locale, member.organization.defaultLocale)}
      />
      <PasswordForm action={changePasswordAction} />
      {room ? <MeetingLinkForm org={org} meetingUrl={room.meetingUrl} action={setMeetingLinkAction} /> : null}
      {feeds ? (
        <CalendarFeedForm
          org={org}
          since={feed ? viewerClock(member.user, await getLocale()).time(feed.createdAt) : null}
          create={createFeedAction}
          revoke={revokeFeedAction}
        />
      ) : null}
      <SignOutEverywhereForm action={signOutEverywhereAction} />
    </section>
  );
}
