import type { Metadata } from "next";
import { LinkButton, TextLink } from "@/components/ui/button";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/table";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { listGroups } from "@/lib/coachees/groups";
import { db } from "@/lib/db/client";
import { plural } from "@/lib/words";
import { deleteGroupAction } from "../actions";

export const metadata: Metadata = { title: "Coachee groups" };

export default async function GroupsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await requireMember(org, "coachees:manage");
  const groups = await listGroups(db(), memberActor(member));
  return (
    <section>
      <PageHeader
        title="Coachee groups"
        back={{ href: `/${org}/coachees`, label: "Coachees" }}
        description="Your own groups of coachees, to filter your list by. Nobody else sees them."
        actions={
          <LinkButton href={`/${org}/coachees/groups/new`} variant="primary">
            New group
          </LinkButton>
        }
      />
      <DataTable
        caption="Your groups"
        captionHidden
        rows={groups}
        rowKey={(g) => g.id}
        empty={
          <EmptyState>
            You have no groups yet. <TextLink href={`/${org}/coachees/groups/new`}>Create a group</TextLink> from a search of your coachees.
          </EmptyState>
        }
        columns={[
          {
            header: "Group",
            cell: (g) => (
              <TextLink href={`/${org}/coachees/groups/${g.id}`} strong>
                {g.name}
              </TextLink>
            ),
          },
          { header: "Description", cell: (g) => g.description || "–" },
          {
            header: "Coachees",
            cell: (g) => <TextLink href={`/${org}/coachees?group=${g.id}`}>{plural(g.members, "coachee")}</TextLink>,
          },
          {
            header: "Delete",
            cell: (g) => (
              <ConfirmForm
                action={deleteGroupAction}
                fields={{ org, groupId: g.id }}
                label={`Delete ${g.name}`}
                title={`Delete the group ${g.name}?`}
                explain="The group goes; its coachees stay your coachees."
                confirmLabel="Delete group"
                tone="danger"
                quiet
              />
            ),
          },
        ]}
      />
    </section>
  );
}
