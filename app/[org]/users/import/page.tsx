import type { Metadata } from "next";
import { UploadForm } from "@/components/imports/upload-form";
import { requireMember } from "@/lib/auth/page";
import { TextLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Upload users" };

/** An import of people only: they are invited as participants, without a pathway. */
export default async function UsersImportPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  await requireMember(org, "imports:run");
  return (
    <section className="space-y-6">
      <PageHeader
        back={{ href: `/${org}/users`, label: "Users" }}
        title="Upload users"
        description="Everyone in the file is invited as a participant, without a pathway. To put people on a programme at the same time, upload from the cohort's page."
      />
      <ol className="list-decimal space-y-2 ps-5 text-sm">
        <li>
          <TextLink href={`/${org}/imports/template`} download>
            Download the template
          </TextLink>{" "}
          and fill in username, first_name, last_name and email; the pathway columns may stay empty here.
        </li>
        <li>Upload it. Every row is checked first: green will be invited, yellow is skipped, red needs fixing. Nothing is saved yet.</li>
        <li>Review, then confirm.</li>
      </ol>
      <UploadForm org={org} cohortId="" />
    </section>
  );
}
