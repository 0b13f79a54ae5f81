import type { Metadata } from "next";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { Problem, PROBLEM_PRIMARY } from "@/components/shell/problem";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Errors"))("notFoundTitle") };
}

// Outside any organisation (or one this person does not belong to, which must look the same). Next's
// built-in 404 styles itself inline, which the Content-Security-Policy (proxy.ts) refuses.
export default function NotFound() {
  const t = useTranslations("Errors");
  return (
    <main className="p-6">
      <Problem
        title={t("pageNotFound")}
        actions={
          <Link href="/" className={PROBLEM_PRIMARY}>
            {t("goToOrganisation")}
          </Link>
        }
      >
        <p>{t("notFoundExplain")}</p>
      </Problem>
    </main>
  );
}
