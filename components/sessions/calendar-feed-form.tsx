"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/**
 * A person's calendar feed: make its secret link (shown here once, right after), make a new one (the old
 * one stops working), or turn it off. `since`: when the current link was made, as the reader writes it.
 */
export function CalendarFeedForm({
  org,
  since,
  create,
  revoke,
}: {
  org: string;
  since: string | null;
  create: FormAction<{ url: string }>;
  revoke: FormAction;
}) {
  const t = useTranslations("Profile.feed");
  const [made, makeProps, making] = useFormAction(create);
  const [revoked, revokeProps, revoking] = useFormAction(revoke);
  const url = made?.ok ? made.data?.url : undefined;
  return (
    <section aria-labelledby="feed-heading" className="max-w-xl space-y-3">
      <h2 id="feed-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-muted">{t("explain")}</p>
      <p className="text-sm">{since ? t("since", { since }) : t("none")}</p>
      <form {...makeProps} noValidate aria-label={since ? t("replace") : t("create")}>
        <HiddenFields fields={{ org }} />
        <FormStatus result={made} />
        <Button type="submit" variant={since ? "secondary" : "primary"} disabled={making}>
          {since ? t("replace") : t("create")}
        </Button>
      </form>
      {url ? <Field label={t("link")} name="feedUrl" readOnly value={url} hint={t("onlyOnce")} /> : null}
      {since ? (
        <form {...revokeProps} noValidate aria-label={t("revoke")}>
          <HiddenFields fields={{ org }} />
          <FormStatus result={revoked} />
          <Button type="submit" variant="danger" disabled={revoking}>
            {t("revoke")}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
