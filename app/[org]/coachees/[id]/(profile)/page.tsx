import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ActivityFeed } from "@/components/activity/activity-feed";
import { Pagination } from "@/components/ui/pagination";
import { listActivity } from "@/lib/activity/list";
import { PROFILE_TABS, profileTabHref, profileTabPath } from "@/lib/coachees/profile-tabs";
import { db } from "@/lib/db/client";
import { firstValues, pageNumber, queryWith, type RawSearchParams } from "@/lib/web/search-params";
import { coacheeProfile, type ProfileParams } from "./profile";

const querySchema = z.object({
  // Links made before each tab had its own page (emails already sent) carried the tab as ?tab=.
  tab: z.enum(PROFILE_TABS).optional().catch(undefined),
  page: pageNumber(100_000),
});

/** The profile's first tab: what has happened with the coachee, newest first. */
export default async function CoacheeActivityPage({ params, searchParams }: ProfileParams & { searchParams: Promise<RawSearchParams> }) {
  const { org, id } = await params;
  const { actor, coacheeId, name, zone } = await coacheeProfile(org, id);
  const { tab, ...rest } = firstValues(await searchParams);
  const { tab: legacy, page } = querySchema.parse({ tab, page: rest.page });
  if (legacy && legacy !== "activity") redirect(legacyTarget(profileTabPath(org, coacheeId, legacy), legacy === "notes", rest));

  const { events, pages, page: shown } = await listActivity(db(), actor, coacheeId, { page });
  const t = await getTranslations("Activity");
  return (
    <>
      <p className="mb-3 text-sm text-muted">{t("intro", { zone })}</p>
      <ActivityFeed events={events} zone={zone} empty={t("empty", { name })} />
      <Pagination page={shown} pages={pages} href={(p) => profileTabHref(org, coacheeId, "activity", p)} />
    </>
  );
}

/** Where a ?tab= link leads now: the tab's page with the rest of its query; a note (?note=) its own page. */
function legacyTarget(tabPath: string, notes: boolean, { note, ...rest }: Record<string, string | undefined>): string {
  const query = queryWith(notes ? rest : { note, ...rest });
  return `${notes && note ? `${tabPath}/${encodeURIComponent(note)}` : tabPath}${query === "?" ? "" : query}`;
}
