import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ProgrammeForm } from "@/components/programmes/forms";
import { LinkButton, TextLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { listProgrammesWithCounts } from "@/lib/programmes/programmes";
import { Counts } from "@/components/pathways/counts";
import { createProgrammeAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Programmes"))("title") };
}

export default async function ProgrammesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await requireMember(org, "programmes:view");
  const programmes = await listProgrammesWithCounts(db(), memberActor(member));
  const canManage = can(member.role, "programmes:manage");
  const t = await getTranslations("Programmes");
  return (
    <section className="space-y-8">
      <PageHeader
        title={t("title")}
        actions={
          can(member.role, "pathways:manage") ? (
            <LinkButton href={`/${org}/pathways/new`} variant="primary" aria-label={t("addParticipantLabel")}>
              {t("addParticipant")}
            </LinkButton>
          ) : null
        }
      />
      {programmes.length === 0 ? (
        <EmptyState>{canManage ? t("emptyManage") : t("emptyView")}</EmptyState>
      ) : (
        <ul className="space-y-4" aria-label={t("title")}>
          {programmes.map((p) => (
            <Panel as="li" key={p.id}>
              <h2 className="text-lg font-medium">
                <TextLink href={`/${org}/programmes/${p.id}`}>{p.name}</TextLink>{" "}
                <span className="text-sm font-normal text-faint">· {t("sessionsIncluded", { count: p.sessionsIncluded })}</span>
              </h2>
              <Counts counts={p.counts} />
              {p.cohorts.length ? (
                <ul className="mt-2 ms-4 list-disc text-sm">
                  {p.cohorts.map((c) => (
                    <li key={c.id}>
                      <TextLink href={`/${org}/cohorts/${c.id}`}>{c.name}</TextLink>
                      {c.clientName ? ` (${c.clientName})` : ""}: <Counts counts={c.counts} /> ·{" "}
                      {t("creditBalance", { balance: c.creditBalance })}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="mt-2 text-sm text-muted">{canManage ? t("noCohortsManage") : t("noCohorts")}</p>
              )}
            </Panel>
          ))}
        </ul>
      )}
      {canManage ? <ProgrammeForm org={org} action={createProgrammeAction} /> : null}
    </section>
  );
}
