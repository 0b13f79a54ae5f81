import { useTranslations } from "next-intl";
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

const CONTROL =
  "block w-full rounded-md border border-line-strong px-3 py-2 text-sm shadow-sm focus:border-primary-focus aria-invalid:border-danger-line";

type Shared = { label: string; name: string; error?: string; hint?: string };

/**
 * Label, control, hint and error, tied together (aria-describedby); the error is announced when it
 * appears. `inline`: no space below, for a control in a row with its button.
 */
function FieldShell({
  label,
  name,
  error,
  hint,
  id,
  inline,
  control,
}: Shared & { id?: string; inline?: boolean; control: (a: Record<string, unknown>) => ReactNode }) {
  const inputId = id ?? `field-${name}`;
  const described = [hint ? `${inputId}-hint` : null, error ? `${inputId}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={inline ? undefined : "mb-4"}>
      <label htmlFor={inputId} className="mb-1 block text-sm font-medium text-body">
        {label}
      </label>
      {control({
        id: inputId,
        name: name || undefined,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": described,
        className: CONTROL,
      })}
      {hint ? (
        <p id={`${inputId}-hint`} className="mt-1 text-xs text-faint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${inputId}-error`} role="alert" className="mt-1 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function Field({ label, name, error, hint, id, ...input }: Shared & InputHTMLAttributes<HTMLInputElement>) {
  return <FieldShell {...{ label, name, error, hint, id }} control={(a) => <input {...a} {...input} />} />;
}

/** An optional calendar day (`dueDate`), as goals, milestones, actions and assessments ask it. */
export function DueDateField({ id, value, error }: { id: string; value?: string | null; error?: string }) {
  const t = useTranslations("Ui");
  return <Field id={id} label={t("dueDateOptional")} name="dueDate" type="date" defaultValue={value ?? undefined} error={error} />;
}

export function TextareaField({ label, name, error, hint, id, ...input }: Shared & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <FieldShell {...{ label, name, error, hint, id }} control={(a) => <textarea rows={4} {...a} {...input} />} />;
}

export type Option = string | { value: string; label: string };

/**
 * A select; `empty` adds a first option with the value "" (for "any" or "none"). An empty `name`
 * leaves it out of the form's data (a choice the form sends another way).
 */
export function SelectField({
  label,
  name,
  error,
  hint,
  id,
  options,
  empty,
  inline,
  ...input
}: Shared & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly Option[]; empty?: string; inline?: boolean }) {
  return (
    <FieldShell
      {...{ label, name, error, hint, id, inline }}
      control={(a) => (
        <select {...a} {...input}>
          {empty !== undefined ? <option value="">{empty}</option> : null}
          {options.map((o) => {
            const { value, label: text } = typeof o === "string" ? { value: o, label: o } : o;
            return (
              <option key={value} value={value}>
                {text}
              </option>
            );
          })}
        </select>
      )}
    />
  );
}

export function CheckboxField({ label, name, hint, id, ...input }: Omit<Shared, "error"> & InputHTMLAttributes<HTMLInputElement>) {
  const inputId = id ?? `field-${name}`;
  return (
    <div className="mb-4 flex items-start gap-2">
      <input type="checkbox" id={inputId} name={name} className="mt-1" aria-describedby={hint ? `${inputId}-hint` : undefined} {...input} />
      <div>
        <label htmlFor={inputId} className="text-sm font-medium text-body">
          {label}
        </label>
        {hint ? (
          <p id={`${inputId}-hint`} className="text-xs text-faint">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** A group of checkboxes sharing one name (several values), with its legend, hint and error. */
export function CheckboxGroup({
  legend,
  name,
  options,
  checked = [],
  hint,
  error,
  empty,
  onToggle,
}: {
  legend: string;
  name: string;
  options: readonly { value: string; label: string }[];
  checked?: readonly string[];
  hint?: string;
  error?: string;
  /** What to say when there is nothing to choose. */
  empty: string;
  /** Told of each tick and untick (a picker that keeps its ticks while its list changes). */
  onToggle?: (value: string, checked: boolean) => void;
}) {
  const id = `group-${name}`;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset
      className="mb-4"
      aria-describedby={described}
      onChange={onToggle ? (e) => e.target instanceof HTMLInputElement && onToggle(e.target.value, e.target.checked) : undefined}
    >
      <legend className="mb-1 text-sm font-medium text-body">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="mb-1 text-xs text-faint">
          {hint}
        </p>
      ) : null}
      {options.length === 0 ? <p className="text-sm text-muted">{empty}</p> : null}
      {options.map((o) => (
        <label key={o.value} className="flex items-center gap-2 text-sm">
          <input type="checkbox" name={name} value={o.value} defaultChecked={checked.includes(o.value)} />
          {o.label}
        </label>
      ))}
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A bordered group of fields under a legend (the plan's settings). */
export function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="mb-4 rounded-md border border-line p-4">
      <legend className="px-1 text-sm font-semibold">{legend}</legend>
      {children}
    </fieldset>
  );
}

/** One choice of several, as radio buttons under a legend; the error is announced when it appears. */
export function RadioGroup({
  legend,
  name,
  options,
  defaultValue,
  required,
  error,
  errorId,
  onChange,
}: {
  legend: string;
  name: string;
  options: readonly { value: string; label: string }[];
  defaultValue?: string;
  required?: boolean;
  error?: string;
  /** The error's id, when something else points at it. */
  errorId?: string;
  onChange?: () => void;
}) {
  const id = errorId ?? `group-${name}-error`;
  return (
    <fieldset className="mb-4" aria-describedby={error ? id : undefined} aria-invalid={error ? true : undefined}>
      <legend className="mb-1 text-sm font-medium text-body">{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            name={name}
            value={o.value}
            defaultChecked={o.value === defaultValue}
            required={required}
            onChange={onChange}
          />{" "}
          {o.label}
        </label>
      ))}
      {error ? (
        <p id={id} role="alert" className="mt-1 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
