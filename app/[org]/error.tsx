"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { Problem, PROBLEM_PRIMARY, PROBLEM_SECONDARY } from "@/components/shell/problem";

/** Whatever went wrong while showing a page: said plainly, inside the shell, with a way on. */
export default function OrgError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("Errors");
  const org = useParams<{ org: string }>()?.org;
  const home = org ? `/${org}` : "/";
  return (
    <Problem
      alert
      title={t("somethingWrong")}
      actions={
        <>
          <button type="button" onClick={reset} className={PROBLEM_PRIMARY}>
            {t("tryAgain")}
          </button>
          <Link href={home} className={PROBLEM_SECONDARY}>
            {t("goToDashboard")}
          </Link>
        </>
      }
    >
      <p>{t("errorExplain")}</p>
      {/* The digest ties the report to the server's log line; the message itself is never shown. */}
      {error.digest ? <p className="mt-2 text-xs">{t("reference", { digest: error.digest })}</p> : null}
    </Problem>
  );
}
