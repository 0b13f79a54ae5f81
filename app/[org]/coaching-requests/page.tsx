import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/ui/action-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { requestsForMe } from "@/lib/coaching/requests";
import { db } from "@/lib/db/client";
import { viewerClock } from "@/lib/format/dates";
import { Notice } from "@/components/ui/notice";
import { firstValues, type RawSearchParams } from "@/lib/web/search-params";
import { acceptRequestAction, declineRequestAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("CoachingRequests"))("title") };
}

// Where a participant decides who coaches them: a coach who asked sees nothing of theirs until they accept.
// After an answer, the address carries which (never a name), and the page says what it did.

export default async function CoachingRequestsPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { org } = await params;
  const { answered } = firstValues(await searchParams);
  const member = await requireMember(org, "portal:use");
  const requests = await requestsForMe(db(), memberActor(member));
  const zone = viewerClock(member.user).zone;
  const t = await getTranslations("CoachingRequests");
  return (
    <section>
      <PageHeader title={t("title")} back={{ href: `/${org}`, label: t("home") }} description={t("description")} />
      {answered === "accepted" || answered === "declined" ? (
        <Notice tone="success" role="status">
          {t(`answered.${answered}`)}
        </Notice>
      ) : null}
      {requests.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="space-y-4">
          {requests.map((r) => (
            <li key={r.id} id={`request-${r.id}`} className="rounded-md border border-line p-4">
              <p className="mb-2 [overflow-wrap:anywhere]">
                {t.rich("asked", {
                  coach: r.coachName,
                  strong: (chunks) => <strong>{chunks}</strong>,
                  time: () => <Time at={r.createdAt} zone={zone} />,
                })}
              </p>
              <div className="flex flex-wrap gap-3">
                <ActionButton action={acceptRequestAction} fields={{ org, requestId: r.id }} label={t("accept", { name: r.coachName })} />
                <ActionButton
                  action={declineRequestAction}
                  fields={{ org, requestId: r.id }}
                  label={t("decline", { name: r.coachName })}
                  quiet
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
