import type { Metadata } from "next";
import { UploadForm } from "@/components/imports/upload-form";
import { requireMember } from "@/lib/auth/page";
import { BackLink } from "@/components/ui/back-link";

export const metadata: Metadata = { title: "Upload users" };

/** An import of people only: they are invited as participants, without a pathway. */
export default async function UsersImportPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  await requireMember(org, "imports:run");
  return (
    <section className="space-y-6">
      <div>
        <BackLink href={`/${org}/users`}>Users</BackLink>
        <h1 className="mt-1 text-2xl font-semibold">Upload users</h1>
        <p className="text-sm text-slate-600">
          Everyone in the file is invited as a participant, without a pathway. To put people on a programme at the same time, upload from the cohort&apos;s page.
        </p>
      </div>
      <ol className="list-decimal space-y-2 pl-5 text-sm">
        <li>
          <a href={`/${org}/imports/template`} download className="text-indigo-700 underline">
            Download the template
          </a>{" "}
          and fill in username, first_name, last_name and email; the pathway columns may stay empty here.
        </li>
        <li>Upload it. Every row is checked first: green will be invited, yellow is skipped, red needs fixing. Nothing is saved yet.</li>
        <li>Review, then confirm.</li>
      </ol>
      <UploadForm org={org} cohortId="" />
    </section>
  );
}
