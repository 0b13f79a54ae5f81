"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { Problem, PROBLEM_PRIMARY } from "@/components/shell/problem";

// Inside the organisation's shell: a page that does not exist here, or an id this member may not see
// (the two look the same on purpose). A non-member never gets here: the layout's 404 is the root one.
export default function OrgNotFound() {
  const t = useTranslations("Errors");
  const org = useParams<{ org: string }>()?.org;
  return (
    <Problem
      title={t("pageNotFound")}
      actions={
        <Link href={org ? `/${org}` : "/"} className={PROBLEM_PRIMARY}>
          {t("goToDashboard")}
        </Link>
      }
    >
      <p>{t("notFoundExplainInOrg")}</p>
    </Problem>
  );
}
