import { Button, TextLink } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { GetForm } from "@/components/ui/get-form";
import { MEMBERSHIP_STATUS_LABELS, optionsOf } from "@/lib/labels";

const STATUS_OPTIONS = optionsOf(MEMBERSHIP_STATUS_LABELS);

/** The search a group's members are picked from (a GET form: the URL carries it). */
export function CoacheePickerFilter({ q, status }: { q?: string; status?: string }) {
  return (
    <GetForm
      values={{ q, status }}
      role="search"
      aria-label="Find coachees for the group"
      className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-4 md:items-end"
    >
      <div className="col-span-2">
        <Field id="pick-q" name="q" type="search" label="Search name or email" defaultValue={q ?? ""} />
      </div>
      <SelectField id="pick-status" name="status" label="Status" defaultValue={status ?? ""} empty="Any" options={STATUS_OPTIONS} />
      <div className="mb-4 flex items-center gap-3">
        <Button type="submit" variant="secondary">
          Find
        </Button>
        {q || status ? <TextLink href="?">Clear</TextLink> : null}
      </div>
    </GetForm>
  );
}
