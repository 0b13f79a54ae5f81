import type { Metadata } from "next";
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
import { plural } from "@/lib/words";
import { archiveUnitAction, createUnitAction, moveUnitAction, renameUnitAction } from "./actions";

export const metadata: Metadata = { title: "Organisational units" };

// Indentation by depth as classes, not a style attribute (the Content-Security-Policy refuses inline
// styles); deeper units stay at the last step, which also keeps them readable on a phone.
const INDENT = ["ms-0", "ms-6", "ms-12", "ms-18", "ms-24", "ms-30"];

export default async function UnitsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await requireMember(org, "units:manage");
  const units = await listUnits(db(), memberActor(member));
  const live = units.filter((u) => !u.archivedAt);
  const parents = live.map((u) => ({ value: u.id, label: u.path }));
  return (
    <section className="space-y-8">
      <PageHeader
        title="Organisational units"
        description="Units group your people. Filtering the Users list by a unit includes its sub-units."
      />
      {live.length === 0 ? (
        <EmptyState>No units yet. Create your first one below, for example a department or a region.</EmptyState>
      ) : (
        <ul className="space-y-4" aria-label="Units">
          {live.map((u) => (
            <Panel as="li" key={u.id} indent={INDENT[Math.min(u.depth, INDENT.length - 1)]}>
              <h2 className="mb-2 font-medium">
                {u.name}{" "}
                <span className="text-sm font-normal text-faint">
                  · <TextLink href={`/${org}/users?unit=${u.id}`}>{plural(u.members, "member")}</TextLink>
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
        <Section id="archived-heading" title="Archived">
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
