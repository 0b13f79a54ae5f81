"use client";

import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import type { NotificationDelivery } from "@/lib/db/generated/enums";
import { NOTIFICATION_DELIVERY_LABELS, NOTIFICATION_KIND_LABELS } from "@/lib/labels";
import { NOTIFICATION_DELIVERIES, type NotificationKind } from "@/lib/notifications/kinds";
import { HiddenFields } from "@/components/ui/hidden-fields";

const OPTIONS = NOTIFICATION_DELIVERIES.map((d) => ({ value: d, label: NOTIFICATION_DELIVERY_LABELS[d] }));

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
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate className="max-w-xl" aria-label="Notification preferences">
      <HiddenFields fields={{ org }} />
      <FormStatus result={result} />
      {preferences.map((p) => (
        <SelectField
          key={p.kind}
          label={NOTIFICATION_KIND_LABELS[p.kind]}
          name={p.kind}
          id={`preference-${p.kind.replace(".", "-")}`}
          options={OPTIONS}
          defaultValue={p.delivery}
          hint={`Unless you choose: ${NOTIFICATION_DELIVERY_LABELS[p.default].toLowerCase()}.`}
          error={fieldError(result, p.kind)}
        />
      ))}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save preferences"}
      </Button>
    </form>
  );
}
