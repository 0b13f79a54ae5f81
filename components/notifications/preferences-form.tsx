"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import type { NotificationDelivery } from "@/lib/db/generated/enums";
import { NOTIFICATION_DELIVERIES, type NotificationKind } from "@/lib/notifications/kinds";
import { HiddenFields } from "@/components/ui/hidden-fields";

/** A kind's key in the Labels messages, which hold no dots: "goal.created" -> "goalCreated". */
type LabelKey<K extends string> = K extends `${infer A}.${infer B}` ? `${A}${Capitalize<B>}` : K;
const labelKey = (kind: NotificationKind) => kind.replace(/\.(\w)/, (_, c: string) => c.toUpperCase()) as LabelKey<NotificationKind>;

/** One labelled choice per kind of notification: at once by email, in the daily digest, or in the app only. */
export function PreferencesForm({
  org,
  preferences,
  action,
}: {
  org: string;
  preferences: { kind: NotificationKind; delivery: NotificationDelivery; default: NotificationDelivery }[];
  action: FormAction;
}) {
  const t = useTranslations("NotificationCentre.preferences");
  const tl = useTranslations("Labels");
  const options = NOTIFICATION_DELIVERIES.map((d) => ({ value: d, label: tl(`notificationDelivery.${d}`) }));
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate className="max-w-xl" aria-label={t("title")}>
      <HiddenFields fields={{ org }} />
      <FormStatus result={result} />
      {preferences.map((p) => (
        <SelectField
          key={p.kind}
          label={tl(`notificationKind.${labelKey(p.kind)}`)}
          name={p.kind}
          id={`preference-${p.kind.replace(".", "-")}`}
          options={options}
          defaultValue={p.delivery}
          hint={t("unlessYouChoose", { delivery: p.default })}
          error={fieldError(result, p.kind)}
        />
      ))}
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
