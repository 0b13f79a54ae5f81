import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TextLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { Section } from "@/components/ui/section";
import { EmptyState } from "@/components/ui/empty-state";
import { CreateUnitForm, UnitActions } from "@/components/units/unit-forms";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { db } from "@/lib/db/client";
import { listUnits } from "@/lib/units/units";
import { archiveUnitAction, createUnitAction, moveUnitAction, renameUnitAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Units"))("title") };
}

// Indentation by depth as classes, not a style attribute (the Content-Security-Policy refuses inline
// styles); deeper units stay at the last step, which also keeps them readable on a phone.
const INDENT = ["ms-0", "ms-6", "ms-12", "ms-18", "ms-24", "ms-30"];

export default async function UnitsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await requireMember(org, "units:manage");
  const units = await listUnits(db(), memberActor(member));
  const t = await getTranslations("Units");
  const live = units.filter((u) => !u.archivedAt);
  const parents = live.map((u) => ({ value: u.id, label: u.path }));
  return (
    <section className="space-y-8">
      <PageHeader title={t("title")} description={t("description")} />
      {live.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="space-y-4" aria-label={t("list")}>
          {live.map((u) => (
            <Panel as="li" key={u.id} indent={INDENT[Math.min(u.depth, INDENT.length - 1)]}>
              <h2 className="mb-2 font-medium">
                {u.name}{" "}
                <span className="text-sm font-normal text-faint">
                  · <TextLink href={`/${org}/users?unit=${u.id}`}>{t("members", { count: u.members })}</TextLink>
                </span>
              </h2>
              <UnitActions
                org={org}
                unit={{ id: u.id, name: u.name, parentId: u.parentId ?? "" }}
                parents={parents}
                actions={{ rename: renameUnitAction, move: moveUnitAction, archive: archiveUnitAction }}
              />
            </Panel>
          ))}
        </ul>
      )}
      <CreateUnitForm org={org} parents={parents} action={createUnitAction} />
      {units.length > live.length ? (
        <Section id="archived-heading" title={t("archived")}>
          <ul className="text-sm text-muted">
            {units
              .filter((u) => u.archivedAt)
              .map((u) => (
                <li key={u.id}>{u.path}</li>
              ))}
          </ul>
        </Section>
      ) : null}
    </section>
  );
}
