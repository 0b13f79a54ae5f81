import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { NewCoacheeForm } from "@/components/coachees/coachee-forms";
import { requireMember } from "@/lib/auth/page";
import { addCoacheeAction } from "../actions";

export const metadata: Metadata = { title: "New coachee" };

export default async function NewCoacheePage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  await requireMember(org, "coachees:manage");
  return (
    <section>
      <PageHeader
        title="New coachee"
        back={{ href: `/${org}/coachees`, label: "Coachees" }}
        description="A participant you coach. Someone new becomes your coachee at once; someone who already has an account here is asked to accept you first."
      />
      <NewCoacheeForm org={org} action={addCoacheeAction} />
    </section>
  );
}
