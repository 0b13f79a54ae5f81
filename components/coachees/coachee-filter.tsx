import { useTranslations } from "next-intl";
import { Field, SelectField } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/list-controls";
import { MembershipStatus } from "@/lib/db/generated/enums";

/** The search a group's members are picked from (a GET form: the URL carries it). */
export function CoacheePickerFilter({ q, status }: { q?: string; status?: string }) {
  const t = useTranslations("Coachees.picker");
  const tl = useTranslations("Labels");
  return (
    <FilterForm
      label={t("label")}
      filter={{ q, status }}
      filtered={Boolean(q || status)}
      submit={t("find")}
      className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-4 md:items-end"
    >
      <div className="col-span-2">
        <Field id="pick-q" name="q" type="search" label={t("search")} defaultValue={q ?? ""} />
      </div>
      <SelectField
        id="pick-status"
        name="status"
        label={t("status")}
        defaultValue={status ?? ""}
        empty={t("any")}
        options={Object.values(MembershipStatus).map((s) => ({ value: s, label: tl(`membershipState.${s}`) }))}
      />
    </FilterForm>
  );
}
