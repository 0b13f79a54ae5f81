import type { ActionResult } from "@/lib/actions/action";

/** The outcome of a form's last submission: a success announced politely, an error assertively. */
export function FormStatus({ result }: { result: ActionResult<unknown> | null }) {
  if (!result) return null;
  if (result.ok) {
    return result.message ? (
      <p role="status" className="mb-4 rounded-md bg-green-50 p-3 text-sm text-green-800">
        {result.message}
      </p>
    ) : null;
  }
  return (
    <p role="alert" className="mb-4 rounded-md bg-red-50 p-3 text-sm text-red-800">
      {result.error}
    </p>
  );
}

export function fieldError(result: ActionResult<unknown> | null, name: string): string | undefined {
  return result && !result.ok ? result.fieldErrors?.[name]?.[0] : undefined;
}
