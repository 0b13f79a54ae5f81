import { useTranslations } from "next-intl";
import { TextLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

/** "X / Y seats used", with what to do when the organisation is at or over its limit. */
export function SeatCounter({ used, limit, canManagePlan, org }: { used: number; limit: number; canManagePlan: boolean; org: string }) {
  const t = useTranslations("Users.seats");
  const full = used >= limit;
  const over = used > limit ? "yes" : "no";
  return (
    <div className="mt-4">
      <Notice tone={full ? "warning" : "info"} role="status" label={t("label")}>
        <p className="font-medium">{t("used", { used, limit })}</p>
        {full ? (
          <p className="mt-1">
            {canManagePlan
              ? t.rich("fixWithPlan", { over, link: (chunks) => <TextLink href={`/${org}/settings`}>{chunks}</TextLink> })
              : t("fixAskOwner", { over })}
          </p>
        ) : null}
      </Notice>
    </div>
  );
}
