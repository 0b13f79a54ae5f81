"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { HiddenFields } from "@/components/ui/hidden-fields";

type Option = { value: string; label: string };

function ParentSelect({
  id,
  options,
  defaultValue,
  error,
  label,
}: {
  id: string;
  options: Option[];
  defaultValue: string;
  error?: string;
  label: string;
}) {
  const t = useTranslations("Units");
  return (
    <SelectField label={label} name="parentId" id={id} defaultValue={defaultValue} options={options} empty={t("topLevel")} error={error} />
  );
}

export function CreateUnitForm({ org, parents, action }: { org: string; parents: Option[]; action: FormAction }) {
  const t = useTranslations("Units");
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate aria-labelledby="create-unit-heading" className="max-w-md">
      <h2 id="create-unit-heading" className="mb-3 text-lg font-semibold">
        {t("newUnit")}
      </h2>
      <FormStatus result={result} />
      <HiddenFields fields={{ org }} />
      <Field label={t("name")} name="name" id="new-unit-name" error={fieldError(result, "name")} />
      <div className="mb-4">
        <ParentSelect id="new-unit-parent" label={t("inside")} options={parents} defaultValue="" error={fieldError(result, "parentId")} />
      </div>
      <Button type="submit" disabled={pending}>
        {t("create")}
      </Button>
    </form>
  );
}

/** One unit's row of actions: rename, move, archive. */
export function UnitActions({
  org,
  unit,
  parents,
  actions,
}: {
  org: string;
  unit: { id: string; name: string; parentId: string };
  parents: Option[];
  actions: { rename: FormAction; move: FormAction; archive: FormAction };
}) {
  const t = useTranslations("Units");
  const [renamed, renameProps, renaming] = useFormAction(actions.rename);
  const [moved, moveProps, moving] = useFormAction(actions.move);
  const [archived, archiveProps, archiving] = useFormAction(actions.archive);
  const others = parents.filter((p) => p.value !== unit.id);
  return (
    <div className="grid gap-4 md:grid-cols-3 md:items-end">
      <form {...renameProps} noValidate className="flex items-end gap-2">
        <HiddenFields fields={{ org, unitId: unit.id }} />
        <div className="flex-1">
          <FormStatus result={renamed} />
          <Field
            label={t("newName", { name: unit.name })}
            name="name"
            id={`rename-${unit.id}`}
            defaultValue={unit.name}
            error={fieldError(renamed, "name")}
          />
        </div>
        <div className="mb-4">
          <Button type="submit" disabled={renaming}>
            {t("rename")}
          </Button>
        </div>
      </form>
      <form {...moveProps} noValidate className="flex items-end gap-2">
        <HiddenFields fields={{ org, unitId: unit.id }} />
        <div className="flex-1">
          <FormStatus result={moved} />
          <ParentSelect
            id={`move-${unit.id}`}
            label={t("moveInto", { name: unit.name })}
            options={others}
            defaultValue={unit.parentId}
            error={fieldError(moved, "parentId")}
          />
        </div>
        <div className="mb-4">
          <Button type="submit" disabled={moving}>
            {t("move")}
          </Button>
        </div>
      </form>
      <form {...archiveProps} noValidate className="mb-4">
        <HiddenFields fields={{ org, unitId: unit.id }} />
        <FormStatus result={archived} />
        <Button type="submit" variant="secondary" disabled={archiving}>
          {t("archive", { name: unit.name })}
        </Button>
      </form>
    </div>
  );
}
