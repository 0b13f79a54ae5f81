import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

const CONTROL = "block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-indigo-500 aria-invalid:border-red-500";

type Shared = { label: string; name: string; error?: string; hint?: string };

/** Label, control, hint and error, tied together (aria-describedby); the error is announced when it appears. */
function FieldShell({ label, name, error, hint, id, control }: Shared & { id?: string; control: (a: Record<string, unknown>) => ReactNode }) {
  const inputId = id ?? `field-${name}`;
  const described = [hint ? `${inputId}-hint` : null, error ? `${inputId}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="mb-4">
      <label htmlFor={inputId} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      {control({ id: inputId, name, "aria-invalid": error ? true : undefined, "aria-describedby": described, className: CONTROL })}
      {hint ? (
        <p id={`${inputId}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${inputId}-error`} role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function Field({ label, name, error, hint, id, ...input }: Shared & InputHTMLAttributes<HTMLInputElement>) {
  return <FieldShell {...{ label, name, error, hint, id }} control={(a) => <input {...a} {...input} />} />;
}

export function TextareaField({ label, name, error, hint, id, ...input }: Shared & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <FieldShell {...{ label, name, error, hint, id }} control={(a) => <textarea rows={4} {...a} {...input} />} />;
}

export function SelectField({ label, name, error, hint, id, options, ...input }: Shared & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly string[] }) {
  return (
    <FieldShell
      {...{ label, name, error, hint, id }}
      control={(a) => (
        <select {...a} {...input}>
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
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
        <label htmlFor={inputId} className="text-sm font-medium text-slate-700">
          {label}
        </label>
        {hint ? (
          <p id={`${inputId}-hint`} className="text-xs text-slate-500">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}
