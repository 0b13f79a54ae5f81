import { Field, SelectField } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/list-controls";
import { MEMBERSHIP_STATUS_LABELS, optionsOf } from "@/lib/labels";

const STATUS_OPTIONS = optionsOf(MEMBERSHIP_STATUS_LABELS);

/** The search a group's members are picked from (a GET form: the URL carries it). */
export function CoacheePickerFilter({ q, status }: { q?: string; status?: string }) {
  return (
    <FilterForm
      label="Find coachees for the group"
      filter={{ q, status }}
      filtered={Boolean(q || status)}
      submit="Find"
      className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-4 md:items-end"
    >
      <div className="col-span-2">
        <Field id="pick-q" name="q" type="search" label="Search name or email" defaultValue={q ?? ""} />
      </div>
      <SelectField id="pick-status" name="status" label="Status" defaultValue={status ?? ""} empty="Any" options={STATUS_OPTIONS} />
    </FilterForm>
  );
}
