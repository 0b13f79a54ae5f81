import type { Metadata } from "next";
import { UploadForm } from "@/components/imports/upload-form";
import { memberActor } from "@/lib/auth/member";
import { orNotFound, requireMember } from "@/lib/auth/page";
import { db } from "@/lib/db/client";
import { COLUMNS } from "@/lib/imports/parse";
import { cohortFilterSchema, getCohort } from "@/lib/programmes/cohorts";
import { TextLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Upload users" };

export default async function ImportPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const member = await requireMember(org, "imports:run");
  const { cohort } = await orNotFound(getCohort(db(), memberActor(member), id, cohortFilterSchema.parse({})));
  return (
    <section className="space-y-6">
      <PageHeader
        back={{ href: `/${org}/cohorts/${cohort.id}`, label: `${cohort.programme.name} › ${cohort.name}` }}
        title={`Upload users to ${cohort.name}`}
      />
      <ol className="list-decimal space-y-2 ps-5 text-sm">
        <li>
          <TextLink href={`/${org}/imports/template`} download>
            Download the template
          </TextLink>{" "}
          and fill in one person per row: {COLUMNS.join(", ")} (tag is optional). Its first lines explain each column.
        </li>
        <li>
          Upload it here. Every row is checked first: green will be imported, yellow is skipped, red needs fixing. Nothing is saved yet.
        </li>
        <li>Review, then confirm. New people are invited as participants and everyone gets a pathway in this cohort.</li>
      </ol>
      <UploadForm org={org} cohortId={cohort.id} />
    </section>
  );
}
